/**
 * The chair's cue card and the console's overrun line, as pure functions: an off-track run ends at
 * the first period that was not off track or is missing; the card lists only the presenter agency's
 * open, overdue, long-carried commitments and its goals' runs and disagreeing ratings.
 */
import { describe, expect, test } from 'vitest';
import { budgetText } from '../../../client/src/pages/console/budgetText.ts';
import { actionOfKey } from '../../../client/src/pages/console/consoleKeys.ts';
import { cueCard, OFF_TRACK_STREAK_MIN, offTrackStreak } from '../../../client/src/pages/console/cueCard.ts';
import type { FollowUpEntry } from '../../../shared/followUp.ts';
import type { Commitment } from '../../../shared/ledger.ts';
import type { OverrunBudget } from '../../../shared/overrunBudget.ts';
import type { GoalSummary, IndicatorSummary } from '../../../shared/performance.ts';
import type { StatusInput } from '../../../shared/status.ts';

/** Holds 100 all year, lower is better: past 115 (a 15% shortfall) is off track, up to 105 on track. */
const HOLD_100: StatusInput = {
  frequency: 'monthly',
  direction: 'down',
  baselineValue: 100,
  baselineDate: '2025-01-01',
  targetValue: 100,
  targetDate: '2025-12-01',
  trajectory: [],
  thresholds: { atRisk: 0.05, offTrack: 0.15 },
};
const months = (values: Record<string, number>) =>
  Object.entries(values).map(([month, value]) => ({ period: `2025-${month}`, value }));

describe('offTrackStreak', () => {
  test.each([
    ['three off-track months after an on-track one', { '01': 100, '02': 120, '03': 130, '04': 125 }, 3],
    ['the latest month back on track ends the run', { '02': 120, '03': 130, '04': 100 }, 0],
    ['an at-risk month ends the run', { '02': 120, '03': 110, '04': 125 }, 1],
    ['a missing month ends the run: nobody knows how it went', { '02': 120, '03': 130, '05': 125 }, 1],
    ['no data, no run', {}, 0],
    ['order of the points does not matter', { '04': 125, '02': 120, '03': 130 }, 3],
  ])('%s', (_name, values, expected) => {
    expect(offTrackStreak(HOLD_100, months(values))).toBe(expected);
  });

  test('direction counts: the same values are on track when higher is better', () => {
    expect(
      offTrackStreak({ ...HOLD_100, direction: 'up' }, months({ '02': 120, '03': 130, '04': 125 })),
    ).toBe(0);
  });

  test('weekly periods run across a year end', () => {
    const weekly: StatusInput = { ...HOLD_100, frequency: 'weekly' };
    const points = [
      { period: '2025-W51', value: 120 },
      { period: '2025-W52', value: 130 },
      { period: '2026-W01', value: 140 },
    ];
    expect(offTrackStreak(weekly, points)).toBe(3);
  });
});

const indicator = (id: string, name: string): IndicatorSummary => ({
  id,
  name,
  unit: 'cases',
  direction: 'down',
  frequency: 'monthly',
  computed: { status: 'off_track', latest: null, planned: null, shortfall: null },
  sparkline: [],
  stale: false,
});

const goal = (id: string, agencyId: string, extra: Partial<GoalSummary> = {}): GoalSummary => ({
  id,
  objectiveId: 'obj-01',
  agencyId,
  title: `Goal ${id}`,
  description: '',
  ownerName: 'Owner',
  ownerRating: null,
  computedStatus: 'off_track',
  ratingDisagrees: false,
  indicators: [indicator(`${id}-a`, `${id} A`), indicator(`${id}-b`, `${id} B`)],
  ...extra,
});

const commitment = (
  id: string,
  agencyId: string,
  dueDate: string,
  extra: Partial<Commitment> = {},
): Commitment => ({
  id,
  text: `Commitment ${id}`,
  ownerAgencyId: agencyId,
  ownerPerson: '',
  dueDate,
  goalId: 'g1',
  indicatorId: null,
  status: 'open',
  madeInMeetingId: 'm0',
  madeInItemId: null,
  createdAt: 1,
  createdBy: { id: 'u1', name: 'Ana', role: 'analyst' },
  closedAt: null,
  dropReason: null,
  escalated: false,
  ...extra,
});

const entry = (item: Commitment, timesCarried: number): FollowUpEntry => ({
  commitment: item,
  review: null,
  timesCarried,
  daysOpen: 30,
  dueDateThen: item.dueDate,
  overdue: false,
});

