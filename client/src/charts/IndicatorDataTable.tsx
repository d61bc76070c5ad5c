/**
 * The chart's values as a table: the accessible twin of `IndicatorChart` (screen readers, exact
 * numbers, copy-paste). Newest first because analysts look for the latest value; future planned
 * periods are left out (the chart shows them) so the table stays about what has happened.
 */
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('charts');
  const lastActual = [...rows].reverse().find((row) => row.actual !== null)?.period ?? '';
  const horizon = duePeriod && duePeriod > lastActual ? duePeriod : lastActual;
  const shown = rows.filter((row) => row.actual !== null || row.period <= horizon).reverse();
  const unit = indicator.unit;
  return (
    <div className="data-table-scroll">
      <table className="data-table" data-testid="indicator-data-table">
        <caption>
          {t('table.caption', {
            name: indicator.name,
            unit: unit || t('table.value'),
            baseline: formatValue(indicator.baselineValue, unit),
            baselineDate: indicator.baselineDate,
            target: formatValue(indicator.targetValue, unit),
            targetDate: indicator.targetDate,
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('table.period')}</th>
            <th scope="col" className="numeric">
              {t('table.actual')}
            </th>
            <th scope="col" className="numeric">
              {t('table.planned')}
            </th>
            <th scope="col" className="numeric">
              {t('table.actualMinusPlan')}
            </th>
            <th scope="col">{t('table.note')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 && (
            <tr>
              <td colSpan={5}>{t('table.empty')}</td>
            </tr>
          )}
          {shown.map((row) => (
            <tr key={row.period} data-period={row.period}>
              <th scope="row" title={longPeriodLabel(row.period)}>
                {row.period}
              </th>
              <td className="numeric" data-column="actual">
                {row.actual === null ? (
                  <span className="muted">{t('table.missing')}</span>
                ) : (
                  formatValue(row.actual, unit)
                )}
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
