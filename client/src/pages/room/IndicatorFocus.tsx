/**
 * One of the current item's indicators as a full chart (the indicator page's chart: actual values
 * against the trajectory and target, with the change since about a month or a quarter ago), and a
 * choice among the item's indicators when it has several. Once the meeting has started the chart
 * shows the values pinned at its start, and says which of them have been corrected since.
 */
import { useMemo, useState } from 'react';
import type { DataPoint } from '../../../../shared/performance.ts';
import { corrections, type PinnedSeries } from '../../../../shared/pinnedData.ts';
import { performanceApi } from '../../api/performance.ts';
import { buildChartRows, changeSince, defaultSincePeriod } from '../../charts/chartData.ts';
import { formatValue } from '../../charts/format.ts';
import { IndicatorChart } from '../../charts/IndicatorChart.tsx';
import { longPeriodLabel } from '../../charts/periods.ts';
import type { CatalogIndicator } from '../meetings/prepCatalog.ts';
import { useResource } from '../performance/useResource.ts';
import { formatClockTime } from './roomFormat.ts';

const TEXT = {
  choose: 'Indicator on the chart',
  loading: 'Loading the chart…',
  failed: (message: string) => `The chart could not be loaded: ${message}`,
  retry: 'Try again',
  pinned: (time: string) => `Values as they were when the meeting started (${time}).`,
  corrected: (count: number) => `${count} corrected since:`,
  correction: (period: string, from: string, to: string | null) =>
    to === null ? `${period}: ${from}, since removed` : `${period}: ${from} → ${to}`,
};

/** At most this many corrections are spelled out under the chart. */
const MAX_CORRECTIONS_SHOWN = 3;

interface IndicatorFocusProps {
  indicatorIds: string[];
  catalog: Map<string, CatalogIndicator> | null;
  /** The series pinned when the meeting started, by indicator id. */
  pinned: Record<string, PinnedSeries>;
}

export function IndicatorFocus({ indicatorIds, catalog, pinned }: IndicatorFocusProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const id = chosen && indicatorIds.includes(chosen) ? chosen : (indicatorIds[0] ?? null);
  if (id === null) return null;
  return (
    <div className="focus">
      {indicatorIds.length > 1 && (
        <fieldset className="focus__tabs">
          <legend className="visually-hidden">{TEXT.choose}</legend>
          {indicatorIds.map((indicatorId) => (
            <button
              key={indicatorId}
              type="button"
              className={`focus__tab${indicatorId === id ? ' is-active' : ''}`}
              aria-pressed={indicatorId === id}
              onClick={() => setChosen(indicatorId)}
            >
              {catalog?.get(indicatorId)?.indicator.name ?? indicatorId}
            </button>
          ))}
        </fieldset>
      )}
      <FocusChart key={id} indicatorId={id} pinned={pinned[id] ?? null} />
    </div>
  );
}

function FocusChart({ indicatorId, pinned }: { indicatorId: string; pinned: PinnedSeries | null }) {
  const detail = useResource(`room-indicator:${indicatorId}`, () => performanceApi.indicator(indicatorId));
  const data = detail.state === 'ready' ? detail.data : null;
  const points = useMemo(
    (): DataPoint[] =>
      pinned
        ? pinned.points.map((point) => ({ indicatorId, enteredBy: '', note: null, ...point }))
        : (data?.points ?? []),
    [pinned, data, indicatorId],
  );
  const rows = useMemo(() => (data ? buildChartRows(points, data.plan) : []), [data, points]);
  if (detail.state === 'loading') return <p className="focus__note">{TEXT.loading}</p>;
  if (detail.state === 'error')
    return (
      <p className="focus__note" role="alert">
        {TEXT.failed(detail.error.message)}{' '}
        <button type="button" className="button button--small" onClick={detail.reload}>
          {TEXT.retry}
        </button>
      </p>
    );
  const { indicator } = detail.data;
  const since = defaultSincePeriod(points, indicator.frequency);
  const change = since ? changeSince(points, since, indicator.direction) : null;
  const changed = pinned ? corrections(pinned, detail.data.points) : [];
  const value = (number: number) => formatValue(number, indicator.unit);
  return (
    <>
      <IndicatorChart indicator={indicator} rows={rows} change={change} height="clamp(200px, 30vh, 420px)" />
      {pinned && (
        <p className="focus__note" data-testid="pinned-note">
          {TEXT.pinned(formatClockTime(pinned.pinnedAt))}
          {changed.length > 0 && (
            <>
              {' '}
              <strong>{TEXT.corrected(changed.length)}</strong>{' '}
              {changed
                .slice(0, MAX_CORRECTIONS_SHOWN)
                .map((each) =>
                  TEXT.correction(
                    longPeriodLabel(each.period),
                    value(each.pinned),
                    each.current === null ? null : value(each.current),
                  ),
                )
                .join('; ')}
              {changed.length > MAX_CORRECTIONS_SHOWN && '; …'}
            </>
          )}
        </p>
      )}
    </>
  );
}
