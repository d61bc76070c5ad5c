/**
 * Meeting series: each strategic objective has one, which says when its meetings are held
 * (cadence, weekday, time, duration) and which agencies are usually invited. A meeting belongs to
 * the series of its objective (`Meeting.objectiveId`), so a series needs no id of its own.
 *
 * Dates are `YYYY-MM-DD` calendar days, computed here on UTC midnights (pure arithmetic on days,
 * so no time zone or daylight-saving change can move a date).
 */
import { z } from 'zod';
import type { Meeting } from './meetings.ts';
import { isValidDate } from './periods.ts';

export const Cadence = {
  weekly: 'weekly',
  everyNWeeks: 'every_n_weeks',
  monthly: 'monthly',
} as const;
export type Cadence = (typeof Cadence)[keyof typeof Cadence];
export const CADENCES = Object.values(Cadence) as [Cadence, ...Cadence[]];

export interface MeetingSeries {
  objectiveId: string;
  cadence: Cadence;
  /** Weeks between meetings: 1 unless the cadence is `every_n_weeks` (then 1–12). */
  intervalWeeks: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** `HH:MM`, 24-hour, the government's local time. */
  startTime: string;
  durationMinutes: number;
  /** Agency ids, in the order they are usually called. */
  usualAgencyIds: string[];
  /** When and by whom the series was last saved; null while it is still the default. */
  updatedAt: string | null;
  updatedBy: string | null;
}

/** `GET /api/objectives/:objectiveId/series`: the series page in one answer. */
export interface SeriesOverview {
  series: MeetingSeries;
  objective: { id: string; name: string };
  /** Every meeting of the series, newest date first. */
  meetings: Meeting[];
  /** The date of the latest closed meeting: when the objective was last reviewed. */
  lastReviewedOn: string | null;
  /** The earliest draft or live meeting dated today or later. */
  nextMeeting: Meeting | null;
}

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export const MAX_INTERVAL_WEEKS = 12;
export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 480;
export const MAX_USUAL_AGENCIES = 60;
/** The years `nextMeetingDate` accepts: a date outside is a typo, never a meeting to plan. */
export const FIRST_SERIES_YEAR = 1900;
export const LAST_SERIES_YEAR = 2999;

const agencyId = z.string().min(1, 'must not be empty').max(64, 'is longer than 64 characters');

/** What an analyst may set (PUT body). Unknown keys are refused so that a misspelt field is not lost. */
export const seriesInputSchema = z
  .strictObject({
    cadence: z.enum(CADENCES),
    intervalWeeks: z.number().int().min(1).max(MAX_INTERVAL_WEEKS).default(1),
    weekday: z.number().int().min(0).max(6),
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM from 00:00 to 23:59'),
    durationMinutes: z.number().int().min(MIN_DURATION_MINUTES).max(MAX_DURATION_MINUTES),
    usualAgencyIds: z
      .array(agencyId)
      .max(MAX_USUAL_AGENCIES)
      .superRefine((ids, ctx) => {
        const seen = new Set<string>();
        for (const id of ids) {
          if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `${id} is listed twice` });
          seen.add(id);
        }
      }),
  })
  .superRefine((input, ctx) => {
    // One meaning per stored row: only "every N weeks" has an interval.
    if (input.cadence !== Cadence.everyNWeeks && input.intervalWeeks !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['intervalWeeks'],
        message: `must be 1 unless the cadence is ${Cadence.everyNWeeks}`,
      });
    }
  });
export type SeriesInput = z.infer<typeof seriesInputSchema>;

