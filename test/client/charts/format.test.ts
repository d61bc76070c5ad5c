/** Values and changes read the same everywhere; a change in a percentage reads in percentage points. */
import { expect, test } from 'vitest';
import { deltaUnit, formatDelta, formatValue } from '../../../client/src/charts/format.ts';

test('a change in a percentage indicator is in percentage points: 31.5% → 33% is +1.5 pp', () => {
  expect(formatValue(31.5, '%')).toBe('31.5%');
  expect(formatValue(33, '%')).toBe('33%');
  expect(formatDelta(33 - 31.5, '%')).toBe('+1.5 pp');
  expect(formatDelta(31.5 - 33, '%')).toBe('−1.5 pp');
  expect(formatDelta(0, '%')).toBe('0 pp');
  // A percentage of something else keeps what it is a percentage of.
  expect(formatValue(51.2, '% of revenue')).toBe('51.2 % of revenue');
  expect(formatDelta(-0.8, '% of revenue')).toBe('−0.8 pp of revenue');
});

test('other units keep their unit in a change', () => {
  expect(formatDelta(-12, 'cases')).toBe('−12 cases');
  expect(formatDelta(2.25, 'minutes')).toBe('+2.25 minutes');
  expect(formatDelta(3, '')).toBe('+3');
  expect(formatDelta(1.5, 'pp')).toBe('+1.5 pp');
  expect(deltaUnit('per 1,000 live births')).toBe('per 1,000 live births');
  expect(deltaUnit('R$ million')).toBe('R$ million');
});
