/**
 * Meeting series, one per strategic objective: its cadence (stored in `meeting_series`, or the
 * default until someone saves one), the overview the series page shows, and the creation of the
 * next meeting from the cadence. No HTTP here: errors are `MeetingError`s with stable codes.
 */
import { format, parseISO } from 'date-fns';
import { reason } from '../../shared/errorReasons.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { addDaysToDate, isValidDate, todayDate } from '../../shared/periods.ts';
import {
  defaultSeries,
  type MeetingSeries,
  nextMeetingDate,
  type SeriesInput,
  type SeriesOverview,
} from '../../shared/series.ts';
import type { Db } from '../db/database.ts';
import type { MeetingSeriesTable } from '../db/schemas/meetingCycle.ts';
import { invalidState, MeetingError } from './errors.ts';
import {
  createMeeting,
  findDraftMeeting,
  isMeetingDateInRange,
  latestSeriesMeetingDate,
  listSeriesMeetings,
  MEETING_DATE_RANGE,
  type Meeting,
  MeetingDateTaken,
  nameDateConflict,
} from './meetingRows.ts';

export { findDraftMeeting };

/** Objective names may be 300 characters; meeting titles are edited under a 200-character limit. */
const MAX_NAME_IN_TITLE = 170;

const noSuchObjective = (id: string) =>
  new MeetingError(ErrorCode.notFound, `No objective ${id}`, reason('noObjective', { id }));

async function getObjective(db: Db, objectiveId: string): Promise<{ id: string; name: string }> {
  let query = db.kysely.selectFrom('objectives').select(['id', 'name']).where('id', '=', objectiveId);
  // Two "create next meeting" at once (a double click, the close command) queue on the objective's
  // row on PostgreSQL; SQLite's IMMEDIATE transactions already run one at a time.
  if (db.dialect === 'postgres' && db.kysely.isTransaction) query = query.forUpdate();
  const objective = await query.executeTakeFirst();
  if (!objective) throw noSuchObjective(objectiveId);
  return objective;
}

function parseAgencyIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    // A damaged row must not make the series page unreadable; saving again repairs it.
    return [];
  }
}

