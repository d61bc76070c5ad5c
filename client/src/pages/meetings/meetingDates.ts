/** How meeting dates read on screen. `scheduledFor` is a calendar day (`YYYY-MM-DD`), not an instant. */
import { differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';
import { i18next } from '../../i18n/i18n.ts';
import { dateLocale } from '../../i18n/locale.ts';

/** "Thu 3 Dec 2026", "qui 3 dez 2026": in the reader's language, read at call time. */
export function formatMeetingDate(day: string): string {
  const date = parseISO(day);
  return isValid(date) ? format(date, 'EEE d MMM yyyy', { locale: dateLocale() }) : day;
}

/** "Today", "Tomorrow", "In 5 days", "3 days ago" (in the reader's language). */
export function relativeMeetingDay(day: string, today = new Date()): string {
  const date = parseISO(day);
  if (!isValid(date)) return '';
  const days = differenceInCalendarDays(date, today);
  if (days === 0) return i18next.t('meetings:dates.today');
  if (days === 1) return i18next.t('meetings:dates.tomorrow');
  if (days === -1) return i18next.t('meetings:dates.yesterday');
  return days > 0
    ? i18next.t('meetings:dates.inDays', { count: days })
    : i18next.t('meetings:dates.daysAgo', { count: -days });
}

/** Today as `YYYY-MM-DD` (digits only: no locale). */
export function todayIso(today = new Date()): string {
  return format(today, 'yyyy-MM-dd');
}
