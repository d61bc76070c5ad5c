/**
 * Number and unit formatting shared by charts, tables and pages, so a value reads the same everywhere:
 * in the reader's language ("1,234.5" in English, "1.234,5" in Portuguese), read at call time.
 */
import type { Direction } from '../../../shared/performance.ts';
import { i18next } from '../i18n/i18n.ts';
import { numberFormat } from '../i18n/locale.ts';

const VALUE_FORMAT: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };
const SIGNED_FORMAT: Intl.NumberFormatOptions = { maximumFractionDigits: 2, signDisplay: 'exceptZero' };

/** Units written straight after the number ("12%"), the rest after a space ("12 cases"). */
function joinUnit(number: string, unit: string): string {
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

export function formatValue(value: number, unit = ''): string {
  return joinUnit(numberFormat(VALUE_FORMAT).format(value), unit);
}

/**
 * The unit of a difference between two values of `unit`: a change in a percentage is in percentage
 * points (31.5% → 33% is "+1.5 pp", not "+1.5%", which would read as a relative change).
 */
export function deltaUnit(unit: string): string {
  return unit.startsWith('%') ? `${i18next.t('charts:unit.pp')}${unit.slice(1)}` : unit;
}

/**
 * A change with its sign ("+1.5 pp", "−12 cases"), in the indicator's `unit` (a percentage's change
 * reads in percentage points); a real minus sign reads better on a big screen.
 */
export function formatDelta(delta: number, unit = ''): string {
  return joinUnit(numberFormat(SIGNED_FORMAT).format(delta).replace('-', '−'), deltaUnit(unit));
}

export type DeltaMeaning = 'better' | 'worse' | 'same';

/** Whether a change is good news for an indicator, given which way is good for it. */
export function deltaMeaning(delta: number, direction: Direction): DeltaMeaning {
  if (delta === 0) return 'same';
  return delta > 0 === (direction === 'up') ? 'better' : 'worse';
}

export function directionLabel(direction: Direction): string {
  return i18next.t(direction === 'up' ? 'charts:direction.up' : 'charts:direction.down');
}
