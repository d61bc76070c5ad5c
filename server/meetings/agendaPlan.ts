/**
 * Where a meeting's agenda starts from, one implementation for the demo and the API: the last
 * meeting's agenda of the series (`copyAgenda`), or the objective's data (`planAgendaFromData`: the
 * follow-up of open commitments first, then one review per goal worth discussing, presented by the
 * goal's agency, showing its indicators, within a total time).
 */
import type * as Y from 'yjs';
import { meetingDocName } from '../../shared/docNames.ts';
import {
  type AgendaItem,
  type AgendaItemFields,
  AgendaItemKind,
  addAgendaItem,
  FOLLOW_UP_ITEM_TITLE,
  getAgendaItem,
  MAX_INDICATORS_PER_ITEM,
  readAgenda,
} from '../../shared/meetingDoc.ts';
import type { Meeting } from '../../shared/meetings.ts';
import type { GoalSummary, IndicatorSummary, ObjectiveDetail } from '../../shared/performance.ts';
import { todayDate } from '../../shared/periods.ts';
import { appendNotesText } from '../../shared/richNotes.ts';
import type { Db } from '../db/database.ts';
import type { DocHub } from '../docs/docHub.ts';
import { getObjectiveDetail } from '../performance/objectives.ts';
import { listSeriesMeetings } from './meetingRows.ts';

/** The follow-up item's time box when built from the data (the API; the demo too). */
export const FOLLOW_UP_MINUTES = 10;
/** The follow-up item's time box when an agenda is copied. */
export const COPIED_FOLLOW_UP_MINUTES = 15;
/** A goal review's time box when no `random` draws it. */
export const GOAL_REVIEW_MINUTES = 12;
/** The total times the API accepts for an agenda built from the data. */
export const AGENDA_TOTAL_MINUTES = { min: 30, max: 240 } as const;

