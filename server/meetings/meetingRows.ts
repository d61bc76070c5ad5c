/**
 * The one owner of the `meetings` table (meetings' metadata; the content lives in the meeting's
 * documents). Routes, commands, authorization and the demo all read and write meetings here.
 */
import { randomUUID } from 'node:crypto';
import { meetingDocName } from '../../shared/docNames.ts';
import { reason } from '../../shared/errorReasons.ts';
import { ErrorCode } from '../../shared/errors.ts';
import type { Meeting } from '../../shared/meetings.ts';
import type { Db } from '../db/database.ts';
import type { MeetingsTable } from '../db/schemas/documents.ts';
import { objectiveExists } from '../ledger/references.ts';
import { MeetingError, noSuchMeeting } from './errors.ts';

export type { Meeting, MeetingsTable };

export interface NewMeeting {
  title: string;
  /** `YYYY-MM-DD`. */
  scheduledFor: string;
  objectiveId?: string | null | undefined;
}

export interface MeetingPatch {
  title?: string | undefined;
  scheduledFor?: string | undefined;
}

/**
 * The dates a meeting may be scheduled on (`YYYY-MM-DD`, both included): a typo such as 1999 or
 * 2206 is refused instead of becoming a meeting nobody finds again.
 */
export const MEETING_DATE_RANGE = { first: '2000-01-01', last: '2100-12-31' } as const;

export const isMeetingDateInRange = (date: string): boolean =>
  date >= MEETING_DATE_RANGE.first && date <= MEETING_DATE_RANGE.last;

/** `invalid_payload` for a date outside `MEETING_DATE_RANGE`. */
export function checkMeetingDate(date: string): void {
  if (!isMeetingDateInRange(date)) {
    throw new MeetingError(
      ErrorCode.invalidPayload,
      `scheduledFor: ${date} is outside ${MEETING_DATE_RANGE.first} … ${MEETING_DATE_RANGE.last}`,
      reason('meetingDateOutOfRange', { value: date, ...MEETING_DATE_RANGE }),
    );
  }
}

/**
 * `conflict`: the objective's series already has a meeting on that date (one meeting per series and
 * day; the database enforces it too, see migration 009). Names the meeting when it is known.
 */
export class MeetingDateTaken extends MeetingError {
  readonly objectiveId: string;
  readonly scheduledFor: string;

  constructor(objectiveId: string, scheduledFor: string, existing: Meeting | null) {
    super(
      ErrorCode.conflict,
      existing
        ? `The series already has a meeting on ${scheduledFor}: “${existing.title}” (${existing.id})`
        : `The series already has a meeting on ${scheduledFor}`,
      existing
        ? reason('meetingDateTaken', { date: scheduledFor, title: existing.title })
        : reason('meetingDateTakenUnnamed', { date: scheduledFor }),
    );
    this.objectiveId = objectiveId;
    this.scheduledFor = scheduledFor;
  }
}

/** A unique index refused the row (better-sqlite3's and PostgreSQL's codes). */
const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
};

/**
 * The `MeetingDateTaken` for a write the unique index refused. Inside a transaction nothing more
 * can be read (PostgreSQL aborts it), so the meeting is named later by `nameDateConflict`.
 */
async function dateTakenAfterViolation(db: Db, objectiveId: string, date: string): Promise<MeetingDateTaken> {
  if (db.kysely.isTransaction) return new MeetingDateTaken(objectiveId, date, null);
  return new MeetingDateTaken(objectiveId, date, await findMeetingOn(db, objectiveId, date));
}

/** The same error naming the meeting that holds the date (read outside the failed transaction). */
export async function nameDateConflict(db: Db, error: MeetingDateTaken): Promise<MeetingDateTaken> {
  const existing = await findMeetingOn(db, error.objectiveId, error.scheduledFor);
  return existing ? new MeetingDateTaken(error.objectiveId, error.scheduledFor, existing) : error;
}

export const toMeeting = (row: MeetingsTable): Meeting => ({
  id: row.id,
  title: row.title,
  objectiveId: row.objective_id,
  scheduledFor: row.scheduled_for,
  createdAt: row.created_at,
  createdBy: row.created_by,
  phase: row.phase,
  startedAt: row.started_at,
  closedAt: row.closed_at,
  docName: meetingDocName(row.id),
});

/** Every meeting, newest date first. */
export async function listMeetings(db: Db): Promise<Meeting[]> {
  const rows = await db.kysely
    .selectFrom('meetings')
    .selectAll()
    .orderBy('scheduled_for', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toMeeting);
}

export async function findMeeting(db: Db, id: string): Promise<Meeting | null> {
  const row = await db.kysely.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMeeting(row) : null;
}

/** The meeting, or a `not_found` MeetingError. */
export async function getMeeting(db: Db, id: string): Promise<Meeting> {
  const meeting = await findMeeting(db, id);
  if (!meeting) throw noSuchMeeting(id);
  return meeting;
}

