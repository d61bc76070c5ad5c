/**
 * Demo meeting agendas, built from the data the way a results-center analyst builds them: the
 * follow-up of open commitments first, then one goal review per off-track or at-risk goal, presented
 * by the goal's agency, showing its indicators. Each objective gets a weekly series: six past weeks
 * (played and closed by `seedMeetings.ts`) and next week's draft. Same seed and date → same
 * agendas (item ids aside, which Yjs code draws at random).
 */
import * as Y from 'yjs';
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
import { getObjectiveDetail } from '../performance/objectives.ts';
import { mulberry32, type Random } from './random.ts';

const GOAL_REVIEWS = { min: 4, max: 6 } as const;
const TIMEBOX_MINUTES = { min: 10, max: 15 } as const;

export { FOLLOW_UP_ITEM_TITLE as FOLLOW_UP_TITLE };
/** Who "created" the demo meetings, as shown in the meetings list. */
export const DEMO_CREATED_BY = 'demo:results-center';

export interface DemoAgendaItem extends AgendaItemFields {
  notes: string;
  /** The goal a goal-review item is about (commitments made during it are about that goal). */
  goal?: GoalSummary;
}

export interface DemoMeetingPlan {
  meeting: MeetingsTable;
  items: DemoAgendaItem[];
  /** A past meeting, held and closed; otherwise the series' next draft. */
  past: boolean;
}

export interface DemoMeetingsOptions {
  /** The demo data's date: the next meetings are held in the days after it, the past ones weekly before. */
  asOf: string;
  seed?: number;
  /** Weeks of closed meetings behind each series (benchmarks ask for more). */
  historyWeeks?: number;
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
      goal,
    }),
  );
  return [followUp, ...reviews];
}

/** A meeting document holding `items`, written with the shared mutation functions. */
export function buildMeetingDoc(items: DemoAgendaItem[]): Y.Doc {
  const doc = new Y.Doc();
  upgradeMeetingDoc(doc);
  for (const { notes, goal: _goal, ...fields } of items) {
    const id = addAgendaItem(doc, fields);
    getAgendaItem(doc, id)?.notes.insert(0, notes);
  }
  return doc;
}

/** How many weeks of closed meetings each demo series has behind it. */
export const DEMO_HISTORY_WEEKS = 6;

/**
 * The date of objective `index`'s next demo meeting: the series spread over the working week, the
 * first one on the next weekday after `asOf`.
 */
export function demoNextMeetingDate(index: number, asOf: string): string {
  let date = nextWeekday(asOf);
  for (let step = 0; step < index % 5; step++) date = nextWeekday(date);
  return date;
}

/**
 * Plans each objective's demo series from the data in `db` (read-only): its past weekly meetings,
 * oldest first, each prepared from the data of its week, then next week's draft.
 */
export async function planDemoMeetings(db: Db, options: DemoMeetingsOptions): Promise<DemoMeetingPlan[]> {
  const objectives = await db.kysely
    .selectFrom('objectives')
    .select(['id', 'name'])
    .orderBy('position')
    .orderBy('id')
    .execute();
  const plans: DemoMeetingPlan[] = [];
  for (const [index, objective] of objectives.entries()) {
    // One generator per series, so adding an objective never changes the other agendas.
    const random = mulberry32((options.seed ?? 1) * 1_000 + index);
    const nextDate = demoNextMeetingDate(index, options.asOf);
    let previous: string | null = null;
    for (let weeksAgo = options.historyWeeks ?? DEMO_HISTORY_WEEKS; weeksAgo >= 0; weeksAgo--) {
      const date = addDaysToDate(nextDate, -7 * weeksAgo);
      // Each meeting is prepared from the data of the day before it (today, for the next one).
      const asOf = weeksAgo === 0 ? options.asOf : addDaysToDate(date, -1);
      const detail = await getObjectiveDetail(db.kysely, objective.id, asOf);
      plans.push({
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
        items: planAgenda(detail, random, previous),
        past: weeksAgo > 0,
      });
      previous = date;
    }
  }
  return plans;
}
