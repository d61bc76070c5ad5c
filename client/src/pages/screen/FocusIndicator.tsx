/**
 * The indicator the screen shows large: its name, its chart beside its numbers, the change over the span
 * the chair or presenter chose, and the statuses. The chart is loaded on demand, so the numbers
 * are on screen before the chart library is.
 */
import { lazy, memo, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorDetail } from '../../../../shared/performance.ts';
import type { PinnedSeries } from '../../../../shared/pinnedData.ts';
import type { SinceSpan } from '../../../../shared/screenControl.ts';
import { longPeriodLabel } from '../../charts/periods.ts';
import { useAfterPaint } from '../../components/useAfterPaint.ts';
import { Change, Figures, Statuses } from './IndicatorFigures.tsx';
import { changeOverSpan, screenIndicator } from './screenIndicator.ts';
import type { Known } from './useLastKnown.ts';

type ChartComponent = typeof import('./ScreenChart.tsx').ScreenChart;
/** Set once the chart's code is in: drawn directly then, since a lazy component suspends once anyway. */
let loadedChart: ChartComponent | null = null;
let loading: Promise<{ default: ChartComponent }> | null = null;
const loadChart = () =>
  (loading ??= import('./ScreenChart.tsx').then((module) => {
    loadedChart = module.ScreenChart;
    return { default: module.ScreenChart };
  }));
const LazyChart = lazy(loadChart);
/** Starts loading the chart's code early, so an item's chart does not appear a beat after its title. */
export const preloadScreenChart = (): void => void loadChart();

interface FocusIndicatorProps {
  indicatorId: string;
  detail: Known<IndicatorDetail>;
  pinned: PinnedSeries | null;
  since: SinceSpan;
}

// Memoized: a commitment typed during the item must not redraw the chart (the slow part of a paint).
export const FocusIndicator = memo(function FocusIndicator({
  indicatorId,
  detail,
  pinned,
  since,
}: FocusIndicatorProps) {
  const { t } = useTranslation('screen');
  const data = detail.state === 'ready' ? detail.data : null;
  const view = useMemo(() => (data ? screenIndicator(data, pinned) : null), [data, pinned]);
  // Mounted per indicator (keyed by the item view): a new indicator's name and numbers first.
  const chartReady = useAfterPaint();
  if (!view)
    return (
      <section className="screen-focus screen-focus--note" data-indicator-id={indicatorId}>
        <p className="screen-muted">{detail.state === 'failed' ? t('focus.failed') : t('focus.loading')}</p>
      </section>
    );
  const { indicator } = view.detail;
  const change = changeOverSpan(view, since);
  const Chart = loadedChart ?? LazyChart;
  return (
    <section className="screen-focus" data-testid="screen-focus" data-indicator-id={indicatorId}>
      <div className="screen-focus__head">
        <div className="screen-focus__naming">
          <h2 className="screen-focus__name">{indicator.name}</h2>
          {pinned && <p className="screen-focus__pinned">{t('focus.pinned')}</p>}
        </div>
        {/* The judgement by the name: the one line the room must not miss. */}
        <Statuses view={view} />
      </div>
      <div className="screen-focus__body">
        <div className="screen-focus__chart">
          <Suspense fallback={null}>{chartReady && <Chart view={view} change={change} />}</Suspense>
        </div>
        {/* The numbers and the judgement beside the chart, so the chart gets the whole height. */}
        <div className="screen-focus__numbers">
          <Figures view={view} size="large" />
          <Change
            change={change}
            unit={indicator.unit}
            label={change ? t('focus.since', { period: longPeriodLabel(change.from.period) }) : ''}
          />
        </div>
      </div>
    </section>
  );
});