/** Why a goal is worth reviewing, most pressing first. */
export const REVIEW_REASONS = ['off_track', 'at_risk', 'disagrees', 'stale'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** An agenda item to write, with the analyst's notes. */
export interface PlannedAgendaItem extends AgendaItemFields {
  notes: string;
  /** The goal a goal-review item is about. */
  goal?: GoalSummary;
}

/** What draws the time boxes (the demo's seeded generator); only `int` is used. */
export interface TimeboxRandom {
  int(min: number, max: number): number;
}

export interface PlanFromDataOptions {
  /** The agenda's total time box: no item is added that would exceed it. */
  totalMinutes: number;
  /** Draws each goal review's time box in 10–15 min; without it, `GOAL_REVIEW_MINUTES`. */
  random?: TimeboxRandom;
  /** At most this many goal reviews. */
  maxGoals?: number;
  /** Which reasons make a goal worth reviewing (default: all, in `REVIEW_REASONS` order). */
  reasons?: readonly ReviewReason[];
  /** The date of the series' previous meeting, for the follow-up's notes. */
  previousMeeting?: string | null;
}

const RANDOM_TIMEBOX = { min: 10, max: 15 } as const;

/** The most pressing reason to review `goal` among `reasons` (its rank there), or -1. */
function reasonRank(goal: GoalSummary, reasons: readonly ReviewReason[]): number {
  return reasons.findIndex((reason) => HAS_REASON[reason](goal));
}
const HAS_REASON: Record<ReviewReason, (goal: GoalSummary) => boolean> = {
  off_track: (goal) => goal.computedStatus === 'off_track',
  at_risk: (goal) => goal.computedStatus === 'at_risk',
  disagrees: (goal) => goal.ratingDisagrees,
  stale: (goal) => goal.indicators.some((indicator) => indicator.stale),
};

/**
 * The goals to review, most pressing first, each once, taking turns between agencies so that one
 * meeting hears several of them (as in a real stocktake) rather than six goals of the same
 * secretariat. Agencies with the most off-track goals speak first.
 */
export function goalsToReview(
  detail: ObjectiveDetail,
  count: number = Number.POSITIVE_INFINITY,
  reasons: readonly ReviewReason[] = REVIEW_REASONS,
): GoalSummary[] {
  const seen = new Set<string>();
  const queues = detail.agencies
    .map(({ goals }) =>
      goals
        .filter((goal) => !seen.has(goal.id) && seen.add(goal.id) && reasonRank(goal, reasons) >= 0)
        .map((goal) => ({ goal, rank: reasonRank(goal, reasons) }))
        .sort((a, b) => a.rank - b.rank || a.goal.id.localeCompare(b.goal.id))
        .map(({ goal }) => goal),
    )
    .filter((queue) => queue.length > 0)
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

const fine = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
/** "31.5%", "333 robberies": a decimal only where it means something. */
function withUnit(value: number, unit: string): string {
  const number = (Math.abs(value) >= 100 ? whole : fine).format(value);
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

function describeIndicator(indicator: IndicatorSummary): string {
  const { latest, planned } = indicator.computed;
  if (!latest || planned === null) return `${indicator.name}: no data yet.`;
  return `${indicator.name} at ${withUnit(latest.value, indicator.unit)} against a plan of ${withUnit(planned, indicator.unit)} (${latest.period}).`;
}

/** One line for the analyst's notes, from the goal's worst indicator. */
export function reviewNote(goal: GoalSummary): string {
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

/** The follow-up item, with a note naming the previous meeting. */
export function followUpItem(previousMeeting: string | null, timeboxMinutes: number): PlannedAgendaItem {
  return {
    title: FOLLOW_UP_ITEM_TITLE,
    kind: AgendaItemKind.followUp,
    presenterAgency: '',
    timeboxMinutes,
    indicatorIds: [],
    notes: previousMeeting
      ? `Every commitment still open since the meeting of ${previousMeeting}: done, new date, dropped or escalated.`
      : 'First meeting of the series: agree how commitments will be reported back.',
  };
}

/**
 * An agenda built from the objective's data: the follow-up first, then the goals off track, at
 * risk, whose owner's rating disagrees with the data, or whose data are late (each once, agencies
 * taking turns), until the next item would exceed `totalMinutes`.
 */
export function planAgendaFromData(
  detail: ObjectiveDetail,
  options: PlanFromDataOptions,
): PlannedAgendaItem[] {
  const followUp = followUpItem(options.previousMeeting ?? null, FOLLOW_UP_MINUTES);
  if (followUp.timeboxMinutes > options.totalMinutes) return [];
  const items = [followUp];
  let used = followUp.timeboxMinutes;
  for (const goal of goalsToReview(detail, options.maxGoals, options.reasons)) {
    const timeboxMinutes = options.random
      ? options.random.int(RANDOM_TIMEBOX.min, RANDOM_TIMEBOX.max)
      : GOAL_REVIEW_MINUTES;
    if (used + timeboxMinutes > options.totalMinutes) break;
    used += timeboxMinutes;
    items.push({
      title: goal.title.length > 200 ? `${goal.title.slice(0, 199)}…` : goal.title,
      kind: AgendaItemKind.goalReview,
      presenterAgency: goal.agencyId,
      timeboxMinutes,
      indicatorIds: goal.indicators.slice(0, MAX_INDICATORS_PER_ITEM).map((indicator) => indicator.id),
      notes: reviewNote(goal),
      goal,
    });
  }
  return items;
}

/**
 * The agenda of a meeting that starts from `fromItems` (the series' previous agenda): the
 * follow-up first, then the other items in order, notes left behind. Its follow-up needs nothing
 * copied: it is queried from the ledger.
 */
export function copyAgenda(fromItems: readonly AgendaItemFields[]): PlannedAgendaItem[] {
  const items: PlannedAgendaItem[] = [
    {
      title: FOLLOW_UP_ITEM_TITLE,
      kind: AgendaItemKind.followUp,
      presenterAgency: '',
      timeboxMinutes: COPIED_FOLLOW_UP_MINUTES,
      indicatorIds: [],
      notes: '',
    },
  ];
  for (const item of fromItems) {
    if (item.kind === AgendaItemKind.followUp) continue;
    const { title, kind, presenterAgency, timeboxMinutes, indicatorIds } = item;
    items.push({ title, kind, presenterAgency, timeboxMinutes, indicatorIds: [...indicatorIds], notes: '' });
  }
  return items;
}

/** Appends `items` to a meeting document, with their notes, through the shared mutations. */
export function writeAgendaItems(doc: Y.Doc, items: readonly PlannedAgendaItem[]): void {
  for (const { notes, goal: _goal, ...fields } of items) {
    const id = addAgendaItem(doc, fields);
    const item = getAgendaItem(doc, id);
    if (item) appendNotesText(item.notes, notes);
  }
}

/** Where `POST /api/meetings` starts a meeting's agenda from. */
export type AgendaStart = { from: 'empty' } | { from: 'last' } | { from: 'data'; totalMinutes: number };

/** The series' meeting before `meeting` (by date, then creation), or null. */
async function previousSeriesMeeting(db: Db, meeting: Meeting): Promise<Meeting | null> {
  if (meeting.objectiveId === null) return null;
  const series = await listSeriesMeetings(db, meeting.objectiveId);
  return series.find((other) => other.id !== meeting.id && other.scheduledFor < meeting.scheduledFor) ?? null;
}

/**
 * The starting agenda of the new `meeting` (of an objective's series), written to its document
 * through the hub. Returns the items written.
 */
export async function writeStartingAgenda(
  db: Db,
  hub: DocHub,
  meeting: Meeting,
  start: AgendaStart,
  now: number,
): Promise<PlannedAgendaItem[]> {
  if (start.from === 'empty' || meeting.objectiveId === null) return [];
  const previous = await previousSeriesMeeting(db, meeting);
  let items: PlannedAgendaItem[];
  if (start.from === 'last') {
    const fromItems: AgendaItem[] = previous ? await hub.read(meetingDocName(previous.id), readAgenda) : [];
    items = copyAgenda(fromItems);
  } else {
    const detail = await getObjectiveDetail(db.kysely, meeting.objectiveId, todayDate(new Date(now)));
    items = planAgendaFromData(detail, {
      totalMinutes: start.totalMinutes,
      previousMeeting: previous?.scheduledFor ?? null,
    });
  }
  await hub.change(meetingDocName(meeting.id), (doc) => writeAgendaItems(doc, items));
  return items;
}
