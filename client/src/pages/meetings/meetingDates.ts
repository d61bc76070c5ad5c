/** How meeting dates read on screen. `scheduledFor` is a calendar day (`YYYY-MM-DD`), not an instant. */
import { differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';

export function formatMeetingDate(day: string): string {
  const date = parseISO(day);
  return isValid(date) ? format(date, 'EEE d MMM yyyy') : day;
}

/** "Today", "Tomorrow", "In 5 days", "3 days ago". */
export function relativeMeetingDay(day: string, today = new Date()): string {
  const date = parseISO(day);
  if (!isValid(date)) return '';
  const days = differenceInCalendarDays(date, today);
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  if (days === -1) return 'Yesterday';
  return days > 0 ? `In ${days} days` : `${-days} days ago`;
}

export function todayIso(today = new Date()): string {
  return format(today, 'yyyy-MM-dd');
}
