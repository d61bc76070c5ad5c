/**
 * Reporting periods, pure and shared by the server and the client.
 *
 * Weekly indicators report per ISO week, `YYYY-Www` (the ISO week-numbering year, so the last days
 * of December may belong to week 1 of the next year); monthly indicators per month, `YYYY-MM`.
 * Dates are `YYYY-MM-DD` strings. Calendar work is done by date-fns on local-midnight dates, which
 * is exact for whole days in any time zone (only hours shift with daylight saving, never days).
 *
 * Each period also has an integer *index* (months since year 0, or ISO weeks since 1970-01-05) so
 * that comparing, stepping and interpolating are plain arithmetic on hot paths (status of every
 * indicator of a government in one request).
 */
import {
  addDays,
  addMonths,
  addWeeks,
  differenceInCalendarDays,
  endOfISOWeek,
  endOfMonth,
  format,
  getISOWeeksInYear,
  isValid,
  parseISO,
  setISOWeek,
  startOfISOWeek,
} from 'date-fns';
import { type Problem, reason } from './errorReasons.ts';
import type { ErrorReason } from './errors.ts';
import { memoize } from './memoize.ts';
import type { Frequency } from './performance.ts';

const WEEKLY_PATTERN = /^(\d{4})-W(\d{2})$/;
const MONTHLY_PATTERN = /^(\d{4})-(\d{2})$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Monday 1970-01-05: week index 0. */
const EPOCH_MONDAY = new Date(1970, 0, 5);

export const PERIOD_FORMAT_HINT: Record<Frequency, string> = {
  weekly: 'YYYY-Www (ISO week, e.g. 2026-W07)',
  monthly: 'YYYY-MM (e.g. 2026-02)',
};

// Status for a whole government asks the same few hundred calendar questions (the same baseline
// dates, the same weeks) thousands of times per request, and date-fns is the cost: memoized.

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export const isValidDate: (date: string) => boolean = memoize((date: string) => {
  if (!DATE_PATTERN.test(date)) return false;
  const parsed = parseISO(date);
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === date;
});

function toDate(date: string): Date {
  if (!isValidDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  return parseISO(date);
}

const formatDate = (date: Date): string => format(date, 'yyyy-MM-dd');

/** The frequency a period string is written in, or null if it is neither format. */
export function frequencyOfPeriod(period: string): Frequency | null {
  if (WEEKLY_PATTERN.test(period)) return 'weekly';
  if (MONTHLY_PATTERN.test(period)) return 'monthly';
  return null;
}

function computeIndex(period: string, frequency: Frequency): number | null {
  if (frequency === 'monthly') {
    const match = MONTHLY_PATTERN.exec(period);
    if (!match) return null;
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (year < 1900 || month < 1 || month > 12) return null;
    return year * 12 + (month - 1);
  }
  const match = WEEKLY_PATTERN.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1900 || week < 1 || week > getISOWeeksInYear(new Date(year, 0, 4))) return null;
  // January 4th is always in ISO week 1 of its year.
  const monday = startOfISOWeek(setISOWeek(new Date(year, 0, 4), week));
  return Math.round(differenceInCalendarDays(monday, EPOCH_MONDAY) / 7);
}

/** The period's integer index, or null when the string is not a valid period of `frequency`. */
export function periodIndexOrNull(period: string, frequency: Frequency): number | null {
  return frequency === 'weekly' ? weeklyIndex(period) : monthlyIndex(period);
}
const weeklyIndex = memoize((period: string) => computeIndex(period, 'weekly'));
const monthlyIndex = memoize((period: string) => computeIndex(period, 'monthly'));

/** True when `period` is a real period written in the format of `frequency`. */
export function isValidPeriod(period: string, frequency: Frequency): boolean {
  return periodIndexOrNull(period, frequency) !== null;
}

/** The period's integer index; throws a RangeError for an invalid period. */
export function periodIndex(period: string, frequency: Frequency): number {
  const index = periodIndexOrNull(period, frequency);
  if (index === null) {
    throw new RangeError(`Not a ${frequency} period (${PERIOD_FORMAT_HINT[frequency]}): ${period}`);
  }
  return index;
}

function startOfIndex(index: number, frequency: Frequency): Date {
  if (frequency === 'monthly') return new Date(Math.floor(index / 12), index % 12, 1);
  return addWeeks(EPOCH_MONDAY, index);
}

function periodOfJsDate(date: Date, frequency: Frequency): string {
  return frequency === 'monthly' ? format(date, 'yyyy-MM') : format(date, "RRRR-'W'II");
}

/** The period at an integer index (inverse of `periodIndex`). */
export function periodAtIndex(index: number, frequency: Frequency): string {
  return frequency === 'weekly' ? weekAtIndex(String(index)) : monthAtIndex(String(index));
}
const weekAtIndex = memoize((index: string) =>
  periodOfJsDate(startOfIndex(Number(index), 'weekly'), 'weekly'),
);
const monthAtIndex = memoize((index: string) =>
  periodOfJsDate(startOfIndex(Number(index), 'monthly'), 'monthly'),
);