describe('cueCard', () => {
  const today = '2025-06-10';
  const mine = [
    commitment('late-2', 'ag-1', '2025-06-01'),
    commitment('late-1', 'ag-1', '2025-05-01'),
    commitment('soon', 'ag-1', '2025-06-20'),
    commitment('done', 'ag-1', '2025-05-01', { status: 'done', closedAt: 5 }),
  ];
  const theirs = [commitment('other', 'ag-2', '2025-01-01')];
  const rated = goal('g2', 'ag-1', {
    ownerRating: { status: 'on_track', comment: '', ratedAt: '2025-06-01', ratedBy: 'Owner' },
    ratingDisagrees: true,
  });
  const card = cueCard({
    agencyId: 'ag-1',
    commitments: [...mine, ...theirs],
    followUp: [entry(mine[0]!, 3), entry(mine[1]!, 2), entry(theirs[0]!, 5), entry(mine[3]!, 4)],
    goals: [goal('g1', 'ag-1'), rated],
    streaks: new Map([
      ['g1-a', OFF_TRACK_STREAK_MIN],
      ['g1-b', OFF_TRACK_STREAK_MIN + 2],
      ['g2-a', OFF_TRACK_STREAK_MIN - 1],
    ]),
    today,
  });

  test('open commitments are the agency’s own, by due date; overdue ones are past due today', () => {
    expect(card.open.map((each) => each.id)).toEqual(['late-1', 'late-2', 'soon']);
    expect(card.overdue.map((each) => each.id)).toEqual(['late-1', 'late-2']);
  });

  test('a goal off track several periods names its longest-running indicator; shorter runs are left out', () => {
    expect(card.offTrack).toEqual([
      { goalId: 'g1', goalTitle: 'Goal g1', indicatorName: 'g1 B', periods: OFF_TRACK_STREAK_MIN + 2 },
    ]);
  });

  test('a rating that disagrees with the data is listed with both', () => {
    expect(card.disagreements).toEqual([
      { goalId: 'g2', goalTitle: 'Goal g2', rated: 'on_track', computed: 'off_track' },
    ]);
  });

  test('carried three times or more: the agency’s, still open', () => {
    expect(card.carried.map((each) => [each.commitment.id, each.timesCarried])).toEqual([['late-2', 3]]);
  });
});

describe('budgetText', () => {
  const base: OverrunBudget = {
    overMs: 0,
    plannedEndAt: 0,
    expectedEndAt: 0,
    upcoming: [],
    canEndOnTime: true,
  };
  const items = (budgets: number[]) =>
    budgets.map((budgetMinutes, index) => ({ itemId: `i${index}`, timeboxMinutes: 10, budgetMinutes }));

  test.each([
    ['on time', { overMs: 0 }, { tone: 'ok', headline: 'on time', plan: null }],
    ['ahead', { overMs: -150_000 }, { tone: 'ok', headline: 'on time (2 min ahead)', plan: null }],
    [
      'behind, three items left',
      { overMs: 4 * 60_000, upcoming: items([8, 9, 9]) },
      { tone: 'over', headline: '4 min over', plan: 'to end on time the next three items get 8, 9, 9 min' },
    ],
    [
      'ten seconds behind already costs a minute',
      { overMs: 10_000, upcoming: items([9]) },
      { tone: 'over', headline: '1 min over', plan: 'to end on time the last item gets 9 min' },
    ],
    [
      'behind on the last item',
      { overMs: 3 * 60_000 },
      { tone: 'late', headline: '3 min over', plan: 'this is the last item: the meeting ends late' },
    ],
    [
      'too far behind',
      { overMs: 40 * 60_000, upcoming: items([10, 10]), canEndOnTime: false },
      {
        tone: 'late',
        headline: '40 min over',
        plan: 'cannot end on time: even at 1 min each the two items left do not absorb it',
      },
    ],
  ])('%s', (_name, budget, expected) => {
    expect(budgetText({ ...base, ...budget })).toEqual(expected);
  });
});

describe('console keys', () => {
  const press = (
    key: string,
    modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
  ) => actionOfKey({ key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });

  test('each documented key runs its action, letters in either case', () => {
    expect(press('ArrowRight')).toBe('next');
    expect(press('N')).toBe('next');
    expect(press('p')).toBe('previous');
    expect(press(' ')).toBe('toggleTimer');
    expect(press('e')).toBe('extend');
    expect(press('c')).toBe('capture');
    expect(press('d')).toBe('reviewDone');
    expect(press('?')).toBe('help');
    expect(press('3')).toEqual({ indicator: 3 });
  });

  test('with a modifier, or an unbound key, nothing happens (Ctrl+C still copies)', () => {
    expect(press('c', { ctrlKey: true })).toBeNull();
    expect(press('n', { metaKey: true })).toBeNull();
    expect(press('0')).toBeNull();
    expect(press('q')).toBeNull();
  });
});
