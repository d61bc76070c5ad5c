/**
 * An indicator against its plan: actual values, the dashed trajectory, the baseline, the target
 * (a marker at the target date and value) and a highlighted "change since" span, with a legend and
 * large axis labels that stay legible on a room screen at 1920×1080.
 *
 * Why recharts: it renders React-native SVG (no imperative canvas to keep in sync with React
 * state), series and reference lines compose as JSX children, its SVG carries an accessibility
 * layer (keyboard-navigable tooltip, title/desc), and it is widely used and actively maintained.
 * The chart is never the only way to read the values: `IndicatorDataTable` shows the same rows.
 */

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Indicator } from '../../../shared/performance.ts';
import type { ChangeSince, ChartRow } from './chartData.ts';
import { formatValue } from './format.ts';
import { longPeriodLabel, shortPeriodLabel } from './periods.ts';
import './charts.css';

export interface IndicatorChartProps {
  indicator: Indicator;
  rows: ChartRow[];
  /** The span to highlight; null shows no highlight. */
  change: ChangeSince | null;
  /** CSS height of the plot (grows with the screen by default); the width follows the container. */
  height?: number | string;
  /**
   * How much larger than the app's 16 px the page's text is. The period axis is laid out in px (its
   * height, the gap between labels), so a page that scales its text up (the big screen) scales it.
   */
  textScale?: number;
  /**
   * At most this many period labels, evenly spaced. For a page whose layout scales with its text,
   * where the chart's own spacing (measured at its small font) would let scaled labels overlap.
   */
  maxPeriodLabels?: number;
}

export function IndicatorChart({
  indicator,
  rows,
  change,
  height = 'clamp(300px, 44vh, 560px)',
  textScale = 1,
  maxPeriodLabels,
}: IndicatorChartProps) {
  const { t } = useTranslation('charts');
  const unit = indicator.unit;
  const plannedRows = rows.filter((row) => row.planned !== null);
  const targetPeriod = plannedRows[plannedRows.length - 1]?.period ?? null;
  const valueLabel = (value: number) => formatValue(value, unit);

  return (
    <figure className="indicator-chart">
      <ChartLegend hasChange={change !== null} />
      <LineChart
        data={rows}
        responsive
        style={{ width: '100%', height }}
        // The first period label is centred on the plot's left edge: scaled, it needs room there.
        margin={{ top: 28, right: 32, bottom: 8, left: Math.round(32 * textScale) - 24 }}
        title={t('chart.title', { name: indicator.name })}
        desc={t('chart.desc', {
          baseline: valueLabel(indicator.baselineValue),
          baselineDate: indicator.baselineDate,
          target: valueLabel(indicator.targetValue),
          targetDate: indicator.targetDate,
        })}
      >
        <CartesianGrid stroke="var(--color-border)" vertical={false} />
        <XAxis
          dataKey="period"
          tickFormatter={shortPeriodLabel}
          minTickGap={28}
          {...(maxPeriodLabels
            ? { interval: Math.max(0, Math.ceil(rows.length / maxPeriodLabels) - 1) }
            : {})}
          tickMargin={Math.round(8 * textScale)}
          height={Math.round(30 * textScale)}
          stroke="var(--color-text-muted)"
        />
        <YAxis
          tickFormatter={(value: number) => formatValue(value)}
          width="auto"
          domain={['auto', 'auto']}
          // Keeps points and the baseline off the plot's top and bottom edges.
          padding={{ top: 16, bottom: 16 }}
          stroke="var(--color-text-muted)"
        />
        <Tooltip
          formatter={(value, name) => [typeof value === 'number' ? valueLabel(value) : '—', name]}
          labelFormatter={(label) => (typeof label === 'string' ? longPeriodLabel(label) : label)}
        />
        {change && (
          <ReferenceArea
            x1={change.from.period}
            x2={change.to.period}
            fill="var(--color-primary-soft)"
            fillOpacity={0.9}
            stroke="var(--color-primary)"
            strokeOpacity={0.25}
          />
        )}
        <ReferenceLine
          y={indicator.baselineValue}
          stroke="var(--chart-baseline)"
          strokeWidth={2}
          strokeDasharray="2 5"
          ifOverflow="extendDomain"
          label={{
            value: t('chart.baseline', { value: valueLabel(indicator.baselineValue) }),
            position: 'insideBottomLeft',
          }}
        />
        <Line
          dataKey="planned"
          name={t('chart.trajectory')}
          stroke="var(--chart-trajectory)"
          strokeWidth={2}
          strokeDasharray="9 7"
          dot={false}
          activeDot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          dataKey="actual"
          name={t('chart.actual')}
          stroke="var(--chart-actual)"
          strokeWidth={3.5}
          dot={{ r: 3.5, fill: 'var(--chart-actual)', strokeWidth: 0 }}
          activeDot={{ r: 6 }}
          isAnimationActive={false}
        />
        {targetPeriod && (
          <ReferenceLine
            x={targetPeriod}
            stroke="var(--chart-target)"
            strokeWidth={1.5}
            strokeDasharray="4 4"
            label={(props: { viewBox?: unknown }) => (
              <TargetLabel
                viewBox={props.viewBox}
                text={t('chart.target', { value: valueLabel(indicator.targetValue) })}
              />
            )}
          />
        )}
        {targetPeriod && (
          <ReferenceDot
            x={targetPeriod}
            y={indicator.targetValue}
            r={8}
            fill="var(--chart-target)"
            stroke="var(--color-surface)"
            strokeWidth={2}
            ifOverflow="extendDomain"
          />
        )}
        {change && (
          <ReferenceDot
            x={change.from.period}
            y={change.from.value}
            r={6}
            fill="var(--color-surface)"
            stroke="var(--chart-actual)"
            strokeWidth={3}
          />
        )}
      </LineChart>
    </figure>
  );
}