/** The period that contains `date`. */
export function periodOfDate(date: string, frequency: Frequency): string {
  return frequency === 'weekly' ? weekOfDate(date) : monthOfDate(date);
}
const weekOfDate = memoize((date: string) => periodOfJsDate(toDate(date), 'weekly'));
const monthOfDate = memoize((date: string) => periodOfJsDate(toDate(date), 'monthly'));

/** The first day of the period (a Monday for weeks). */
export function periodStartDate(period: string, frequency: Frequency): string {
  return formatDate(startOfIndex(periodIndex(period, frequency), frequency));
}

/** The last day of the period (a Sunday for weeks). */
export function periodEndDate(period: string, frequency: Frequency): string {
  const start = startOfIndex(periodIndex(period, frequency), frequency);
  return formatDate(frequency === 'monthly' ? endOfMonth(start) : endOfISOWeek(start));
}

export function nextPeriod(period: string, frequency: Frequency): string {
  return periodAtIndex(periodIndex(period, frequency) + 1, frequency);
}

export function previousPeriod(period: string, frequency: Frequency): string {
  return periodAtIndex(periodIndex(period, frequency) - 1, frequency);
}

/** Every period that overlaps the dates `from`..`to` (inclusive), oldest first; empty if `to < from`. */
export function periodsBetween(from: string, to: string, frequency: Frequency): string[] {
  const first = periodIndex(periodOfDate(from, frequency), frequency);
  const last = periodIndex(periodOfDate(to, frequency), frequency);
  const periods: string[] = [];
  for (let index = first; index <= last; index++) periods.push(periodAtIndex(index, frequency));
  return periods;
}

/**
 * The latest period whose data is due at `asOf`: the last period that has fully ended before that
 * day. On a Monday the week that ended yesterday is due; on the 1st the previous month is.
 */
export function latestDuePeriod(asOf: string, frequency: Frequency): string {
  return previousPeriod(periodOfDate(asOf, frequency), frequency);
}

/** Orders two periods of the same frequency (the formats sort as strings). */
export function comparePeriods(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `date` moved by `days` (negative for earlier). */
export function addDaysToDate(date: string, days: number): string {
  return formatDate(addDays(toDate(date), days));
}

/** `date` moved by `months`, clamped to the end of shorter months. */
export function addMonthsToDate(date: string, months: number): string {
  return formatDate(addMonths(toDate(date), months));
}

/** Today's date in the local calendar. */
export function todayDate(now: Date = new Date()): string {
  return formatDate(now);
}

/**
 * The dates the application accepts: anything earlier or later is a typing slip (0001-01-01, 20266)
 * that would otherwise be stored and make every page that plots or compares it misbehave.
 */
export const EARLIEST_DATE = '1990-01-01';
export const LATEST_DATE = '2100-12-31';

/** Why a valid `YYYY-MM-DD` date is refused as out of range, with its reason, or null when it is within range. */
export function dateRangeCheck(date: string): Problem | null {
  if (date < EARLIEST_DATE || date > LATEST_DATE) {
    return {
      message: `${date} is out of range: dates must be between ${EARLIEST_DATE} and ${LATEST_DATE}`,
      reason: reason('dateOutOfRange', { value: date, earliest: EARLIEST_DATE, latest: LATEST_DATE }),
    };
  }
  return null;
}

export const dateRangeProblem = (date: string): string | null => dateRangeCheck(date)?.message ?? null;

/** Why a valid period is refused as out of range (see `dateRangeCheck`), or null. */
export function periodRangeCheck(period: string, frequency: Frequency): Problem | null {
  if (periodStartDate(period, frequency) < EARLIEST_DATE || periodEndDate(period, frequency) > LATEST_DATE) {
    return {
      message: `${period} is out of range: periods must lie between ${EARLIEST_DATE} and ${LATEST_DATE}`,
      reason: reason('periodOutOfRange', { period, earliest: EARLIEST_DATE, latest: LATEST_DATE }),
    };
  }
  return null;
}

export const periodRangeProblem = (period: string, frequency: Frequency): string | null =>
  periodRangeCheck(period, frequency)?.message ?? null;

/**
 * Why a value cannot be entered for `period` yet, or null: a period that has not ended (it is after
 * the latest period due at `asOf`) has no value to report.
 */
export function futurePeriodCheck(period: string, frequency: Frequency, asOf: string): Problem | null {
  const due = latestDuePeriod(asOf, frequency);
  if (periodIndex(period, frequency) <= periodIndex(due, frequency)) return null;
  const ends = periodEndDate(period, frequency);
  return {
    message: `${period} has not ended yet (it ends ${ends}): the latest period due is ${due}`,
    reason: reason('periodNotEnded', { period, ends, due }),
  };
}

export const futurePeriodProblem = (period: string, frequency: Frequency, asOf: string): string | null =>
  futurePeriodCheck(period, frequency, asOf)?.message ?? null;

/** The reason of a period that is not of `frequency`'s form. */
export const periodFormatReason = (period: string, frequency: Frequency): ErrorReason =>
  reason(frequency === 'monthly' ? 'notAMonthlyPeriod' : 'notAWeeklyPeriod', { period });
