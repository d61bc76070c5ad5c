/** The agenda planner, pure: which goals, in which order, within which time (`server/meetings/agendaPlan.ts`). */
import { describe, expect, test } from 'vitest';
import { mulberry32 } from '../../../server/demo/random.ts';
import {
  COPIED_FOLLOW_UP_MINUTES,
  copyAgenda,
  FOLLOW_UP_MINUTES,
  GOAL_REVIEW_MINUTES,
  goalsToReview,
  planAgendaFromData,
} from '../../../server/meetings/agendaPlan.ts';
import { AgendaItemKind, FOLLOW_UP_ITEM_TITLE } from '../../../shared/meetingDoc.ts';
import type { GoalSummary, IndicatorSummary, ObjectiveDetail, Status } from '../../../shared/performance.ts';

function indicator(id: string, options: { stale?: boolean; shortfall?: number } = {}): IndicatorSummary {
  return {
    id,
    name: `Indicator ${id}`,
    unit: '%',
    direction: 'up',
    frequency: 'monthly',
    computed: {
      status: 'on_track',
      latest: { period: '2026-02', value: 40 },
      planned: 50,
      shortfall: options.shortfall ?? 0.1,
    },
    sparkline: [],
    stale: options.stale ?? false,
  };
}

function goal(
  id: string,
  agencyId: string,
  status: Status,
  options: { disagrees?: boolean; stale?: boolean; indicators?: number } = {},
): GoalSummary {
  return {
    id,
    objectiveId: 'security',
    agencyId,
    title: `Goal ${id}`,
    description: '',
    ownerName: `Owner of ${id}`,
    ownerRating: options.disagrees
      ? { status: 'on_track', comment: '', ratedAt: '2026-03-01T00:00:00.000Z', ratedBy: 'x' }
      : null,
    computedStatus: status,
    ratingDisagrees: options.disagrees ?? false,
    indicators: Array.from({ length: options.indicators ?? 1 }, (_, index) =>
      indicator(`${id}-i${index}`, { stale: options.stale && index === 0 }),
    ),
  };
}

function detailOf(agencies: Record<string, GoalSummary[]>): ObjectiveDetail {
  return {
    objective: {
      id: 'security',
      name: 'Citizen security',
      description: '',
      goalCount: 0,
      agencyCount: 0,
      statusCounts: { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 },
      staleIndicatorCount: 0,
      disagreementCount: 0,
    },
    agencies: Object.entries(agencies).map(([id, goals]) => ({
      agency: { id, code: id.toUpperCase(), name: `Agency ${id}` },
      goals,
    })),
  };
}

/** Police: two off track, one on track; health: one at risk, one disagreeing; schools: one stale, one fine. */
const DETAIL = detailOf({
  police: [
    goal('p-on', 'police', 'on_track'),
    goal('p-off-2', 'police', 'off_track'),
    goal('p-off-1', 'police', 'off_track'),
  ],
  health: [
    goal('h-disagrees', 'health', 'on_track', { disagrees: true }),
    goal('h-risk', 'health', 'at_risk'),
  ],
  schools: [goal('s-fine', 'schools', 'on_track'), goal('s-stale', 'schools', 'no_data', { stale: true })],
});