/**
 * The target's label, drawn inside the plot to the left of the target line: the target usually
 * sits at the right edge, where a label centred on the marker would be cut off.
 */
function TargetLabel({ viewBox, text }: { viewBox: unknown; text: string }) {
  if (typeof viewBox !== 'object' || viewBox === null || !('x' in viewBox) || !('y' in viewBox)) return null;
  const { x, y } = viewBox as { x: number; y: number };
  return (
    <text x={x - 10} y={y + 20} textAnchor="end" className="indicator-chart__target-label">
      {text}
    </text>
  );
}

/** One legend entry: a small swatch drawn like the series it names, then its label. */
function LegendEntry({ label, children }: { label: string; children: ReactNode }) {
  return (
    <li>
      <svg viewBox="0 0 28 12" aria-hidden="true">
        {children}
      </svg>
      {label}
    </li>
  );
}

const legendLine = (stroke: string, strokeWidth: number, strokeDasharray?: string) => (
  <line
    x1="0"
    y1="6"
    x2="28"
    y2="6"
    stroke={stroke}
    strokeWidth={strokeWidth}
    strokeDasharray={strokeDasharray}
  />
);

/** An HTML legend (not recharts' own) so it can name the reference lines too and scale with the page's type. */
function ChartLegend({ hasChange }: { hasChange: boolean }) {
  const { t } = useTranslation('charts');
  return (
    <ul className="chart-legend" aria-label={t('chart.legend')}>
      <LegendEntry label={t('chart.actual')}>
        {legendLine('var(--chart-actual)', 3.5)}
        <circle cx="14" cy="6" r="3.5" fill="var(--chart-actual)" />
      </LegendEntry>
      <LegendEntry label={t('chart.trajectoryPlan')}>
        {legendLine('var(--chart-trajectory)', 2, '7 5')}
      </LegendEntry>
      <LegendEntry label={t('chart.baselineEntry')}>
        {legendLine('var(--chart-baseline)', 2, '2 5')}
      </LegendEntry>
      <LegendEntry label={t('chart.targetEntry')}>
        <circle cx="14" cy="6" r="5" fill="var(--chart-target)" />
      </LegendEntry>
      {hasChange && (
        <LegendEntry label={t('chart.changeSince')}>
          <rect
            x="1"
            y="0"
            width="26"
            height="12"
            fill="var(--color-primary-soft)"
            stroke="var(--color-primary)"
          />
        </LegendEntry>
      )}
    </ul>
  );
}
