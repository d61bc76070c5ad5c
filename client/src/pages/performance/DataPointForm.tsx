/**
 * Enter or correct one value of an indicator (analysts). Checked before sending — a number, and a
 * period in the indicator's own format — and the server's refusal, if any, shown as it said it.
 * A value far outside the series so far is refused once (`needs_confirmation`): the message says
 * why and the button becomes "Save anyway", which sends it again with `confirm`.
 */
import { type FormEvent, useId, useState } from 'react';
import { ErrorCode } from '../../../../shared/errors.ts';
import { type DataPoint, type Indicator, valueProblem } from '../../../../shared/performance.ts';
import { ApiError, api } from '../../api/http.ts';
import { formatValue } from '../../charts/format.ts';
import { periodProblem } from '../../charts/periods.ts';

/** Parses what an analyst typed: digits with an optional sign and decimal point; thousands separators allowed. */
export function parseValue(text: string): number | null {
  const cleaned = text.trim().replace(/[\s,](?=\d{3}(\D|$))/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

interface Props {
  indicator: Indicator;
  points: DataPoint[];
  duePeriod: string;
  onSaved: (period: string) => void;
}

export function DataPointForm({ indicator, points, duePeriod, onSaved }: Props) {
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
      ? 'Enter a value'
      : value === null
        ? 'Enter a number, e.g. 1234.5'
        : valueProblem(value, indicator.allowsNegative);
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
      setSaved(`Saved ${formatValue(value, indicator.unit)} for ${period.trim()}.`);
      setValueText('');
      setNote('');
      setTouched(false);
      onSaved(period.trim());
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.needsConfirmation) {
        setToConfirm({ period: period.trim(), value });
      }
      setServerError(error instanceof ApiError ? error.message : 'The value could not be saved');
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="perf-form" onSubmit={submit} noValidate aria-labelledby={`${ids.period}-title`}>
      <h2 id={`${ids.period}-title`}>Enter or correct a value</h2>
      <div className="perf-field">
        <label htmlFor={ids.period}>Period ({indicator.frequency === 'weekly' ? 'ISO week' : 'month'})</label>
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
          <p className="perf-field__hint">Replaces {formatValue(existing.value, indicator.unit)}.</p>
        )}
      </div>
      <div className="perf-field">
        <label htmlFor={ids.value}>Value{indicator.unit ? ` (${indicator.unit})` : ''}</label>
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
        <label htmlFor={ids.note}>Note (optional)</label>
        <input id={ids.note} name="note" value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <button type="submit" className="perf-button" disabled={saving}>
        {saving ? 'Saving…' : confirming ? 'Save anyway' : existing ? 'Correct value' : 'Save value'}
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
