/** How times and dates read on the meeting page. */
import { addDays, format, isValid, parseISO } from 'date-fns';
import { i18next } from '../../i18n/i18n.ts';
import { dateLocale } from '../../i18n/locale.ts';

/** 754_000 → "12:34"; an hour or more → "1:02:34". Whole seconds, rounded down. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  const clock = `${mm}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${clock}` : clock;
}

/** Whole minutes spent, for the agenda rail: "0 min", "12 min". */
export function formatMinutes(ms: number): string {
  return minutesText(Math.floor(Math.max(0, ms) / 60_000));
}

/** A whole number of minutes in the reader's language: 15 → "15 min". */
export function minutesText(count: number): string {
  return i18next.t('room:unit.minutes', { count });
}

/** An instant as the local wall-clock time, "14:05". */
export function formatClockTime(epochMs: number): string {
  return format(new Date(epochMs), 'HH:mm', { locale: dateLocale() });
}

/** A due date (`YYYY-MM-DD`) as "Fri 12 Jun" ("sex 12 jun" in Portuguese). */
export function formatDueDate(day: string): string {
  const date = parseISO(day);
  return isValid(date) ? format(date, 'EEE d MMM', { locale: dateLocale() }) : day;
}

/** The local calendar day `days` after today, as `YYYY-MM-DD` (a date input's value). */
export function daysFromToday(days: number, today = new Date()): string {
  return format(addDays(today, days), 'yyyy-MM-dd', { locale: dateLocale() });
}
