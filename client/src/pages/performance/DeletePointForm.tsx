/**
 * Delete one value of an indicator (analysts), after a confirmation that names the period and the
 * value, with an optional reason. The server records the deletion (who, when, the value, the reason).
 */
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataPoint, Indicator } from '../../../../shared/performance.ts';
import { ApiError } from '../../api/http.ts';
import { performanceApi } from '../../api/performance.ts';
import { formatValue } from '../../charts/format.ts';
import { longPeriodLabel } from '../../charts/periods.ts';
import { errorText } from '../../i18n/errorText.ts';

interface Props {
  indicator: Indicator;
  points: DataPoint[];
  onDeleted: () => void;
}

export function DeletePointForm({ indicator, points, onDeleted }: Props) {
  const { t } = useTranslation(['performance', 'common']);
  const ids = { title: useId(), period: useId(), reason: useId(), question: useId() };
  const newestFirst = [...points].reverse();
  const [period, setPeriod] = useState(newestFirst[0]?.period ?? '');
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reasonInput = useRef<HTMLInputElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const point = points.find((candidate) => candidate.period === period) ?? newestFirst[0];

  useEffect(() => {
    if (confirming) reasonInput.current?.focus();
  }, [confirming]);

  if (!point) {
    return (
      <div className="perf-form">
        <h2>{t('delete.title')}</h2>
        <p className="muted">{done ?? t('delete.none')}</p>
      </div>
    );
  }
  const value = formatValue(point.value, indicator.unit);
  const periodLabel = longPeriodLabel(point.period);

  const cancel = () => {
    setConfirming(false);
    setReason('');
    setError(null);
    askButton.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  };
  async function remove() {
    if (!point) return;
    setBusy(true);
    setError(null);
    try {
      await performanceApi.deletePoint(indicator.id, point.period, reason.trim());
      setDone(t('delete.done', { value, period: periodLabel }));
      setConfirming(false);
      setReason('');
      setPeriod('');
      onDeleted();
    } catch (caught) {
      setError(caught instanceof ApiError ? errorText(caught) : t('delete.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="perf-form" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('delete.title')}</h2>
      <div className="perf-field">
        <label htmlFor={ids.period}>{t('delete.period')}</label>
        <select
          id={ids.period}
          value={point.period}
          disabled={confirming}
          onChange={(event) => {
            setPeriod(event.target.value);
            setDone(null);
          }}
        >
          {newestFirst.map((candidate) => (
            <option key={candidate.period} value={candidate.period}>
              {t('delete.option', {
                period: candidate.period,
                value: formatValue(candidate.value, indicator.unit),
              })}
            </option>
          ))}
        </select>
      </div>
      {!confirming && (
        <button
          ref={askButton}
          type="button"
          className="button button--danger-outline"
          onClick={() => {
            setConfirming(true);
            setDone(null);
          }}
        >
          {t('delete.ask')}
        </button>
      )}
      {confirming && (
        <div className="perf-confirm" role="alertdialog" aria-labelledby={ids.question} onKeyDown={onKeyDown}>
          <p id={ids.question} className="perf-confirm__question">
            {t('delete.question', { value, period: periodLabel, code: point.period })}
          </p>
          <p className="perf-field__hint">{t('delete.consequence')}</p>
          <div className="perf-field">
            <label htmlFor={ids.reason}>{t('delete.reason')}</label>
            <input
              id={ids.reason}
              ref={reasonInput}
              value={reason}
              maxLength={500}
              placeholder={t('delete.reasonHint')}
              onChange={(event) => setReason(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  void remove();
                }
              }}
            />
          </div>
          <div className="perf-confirm__actions">
            <button type="button" className="button button--danger" disabled={busy} onClick={remove}>
              {busy ? t('delete.deleting') : t('delete.confirm', { value })}
            </button>
            <button type="button" className="button button--secondary" onClick={cancel}>
              {t('common:cancel')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="perf-form__error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="perf-form__ok" role="status">
          {done}
        </p>
      )}
    </section>
  );
}
