/**
 * The little period arithmetic the client needs: checking what an analyst types, going back N
 * periods for the "change since" default, and short tick labels. Periods are `YYYY-Www` (ISO week)
 * for weekly indicators and `YYYY-MM` for monthly ones; both sort correctly as strings, which the
 * charts rely on. (The server's `shared/periods.ts` is the full implementation; this stays small
 * so the pages do not depend on more of it than they need.)
 */
import { addWeeks, getISOWeek, getISOWeekYear, setISOWeek, startOfISOWeekYear } from 'date-fns';
import type { Frequency } from '../../../shared/performance.ts';

const WEEKLY = /^(\d{4})-W(\d{2})$/;
const MONTHLY = /^(\d{4})-(\d{2})$/;

/** An explanation of what is wrong with `period` for this frequency, or null when it is valid. */
export function periodProblem(period: string, frequency: Frequency): string | null {
  if (frequency === 'weekly') {
    const match = WEEKLY.exec(period);
    if (!match) return 'Use an ISO week like 2026-W07';
    const week = Number(match[2]);
    if (week < 1 || week > weeksInYear(Number(match[1])))
      return `Week ${match[2]} does not exist in ${match[1]}`;
    return null;
  }
  const match = MONTHLY.exec(period);
  if (!match) return 'Use a month like 2026-03';
  const month = Number(match[2]);
  if (month < 1 || month > 12) return `Month ${match[2]} does not exist`;
  return null;
}

function weeksInYear(year: number): number {
  // 28 December always falls in the last ISO week of its year.
  return getISOWeek(new Date(year, 11, 28));
}

/** `period` moved by `count` periods (negative goes back). Invalid input is returned unchanged. */
export function shiftPeriod(period: string, frequency: Frequency, count: number): string {
  if (periodProblem(period, frequency)) return period;
  if (frequency === 'monthly') {
    const [year, month] = period.split('-').map(Number) as [number, number];
    const index = year * 12 + (month - 1) + count;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  }
  const match = WEEKLY.exec(period)!;
  const monday = setISOWeek(startOfISOWeekYear(new Date(Number(match[1]), 5, 1)), Number(match[2]));
  const shifted = addWeeks(monday, count);
  return `${getISOWeekYear(shifted)}-W${String(getISOWeek(shifted)).padStart(2, '0')}`;
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
