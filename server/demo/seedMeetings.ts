/**
 * Seeds the demo meeting series: for each objective, six weeks of meetings held and closed (their
 * data pinned, commitments captured and reviewed, in the ledger) and next week's draft, whose
 * follow-up already lists what is still open. Everything goes through the real document path:
 * Y.Docs written with the shared functions, stored through the DocStore, loaded by the DocHub like
 * any other; the commitments read model is rebuilt from the ledgers when the app starts.
 */
import * as Y from 'yjs';
import { ledgerDocName, meetingDocName, meetingLiveDocName } from '../../shared/docNames.ts';
import { readAgenda } from '../../shared/meetingDoc.ts';
import { periodEndDate } from '../../shared/periods.ts';
import type { PinnedPoint } from '../../shared/pinnedData.ts';
import { Cadence } from '../../shared/series.ts';
import type { Db } from '../db/database.ts';
import type { DocStore, StoredUpdate } from '../docs/docStore.ts';
import { hasAnyMeeting, insertMeetingRows } from '../meetings/meetingRows.ts';
import { loadSeriesToPin } from '../meetings/pinnedData.ts';
import { saveSeries } from '../meetings/series.ts';
import { type DemoGoal, type PastMeeting, playSeriesHistory } from './history.ts';
import {
  buildMeetingDoc,
  DEMO_CREATED_BY,
  type DemoMeetingPlan,
  type DemoMeetingsOptions,
  planDemoMeetings,
} from './meetings.ts';
import { mulberry32 } from './random.ts';

export interface DemoMeetingsSummary {
  meetings: number;
  agendaItems: number;
  commitments: number;
}

const EMPTY: DemoMeetingsSummary = { meetings: 0, agendaItems: 0, commitments: 0 };

/** The points of each indicator on the agenda whose period had ended before the meeting. */
function pinsBefore(
  plan: DemoMeetingPlan,
  allPoints: ReadonlyMap<string, PinnedPoint[]>,
): Map<string, PinnedPoint[]> {
  const pins = new Map<string, PinnedPoint[]>();
  for (const item of plan.items) {
    for (const indicator of item.goal?.indicators ?? []) {
      const points = allPoints.get(indicator.id) ?? [];
      pins.set(
        indicator.id,
        points.filter(
          (point) => periodEndDate(point.period, indicator.frequency) < plan.meeting.scheduled_for,
        ),
      );
    }
  }
  return pins;
}

const demoGoal = (goal: NonNullable<DemoMeetingPlan['items'][number]['goal']>): DemoGoal => ({
  id: goal.id,
  title: goal.title,
  agencyId: goal.agencyId,
  ownerName: goal.ownerName,
  indicators: goal.indicators.map((indicator) => ({ id: indicator.id, name: indicator.name })),
});

/**
 * Creates the demo series, unless the database already has meetings (a second start, or a
 * government that already works in StatRoom). Documents are stored first, in one batch, then the
 * rows: a listed meeting never points at a document that is not there.
 */
export async function seedDemoMeetings(
  db: Db,
  store: DocStore,
  options: DemoMeetingsOptions,
): Promise<DemoMeetingsSummary> {
  if (await hasAnyMeeting(db)) return EMPTY;
  const plans = await planDemoMeetings(db, options);
  if (plans.length === 0) return EMPTY;
  const now = Date.parse(`${options.asOf}T23:59:59.000Z`);
  const updates: StoredUpdate[] = [];
  const rows = plans.map((plan) => ({ ...plan.meeting }));
  let commitments = 0;

  const byObjective = new Map<string, DemoMeetingPlan[]>();
  for (const plan of plans) {
    const objectiveId = plan.meeting.objective_id ?? '';
    byObjective.set(objectiveId, [...(byObjective.get(objectiveId) ?? []), plan]);
  }
  for (const [position, [objectiveId, series]] of [...byObjective].entries()) {
    const indicatorIds = series.flatMap((plan) =>
      plan.items.flatMap((item) => item.goal?.indicators.map((indicator) => indicator.id) ?? []),
    );
    const allPoints = await loadSeriesToPin(db, indicatorIds);
    const past: PastMeeting[] = [];
    for (const plan of series) {
      const doc = buildMeetingDoc(plan.items);
      updates.push({ docName: meetingDocName(plan.meeting.id), data: Y.encodeStateAsUpdate(doc) });
      if (!plan.past) continue;
      const agenda = readAgenda(doc);
      const goalOfItem = new Map<string, DemoGoal>();
      plan.items.forEach((item, position) => {
        const id = agenda[position]?.id;
        if (id && item.goal) goalOfItem.set(id, demoGoal(item.goal));
      });
      past.push({
        id: plan.meeting.id,
        date: plan.meeting.scheduled_for,
        doc,
        goalOfItem,
        pins: pinsBefore(plan, allPoints),
      });
    }
    const random = mulberry32((options.seed ?? 1) * 7_919 + position);
    const { played, ledger } = playSeriesHistory(past, random, now);
    for (const meeting of played) {
      updates.push({ docName: meetingLiveDocName(meeting.id), data: Y.encodeStateAsUpdate(meeting.live) });
      const row = rows.find((candidate) => candidate.id === meeting.id);
      if (row)
        Object.assign(row, {
          phase: 'closed',
          started_at: new Date(meeting.startedAt).toISOString(),
          closed_at: new Date(meeting.closedAt).toISOString(),
        });
    }
    updates.push({ docName: ledgerDocName(objectiveId), data: Y.encodeStateAsUpdate(ledger) });
    commitments += ledger.getMap('commitments').size;
  }

  await store.append(updates);
  await insertMeetingRows(db, rows);
  await saveDemoSeries(db, plans);
  return {
    meetings: plans.length,
    agendaItems: plans.reduce((sum, plan) => sum + plan.items.length, 0),
    commitments,
  };
}

/** Each objective's series: weekly, on the weekday of its meetings, inviting its goals' agencies. */
async function saveDemoSeries(db: Db, plans: readonly DemoMeetingPlan[]): Promise<void> {
  const next = plans.filter((plan) => !plan.past);
  for (const plan of next) {
    const objectiveId = plan.meeting.objective_id;
    if (objectiveId === null) continue;
    const agencies = [
      ...new Set(
        plans
          .filter((p) => p.meeting.objective_id === objectiveId)
          .flatMap((p) => p.items.flatMap((item) => (item.goal ? [item.goal.agencyId] : []))),
      ),
    ];
    await saveSeries(
      db,
      objectiveId,
      {
        cadence: Cadence.weekly,
        intervalWeeks: 1,
        weekday: new Date(`${plan.meeting.scheduled_for}T00:00:00Z`).getUTCDay(),
        startTime: '09:00',
        durationMinutes: 120,
        usualAgencyIds: agencies.slice(0, 60),
      },
      DEMO_CREATED_BY,
    );
  }
}
