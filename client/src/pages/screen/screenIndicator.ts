/**
 * One indicator as the big screen shows it, computed from the values pinned when the meeting
 * started (or today's, before the start) and the indicator's definition and plan from the API:
 * the latest value against the trajectory and the target, the change over a span, the status those
 * values give beside the owner's rating of the goal, and the chart's rows. Pure.
 */
import type { DataPoint, IndicatorDetail, RatedStatus, Status } from '../../../../shared/performance.ts';
import { periodOfDate, previousPeriod } from '../../../../shared/periods.ts';
import type { PinnedSeries } from '../../../../shared/pinnedData.ts';
import type { SinceSpan } from '../../../../shared/screenControl.ts';
import { computeStatus, ratingDisagrees } from '../../../../shared/status.ts';
import {
  buildChartRows,
  type ChangeSince,
  type ChartRow,
  changeSince,
  periodsWithValues,
} from '../../charts/chartData.ts';
import { sincePeriodFor } from '../../charts/sinceSpan.ts';

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

export function changeOverSpan(view: ScreenIndicator, span: SinceSpan): ChangeSince | null {
  const { frequency, direction } = view.detail.indicator;
  const since = sincePeriodFor(view.points, frequency, span);
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
