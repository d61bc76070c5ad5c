/** The agenda's total time against a typical PerformanceStat meeting (60–120 minutes). */
import { useTranslation } from 'react-i18next';
import { i18next } from '../../i18n/i18n.ts';

export const TYPICAL_MIN = 60;
export const TYPICAL_MAX = 120;

/** The verdict in the reader's language (read when called). */
export function describeBudget(total: number): { tone: 'under' | 'ok' | 'over'; text: string } {
  if (total > TYPICAL_MAX)
    return { tone: 'over', text: i18next.t('meetings:budget.over', { minutes: total - TYPICAL_MAX }) };
  if (total < TYPICAL_MIN)
    return { tone: 'under', text: i18next.t('meetings:budget.short', { minutes: TYPICAL_MIN - total }) };
  return { tone: 'ok', text: i18next.t('meetings:budget.within') };
}

export function TimeBudget({ total, items }: { total: number; items: number }) {
  const { t } = useTranslation('meetings');
  const scale = Math.max(total, TYPICAL_MAX + 30);
  const percent = (value: number) => `${(Math.min(value, scale) / scale) * 100}%`;
  const budget = describeBudget(total);
  return (
    <div className={`budget budget--${budget.tone}`}>
      <div className="budget__numbers">
        <span className="budget__total" data-testid="agenda-total">
          {t('budget.total', { minutes: total })}
        </span>
        <span className="budget__detail">
          {t('budget.items', { count: items })} ·{' '}
          {t('budget.typical', { min: TYPICAL_MIN, max: TYPICAL_MAX })}
        </span>
      </div>
      {/* The bar repeats the numbers above and the verdict below, so it is decoration for screen readers. */}
      <div className="budget__track" aria-hidden="true">
        <span
          className="budget__band"
          style={{
            left: percent(TYPICAL_MIN),
            width: `calc(${percent(TYPICAL_MAX)} - ${percent(TYPICAL_MIN)})`,
          }}
        />
        <span className="budget__fill" style={{ width: percent(total) }} />
      </div>
      <p className="budget__verdict">{budget.text}</p>
    </div>
  );
}
