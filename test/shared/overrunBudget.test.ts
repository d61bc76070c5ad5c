import { describe, expect, test } from 'vitest';
import type { ItemTiming, MeetingLiveState } from '../../shared/meetingLive.ts';
import { MIN_ITEM_MINUTES, overrunBudget, share } from '../../shared/overrunBudget.ts';

const MIN = 60_000;
const T0 = 1_800_000_000_000;

const items = (...boxes: number[]) =>
  boxes.map((timeboxMinutes, index) => ({ id: `i${index + 1}`, timeboxMinutes }));

/** Item `id` entered at `startedAt` minutes and left after `ranMinutes` of timer (null: still running). */
const done = (startedAt: number, ranMinutes: number, extensions = 0): ItemTiming => ({
  startedAt: T0 + startedAt * MIN,
  endedAt: T0 + (startedAt + ranMinutes) * MIN,
  accumulatedMs: ranMinutes * MIN,
  runningSince: null,
  extensionsMs: extensions * MIN,
});
const running = (since: number, before = 0, extensions = 0): ItemTiming => ({
  startedAt: T0 + since * MIN,
  endedAt: null,
  accumulatedMs: before * MIN,
  runningSince: T0 + since * MIN,
  extensionsMs: extensions * MIN,
});
const live = (currentItemId: string, timings: Record<string, ItemTiming>): MeetingLiveState => ({
  phase: 'live',
  currentItemId,
  startedAt: T0,
  closedAt: null,
  timings,
});

