/**
 * Demo meetings a newcomer can click through: for the first few objectives, next week's monitoring
 * meeting (and, for the first one, last week's), each with an agenda built from the data the way a
 * results-center analyst would build it: the follow-up of open commitments first, then one goal
 * review per off-track or at-risk goal, presented by the goal's agency, showing its indicators.
 *
 * The documents go through the real document path: a Y.Doc written with the shared mutation
 * functions, stored as one Yjs update through the DocStore, so the DocHub loads them like any
 * other meeting. Same seed and date → same agendas (item ids aside, which Yjs code draws at random).
 */
import * as Y from 'yjs';
import { meetingDocName } from '../../shared/docNames.ts';
import {
  type AgendaItemFields,
  AgendaItemKind,
  addAgendaItem,
  FOLLOW_UP_ITEM_TITLE,
  getAgendaItem,
  upgradeMeetingDoc,
} from '../../shared/meetingDoc.ts';
import type { GoalSummary, IndicatorSummary, ObjectiveDetail } from '../../shared/performance.ts';
import { addDaysToDate } from '../../shared/periods.ts';
import type { Db } from '../db/database.ts';
import type { MeetingsTable } from '../db/schemas/documents.ts';
import type { DocStore } from '../docs/docStore.ts';
import { hasAnyMeeting, insertMeetingRows } from '../meetings/meetingRows.ts';
import { getObjectiveDetail } from '../performance/objectives.ts';
import { mulberry32, type Random } from './random.ts';

/** How many objectives get a meeting next week; the first of them also gets last week's. */
export const DEMO_MEETING_OBJECTIVES = 4;
const GOAL_REVIEWS = { min: 4, max: 6 } as const;
const TIMEBOX_MINUTES = { min: 10, max: 15 } as const;

export { FOLLOW_UP_ITEM_TITLE as FOLLOW_UP_TITLE };
/** Who "created" the demo meetings, as shown in the meetings list. */
export const DEMO_CREATED_BY = 'demo:results-center';

export interface DemoAgendaItem extends AgendaItemFields {
  notes: string;
}

export interface DemoMeetingPlan {
  meeting: MeetingsTable;
  items: DemoAgendaItem[];
}

export interface DemoMeetingsOptions {
  /** The demo data's date: meetings are held the next weekday, and a week before it. */
  asOf: string;
  seed?: number;
}

/** The first weekday (Monday to Friday) strictly after `date`. */
export function nextWeekday(date: string): string {
  let day = addDaysToDate(date, 1);
  while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDaysToDate(day, 1);
  return day;
}

