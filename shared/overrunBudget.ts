/**
 * The chair's overrun budget: how far the meeting runs behind the end its agenda promised, and how
 * many minutes each item still to come gets so that it ends on time ("4 min over; to end on time
 * the next three items get 8, 9, 9 min"). Pure: computed for any `now` from the live state.
 *
 * The promised end is the start plus every item's time box. The expected end assumes the current
 * item runs at least its (extended) box and every item still to come keeps what is left of its box;
 * it counts wall time, so pauses, extensions and the minutes between items all show up as overrun.
 */
import { itemClock } from './itemClock.ts';
import { type MeetingLiveState, MeetingPhase } from './meetingLive.ts';

const MINUTE_MS = 60_000;
/** No item is squeezed below this; when the rest cannot absorb the overrun, the meeting ends late. */
export const MIN_ITEM_MINUTES = 1;

export interface BudgetItem {
  id: string;
  timeboxMinutes: number;
}

export interface ItemBudget {
  itemId: string;
  timeboxMinutes: number;
  /** Whole minutes it gets to end on time (what it still has of its box when not behind). */
  budgetMinutes: number;
}

export interface OverrunBudget {
  /** Behind the promised end (positive) or ahead of it (negative), in ms. */
  overMs: number;
  /** Start plus every item's time box. */
  plannedEndAt: number;
  /** When it ends if the items still to come keep their boxes. */
  expectedEndAt: number;
  /** The items still to come, in agenda order, with their minutes (items with none left omitted). */
  upcoming: ItemBudget[];
  /** False when even at MIN_ITEM_MINUTES each the upcoming items cannot absorb the overrun. */
  canEndOnTime: boolean;
}

/** Null unless the meeting is live on an item of `items`. */
export function overrunBudget(
  items: readonly BudgetItem[],
  live: MeetingLiveState,
  now: number,
): OverrunBudget | null {
  if (live.phase !== MeetingPhase.live || live.startedAt === null) return null;
  const current = items.find((item) => item.id === live.currentItemId);
  if (!current) return null;

  const boxMs = (item: BudgetItem) => Math.max(0, item.timeboxMinutes) * MINUTE_MS;
  const plannedEndAt = live.startedAt + items.reduce((sum, item) => sum + boxMs(item), 0);
  const currentLeftMs = Math.max(
    0,
    itemClock(live.timings[current.id], current.timeboxMinutes, now).remainingMs,
  );
  const currentIndex = items.indexOf(current);
  // Still to come: the items after the current one (a peek at one spends only the peek) and any
  // item before it that was skipped. An item taken before the current one is done.
  const upcomingItems = items
    .filter((item, index) => index > currentIndex || (index < currentIndex && !live.timings[item.id]))
    .map((item) => {
      const usedMs = itemClock(live.timings[item.id], item.timeboxMinutes, now).elapsedMs;
      return { item, owedMs: Math.max(0, boxMs(item) - usedMs) };
    })
    .filter(({ owedMs }) => owedMs > 0);
  const upcomingMs = upcomingItems.reduce((sum, { owedMs }) => sum + owedMs, 0);
  const expectedEndAt = now + currentLeftMs + upcomingMs;
  const overMs = expectedEndAt - plannedEndAt;

  const availableMinutes = Math.floor((plannedEndAt - now - currentLeftMs) / MINUTE_MS);
  const canEndOnTime = overMs <= 0 || availableMinutes >= upcomingItems.length * MIN_ITEM_MINUTES;
  const owedMinutes = upcomingItems.map(({ owedMs }) => Math.ceil(owedMs / MINUTE_MS));
  const budgets =
    overMs <= 0 || !canEndOnTime
      ? owedMinutes
      : share(
          availableMinutes,
          upcomingItems.map(({ owedMs }) => owedMs / MINUTE_MS),
        );
  return {
    overMs,
    plannedEndAt,
    expectedEndAt,
    upcoming: upcomingItems.map(({ item }, index) => ({
      itemId: item.id,
      timeboxMinutes: item.timeboxMinutes,
      budgetMinutes: budgets[index] ?? owedMinutes[index] ?? item.timeboxMinutes,
    })),
    canEndOnTime,
  };
}

/**
 * Splits `total` whole minutes in proportion to `weights`, each at least MIN_ITEM_MINUTES, summing
 * to `total` (largest remainder; on a tie the later item gets the minute, the nearer one stays tight).
 */
export function share(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const spare = total - weights.length * MIN_ITEM_MINUTES;
  const weightSum = weights.reduce((sum, weight) => sum + Math.max(0, weight - MIN_ITEM_MINUTES), 0);
  const exact = weights.map((weight) =>
    weightSum === 0 ? spare / weights.length : (spare * Math.max(0, weight - MIN_ITEM_MINUTES)) / weightSum,
  );
  const minutes = exact.map((value) => Math.floor(value));
  let left = spare - minutes.reduce((sum, value) => sum + value, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || b.index - a.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    minutes[index] = (minutes[index] ?? 0) + 1;
    left -= 1;
  }
  return minutes.map((value) => value + MIN_ITEM_MINUTES);
}
