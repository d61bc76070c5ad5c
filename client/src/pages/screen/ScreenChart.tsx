/** The large indicator's chart: the indicator page's chart, filling the space the screen leaves it. */
import type { ChangeSince } from '../../charts/chartData.ts';
import { IndicatorChart } from '../../charts/IndicatorChart.tsx';
import type { ScreenIndicator } from './screenIndicator.ts';

export function ScreenChart({ view, change }: { view: ScreenIndicator; change: ChangeSince | null }) {
  return <IndicatorChart indicator={view.detail.indicator} rows={view.rows} change={change} height="100%" />;
}