const fine = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
/** "31.5%", "333 robberies": a decimal only where it means something. */
function withUnit(value: number, unit: string): string {
  const number = (Math.abs(value) >= 100 ? whole : fine).format(value);
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

const SEVERITY: Record<string, number> = { off_track: 0, at_risk: 1 };

/**
 * The goals to review, worst first, taking turns between agencies so that one meeting hears
 * several of them (as in a real stocktake) rather than six goals of the same secretariat.
 */
export function goalsToReview(detail: ObjectiveDetail, count: number): GoalSummary[] {
  const queues = detail.agencies
    .map(({ goals }) =>
      goals
        .filter((goal) => goal.computedStatus in SEVERITY)
        .sort(
          (a, b) => SEVERITY[a.computedStatus]! - SEVERITY[b.computedStatus]! || a.id.localeCompare(b.id),
        ),
    )
    .filter((queue) => queue.length > 0)
    // Agencies with the most off-track goals speak first.
    .sort((a, b) => b.filter(isOffTrack).length - a.filter(isOffTrack).length || b.length - a.length);
  const picked: GoalSummary[] = [];
  for (let round = 0; picked.length < count && queues.some((queue) => queue.length > round); round++) {
    for (const queue of queues) {
      const goal = queue[round];
      if (goal && picked.length < count) picked.push(goal);
    }
  }
  return picked;
}
const isOffTrack = (goal: GoalSummary) => goal.computedStatus === 'off_track';

/** One line for the analyst's notes, from the goal's worst indicator. */
function reviewNote(goal: GoalSummary): string {
  const worst = [...goal.indicators].sort(
    (a, b) => (b.computed.shortfall ?? -1) - (a.computed.shortfall ?? -1),
  )[0];
  if (!worst) return `Ask ${goal.ownerName} how the goal is measured: it has no indicator yet.`;
  const parts = [describeIndicator(worst)];
  const late = goal.indicators.filter((indicator) => indicator.stale);
  if (late.length > 0)
    parts.push(
      `Data late for ${late.length === 1 ? late[0]!.name : `${late.length} indicators`}: chase it first.`,
    );
  parts.push(
    goal.ownerRating && goal.ratingDisagrees
      ? `${goal.ownerName} rates it ${goal.ownerRating.status.replace('_', ' ')}: ask what the data miss.`
      : `Ask ${goal.ownerName} for the recovery plan and a date.`,
  );
  return parts.join(' ');
}

function describeIndicator(indicator: IndicatorSummary): string {
  const { latest, planned } = indicator.computed;
  if (!latest || planned === null) return `${indicator.name}: no data yet.`;
  return `${indicator.name} at ${withUnit(latest.value, indicator.unit)} against a plan of ${withUnit(planned, indicator.unit)} (${latest.period}).`;
}

/** The agenda of one meeting, built from the objective's data as of the meeting's week. */
export function planAgenda(
  detail: ObjectiveDetail,
  random: Random,
  previousMeeting: string | null,
): DemoAgendaItem[] {
  const followUp: DemoAgendaItem = {
    title: FOLLOW_UP_ITEM_TITLE,
    kind: AgendaItemKind.followUp,
    presenterAgency: '',
    timeboxMinutes: 10,
    indicatorIds: [],
    notes: previousMeeting
      ? `Every commitment still open since the meeting of ${previousMeeting}: done, new date, dropped or escalated.`
      : 'First meeting of the series: agree how commitments will be reported back.',
  };
  const reviews = goalsToReview(detail, random.int(GOAL_REVIEWS.min, GOAL_REVIEWS.max)).map(
    (goal): DemoAgendaItem => ({
      title: goal.title.length > 200 ? `${goal.title.slice(0, 199)}…` : goal.title,
      kind: AgendaItemKind.goalReview,
      presenterAgency: goal.agencyId,
      timeboxMinutes: random.int(TIMEBOX_MINUTES.min, TIMEBOX_MINUTES.max),
      indicatorIds: goal.indicators.slice(0, 20).map((indicator) => indicator.id),
      notes: reviewNote(goal),
    }),
  );
  return [followUp, ...reviews];
}

/** A meeting document holding `items`, written with the shared mutation functions. */
export function buildMeetingDoc(items: DemoAgendaItem[]): Y.Doc {
  const doc = new Y.Doc();
  upgradeMeetingDoc(doc);
  for (const { notes, ...fields } of items) {
    const id = addAgendaItem(doc, fields);
    getAgendaItem(doc, id)?.notes.insert(0, notes);
  }
  return doc;
}

/** Plans the demo meetings from the data in `db` (read-only). */
export async function planDemoMeetings(db: Db, options: DemoMeetingsOptions): Promise<DemoMeetingPlan[]> {
  const objectives = await db.kysely
    .selectFrom('objectives')
    .select(['id', 'name'])
    .orderBy('position')
    .orderBy('id')
    .limit(DEMO_MEETING_OBJECTIVES)
    .execute();
  const nextDate = nextWeekday(options.asOf);
  const lastDate = addDaysToDate(nextDate, -7);
  const plans: DemoMeetingPlan[] = [];
  for (const [index, objective] of objectives.entries()) {
    // One generator per meeting, so adding an objective never changes the other agendas.
    const random = mulberry32((options.seed ?? 1) * 1_000 + index);
    const meetingOf = (date: string, items: DemoAgendaItem[]): DemoMeetingPlan => ({
      meeting: {
        id: `demo-${objective.id}-${date}`,
        title: `${objective.name}: weekly monitoring meeting`,
        objective_id: objective.id,
        scheduled_for: date,
        created_at: `${addDaysToDate(date, -4)}T12:00:00.000Z`,
        created_by: DEMO_CREATED_BY,
        phase: 'draft',
        started_at: null,
        closed_at: null,
      },
      items,
    });
    if (index === 0) {
      // Last week's meeting was prepared from last week's data.
      const before = await getObjectiveDetail(db.kysely, objective.id, addDaysToDate(options.asOf, -7));
      plans.push(meetingOf(lastDate, planAgenda(before, random, addDaysToDate(lastDate, -7))));
    }
    const detail = await getObjectiveDetail(db.kysely, objective.id, options.asOf);
    plans.push(meetingOf(nextDate, planAgenda(detail, random, index === 0 ? lastDate : null)));
  }
  return plans;
}

export interface DemoMeetingsSummary {
  meetings: number;
  agendaItems: number;
}

/**
 * Creates the demo meetings, unless the database already has meetings (a second start, or a
 * government that already works in StatRoom). Documents are stored first, in one batch, then the
 * meetings' rows: a listed meeting never points at a document that is not there.
 */
export async function seedDemoMeetings(
  db: Db,
  store: DocStore,
  options: DemoMeetingsOptions,
): Promise<DemoMeetingsSummary> {
  if (await hasAnyMeeting(db)) return { meetings: 0, agendaItems: 0 };
  const plans = await planDemoMeetings(db, options);
  if (plans.length === 0) return { meetings: 0, agendaItems: 0 };
  await store.append(
    plans.map(({ meeting, items }) => ({
      docName: meetingDocName(meeting.id),
      data: Y.encodeStateAsUpdate(buildMeetingDoc(items)),
    })),
  );
  await insertMeetingRows(
    db,
    plans.map((plan) => plan.meeting),
  );
  return {
    meetings: plans.length,
    agendaItems: plans.reduce((sum, plan) => sum + plan.items.length, 0),
  };
}
