/**
 * Edit an indicator's definition (analysts): the fields creation takes that describe it. Only the
 * fields changed are sent; the server checks them as at creation and records each from → to with
 * the reason. Its refusal is shown as it said it (it names the field).
 */
import { type FormEvent, useId, useState } from 'react';
import type { Direction, Indicator } from '../../../../shared/performance.ts';
import { ApiError } from '../../api/http.ts';
import { type IndicatorEditBody, performanceApi } from '../../api/performance.ts';
import { parseValue } from './DataPointForm.tsx';

const TEXT = {
  title: 'Edit indicator',
  name: 'Name',
  unit: 'Unit',
  direction: 'Direction',
  up: 'Higher is better',
  down: 'Lower is better',
  baselineValue: 'Baseline value',
  baselineDate: 'Baseline date',
  targetValue: 'Target value',
  targetDate: 'Target date',
  atRisk: 'At risk beyond (% of the planned change behind)',
  offTrack: 'Off track beyond (% of the planned change behind)',
  allowsNegative: 'Values may be negative (a net change, a balance)',
  reason: 'Reason (optional)',
  reasonHint: 'e.g. the target was revised at the quarterly review',
  save: 'Save changes',
  saving: 'Saving…',
  cancel: 'Cancel',
  notNumber: (label: string) => `${label}: enter a number, e.g. 1234.5`,
  empty: (label: string) => `${label}: must not be empty`,
  nothing: 'Nothing was changed.',
  failed: 'The indicator could not be saved',
} as const;

interface Draft {
  name: string;
  unit: string;
  direction: Direction;
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  atRisk: string;
  offTrack: string;
  allowsNegative: boolean;
}

const percent = (fraction: number) => String(Math.round(fraction * 10_000) / 100);

function draftOf(indicator: Indicator): Draft {
  return {
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    baselineValue: String(indicator.baselineValue),
    baselineDate: indicator.baselineDate,
    targetValue: String(indicator.targetValue),
    targetDate: indicator.targetDate,
    atRisk: percent(indicator.thresholds.atRisk),
    offTrack: percent(indicator.thresholds.offTrack),
    allowsNegative: indicator.allowsNegative,
  };
}

/** A threshold typed in percent differs from the stored fraction (beyond the division's rounding). */
const thresholdDiffers = (typed: number | null, stored: number): typed is number =>
  typed !== null && Math.abs(typed - stored) > 1e-9;

/** The fields that differ from the indicator, or the problems that keep the draft from being sent. */
export function editBody(
  indicator: Indicator,
  draft: Draft,
): { body: IndicatorEditBody; problems: string[] } {
  const problems: string[] = [];
  const text = (label: string, value: string) => {
    if (value.trim() === '') problems.push(TEXT.empty(label));
    return value.trim();
  };
  const number = (label: string, value: string) => {
    const parsed = parseValue(value);
    if (parsed === null) problems.push(TEXT.notNumber(label));
    return parsed;
  };
  const name = text(TEXT.name, draft.name);
  const unit = text(TEXT.unit, draft.unit);
  const baselineDate = text(TEXT.baselineDate, draft.baselineDate);
  const targetDate = text(TEXT.targetDate, draft.targetDate);
  const baselineValue = number(TEXT.baselineValue, draft.baselineValue);
  const targetValue = number(TEXT.targetValue, draft.targetValue);
  const atRiskPercent = number(TEXT.atRisk, draft.atRisk);
  const offTrackPercent = number(TEXT.offTrack, draft.offTrack);
  const atRisk = atRiskPercent === null ? null : atRiskPercent / 100;
  const offTrack = offTrackPercent === null ? null : offTrackPercent / 100;

  const body: IndicatorEditBody = {};
  if (name && name !== indicator.name) body.name = name;
  if (unit && unit !== indicator.unit) body.unit = unit;
  if (draft.direction !== indicator.direction) body.direction = draft.direction;
  if (baselineValue !== null && baselineValue !== indicator.baselineValue) body.baselineValue = baselineValue;
  if (baselineDate && baselineDate !== indicator.baselineDate) body.baselineDate = baselineDate;
  if (targetValue !== null && targetValue !== indicator.targetValue) body.targetValue = targetValue;
  if (targetDate && targetDate !== indicator.targetDate) body.targetDate = targetDate;
  const thresholds: { atRisk?: number; offTrack?: number } = {};
  if (thresholdDiffers(atRisk, indicator.thresholds.atRisk)) thresholds.atRisk = atRisk;
  if (thresholdDiffers(offTrack, indicator.thresholds.offTrack)) thresholds.offTrack = offTrack;
  if (Object.keys(thresholds).length > 0) body.thresholds = thresholds;
  if (draft.allowsNegative !== indicator.allowsNegative) body.allowsNegative = draft.allowsNegative;
  return { body, problems };
}