/** The series of an objective nobody has configured yet: weekly, Tuesday 09:00, two hours. */
export function defaultSeries(objectiveId: string): MeetingSeries {
  return {
    objectiveId,
    cadence: Cadence.weekly,
    intervalWeeks: 1,
    weekday: 2,
    startTime: '09:00',
    durationMinutes: 120,
    usualAgencyIds: [],
    updatedAt: null,
    updatedBy: null,
  };
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a valid date in the accepted years, or a RangeError saying why not. */
function toDayNumber(date: string): number {
  if (!isValidDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  const year = Number(date.slice(0, 4));
  if (year < FIRST_SERIES_YEAR || year > LAST_SERIES_YEAR) {
    throw new RangeError(`${date} is outside the years ${FIRST_SERIES_YEAR}–${LAST_SERIES_YEAR}`);
  }
  return Date.UTC(year, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

const fromDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 0 = Sunday, like `Date.getUTCDay` (1970-01-01 was a Thursday). */
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** The `ordinal`-th (1-based) `weekday` of a month (`month` 0–11, may overflow into the next year). */
function nthWeekdayOfMonth(year: number, month: number, weekday: number, ordinal: number): number {
  const first = Date.UTC(year, month, 1) / DAY_MS;
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (ordinal - 1) * 7;
}

/**
 * The date of the series' next meeting after `afterDate` (`YYYY-MM-DD`): the first date strictly
 * after it that fits the cadence, always on the series' weekday.
 *
 * - `weekly`: the next such weekday (1–7 days later).
 * - `every_n_weeks`: the series' weekday in the ISO week (Monday to Sunday) that comes N weeks
 *   after `afterDate`'s week. From a meeting on that weekday this is exactly N weeks later; after
 *   a change of weekday it moves within that week (Thursday → Monday every 2 weeks: 11 days).
 * - `monthly`: the same ordinal weekday of the next month as `afterDate` has (its day of the
 *   month divided into weeks: days 1–7 are the 1st, 8–14 the 2nd…), so the 2nd Tuesday leads to
 *   the 2nd Tuesday. A 5th occurrence leads to the 4th, which every month has. The ordinal comes
 *   from `afterDate` even when the weekday changed (the 3rd Tuesday → the 3rd Thursday).
 *
 * Throws a RangeError for anything but a calendar date in the years 1900–2999 (year 1 or 9999 is
 * a typo, not a meeting to plan; refusing beats clamping to a date nobody asked for). The result
 * may fall early in the year 3000.
 */
export function nextMeetingDate(
  series: Pick<MeetingSeries, 'cadence' | 'intervalWeeks' | 'weekday'>,
  afterDate: string,
): string {
  const after = toDayNumber(afterDate);
  const { weekday } = series;
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
    throw new RangeError(`Not a weekday (0 = Sunday … 6 = Saturday): ${weekday}`);
  }
  if (series.cadence === Cadence.monthly) {
    const year = Number(afterDate.slice(0, 4));
    const month = Number(afterDate.slice(5, 7)) - 1;
    const ordinal = Math.min(4, Math.ceil(Number(afterDate.slice(8, 10)) / 7));
    return fromDayNumber(nthWeekdayOfMonth(year, month + 1, weekday, ordinal));
  }
  const weeks = series.cadence === Cadence.everyNWeeks ? series.intervalWeeks : 1;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_INTERVAL_WEEKS) {
    throw new RangeError(`Not an interval of 1–${MAX_INTERVAL_WEEKS} weeks: ${weeks}`);
  }
  if (weeks === 1) {
    const ahead = (weekday - weekdayOf(after) + 7) % 7;
    return fromDayNumber(after + (ahead === 0 ? 7 : ahead));
  }
  // Monday of afterDate's ISO week, then N weeks on, then the weekday within that week.
  const monday = after - ((weekdayOf(after) + 6) % 7);
  return fromDayNumber(monday + weeks * 7 + ((weekday + 6) % 7));
}

/** "2 h", "1 h 30 min", "45 min". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** The cadence in words: "Every Tuesday at 09:00, 2 h", "Every 2 weeks on Thursday at 14:30, 1 h 30 min". */
export function describeCadence(
  series: Pick<MeetingSeries, 'cadence' | 'intervalWeeks' | 'weekday' | 'startTime' | 'durationMinutes'>,
): string {
  const day = WEEKDAY_NAMES[series.weekday] ?? `weekday ${series.weekday}`;
  const when = `at ${series.startTime}, ${formatDuration(series.durationMinutes)}`;
  if (series.cadence === Cadence.monthly) return `Monthly on a ${day} (same week of the month) ${when}`;
  if (series.cadence === Cadence.everyNWeeks && series.intervalWeeks > 1) {
    return `Every ${series.intervalWeeks} weeks on ${day} ${when}`;
  }
  return `Every ${day} ${when}`;
}
