/** A recorded change in words, for the indicator's "Changes" list (pure; in the reader's language at call time). */
import type { DataChange, EditableIndicatorField, FieldChange } from '../../../../shared/performance.ts';
import { directionLabel, formatValue } from '../../charts/format.ts';
import { longPeriodLabel } from '../../charts/periods.ts';
import { i18next } from '../../i18n/i18n.ts';

const FIELD_KEYS = {
  name: 'performance:changes.fields.name',
  unit: 'performance:changes.fields.unit',
  direction: 'performance:changes.fields.direction',
  baselineValue: 'performance:changes.fields.baselineValue',
  baselineDate: 'performance:changes.fields.baselineDate',
  targetValue: 'performance:changes.fields.targetValue',
  targetDate: 'performance:changes.fields.targetDate',
  'thresholds.atRisk': 'performance:changes.fields.atRisk',
  'thresholds.offTrack': 'performance:changes.fields.offTrack',
  allowsNegative: 'performance:changes.fields.allowsNegative',
} as const satisfies Record<EditableIndicatorField, string>;

function fieldValue(change: FieldChange, value: string | number | boolean, unit: string): string {
  if (typeof value === 'boolean')
    return i18next.t(value ? 'performance:changes.yes' : 'performance:changes.no');
  if (change.field === 'direction' && (value === 'up' || value === 'down')) return directionLabel(value);
  if (change.field.startsWith('thresholds.') && typeof value === 'number')
    return formatValue(Math.round(value * 1000) / 10, '%');
  if (typeof value === 'number') return formatValue(value, unit);
  return value;
}

/** "target value 200 → 250", one per field changed. */
export function describeFields(fields: readonly FieldChange[], unit: string): string[] {
  return fields.map(
    (change) =>
      `${i18next.t(FIELD_KEYS[change.field])}: ${fieldValue(change, change.from, unit)} → ${fieldValue(change, change.to, unit)}`,
  );
}

/** One line saying what the change did, e.g. "Deleted 118 count for week 11, 2026". */
export function describeChange(change: DataChange, unit: string): string {
  const period = change.period ? longPeriodLabel(change.period) : '';
  const value = (v: number | null) => (v === null ? '—' : formatValue(v, unit));
  const summary = {
    deleted: () => i18next.t('performance:changes.deleted', { value: value(change.oldValue), period }),
    corrected: () =>
      i18next.t('performance:changes.corrected', {
        period,
        from: value(change.oldValue),
        to: value(change.newValue),
      }),
    edited: () => i18next.t('performance:changes.edited'),
    archived: () => i18next.t('performance:changes.archived'),
    unarchived: () => i18next.t('performance:changes.unarchived'),
  }[change.action]();
  return change.source === 'import' ? `${summary} (${i18next.t('performance:changes.fromImport')})` : summary;
}
