/** Number and unit formatting shared by charts, tables and pages, so a value reads the same everywhere. */
import type { Direction } from '../../../shared/performance.ts';

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const signedFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });

/** Units written straight after the number ("12%"), the rest after a space ("12 cases"). */
function joinUnit(number: string, unit: string): string {
  if (!unit) return number;
  return unit === '%' || unit === 'pp' ? `${number}${unit === '%' ? '%' : ' pp'}` : `${number} ${unit}`;
}

export function formatValue(value: number, unit = ''): string {
  return joinUnit(numberFormat.format(value), unit);
}

/** A change with its sign ("+3.5%", "−12 cases"); a real minus sign reads better on a big screen. */
export function formatDelta(delta: number, unit = ''): string {
  return joinUnit(signedFormat.format(delta).replace('-', '−'), unit);
}

export type DeltaMeaning = 'better' | 'worse' | 'same';

/** Whether a change is good news for an indicator, given which way is good for it. */
export function deltaMeaning(delta: number, direction: Direction): DeltaMeaning {
  if (delta === 0) return 'same';
  return delta > 0 === (direction === 'up') ? 'better' : 'worse';
}

export function directionLabel(direction: Direction): string {
  return direction === 'up' ? 'Higher is better' : 'Lower is better';
}
