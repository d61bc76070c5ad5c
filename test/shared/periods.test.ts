import { describe, expect, test } from 'vitest';
import {
  frequencyOfPeriod,
  isValidDate,
  isValidPeriod,
  latestDuePeriod,
  nextPeriod,
  periodAtIndex,
  periodEndDate,
  periodIndex,
  periodOfDate,
  periodStartDate,
  periodsBetween,
  previousPeriod,
} from '../../shared/periods.ts';

describe('period formats', () => {
  test.each([
    ['2026-W01', 'weekly', true],
    ['2026-W53', 'weekly', true], // 2026 has 53 ISO weeks
    ['2025-W53', 'weekly', false], // 2025 has 52
    ['2026-W00', 'weekly', false],
    ['2026-W1', 'weekly', false],
    ['2026-01', 'weekly', false],
    ['2026-01', 'monthly', true],
    ['2026-12', 'monthly', true],
    ['2026-13', 'monthly', false],
    ['2026-00', 'monthly', false],
    ['2026-W01', 'monthly', false],
    ['26-01', 'monthly', false],
  ] as const)('%s is a %s period: %s', (period, frequency, valid) => {
    expect(isValidPeriod(period, frequency)).toBe(valid);
  });

  test('frequencyOfPeriod tells the formats apart', () => {
    expect(frequencyOfPeriod('2026-W07')).toBe('weekly');
    expect(frequencyOfPeriod('2026-07')).toBe('monthly');
    expect(frequencyOfPeriod('July')).toBeNull();
  });

  test('dates must be real calendar days', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-2-01')).toBe(false);
  });
});

describe('period of a date and its bounds', () => {
  test('ISO weeks use the week-numbering year at year ends', () => {
    expect(periodOfDate('2024-12-30', 'weekly')).toBe('2025-W01'); // a Monday in ISO 2025
    expect(periodOfDate('2027-01-01', 'weekly')).toBe('2026-W53');
    expect(periodOfDate('2026-03-15', 'weekly')).toBe('2026-W11'); // a Sunday
    expect(periodOfDate('2026-03-16', 'weekly')).toBe('2026-W12'); // the next Monday
  });

  test('start and end of weeks and months', () => {
    expect(periodStartDate('2025-W01', 'weekly')).toBe('2024-12-30');
    expect(periodEndDate('2025-W01', 'weekly')).toBe('2025-01-05');
    expect(periodStartDate('2024-02', 'monthly')).toBe('2024-02-01');
    expect(periodEndDate('2024-02', 'monthly')).toBe('2024-02-29');
    expect(periodEndDate('2026-12', 'monthly')).toBe('2026-12-31');
  });

  test('next and previous cross year boundaries', () => {
    expect(nextPeriod('2026-W53', 'weekly')).toBe('2027-W01');
    expect(previousPeriod('2027-W01', 'weekly')).toBe('2026-W53');
    expect(nextPeriod('2026-12', 'monthly')).toBe('2027-01');
    expect(previousPeriod('2026-01', 'monthly')).toBe('2025-12');
  });

  test('indexes round-trip and step by one', () => {
    for (const period of ['2020-W01', '2020-W53', '2026-W10']) {
      expect(periodAtIndex(periodIndex(period, 'weekly'), 'weekly')).toBe(period);
    }
    expect(periodIndex('2021-W01', 'weekly') - periodIndex('2020-W53', 'weekly')).toBe(1);
    expect(periodIndex('2027-01', 'monthly') - periodIndex('2026-12', 'monthly')).toBe(1);
    expect(() => periodIndex('2026-13', 'monthly')).toThrow(RangeError);
  });

  test('periodsBetween lists every overlapping period, oldest first', () => {
    expect(periodsBetween('2026-01-15', '2026-04-01', 'monthly')).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    expect(periodsBetween('2026-12-28', '2027-01-11', 'weekly')).toEqual([
      '2026-W53',
      '2027-W01',
      '2027-W02',
    ]);
    expect(periodsBetween('2026-05-01', '2026-04-01', 'monthly')).toEqual([]);
  });
});

describe('latest period due', () => {
  test('is the last period that has fully ended', () => {
    // Wednesday 2026-03-18 is in W12: W11 (ended Sunday 15th) is due.
    expect(latestDuePeriod('2026-03-18', 'weekly')).toBe('2026-W11');
    // On Monday the week that ended yesterday is due.
    expect(latestDuePeriod('2026-03-16', 'weekly')).toBe('2026-W11');
    // On Sunday the current week has not ended yet.
    expect(latestDuePeriod('2026-03-15', 'weekly')).toBe('2026-W10');
    expect(latestDuePeriod('2026-03-01', 'monthly')).toBe('2026-02');
    expect(latestDuePeriod('2026-03-31', 'monthly')).toBe('2026-02');
    expect(latestDuePeriod('2026-01-10', 'monthly')).toBe('2025-12');
  });
});
