/**
 * Edit an indicator's definition (analysts): the fields creation takes that describe it. Only the
 * fields changed are sent; the server checks them as at creation and records each from → to with
 * the reason. Its refusal is shown as it said it (it names the field).
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Direction, Indicator } from '../../../../shared/performance.ts';
import { ApiError } from '../../api/http.ts';
import { type IndicatorEditBody, performanceApi } from '../../api/performance.ts';
import { errorText } from '../../i18n/errorText.ts';
import { i18next } from '../../i18n/i18n.ts';
import { parseValue, valueText } from './numberInput.ts';

/** A field's label, at call time (also names the field in a problem). */
type FieldLabel =
  | 'name'
  | 'unit'
  | 'baselineValue'
  | 'baselineDate'
  | 'targetValue'
  | 'targetDate'
  | 'atRisk'
  | 'offTrack';
const label = (field: FieldLabel) => i18next.t(`performance:edit.${field}`);

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

const percent = (fraction: number) => valueText(Math.round(fraction * 10_000) / 100);

function draftOf(indicator: Indicator): Draft {
  return {
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    baselineValue: valueText(indicator.baselineValue),
    baselineDate: indicator.baselineDate,
    targetValue: valueText(indicator.targetValue),
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
  const text = (field: FieldLabel, value: string) => {
    if (value.trim() === '') problems.push(i18next.t('performance:edit.empty', { label: label(field) }));
    return value.trim();
  };
  const number = (field: FieldLabel, value: string) => {
    const parsed = parseValue(value);
    if (parsed === null) problems.push(i18next.t('performance:edit.notNumber', { label: label(field) }));
    return parsed;
  };
  const name = text('name', draft.name);
  const unit = text('unit', draft.unit);
  const baselineDate = text('baselineDate', draft.baselineDate);
  const targetDate = text('targetDate', draft.targetDate);
  const baselineValue = number('baselineValue', draft.baselineValue);
  const targetValue = number('targetValue', draft.targetValue);
  const atRiskPercent = number('atRisk', draft.atRisk);
  const offTrackPercent = number('offTrack', draft.offTrack);
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
  const { t } = useTranslation(['performance', 'charts', 'common']);
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
    if (Object.keys(body).length === 0) return setError(t('edit.nothing'));
    setSaving(true);
    setError(null);
    try {
      await performanceApi.editIndicator(indicator.id, {
        ...body,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      onSaved();
    } catch (caught) {
      setError(caught instanceof ApiError ? errorText(caught) : t('edit.failed'));
    } finally {
      setSaving(false);
    }
  }

  const field = (key: 'name' | 'unit' | 'baselineValue' | 'targetValue' | 'atRisk' | 'offTrack') => (
    <div className="perf-field">
      <label htmlFor={`${id}-${key}`}>{t(`edit.${key}`)}</label>
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
  const date = (key: 'baselineDate' | 'targetDate') => (
    <div className="perf-field">
      <label htmlFor={`${id}-${key}`}>{t(`edit.${key}`)}</label>
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
      <h2 id={`${id}-title`}>{t('edit.title')}</h2>
      <div className="indicator-edit__grid">
        {field('name')}
        {field('unit')}
        <div className="perf-field">
          <label htmlFor={`${id}-direction`}>{t('edit.direction')}</label>
          <select
            id={`${id}-direction`}
            name="direction"
            value={draft.direction}
            onChange={(event) => set('direction', event.target.value === 'down' ? 'down' : 'up')}
          >
            <option value="up">{t('charts:direction.up')}</option>
            <option value="down">{t('charts:direction.down')}</option>
          </select>
        </div>
        {field('baselineValue')}
        {date('baselineDate')}
        {field('targetValue')}
        {date('targetDate')}
        {field('atRisk')}
        {field('offTrack')}
        <label className="indicator-edit__check">
          <input
            type="checkbox"
            name="allowsNegative"
            checked={draft.allowsNegative}
            onChange={(event) => set('allowsNegative', event.target.checked)}
          />{' '}
          {t('edit.allowsNegative')}
        </label>
      </div>
      <div className="perf-field">
        <label htmlFor={`${id}-reason`}>{t('edit.reason')}</label>
        <input
          id={`${id}-reason`}
          name="reason"
          value={reason}
          maxLength={500}
          placeholder={t('edit.reasonHint')}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      {error && (
        <p className="perf-form__error" role="alert">
          {error}
        </p>
      )}
      <div className="perf-confirm__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('edit.saving') : t('edit.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}