interface Props {
  indicator: Indicator;
  onSaved: () => void;
  onCancel: () => void;
}

export function IndicatorEditForm({ indicator, onSaved, onCancel }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(indicator));
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { body, problems } = editBody(indicator, draft);
    if (problems.length > 0) return setError(problems.join('; '));
    if (Object.keys(body).length === 0) return setError(TEXT.nothing);
    setSaving(true);
    setError(null);
    try {
      await performanceApi.editIndicator(indicator.id, {
        ...body,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      onSaved();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : TEXT.failed);
    } finally {
      setSaving(false);
    }
  }

  const field = (
    key: 'name' | 'unit' | 'baselineValue' | 'targetValue' | 'atRisk' | 'offTrack',
    label: string,
  ) => (
    <div className="perf-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        name={key}
        value={draft[key]}
        inputMode={key === 'name' || key === 'unit' ? undefined : 'decimal'}
        autoComplete="off"
        onChange={(event) => set(key, event.target.value)}
      />
    </div>
  );
  const date = (key: 'baselineDate' | 'targetDate', label: string) => (
    <div className="perf-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        name={key}
        type="date"
        min="1990-01-01"
        max="2100-12-31"
        value={draft[key]}
        onChange={(event) => set(key, event.target.value)}
      />
    </div>
  );

  return (
    <form
      className="perf-form indicator-edit"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{TEXT.title}</h2>
      <div className="indicator-edit__grid">
        {field('name', TEXT.name)}
        {field('unit', TEXT.unit)}
        <div className="perf-field">
          <label htmlFor={`${id}-direction`}>{TEXT.direction}</label>
          <select
            id={`${id}-direction`}
            name="direction"
            value={draft.direction}
            onChange={(event) => set('direction', event.target.value === 'down' ? 'down' : 'up')}
          >
            <option value="up">{TEXT.up}</option>
            <option value="down">{TEXT.down}</option>
          </select>
        </div>
        {field('baselineValue', TEXT.baselineValue)}
        {date('baselineDate', TEXT.baselineDate)}
        {field('targetValue', TEXT.targetValue)}
        {date('targetDate', TEXT.targetDate)}
        {field('atRisk', TEXT.atRisk)}
        {field('offTrack', TEXT.offTrack)}
        <label className="indicator-edit__check">
          <input
            type="checkbox"
            name="allowsNegative"
            checked={draft.allowsNegative}
            onChange={(event) => set('allowsNegative', event.target.checked)}
          />{' '}
          {TEXT.allowsNegative}
        </label>
      </div>
      <div className="perf-field">
        <label htmlFor={`${id}-reason`}>{TEXT.reason}</label>
        <input
          id={`${id}-reason`}
          name="reason"
          value={reason}
          maxLength={500}
          placeholder={TEXT.reasonHint}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      {error && (
        <p className="perf-form__error" role="alert">
          {error}
        </p>
      )}
      <div className="perf-confirm__actions">
        <button type="submit" className="perf-button" disabled={saving}>
          {saving ? TEXT.saving : TEXT.save}
        </button>
        <button type="button" className="perf-button perf-button--secondary" onClick={onCancel}>
          {TEXT.cancel}
        </button>
      </div>
    </form>
  );
}
