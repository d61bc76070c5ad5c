/** The big screen's "change since" span as a period of one indicator's data, for each frequency. */
import { expect, test } from 'vitest';
import { sincePeriodFor } from '../../../client/src/charts/sinceSpan.ts';
import type { DataPoint } from '../../../shared/performance.ts';

const series = (periods: string[]): DataPoint[] =>
  periods.map((period, index) => ({
    indicatorId: 'i',
    period,
    value: index,
    enteredAt: '2026-03-31T00:00:00Z',
    enteredBy: '',
    note: null,
  }));

/** Every month from March 2024 to March 2026. */
const MONTHS = Array.from({ length: 25 }, (_, index) => {
  const month = 2 + index;
  return `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
});
/** Weeks 1–52 of 2025 and 1–10 of 2026. */
const WEEKS = [
  ...Array.from({ length: 52 }, (_, index) => `2025-W${String(index + 1).padStart(2, '0')}`),
  ...Array.from({ length: 10 }, (_, index) => `2026-W${String(index + 1).padStart(2, '0')}`),
];

test.each([
  ['monthly', MONTHS, 'auto', '2025-12'],
  ['monthly', MONTHS, 'month', '2026-02'],
  ['monthly', MONTHS, 'quarter', '2025-12'],
  ['monthly', MONTHS, 'year', '2025-03'],
  ['weekly', WEEKS, 'auto', '2026-W06'],
  ['weekly', WEEKS, 'month', '2026-W06'],
  ['weekly', WEEKS, 'quarter', '2025-W49'],
  ['weekly', WEEKS, 'year', '2025-W10'],
] as const)('%s data, span %s: since %s', (frequency, periods, span, expected) => {
  expect(sincePeriodFor(series([...periods]), frequency, span)).toBe(expected);
});

test('a gap falls back to the latest value before the span; a short series to its first value', () => {
  const gappy = series(['2025-01', '2025-02', '2025-06', '2026-01']);
  expect(sincePeriodFor(gappy, 'monthly', 'quarter')).toBe('2025-06');
  expect(sincePeriodFor(gappy, 'monthly', 'year')).toBe('2025-01');
  expect(sincePeriodFor(series(['2025-11', '2026-01']), 'monthly', 'year')).toBe('2025-11');
  expect(sincePeriodFor(series(['2026-01']), 'monthly', 'year')).toBeNull();
  expect(sincePeriodFor([], 'weekly', 'month')).toBeNull();
});
