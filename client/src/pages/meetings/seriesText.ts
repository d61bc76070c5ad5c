/**
 * A meeting series in the reader's words: its cadence as a sentence ("Every Tuesday at 09:00, 2 h"),
 * the repeat choice and the weekday names. The shared `describeCadence` stays English (for the server
 * and logs); these say the same through the `meetings` catalogue.
 */
import type { TFunction } from 'i18next';
import { Cadence, formatDuration, type MeetingSeries } from '../../../../shared/series.ts';

/** 0 = Sunday … 6 = Saturday, as `MeetingSeries.weekday`. */
const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
type DayKey = (typeof DAY_KEYS)[number];

const dayKey = (weekday: number): DayKey | null => DAY_KEYS[weekday] ?? null;

/** A weekday as it reads inside a sentence: "Thursday", "quinta-feira", "jueves". */
export function weekdayInSentence(t: TFunction<'meetings'>, weekday: number): string {
  const key = dayKey(weekday);
  return key ? t(`cadence.day.${key}`) : t('cadence.unknownDay', { number: weekday });
}

/** A weekday on its own (a list, a label): its first letter raised ("Quinta-feira"). */
export function weekdayName(t: TFunction<'meetings'>, weekday: number): string {
  const name = weekdayInSentence(t, weekday);
  return name.charAt(0).toLocaleUpperCase() + name.slice(1);
}

/** The days of the week in the series' numbering, for a select. */
export const WEEKDAYS = DAY_KEYS.map((_, index) => index);

/** "Every week", "Every 2 weeks", "Every month". */
export function repeatsText(
  t: TFunction<'meetings'>,
  series: Pick<MeetingSeries, 'cadence' | 'intervalWeeks'>,
) {
  return series.cadence === Cadence.everyNWeeks && series.intervalWeeks > 1
    ? t('cadence.everyNWeeks', { weeks: series.intervalWeeks })
    : t(`cadence.every.${series.cadence}`);
}

/** The cadence in words: "Every Tuesday at 09:00, 2 h", "Every 2 weeks on Thursday at 14:30, 1 h 30 min". */
export function cadenceText(
  t: TFunction<'meetings'>,
  series: Pick<MeetingSeries, 'cadence' | 'intervalWeeks' | 'weekday' | 'startTime' | 'durationMinutes'>,
): string {
  const when = { time: series.startTime, duration: formatDuration(series.durationMinutes) };
  const day = weekdayInSentence(t, series.weekday);
  if (series.cadence === Cadence.monthly) return t('cadence.sentence.monthly', { day, ...when });
  if (series.cadence === Cadence.everyNWeeks && series.intervalWeeks > 1)
    return t('cadence.sentence.everyNWeeks', { weeks: series.intervalWeeks, day, ...when });
  const key = dayKey(series.weekday);
  const everyDay = key ? t(`cadence.everyDay.${key}`) : day;
  return t('cadence.sentence.weekly', { everyDay, ...when });
}
