/** A recorded change in words, for the indicator's "Changes" list (pure). */
import type { DataChange, EditableIndicatorField, FieldChange } from '../../../../shared/performance.ts';
import { directionLabel, formatValue } from '../../charts/format.ts';
import { longPeriodLabel } from '../../charts/periods.ts';

const TEXT = {
  deleted: (value: string, period: string) => `Deleted ${value} for ${period}`,
  corrected: (period: string, from: string, to: string) => `Corrected ${period}: ${from} → ${to}`,
  edited: 'Edited',
  archived: 'Archived',
  unarchived: 'Put back in use (un-archived)',
  yes: 'yes',
  no: 'no',
  fromImport: 'by CSV import',
  fields: {
    name: 'name',
    unit: 'unit',
    direction: 'direction',
    baselineValue: 'baseline value',
    baselineDate: 'baseline date',
    targetValue: 'target value',
    targetDate: 'target date',
    'thresholds.atRisk': 'at-risk threshold',
    'thresholds.offTrack': 'off-track threshold',
    allowsNegative: 'negative values allowed',
  } satisfies Record<EditableIndicatorField, string>,
} as const;

function fieldValue(change: FieldChange, value: string | number | boolean, unit: string): string {
  if (typeof value === 'boolean') return value ? TEXT.yes : TEXT.no;
  if (change.field === 'direction' && (value === 'up' || value === 'down')) return directionLabel(value);
  if (change.field.startsWith('thresholds.') && typeof value === 'number')
    return `${Math.round(value * 1000) / 10}%`;
  if (typeof value === 'number') return formatValue(value, unit);
  return value;
}

/** "target value 200 → 250", one per field changed. */
export function describeFields(fields: readonly FieldChange[], unit: string): string[] {
  return fields.map(
    (change) =>
      `${TEXT.fields[change.field]}: ${fieldValue(change, change.from, unit)} → ${fieldValue(change, change.to, unit)}`,
  );
}

/** One line saying what the change did, e.g. "Deleted 118 count for week 11, 2026". */
export function describeChange(change: DataChange, unit: string): string {
  const period = change.period ? longPeriodLabel(change.period) : '';
  const value = (v: number | null) => (v === null ? '—' : formatValue(v, unit));
  const summary = {
    deleted: () => TEXT.deleted(value(change.oldValue), period),
    corrected: () => TEXT.corrected(period, value(change.oldValue), value(change.newValue)),
    edited: () => TEXT.edited,
    archived: () => TEXT.archived,
    unarchived: () => TEXT.unarchived,
  }[change.action]();
  return change.source === 'import' ? `${summary} (${TEXT.fromImport})` : summary;
}
