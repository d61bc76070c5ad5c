/**
 * An agenda item's clock, computed, never ticked: the live state stores start times and accumulated
 * durations (`ItemTiming`), and every screen computes elapsed and remaining time for its own `now`.
 */
import type { ItemTiming } from './meetingLive.ts';

const MINUTE_MS = 60_000;

/** Elapsed and remaining time of one item at `now`; remaining is negative once over its box. */
export interface ItemClock {
  elapsedMs: number;
  remainingMs: number;
  running: boolean;
  overrun: boolean;
}

export function itemClock(timing: ItemTiming | undefined, timeboxMinutes: number, now: number): ItemClock {
  const boxMs = Math.max(0, timeboxMinutes) * MINUTE_MS + (timing?.extensionsMs ?? 0);
  if (!timing) return { elapsedMs: 0, remainingMs: boxMs, running: false, overrun: false };
  // A clock set behind the start never counts negative time.
  const runningMs = timing.runningSince === null ? 0 : Math.max(0, now - timing.runningSince);
  const elapsedMs = timing.accumulatedMs + runningMs;
  const remainingMs = boxMs - elapsedMs;
  return { elapsedMs, remainingMs, running: timing.runningSince !== null, overrun: remainingMs < 0 };
}
