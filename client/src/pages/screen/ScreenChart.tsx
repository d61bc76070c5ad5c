/** The large indicator's chart: the indicator page's chart, filling the space the screen leaves it. */
import type { ChangeSince } from '../../charts/chartData.ts';
import { IndicatorChart } from '../../charts/IndicatorChart.tsx';
import type { ScreenIndicator } from './screenIndicator.ts';

/** The app's text size the chart is laid out for, in px. */
const APP_FONT_PX = 16;

export function ScreenChart({ view, change }: { view: ScreenIndicator; change: ChangeSince | null }) {
  const rootFontPx = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return (
    <IndicatorChart
      indicator={view.detail.indicator}
      rows={view.rows}
      change={change}
      height="100%"
      textScale={rootFontPx / APP_FONT_PX}
      // The screen's layout scales with its text, so the same few labels fit at every resolution.
      maxPeriodLabels={4}
    />
  );
}
