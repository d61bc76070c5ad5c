/**
 * Period helpers for the pages: checking what an analyst types, going back N periods for the
 * "change since" default, and short labels for axes. The calendar arithmetic is the server's own
 * (`shared/periods.ts`), so the client never disagrees with it about which week is which.
 * Periods of one frequency sort correctly as strings, which the charts rely on. Labels are in the
 * reader's language, read at call time.
 */
import { format } from 'date-fns';
import type { Frequency } from '../../../shared/performance.ts';
import { isValidPeriod, periodAtIndex, periodIndexOrNull } from '../../../shared/periods.ts';
import { i18next } from '../i18n/i18n.ts';
import { currentLanguage, dateLocale } from '../i18n/locale.ts';

const WEEKLY = /^(\d{4})-W(\d{2})$/;
const MONTHLY = /^(\d{4})-(\d{2})$/;

/** An explanation of what is wrong with `period` for this frequency, or null when it is valid. */
export function periodProblem(period: string, frequency: Frequency): string | null {
  if (isValidPeriod(period, frequency)) return null;
  return i18next.t(frequency === 'weekly' ? 'charts:period.problem.weekly' : 'charts:period.problem.monthly');
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

/** A compact label for axes: "W07 ’26" or "Mar ’26" ("S07 ’26", "mar ’26" in Portuguese). */
export function shortPeriodLabel(period: string): string {
  const weekly = WEEKLY.exec(period);
  if (weekly) return i18next.t('charts:period.weekShort', { week: weekly[2]!, year: weekly[1]!.slice(2) });
  const monthly = MONTHLY.exec(period);
  if (monthly) {
    const month = Number(monthly[2]);
    const name =
      month >= 1 && month <= 12
        ? format(new Date(Number(monthly[1]), month - 1, 1), 'MMM', { locale: dateLocale() })
        : monthly[2];
    return `${name} ’${monthly[1]!.slice(2)}`;
  }
  return period;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "March 2026", "março de 2026", "marzo de 2026". */
function monthYear(date: Date): string {
  const language = currentLanguage();
  let formatter = monthFormats.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' });
    monthFormats.set(language, formatter);
  }
  return formatter.format(date);
}

/** A label for sentences and tables: "week 7, 2026" or "March 2026". */
export function longPeriodLabel(period: string): string {
  const weekly = WEEKLY.exec(period);
  if (weekly) return i18next.t('charts:period.week', { week: String(Number(weekly[2])), year: weekly[1]! });
  const monthly = MONTHLY.exec(period);
  if (monthly) return monthYear(new Date(Number(monthly[1]), Number(monthly[2]) - 1, 1));
  return period;
}