export async function meetingExists(db: Db, id: string): Promise<boolean> {
  const row = await db.kysely.selectFrom('meetings').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function hasAnyMeeting(db: Db): Promise<boolean> {
  return (await db.kysely.selectFrom('meetings').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** The meeting of an objective's series on `date`, other than `exceptId`, or null. */
export async function findMeetingOn(
  db: Db,
  objectiveId: string,
  date: string,
  exceptId?: string,
): Promise<Meeting | null> {
  let query = db.kysely
    .selectFrom('meetings')
    .selectAll()
    .where('objective_id', '=', objectiveId)
    .where('scheduled_for', '=', date);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  const row = await query.orderBy('created_at').orderBy('id').executeTakeFirst();
  return row ? toMeeting(row) : null;
}

/**
 * Creates a draft meeting. Refuses a date outside `MEETING_DATE_RANGE` and an unknown objective
 * (`invalid_payload`), and a second meeting of the series on one date (`MeetingDateTaken`, also
 * when another request inserted it an instant before: the unique index decides).
 */
export async function createMeeting(db: Db, input: NewMeeting, createdBy: string): Promise<Meeting> {
  checkMeetingDate(input.scheduledFor);
  const objectiveId = input.objectiveId ?? null;
  if (objectiveId !== null) {
    if (!(await objectiveExists(db, objectiveId)))
      throw new MeetingError(
        ErrorCode.invalidPayload,
        `objectiveId: no objective ${objectiveId}`,
        reason('noObjective', { id: objectiveId }),
      );
    const existing = await findMeetingOn(db, objectiveId, input.scheduledFor);
    if (existing) throw new MeetingDateTaken(objectiveId, input.scheduledFor, existing);
  }
  const row: MeetingsTable = {
    id: randomUUID(),
    title: input.title,
    objective_id: input.objectiveId ?? null,
    scheduled_for: input.scheduledFor,
    created_at: new Date().toISOString(),
    created_by: createdBy,
    phase: 'draft',
    started_at: null,
    closed_at: null,
  };
  try {
    await db.kysely.insertInto('meetings').values(row).execute();
  } catch (error) {
    if (objectiveId !== null && isUniqueViolation(error))
      throw await dateTakenAfterViolation(db, objectiveId, input.scheduledFor);
    throw error;
  }
  return toMeeting(row);
}

/** Inserts prepared rows as they are (the demo seeds meetings with chosen ids and dates). */
export async function insertMeetingRows(db: Db, rows: MeetingsTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db.kysely.insertInto('meetings').values(rows).execute();
}

/**
 * Renames or reschedules; throws `not_found` for an unknown meeting, `invalid_payload` for a date
 * outside `MEETING_DATE_RANGE`, `MeetingDateTaken` for a date another meeting of the series has.
 */
export async function updateMeeting(db: Db, id: string, patch: MeetingPatch): Promise<Meeting> {
  const values: Partial<MeetingsTable> = {};
  if (patch.title !== undefined) values.title = patch.title;
  let objectiveId: string | null = null;
  if (patch.scheduledFor !== undefined) {
    checkMeetingDate(patch.scheduledFor);
    objectiveId = (await getMeeting(db, id)).objectiveId;
    if (objectiveId !== null) {
      const existing = await findMeetingOn(db, objectiveId, patch.scheduledFor, id);
      if (existing) throw new MeetingDateTaken(objectiveId, patch.scheduledFor, existing);
    }
    values.scheduled_for = patch.scheduledFor;
  }
  if (Object.keys(values).length > 0) {
    let result: { numUpdatedRows: bigint };
    try {
      result = await db.kysely.updateTable('meetings').set(values).where('id', '=', id).executeTakeFirst();
    } catch (error) {
      if (objectiveId !== null && patch.scheduledFor !== undefined && isUniqueViolation(error))
        throw await dateTakenAfterViolation(db, objectiveId, patch.scheduledFor);
      throw error;
    }
    if (result.numUpdatedRows === 0n) throw noSuchMeeting(id);
  }
  return getMeeting(db, id);
}

/**
 * Deletes a draft meeting's row; false if there is no such draft (gone, or started meanwhile: the
 * phase is checked in the delete). Its documents are dropped by the caller (`deleteMeeting.ts`).
 */
export async function deleteDraftMeetingRow(db: Db, id: string): Promise<boolean> {
  const result = await db.kysely
    .deleteFrom('meetings')
    .where('id', '=', id)
    .where('phase', '=', 'draft')
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Copies a meeting's phase from its live state after a command (the document stays the truth). */
export async function recordMeetingPhase(
  db: Db,
  id: string,
  live: { phase: Meeting['phase']; startedAt: number | null; closedAt: number | null },
): Promise<void> {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  await db.kysely
    .updateTable('meetings')
    .set({ phase: live.phase, started_at: iso(live.startedAt), closed_at: iso(live.closedAt) })
    .where('id', '=', id)
    .execute();
}

/** The meetings of one objective's series, newest date first (the series page's list). */
export async function listSeriesMeetings(db: Db, objectiveId: string): Promise<Meeting[]> {
  const rows = await db.kysely
    .selectFrom('meetings')
    .selectAll()
    .where('objective_id', '=', objectiveId)
    .orderBy('scheduled_for', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toMeeting);
}

/** The earliest draft meeting of an objective's series (by date, then creation), or null. */
export async function findDraftMeeting(db: Db, objectiveId: string): Promise<Meeting | null> {
  const row = await db.kysely
    .selectFrom('meetings')
    .selectAll()
    .where('objective_id', '=', objectiveId)
    .where('phase', '=', 'draft')
    .orderBy('scheduled_for')
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return row ? toMeeting(row) : null;
}

/** The date (`YYYY-MM-DD`) of the latest meeting of an objective's series, or null if none. */
export async function latestSeriesMeetingDate(db: Db, objectiveId: string): Promise<string | null> {
  const row = await db.kysely
    .selectFrom('meetings')
    .select((eb) => eb.fn.max('scheduled_for').as('latest'))
    .where('objective_id', '=', objectiveId)
    .executeTakeFirst();
  return row?.latest ?? null;
}
