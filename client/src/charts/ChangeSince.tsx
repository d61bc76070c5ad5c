/**
 * "Change since": pick the period to compare the latest value with, and read the difference with
 * its sign, unit (percentage points for a percentage: "+1.5 pp") and whether it is good news for
 * this indicator (an arrow and words, not only colour).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeSince } from './chartData.ts';
import { formatDelta, formatValue } from './format.ts';
import { longPeriodLabel } from './periods.ts';
import './charts.css';

export interface ChangeSinceControlProps {
  periods: string[];
  since: string | null;
  onSinceChange: (period: string) => void;
  change: ChangeSince | null;
  unit: string;
  size?: 'medium' | 'large';
}

export function ChangeSinceControl({
  periods,
  since,
  onSinceChange,
  change,
  unit,
  size = 'medium',
}: ChangeSinceControlProps) {
  const { t } = useTranslation('charts');
  const selectId = useId();
  // The latest period cannot be its own starting point.
  const choices = periods.slice(0, -1).reverse();
  return (
    <div className={`change-since change-since--${size}`}>
      <label htmlFor={selectId} className="change-since__label">
        {t('changeSince.label')}
      </label>
      <select
        id={selectId}
        value={since ?? ''}
        onChange={(event) => onSinceChange(event.target.value)}
        disabled={choices.length === 0}
      >
        {choices.length === 0 && <option value="">{t('changeSince.notEnough')}</option>}
        {choices.map((period) => (
          <option key={period} value={period}>
            {longPeriodLabel(period)}
          </option>
        ))}
      </select>
      {change ? (
        <output className="change-since__delta" data-meaning={change.meaning} aria-live="polite">
          <span className="change-since__arrow" aria-hidden="true">
            {change.delta > 0 ? '▲' : change.delta < 0 ? '▼' : '■'}
          </span>
          <strong>{formatDelta(change.delta, unit)}</strong>
          <span className="change-since__meaning">({t(`changeSince.${change.meaning}`)})</span>
          <span className="change-since__range">
            {formatValue(change.from.value, unit)} → {formatValue(change.to.value, unit)}
          </span>
        </output>
      ) : (
        <output className="change-since__delta muted">—</output>
      )}
    </div>
  );
}
