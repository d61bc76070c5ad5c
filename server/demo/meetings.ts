/**
 * Demo meeting agendas, built from the data the way a results-center analyst builds them: the
 * follow-up of open commitments first, then one goal review per off-track or at-risk goal, presented
 * by the goal's agency, showing its indicators. Each objective gets a weekly series: six past weeks
 * (played and closed by `seedMeetings.ts`) and next week's draft. Same seed and date → same
 * agendas (item ids aside, which Yjs code draws at random).
 */
import * as Y from 'yjs';
import { FOLLOW_UP_ITEM_TITLE, upgradeMeetingDoc } from '../../shared/meetingDoc.ts';
import type { GoalSummary, ObjectiveDetail } from '../../shared/performance.ts';
import { addDaysToDate } from '../../shared/periods.ts';
import type { Db } from '../db/database.ts';
import type { MeetingsTable } from '../db/schemas/documents.ts';
import {
  goalsToReview as goalsToReviewFromData,
  type PlannedAgendaItem,
  planAgendaFromData,
  writeAgendaItems,
} from '../meetings/agendaPlan.ts';
import { getObjectiveDetail } from '../performance/objectives.ts';
import { mulberry32, type Random } from './random.ts';

const GOAL_REVIEWS = { min: 4, max: 6 } as const;
/** The demo's agendas review the goals whose data say they are in trouble. */
const DEMO_REVIEW_REASONS = ['off_track', 'at_risk'] as const;

export { FOLLOW_UP_ITEM_TITLE as FOLLOW_UP_TITLE };
/** Who "created" the demo meetings, as shown in the meetings list. */
export const DEMO_CREATED_BY = 'demo:results-center';

/** An agenda item with the analyst's notes; `goal` is what commitments made during it are about. */
export type DemoAgendaItem = PlannedAgendaItem;

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

/**
 * The goals a demo meeting reviews: off track or at risk, worst first, agencies taking turns
 * (`goalsToReview` of the agenda planner, limited to those two reasons).
 */
export function goalsToReview(detail: ObjectiveDetail, count: number): GoalSummary[] {
  return goalsToReviewFromData(detail, count, DEMO_REVIEW_REASONS);
}

/** The agenda of one meeting, built from the objective's data as of the meeting's week. */
export function planAgenda(
  detail: ObjectiveDetail,
  random: Random,
  previousMeeting: string | null,
): DemoAgendaItem[] {
  // The count is drawn first, then each review's time box: the same draws as ever for a seed.
  const maxGoals = random.int(GOAL_REVIEWS.min, GOAL_REVIEWS.max);
  return planAgendaFromData(detail, {
    totalMinutes: Number.POSITIVE_INFINITY,
    random,
    maxGoals,
    reasons: DEMO_REVIEW_REASONS,
    previousMeeting,
  });
}

/** A meeting document holding `items`, written with the shared mutation functions. */
export function buildMeetingDoc(items: DemoAgendaItem[]): Y.Doc {
  const doc = new Y.Doc();
  upgradeMeetingDoc(doc);
  writeAgendaItems(doc, items);
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
