/**
 * The chart's values as a table: the accessible twin of `IndicatorChart` (screen readers, exact
 * numbers, copy-paste). Newest first because analysts look for the latest value; future planned
 * periods are left out (the chart shows them) so the table stays about what has happened.
 */
import type { Indicator } from '../../../shared/performance.ts';
import type { ChartRow } from './chartData.ts';
import { formatDelta, formatValue } from './format.ts';
import { longPeriodLabel } from './periods.ts';
import './charts.css';

export interface IndicatorDataTableProps {
  indicator: Indicator;
  rows: ChartRow[];
  /** The latest period due: periods up to it appear even without a value, so gaps are visible. */
  duePeriod?: string;
}

export function IndicatorDataTable({ indicator, rows, duePeriod }: IndicatorDataTableProps) {
  const lastActual = [...rows].reverse().find((row) => row.actual !== null)?.period ?? '';
  const horizon = duePeriod && duePeriod > lastActual ? duePeriod : lastActual;
  const shown = rows.filter((row) => row.actual !== null || row.period <= horizon).reverse();
  const unit = indicator.unit;
  return (
    <div className="data-table-scroll">
      <table className="data-table" data-testid="indicator-data-table">
        <caption>
          {indicator.name} by period ({unit || 'value'}), newest first. Baseline{' '}
          {formatValue(indicator.baselineValue, unit)} ({indicator.baselineDate}); target{' '}
          {formatValue(indicator.targetValue, unit)} by {indicator.targetDate}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col" className="numeric">
              Actual
            </th>
            <th scope="col" className="numeric">
              Planned
            </th>
            <th scope="col" className="numeric">
              Actual − plan
            </th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 && (
            <tr>
              <td colSpan={5}>No values yet.</td>
            </tr>
          )}
          {shown.map((row) => (
            <tr key={row.period} data-period={row.period}>
              <th scope="row" title={longPeriodLabel(row.period)}>
                {row.period}
              </th>
              <td className="numeric" data-column="actual">
                {row.actual === null ? <span className="muted">missing</span> : formatValue(row.actual, unit)}
              </td>
              <td className="numeric">{row.planned === null ? '—' : formatValue(row.planned, unit)}</td>
              <td className="numeric">
                {row.actual === null || row.planned === null
                  ? '—'
                  : formatDelta(row.actual - row.planned, unit)}
              </td>
              <td className="note">{row.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
