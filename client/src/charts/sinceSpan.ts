/**
 * The big screen's "change since" span (shared/screenControl.ts) as a period of one indicator's
 * data: `auto` is the chart's own default, the others look back a month, a quarter or a year from
 * the latest value. Pure, so every page that follows the screen picks the same period.
 */
import type { DataPoint, Frequency } from '../../../shared/performance.ts';
import type { SinceSpan } from '../../../shared/screenControl.ts';
import { i18next } from '../i18n/i18n.ts';
import { defaultSincePeriod, periodsWithValues } from './chartData.ts';
import { shiftPeriod } from './periods.ts';

/**
 * Each span's name in the reader's language, read when it is looked up (`SINCE_SPAN_LABELS.month`
 * is "Month" or "Mês"), so that a label is never frozen in the language of the module's first load.
 */
export const SINCE_SPAN_LABELS: Readonly<Record<SinceSpan, string>> = {
  get auto() {
    return i18next.t('charts:sinceSpan.auto');
  },
  get month() {
    return i18next.t('charts:sinceSpan.month');
  },
  get quarter() {
    return i18next.t('charts:sinceSpan.quarter');
  },
  get year() {
    return i18next.t('charts:sinceSpan.year');
  },
};

/** How many periods of each frequency a fixed span looks back. */
const SPAN_PERIODS: Record<Exclude<SinceSpan, 'auto'>, Record<Frequency, number>> = {
  month: { weekly: 4, monthly: 1 },
  quarter: { weekly: 13, monthly: 3 },
  year: { weekly: 52, monthly: 12 },
};

/**
 * The period "change since" starts at for `span`: the latest period with a value at or before the
 * span back from the latest value, else the oldest one (a short series still shows a change).
 */
export function sincePeriodFor(points: DataPoint[], frequency: Frequency, span: SinceSpan): string | null {
  if (span === 'auto') return defaultSincePeriod(points, frequency);
  const periods = periodsWithValues(points);
  const latest = periods[periods.length - 1];
  if (!latest || periods.length < 2) return null;
  const wanted = shiftPeriod(latest, frequency, -SPAN_PERIODS[span][frequency]);
  const candidates = periods.filter((period) => period <= wanted);
  return candidates[candidates.length - 1] ?? periods[0] ?? null;
}
