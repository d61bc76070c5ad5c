/**
 * Enter or correct one value of an indicator (analysts). Checked before sending — a number, and a
 * period in the indicator's own format — and the server's refusal, if any, shown as it said it.
 * A value far outside the series so far is refused once (`needs_confirmation`): the message says
 * why and the button becomes "Save anyway", which sends it again with `confirm`.
 */

import type { TFunction } from 'i18next';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCode } from '../../../../shared/errors.ts';
import {
  type DataPoint,
  type Indicator,
  MAX_ABS_VALUE,
  valueProblem,
} from '../../../../shared/performance.ts';
import { ApiError, api } from '../../api/http.ts';
import { formatValue } from '../../charts/format.ts';
import { periodProblem } from '../../charts/periods.ts';
import { errorText } from '../../i18n/errorText.ts';
import { parseValue } from './numberInput.ts';

/** `valueProblem`'s refusal in the reader's language (the same checks, in the same order). */
function valueProblemText(
  value: number,
  allowsNegative: boolean,
  t: TFunction<'performance'>,
): string | null {
  if (valueProblem(value, allowsNegative) === null) return null;
  if (!Number.isFinite(value)) return t('entry.notFinite');
  if (Math.abs(value) > MAX_ABS_VALUE)
    return t('entry.tooLarge', { value: String(value), max: MAX_ABS_VALUE.toExponential() });
  return t('entry.negative', { value: String(value) });
}

interface Props {
  indicator: Indicator;
  points: DataPoint[];
  duePeriod: string;
  onSaved: (period: string) => void;
}

export function DataPointForm({ indicator, points, duePeriod, onSaved }: Props) {
  const { t } = useTranslation('performance');
  const ids = { period: useId(), value: useId(), note: useId(), periodError: useId(), valueError: useId() };
  const [period, setPeriod] = useState(duePeriod);
  const [valueText, setValueText] = useState('');
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  /** The period and value the server asked to confirm: "Save anyway" sends exactly those. */
  const [toConfirm, setToConfirm] = useState<{ period: string; value: number } | null>(null);

  const periodError = periodProblem(period.trim(), indicator.frequency);
  const value = parseValue(valueText);
  const valueError =
    valueText.trim() === ''
      ? t('entry.enterValue')
      : value === null
        ? t('entry.notNumber')
        : valueProblemText(value, indicator.allowsNegative, t);
  const confirming = toConfirm !== null && toConfirm.period === period.trim() && toConfirm.value === value;
  const existing = points.find((point) => point.period === period.trim());

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setSaved(null);
    setServerError(null);
    if (periodError || valueError || value === null) return;
    setSaving(true);
    try {
      const trimmedNote = note.trim();
      await api.put(
        `/api/indicators/${encodeURIComponent(indicator.id)}/points/${encodeURIComponent(period.trim())}`,
        { value, ...(trimmedNote ? { note: trimmedNote } : {}), ...(confirming ? { confirm: true } : {}) },
      );
      setToConfirm(null);
      setSaved(t('entry.saved', { value: formatValue(value, indicator.unit), period: period.trim() }));
      setValueText('');
      setNote('');
      setTouched(false);
      onSaved(period.trim());
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.needsConfirmation) {
        setToConfirm({ period: period.trim(), value });
      }
      setServerError(error instanceof ApiError ? errorText(error) : t('entry.failed'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="perf-form" onSubmit={submit} noValidate aria-labelledby={`${ids.period}-title`}>
      <h2 id={`${ids.period}-title`}>{t('entry.title')}</h2>
      <div className="perf-field">
        <label htmlFor={ids.period}>
          {indicator.frequency === 'weekly' ? t('entry.periodWeekly') : t('entry.periodMonthly')}
        </label>
        <input
          id={ids.period}
          name="period"
          value={period}
          onChange={(event) => setPeriod(event.target.value)}
          placeholder={indicator.frequency === 'weekly' ? '2026-W07' : '2026-03'}
          aria-invalid={touched && periodError !== null}
          aria-describedby={touched && periodError ? ids.periodError : undefined}
          autoComplete="off"
        />
        {touched && periodError && (
          <p id={ids.periodError} className="perf-field__error">
            {periodError}
          </p>
        )}
        {!periodError && existing && (
          <p className="perf-field__hint">
            {t('entry.replaces', { value: formatValue(existing.value, indicator.unit) })}
          </p>
        )}
      </div>
      <div className="perf-field">
        <label htmlFor={ids.value}>
          {indicator.unit ? t('entry.valueIn', { unit: indicator.unit }) : t('entry.value')}
        </label>
        <input
          id={ids.value}
          name="value"
          inputMode="decimal"
          value={valueText}
          onChange={(event) => setValueText(event.target.value)}
          aria-invalid={touched && valueError !== null}
          aria-describedby={touched && valueError ? ids.valueError : undefined}
          autoComplete="off"
        />
        {touched && valueError && (
          <p id={ids.valueError} className="perf-field__error">
            {valueError}
          </p>
        )}
      </div>
      <div className="perf-field">
        <label htmlFor={ids.note}>{t('entry.note')}</label>
        <input id={ids.note} name="note" value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <button type="submit" className="button button--primary" disabled={saving}>
        {saving
          ? t('entry.saving')
          : confirming
            ? t('entry.saveAnyway')
            : existing
              ? t('entry.correct')
              : t('entry.save')}
      </button>
      {serverError && (
        <p className="perf-form__error" role="alert">
          {serverError}
        </p>
      )}
      {saved && (
        <p className="perf-form__ok" role="status">
          {saved}
        </p>
      )}
    </form>
  );
}
