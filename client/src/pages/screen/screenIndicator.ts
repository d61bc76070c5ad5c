/**
 * One indicator as the big screen shows it, computed from the values pinned when the meeting
 * started (or today's, before the start) and the indicator's definition and plan from the API:
 * the latest value against the trajectory and the target, the change over a span, the status those
 * values give beside the owner's rating of the goal, and the chart's rows. Pure.
 */
import type {
  DataPoint,
  Frequency,
  IndicatorDetail,
  RatedStatus,
  Status,
} from '../../../../shared/performance.ts';
import { periodOfDate, previousPeriod } from '../../../../shared/periods.ts';
import type { PinnedSeries } from '../../../../shared/pinnedData.ts';
import type { SinceSpan } from '../../../../shared/screenControl.ts';
import { computeStatus, ratingDisagrees } from '../../../../shared/status.ts';
import {
  buildChartRows,
  type ChangeSince,
  type ChartRow,
  changeSince,
  defaultSincePeriod,
  periodsWithValues,
} from '../../charts/chartData.ts';
import { shiftPeriod } from '../../charts/periods.ts';

export interface ScreenIndicator {
  detail: IndicatorDetail;
  points: DataPoint[];
  latest: { period: string; value: number } | null;
  /** The trajectory's value in the latest value's period. */
  planned: number | null;
  status: Status;
  rating: RatedStatus | null;
  disagrees: boolean;
  rows: ChartRow[];
}

export function screenIndicator(detail: IndicatorDetail, pinned: PinnedSeries | null): ScreenIndicator {
  const { indicator } = detail;
  const points: DataPoint[] = pinned
    ? pinned.points.map((point) => ({ indicatorId: indicator.id, enteredBy: '', note: null, ...point }))
    : detail.points;
  const computed = computeStatus(indicator, points);
  const rating = detail.goal.ownerRating?.status ?? null;
  return {
    detail,
    points,
    latest: computed.latest,
    planned: computed.planned,
    status: computed.status,
    rating,
    disagrees: ratingDisagrees(rating, computed.status),
    rows: buildChartRows(points, detail.plan),
  };
}

/** Periods in each fixed span, by frequency. */
const SPAN_PERIODS: Record<Exclude<SinceSpan, 'auto'>, Record<Frequency, number>> = {
  month: { weekly: 4, monthly: 1 },
  quarter: { weekly: 13, monthly: 3 },
  year: { weekly: 52, monthly: 12 },
};

/** The latest period with a value at or before `wanted` (the oldest value when none is). */
function valueAtOrBefore(points: DataPoint[], wanted: string): string | null {
  const periods = periodsWithValues(points);
  if (periods.length < 2) return null;
  const candidates = periods.slice(0, -1).filter((period) => period <= wanted);
  return candidates[candidates.length - 1] ?? periods[0]!;
}

/** Where "change since" starts for the screen's span: 'auto' is the indicator page's default. */
export function sincePeriod(points: DataPoint[], frequency: Frequency, span: SinceSpan): string | null {
  if (span === 'auto') return defaultSincePeriod(points, frequency);
  const periods = periodsWithValues(points);
  const latest = periods[periods.length - 1];
  if (!latest) return null;
  return valueAtOrBefore(points, shiftPeriod(latest, frequency, -SPAN_PERIODS[span][frequency]));
}

export function changeOverSpan(view: ScreenIndicator, span: SinceSpan): ChangeSince | null {
  const { frequency, direction } = view.detail.indicator;
  const since = sincePeriod(view.points, frequency, span);
  return since ? changeSince(view.points, since, direction) : null;
}

/**
 * The change since the last meeting: from the latest value that meeting could have shown (a period
 * that had ended by its date) to the latest value now. Null when there is no earlier meeting or no
 * value from before it.
 */
export function changeSinceMeeting(
  view: ScreenIndicator,
  lastMeetingDate: string | null,
): ChangeSince | null {
  if (!lastMeetingDate || !view.latest) return null;
  const { frequency, direction } = view.detail.indicator;
  const lastEnded = previousPeriod(periodOfDate(lastMeetingDate, frequency), frequency);
  const before = periodsWithValues(view.points).filter((period) => period <= lastEnded);
  const since = before[before.length - 1];
  return since ? changeSince(view.points, since, direction) : null;
}
