/**
 * One of the current item's indicators as a full chart (the indicator page's chart: actual values
 * against the trajectory and target, with the change since about a month or a quarter ago), and a
 * choice among the item's indicators when it has several.
 */
import { useMemo, useState } from 'react';
import { performanceApi } from '../../api/performance.ts';
import { buildChartRows, changeSince, defaultSincePeriod } from '../../charts/chartData.ts';
import { IndicatorChart } from '../../charts/IndicatorChart.tsx';
import type { CatalogIndicator } from '../meetings/prepCatalog.ts';
import { useResource } from '../performance/useResource.ts';

const TEXT = {
  choose: 'Indicator on the chart',
  loading: 'Loading the chart…',
  failed: (message: string) => `The chart could not be loaded: ${message}`,
  retry: 'Try again',
};

interface IndicatorFocusProps {
  indicatorIds: string[];
  catalog: Map<string, CatalogIndicator> | null;
}

export function IndicatorFocus({ indicatorIds, catalog }: IndicatorFocusProps) {
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
      <FocusChart key={id} indicatorId={id} />
    </div>
  );
}

function FocusChart({ indicatorId }: { indicatorId: string }) {
  const detail = useResource(`room-indicator:${indicatorId}`, () => performanceApi.indicator(indicatorId));
  const data = detail.state === 'ready' ? detail.data : null;
  const rows = useMemo(() => (data ? buildChartRows(data.points, data.plan) : []), [data]);
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
  const { indicator, points } = detail.data;
  const since = defaultSincePeriod(points, indicator.frequency);
  const change = since ? changeSince(points, since, indicator.direction) : null;
  return (
    <IndicatorChart indicator={indicator} rows={rows} change={change} height="clamp(200px, 30vh, 420px)" />
  );
}