describe('planAgendaFromData', () => {
  test('follow-up first, then off track, at risk, disagreeing and stale goals, agencies taking turns', () => {
    const items = planAgendaFromData(DETAIL, { totalMinutes: 240 });
    expect(items.map((item) => item.title)).toEqual([
      FOLLOW_UP_ITEM_TITLE,
      // Round 1: the agency with the most off-track goals first, each agency's most pressing goal.
      'Goal p-off-1',
      'Goal h-risk',
      'Goal s-stale',
      // Round 2.
      'Goal p-off-2',
      'Goal h-disagrees',
    ]);
    expect(items[0]).toMatchObject({
      kind: AgendaItemKind.followUp,
      timeboxMinutes: FOLLOW_UP_MINUTES,
      presenterAgency: '',
      indicatorIds: [],
    });
    expect(items[1]).toMatchObject({
      kind: AgendaItemKind.goalReview,
      presenterAgency: 'police',
      timeboxMinutes: GOAL_REVIEW_MINUTES,
      indicatorIds: ['p-off-1-i0'],
    });
    // On-track goals whose data and rating agree are not reviewed.
    expect(items.some((item) => item.title === 'Goal p-on' || item.title === 'Goal s-fine')).toBe(false);
  });

  test('each goal once, even when it has several reasons', () => {
    const detail = detailOf({
      police: [goal('both', 'police', 'off_track', { disagrees: true, stale: true })],
    });
    expect(planAgendaFromData(detail, { totalMinutes: 240 }).map((item) => item.title)).toEqual([
      FOLLOW_UP_ITEM_TITLE,
      'Goal both',
    ]);
  });

  test('the notes name late data and a disagreeing rating', () => {
    const items = planAgendaFromData(DETAIL, { totalMinutes: 240 });
    const stale = items.find((item) => item.title === 'Goal s-stale');
    expect(stale?.notes).toContain('Data late for Indicator s-stale-i0: chase it first.');
    const disagrees = items.find((item) => item.title === 'Goal h-disagrees');
    expect(disagrees?.notes).toContain('Owner of h-disagrees rates it on track: ask what the data miss.');
    expect(items[0]?.notes).toContain('First meeting of the series');
    expect(
      planAgendaFromData(DETAIL, { totalMinutes: 240, previousMeeting: '2026-03-12' })[0]?.notes,
    ).toContain('since the meeting of 2026-03-12');
  });

  test('stops when the next item would exceed the total time', () => {
    // 10 + 12 + 12 = 34 fits in 45; a third review (46) does not.
    expect(planAgendaFromData(DETAIL, { totalMinutes: 45 })).toHaveLength(3);
    expect(planAgendaFromData(DETAIL, { totalMinutes: 46 })).toHaveLength(4);
    expect(planAgendaFromData(DETAIL, { totalMinutes: 21 })).toHaveLength(1);
    expect(planAgendaFromData(DETAIL, { totalMinutes: 9 })).toEqual([]);
    for (const totalMinutes of [30, 45, 60, 90, 240]) {
      const items = planAgendaFromData(DETAIL, { totalMinutes });
      expect(items.reduce((sum, item) => sum + item.timeboxMinutes, 0)).toBeLessThanOrEqual(totalMinutes);
    }
  });

  test('a seeded random draws the time boxes (10–15 min), the same for the same seed', () => {
    const a = planAgendaFromData(DETAIL, { totalMinutes: 240, random: mulberry32(7) });
    const b = planAgendaFromData(DETAIL, { totalMinutes: 240, random: mulberry32(7) });
    expect(a.map((item) => item.timeboxMinutes)).toEqual(b.map((item) => item.timeboxMinutes));
    for (const item of a.slice(1)) {
      expect(item.timeboxMinutes).toBeGreaterThanOrEqual(10);
      expect(item.timeboxMinutes).toBeLessThanOrEqual(15);
    }
  });

  test('at most 20 indicators per item; long titles shortened', () => {
    const big = goal('big', 'police', 'off_track', { indicators: 25 });
    big.title = 'x'.repeat(250);
    const [, item] = planAgendaFromData(detailOf({ police: [big] }), { totalMinutes: 60 });
    expect(item?.indicatorIds).toHaveLength(20);
    expect(item?.title).toHaveLength(200);
  });

  test('goalsToReview can be limited in count and reasons (the demo: off track and at risk)', () => {
    expect(goalsToReview(DETAIL, 2).map((g) => g.id)).toEqual(['p-off-1', 'h-risk']);
    expect(goalsToReview(DETAIL, 10, ['off_track', 'at_risk']).map((g) => g.id)).toEqual([
      'p-off-1',
      'h-risk',
      'p-off-2',
    ]);
    expect(goalsToReview(detailOf({}))).toEqual([]);
  });
});

describe('copyAgenda', () => {
  test('follow-up first, the other items copied in order without notes', () => {
    const items = copyAgenda([
      {
        title: 'Burglaries',
        kind: AgendaItemKind.goalReview,
        presenterAgency: 'police',
        timeboxMinutes: 12,
        indicatorIds: ['i1'],
      },
      {
        title: FOLLOW_UP_ITEM_TITLE,
        kind: AgendaItemKind.followUp,
        presenterAgency: '',
        timeboxMinutes: 8,
        indicatorIds: [],
      },
      {
        title: 'Any other business',
        kind: AgendaItemKind.decision,
        presenterAgency: '',
        timeboxMinutes: 5,
        indicatorIds: [],
      },
    ]);
    expect(items).toEqual([
      {
        title: FOLLOW_UP_ITEM_TITLE,
        kind: AgendaItemKind.followUp,
        presenterAgency: '',
        timeboxMinutes: COPIED_FOLLOW_UP_MINUTES,
        indicatorIds: [],
        notes: '',
      },
      {
        title: 'Burglaries',
        kind: AgendaItemKind.goalReview,
        presenterAgency: 'police',
        timeboxMinutes: 12,
        indicatorIds: ['i1'],
        notes: '',
      },
      {
        title: 'Any other business',
        kind: AgendaItemKind.decision,
        presenterAgency: '',
        timeboxMinutes: 5,
        indicatorIds: [],
        notes: '',
      },
    ]);
  });

  test('nothing to copy: just the follow-up', () => {
    expect(copyAgenda([]).map((item) => item.kind)).toEqual([AgendaItemKind.followUp]);
  });
});
