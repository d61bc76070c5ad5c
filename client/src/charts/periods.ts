/**
 * Period helpers for the pages: checking what an analyst types, going back N periods for the
 * "change since" default, and short labels for axes. The calendar arithmetic is the server's own
 * (`shared/periods.ts`), so the client never disagrees with it about which week is which.
 * Periods of one frequency sort correctly as strings, which the charts rely on.
 */
import type { Frequency } from '../../../shared/performance.ts';
import {
  isValidPeriod,
  PERIOD_FORMAT_HINT,
  periodAtIndex,
  periodIndexOrNull,
} from '../../../shared/periods.ts';

const WEEKLY = /^(\d{4})-W(\d{2})$/;
const MONTHLY = /^(\d{4})-(\d{2})$/;

/** An explanation of what is wrong with `period` for this frequency, or null when it is valid. */
export function periodProblem(period: string, frequency: Frequency): string | null {
  if (isValidPeriod(period, frequency)) return null;
  return `Use the ${frequency} format ${PERIOD_FORMAT_HINT[frequency]}`;
}

/** `period` moved by `count` periods (negative goes back). Invalid input is returned unchanged. */
export function shiftPeriod(period: string, frequency: Frequency, count: number): string {
  const index = periodIndexOrNull(period, frequency);
  return index === null ? period : periodAtIndex(index + count, frequency);
}

/** How far back "change since" looks by default: about a month for weekly data, a quarter for monthly. */
export function defaultSinceSpan(frequency: Frequency): number {
  return frequency === 'weekly' ? 4 : 3;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A compact label for axes: "W07 ’26" or "Mar ’26". */
export function shortPeriodLabel(period: string): string {
  const weekly = WEEKLY.exec(period);
  if (weekly) return `W${weekly[2]} ’${weekly[1]!.slice(2)}`;
  const monthly = MONTHLY.exec(period);
  if (monthly) return `${MONTH_NAMES[Number(monthly[2]) - 1] ?? monthly[2]} ’${monthly[1]!.slice(2)}`;
  return period;
}

/** A label for sentences and tables: "week 7, 2026" or "March 2026". */
export function longPeriodLabel(period: string): string {
  const weekly = WEEKLY.exec(period);
  if (weekly) return `week ${Number(weekly[2])}, ${weekly[1]}`;
  const monthly = MONTHLY.exec(period);
  if (monthly) {
    const date = new Date(Number(monthly[1]), Number(monthly[2]) - 1, 1);
    return date.toLocaleDateString('en', { month: 'long', year: 'numeric' });
  }
  return period;
}