const toSeries = (row: MeetingSeriesTable): MeetingSeries => ({
  objectiveId: row.objective_id,
  cadence: row.cadence,
  intervalWeeks: row.interval_weeks,
  weekday: row.weekday,
  startTime: row.start_time,
  durationMinutes: row.duration_minutes,
  usualAgencyIds: parseAgencyIds(row.usual_agency_ids),
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

async function readSeries(db: Db, objectiveId: string): Promise<MeetingSeries> {
  const row = await db.kysely
    .selectFrom('meeting_series')
    .selectAll()
    .where('objective_id', '=', objectiveId)
    .executeTakeFirst();
  return row ? toSeries(row) : defaultSeries(objectiveId);
}

/** The objective's series: the saved one, or `defaultSeries`. `not_found` for an unknown objective. */
export async function getSeries(db: Db, objectiveId: string): Promise<MeetingSeries> {
  await getObjective(db, objectiveId);
  return readSeries(db, objectiveId);
}

/**
 * Saves (creates or replaces) the objective's series. `input` is already validated by
 * `seriesInputSchema`; each usual agency must exist, else `invalid_payload` naming the unknown ids.
 */
export async function saveSeries(
  db: Db,
  objectiveId: string,
  input: SeriesInput,
  userId: string,
): Promise<MeetingSeries> {
  await getObjective(db, objectiveId);
  if (input.usualAgencyIds.length > 0) {
    const known = await db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('id', 'in', input.usualAgencyIds)
      .execute();
    const knownIds = new Set(known.map((agency) => agency.id));
    const unknown = input.usualAgencyIds.filter((id) => !knownIds.has(id));
    if (unknown.length > 0) {
      throw new MeetingError(
        ErrorCode.invalidPayload,
        `usualAgencyIds: no agency ${unknown.join(', ')}`,
        reason('noAgency', { id: unknown.join(', ') }),
      );
    }
  }
  const row: MeetingSeriesTable = {
    objective_id: objectiveId,
    cadence: input.cadence,
    interval_weeks: input.intervalWeeks,
    weekday: input.weekday,
    start_time: input.startTime,
    duration_minutes: input.durationMinutes,
    usual_agency_ids: JSON.stringify(input.usualAgencyIds),
    updated_at: new Date().toISOString(),
    updated_by: userId,
  };
  const { objective_id: _key, ...changes } = row;
  await db.kysely
    .insertInto('meeting_series')
    .values(row)
    .onConflict((conflict) => conflict.column('objective_id').doUpdateSet(changes))
    .execute();
  return toSeries(row);
}

/**
 * What the series page shows. `today` (`YYYY-MM-DD`, by default the server's calendar day) decides
 * which draft or live meeting is the next one.
 */
export async function seriesOverview(
  db: Db,
  objectiveId: string,
  today: string = todayDate(),
): Promise<SeriesOverview> {
  const objective = await getObjective(db, objectiveId);
  const [series, meetings] = await Promise.all([
    readSeries(db, objectiveId),
    listSeriesMeetings(db, objectiveId),
  ]);
  const lastClosed = meetings.find((meeting) => meeting.phase === 'closed');
  // Newest first, so the last match is the earliest upcoming one.
  const upcoming = meetings.filter((meeting) => meeting.phase !== 'closed' && meeting.scheduledFor >= today);
  return {
    series,
    objective,
    meetings,
    lastReviewedOn: lastClosed?.scheduledFor ?? null,
    nextMeeting: upcoming.at(-1) ?? null,
  };
}

/** 'Tue 8 Dec 2026', as the meeting pages write dates (a calendar day: no time zone involved). */
const titleDate = (date: string): string => format(parseISO(date), 'EEE d MMM yyyy');

function meetingTitle(objectiveName: string, date: string): string {
  const name =
    objectiveName.length > MAX_NAME_IN_TITLE
      ? `${objectiveName.slice(0, MAX_NAME_IN_TITLE)}…`
      : objectiveName;
  return `${name} — ${titleDate(date)}`;
}

export interface CreateNextMeetingOptions {
  /** Create even if the series already has a draft meeting (refused with `invalid_state` otherwise). */
  allowSecondDraft?: boolean;
}

/**
 * Creates the series' next meeting as a draft titled `<objective> — Tue 8 Dec 2026`, on
 * `nextMeetingDate(series, max(today − 1 day, latest meeting date of the series))`: never in the
 * past (today itself when it fits the cadence) and never before an existing meeting.
 *
 * `today` is the caller's calendar day, `YYYY-MM-DD`. Refuses with `invalid_state` when the series
 * already has a draft (naming it) unless `allowSecondDraft`, or when no date can be planned (the
 * latest meeting is dated after 2999, or the date is past `MEETING_DATE_RANGE`); `not_found` for an
 * unknown objective; `conflict` if a meeting was put on that date an instant before (by hand). The
 * check and the insert run in one transaction, so two calls at once create one draft.
 */
export async function createNextMeeting(
  db: Db,
  objectiveId: string,
  createdBy: string,
  today: string,
  options: CreateNextMeetingOptions = {},
): Promise<Meeting> {
  if (!isValidDate(today)) throw new RangeError(`today is not a date (YYYY-MM-DD): ${today}`);
  try {
    return await createNextMeetingIn(db, objectiveId, createdBy, today, options);
  } catch (error) {
    // The unique index refused the date inside the transaction: name the meeting that holds it.
    if (error instanceof MeetingDateTaken) throw await nameDateConflict(db, error);
    throw error;
  }
}

function createNextMeetingIn(
  db: Db,
  objectiveId: string,
  createdBy: string,
  today: string,
  options: CreateNextMeetingOptions,
): Promise<Meeting> {
  return db.kysely.transaction().execute(async (trx) => {
    const tx: Db = { ...db, kysely: trx };
    const objective = await getObjective(tx, objectiveId);
    if (!options.allowSecondDraft) {
      const draft = await findDraftMeeting(tx, objectiveId);
      if (draft) {
        throw invalidState(
          `The series already has a draft meeting: “${draft.title}” on ${draft.scheduledFor} (${draft.id}); prepare that one first`,
          reason('seriesHasDraft', { title: draft.title, date: draft.scheduledFor }),
        );
      }
    }
    const [series, latest] = await Promise.all([
      readSeries(tx, objectiveId),
      latestSeriesMeetingDate(tx, objectiveId),
    ]);
    const yesterday = addDaysToDate(today, -1);
    const after = latest !== null && latest > yesterday ? latest : yesterday;
    let scheduledFor: string;
    try {
      scheduledFor = nextMeetingDate(series, after);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw invalidState(
        `No next meeting can be planned after ${after}: ${error.message}`,
        reason('noNextMeeting', { after }),
      );
    }
    if (!isMeetingDateInRange(scheduledFor)) {
      throw invalidState(
        `No next meeting can be planned after ${after}: ${scheduledFor} is past ${MEETING_DATE_RANGE.last}`,
        reason('nextMeetingPastRange', { after, date: scheduledFor, last: MEETING_DATE_RANGE.last }),
      );
    }
    return createMeeting(
      tx,
      { title: meetingTitle(objective.name, scheduledFor), scheduledFor, objectiveId },
      createdBy,
    );
  });
}