describe('overrunBudget', () => {
  test.each([
    {
      name: 'the example: 4 min over, three 10-min items left → 8, 9, 9',
      // Item 1 (10 min) ran 14; item 2 (10 min) just started.
      agenda: items(10, 10, 10, 10, 10),
      state: live('i2', { i1: done(0, 14), i2: running(14) }),
      at: 14,
      overMin: 4,
      budgets: [8, 9, 9],
      canEndOnTime: true,
      plannedEndMin: 50,
      expectedEndMin: 54,
    },
    {
      name: 'on time: the items keep their boxes',
      agenda: items(10, 20, 5),
      state: live('i2', { i1: done(0, 10), i2: running(10) }),
      at: 15,
      overMin: 0,
      budgets: [5],
      canEndOnTime: true,
      plannedEndMin: 35,
      expectedEndMin: 35,
    },
    {
      name: 'ahead of time: negative overrun, boxes unchanged (never inflated)',
      agenda: items(10, 10, 10),
      state: live('i2', { i1: done(0, 6), i2: running(6) }),
      at: 6,
      overMin: -4,
      budgets: [10],
      canEndOnTime: true,
      plannedEndMin: 30,
      expectedEndMin: 26,
    },
    {
      name: 'the current item running over its box counts as it runs',
      agenda: items(10, 10, 20),
      state: live('i1', { i1: running(0) }),
      at: 13,
      overMin: 3,
      // 30 min promised for i2 and i3 minus 3: 27 split 10:20 → 9, 18
      budgets: [9, 18],
      canEndOnTime: true,
      plannedEndMin: 40,
      expectedEndMin: 43,
    },
    {
      name: 'a paused timer: wall time passes, the item still owes its box',
      agenda: items(10, 10),
      state: live('i1', { i1: { ...running(0), runningSince: null, accumulatedMs: 5 * MIN } }),
      at: 8,
      overMin: 3,
      budgets: [7],
      canEndOnTime: true,
      plannedEndMin: 20,
      expectedEndMin: 23,
    },
    {
      name: 'an extension of the current item is taken from the items after it',
      agenda: items(10, 10, 10),
      state: live('i1', { i1: running(0, 0, 5) }),
      at: 0,
      overMin: 5,
      budgets: [7, 8],
      canEndOnTime: true,
      plannedEndMin: 30,
      expectedEndMin: 35,
    },
    {
      name: 'too far behind: no item goes below a minute, the end is late',
      agenda: items(10, 2, 2),
      state: live('i1', { i1: running(0) }),
      at: 13,
      overMin: 3,
      budgets: [2, 2],
      canEndOnTime: false,
      plannedEndMin: 14,
      expectedEndMin: 17,
    },
    {
      name: 'exactly enough for a minute each',
      agenda: items(10, 2, 2),
      state: live('i1', { i1: running(0) }),
      at: 12,
      overMin: 2,
      budgets: [1, 1],
      canEndOnTime: true,
      plannedEndMin: 14,
      expectedEndMin: 16,
    },
    {
      name: 'the last item over its box: nothing left to share, the meeting ends late',
      agenda: items(10, 10),
      state: live('i2', { i1: done(0, 10), i2: running(10) }),
      at: 22,
      overMin: 2,
      budgets: [],
      canEndOnTime: false,
      plannedEndMin: 20,
      expectedEndMin: 22,
    },
    {
      name: 'items taken out of order are spent, wherever they are on the agenda',
      agenda: items(10, 10, 10, 10),
      // i3 was taken first (ran 12), then i1 is current; i2 and i4 remain.
      state: live('i1', { i3: done(0, 12), i1: running(12) }),
      at: 12,
      overMin: 2,
      budgets: [9, 9],
      canEndOnTime: true,
      plannedEndMin: 40,
      expectedEndMin: 42,
    },
    {
      name: 'seconds: half a minute over does not cost a whole minute per item',
      agenda: items(10, 10, 10),
      state: live('i1', { i1: running(0) }),
      at: 10.5,
      overMin: 0.5,
      // 19.5 min left for 20 min of boxes: 19 whole minutes, 9 and 10
      budgets: [9, 10],
      canEndOnTime: true,
      plannedEndMin: 30,
      expectedEndMin: 30.5,
    },
    {
      name: 'a peek at the next item spends only the peek',
      // i1 ran 5 min, i2 was current for half a minute, back on i1 since minute 5.5.
      agenda: items(10, 10, 10),
      state: live('i1', { i1: running(5.5, 5), i2: done(5, 0.5) }),
      at: 6,
      overMin: 0,
      budgets: [10, 10],
      canEndOnTime: true,
      plannedEndMin: 30,
      expectedEndMin: 30,
    },
    {
      name: 'a skipped item is still to come',
      // i2 skipped: i3 current since minute 10 after i1's 10 minutes.
      agenda: items(10, 10, 10),
      state: live('i3', { i1: done(0, 10), i3: running(10) }),
      at: 23,
      overMin: 3,
      budgets: [7],
      canEndOnTime: true,
      plannedEndMin: 30,
      expectedEndMin: 33,
    },
  ])('$name', ({ agenda, state, at, overMin, budgets, canEndOnTime, plannedEndMin, expectedEndMin }) => {
    const budget = overrunBudget(agenda, state, T0 + at * MIN);
    expect(budget).not.toBeNull();
    expect(budget?.overMs).toBe(overMin * MIN);
    expect(budget?.upcoming.map((item) => item.budgetMinutes)).toEqual(budgets);
    expect(budget?.canEndOnTime).toBe(canEndOnTime);
    expect(budget?.plannedEndAt).toBe(T0 + plannedEndMin * MIN);
    expect(budget?.expectedEndAt).toBe(T0 + expectedEndMin * MIN);
    if (budget && canEndOnTime && overMin > 0) {
      // On time: the shared minutes fit between now plus what the current item still owes and the end.
      const now = T0 + at * MIN;
      const upcomingBoxesMs = budget.upcoming.reduce((sum, item) => sum + item.timeboxMinutes * MIN, 0);
      const currentLeftMs = budget.expectedEndAt - now - upcomingBoxesMs;
      const sharedMs = budgets.reduce((sum, minutes) => sum + minutes * MIN, 0);
      expect(now + currentLeftMs + sharedMs).toBeLessThanOrEqual(budget.plannedEndAt);
    }
  });

  test('no budget before the start, after the close, or when the current item left the agenda', () => {
    const agenda = items(10, 10);
    expect(overrunBudget(agenda, { ...live('i1', {}), phase: 'draft', startedAt: null }, T0)).toBeNull();
    expect(overrunBudget(agenda, { ...live('i1', {}), phase: 'closed' }, T0)).toBeNull();
    expect(overrunBudget(agenda, live('gone', {}), T0)).toBeNull();
  });
});

describe('share', () => {
  test.each([
    [26, [10, 10, 10], [8, 9, 9]],
    [27, [10, 20], [9, 18]],
    [3, [5, 5, 5], [1, 1, 1]],
    [10, [1, 1], [5, 5]],
    [0, [], []],
    [7, [30], [7]],
  ])('%i minutes over %j → %j', (total, weights, expected) => {
    const minutes = share(total, weights);
    expect(minutes).toEqual(expected);
    expect(minutes.reduce((sum, value) => sum + value, 0)).toBe(total);
    for (const value of minutes) expect(value).toBeGreaterThanOrEqual(MIN_ITEM_MINUTES);
  });
});
