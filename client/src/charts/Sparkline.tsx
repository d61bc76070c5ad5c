/**
 * A compact trend line for lists: no axes, no tooltip, just the shape of the last values and a dot
 * on the latest one. Plain SVG rather than recharts: dozens appear on one page, and a polyline per
 * row keeps the objective page fast and the markup tiny.
 */
import { useTranslation } from 'react-i18next';
import { formatValue } from './format.ts';

export interface SparklineProps {
  values: number[];
  unit?: string;
  width?: number;
  height?: number;
}

export function Sparkline({ values, unit = '', width = 120, height = 32 }: SparklineProps) {
  const { t } = useTranslation('charts');
  if (values.length === 0) return <span className="sparkline sparkline--empty">{t('sparkline.empty')}</span>;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const pad = 3;
  const x = (index: number) =>
    values.length === 1 ? width / 2 : pad + (index * (width - 2 * pad)) / (values.length - 1);
  const y = (value: number) => height - pad - ((value - min) * (height - 2 * pad)) / span;
  const points = values.map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
  const last = values[values.length - 1]!;
  const first = values[0]!;
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t('sparkline.label', {
        count: values.length,
        first: formatValue(first, unit),
        last: formatValue(last, unit),
      })}
    >
      <polyline points={points} fill="none" stroke="var(--chart-actual)" strokeWidth="1.6" />
      <circle cx={x(values.length - 1)} cy={y(last)} r="2.6" fill="var(--chart-actual)" />
    </svg>
  );
}
