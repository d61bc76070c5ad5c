import { describe, expect, test } from 'vitest';
import {
  Cadence,
  defaultSeries,
  describeCadence,
  formatDuration,
  type MeetingSeries,
  nextMeetingDate,
  seriesInputSchema,
} from '../../shared/series.ts';

const TUE = 2;
const THU = 4;
const weekly = (weekday: number) => ({ cadence: Cadence.weekly, intervalWeeks: 1, weekday });
const everyN = (weeks: number, weekday: number) => ({
  cadence: Cadence.everyNWeeks,
  intervalWeeks: weeks,
  weekday,
});
const monthly = (weekday: number) => ({ cadence: Cadence.monthly, intervalWeeks: 1, weekday });

/** Day of the week of a `YYYY-MM-DD`, from the platform's own calendar (the oracle). */
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const daysBetween = (a: string, b: string) =>
  (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('nextMeetingDate', () => {
  test.each([
    ['the same weekday: a week later', '2026-12-08', TUE, '2026-12-15'],
    ['the day before: the next day', '2026-12-07', TUE, '2026-12-08'],
    ['the day after: six days later', '2026-12-09', TUE, '2026-12-15'],
    ['across a month end', '2026-03-31', TUE, '2026-04-07'],
    ['across a year end', '2026-12-30', TUE, '2027-01-05'],
    ['onto a leap day', '2024-02-22', THU, '2024-02-29'],
    ['past February in a common year', '2026-02-26', THU, '2026-03-05'],
    ['in the first accepted year', '1900-01-01', TUE, '1900-01-02'],
    ['from the last accepted day', '2999-12-31', TUE, '3000-01-07'],
  ])('weekly, %s', (_name, after, weekday, expected) => {
    expect(nextMeetingDate(weekly(weekday), after)).toBe(expected);
  });

  test.each([
    ['from a meeting: exactly N weeks', 2, THU, '2026-12-03', '2026-12-17'],
    ['later in the same ISO week: the same answer', 2, THU, '2026-12-06', '2026-12-17'],
    ['across a year end', 2, THU, '2026-12-24', '2027-01-07'],
    ['onto a leap day', 2, THU, '2024-02-15', '2024-02-29'],
    ['every 3 weeks on Sunday (the end of the ISO week)', 3, 0, '2026-12-06', '2026-12-27'],
    ['a weekday change moves within the target week', 2, 1, '2026-12-03', '2026-12-14'],
    ['every 12 weeks', 12, TUE, '2026-12-08', '2027-03-02'],
  ])('every N weeks, %s', (_name, weeks, weekday, after, expected) => {
    expect(nextMeetingDate(everyN(weeks, weekday), after)).toBe(expected);
  });

  test('every 1 week is weekly', () => {
    for (let offset = 0; offset < 14; offset++) {
      const after = addDays('2026-12-01', offset);
      expect(nextMeetingDate(everyN(1, THU), after)).toBe(nextMeetingDate(weekly(THU), after));
    }
  });

  test.each([
    ['2nd Tuesday → 2nd Tuesday, across a year end', TUE, '2026-12-08', '2027-01-12'],
    ['a 5th occurrence → the 4th', TUE, '2026-03-31', '2026-04-28'],
    ['from a leap day (a 5th Thursday) → the 4th', THU, '2024-02-29', '2024-03-28'],
    ['into a leap February: the 4th, not the 5th', THU, '2024-01-29', '2024-02-22'],
    ['a weekday change keeps the ordinal: 3rd Tuesday → 3rd Thursday', THU, '2026-12-15', '2027-01-21'],
    ['from New Year’s Eve', TUE, '2026-12-31', '2027-01-26'],
  ])('monthly, %s', (_name, weekday, after, expected) => {
    expect(nextMeetingDate(monthly(weekday), after)).toBe(expected);
  });

  test('over four years of days, every answer fits its cadence (checked against Date)', () => {
    for (let offset = 0; offset < 4 * 366; offset++) {
      const after = addDays('2023-11-20', offset);
      for (let weekday = 0; weekday < 7; weekday++) {
        const week = nextMeetingDate(weekly(weekday), after);
        expect(weekdayOf(week)).toBe(weekday);
        expect(daysBetween(after, week)).toBeGreaterThanOrEqual(1);
        expect(daysBetween(after, week)).toBeLessThanOrEqual(7);

        const twoWeeks = nextMeetingDate(everyN(2, weekday), after);
        expect(weekdayOf(twoWeeks)).toBe(weekday);
        expect(daysBetween(after, twoWeeks)).toBeGreaterThanOrEqual(8);
        expect(daysBetween(after, twoWeeks)).toBeLessThanOrEqual(20);

        const month = nextMeetingDate(monthly(weekday), after);
        expect(weekdayOf(month)).toBe(weekday);
        const afterMonth = new Date(`${after}T00:00:00Z`);
        afterMonth.setUTCMonth(afterMonth.getUTCMonth() + 1, 1);
        expect(month.slice(0, 7)).toBe(afterMonth.toISOString().slice(0, 7));
        const ordinal = Math.min(4, Math.ceil(Number(after.slice(8)) / 7));
        expect(Math.ceil(Number(month.slice(8)) / 7)).toBe(ordinal);
      }
    }
  });

  test('refuses dates outside 1900–2999 and non-dates, saying why', () => {
    for (const after of ['0001-01-01', '1899-12-31', '3000-01-01', '9999-12-31']) {
      for (const series of [weekly(TUE), everyN(2, TUE), monthly(TUE)]) {
        expect(() => nextMeetingDate(series, after)).toThrow(RangeError);
        expect(() => nextMeetingDate(series, after)).toThrow(/outside the years 1900–2999/);
      }
    }
    for (const after of ['2026-02-30', '2026-13-01', '08/12/2026', '', '2026-1-5']) {
      expect(() => nextMeetingDate(weekly(TUE), after)).toThrow(/Not a date/);
    }
  });

  test('refuses a weekday or interval a stored row should never hold', () => {
    expect(() => nextMeetingDate(weekly(7), '2026-12-08')).toThrow(/Not a weekday/);
    expect(() => nextMeetingDate(weekly(-1), '2026-12-08')).toThrow(/Not a weekday/);
    expect(() => nextMeetingDate(everyN(0, TUE), '2026-12-08')).toThrow(/Not an interval/);
    expect(() => nextMeetingDate(everyN(13, TUE), '2026-12-08')).toThrow(/Not an interval/);
  });
});

describe('seriesInputSchema', () => {
  const valid = {
    cadence: 'every_n_weeks',
    intervalWeeks: 2,
    weekday: 4,
    startTime: '14:30',
    durationMinutes: 90,
    usualAgencyIds: ['ag-sec', 'ag-hea'],
  };
  const issues = (input: unknown) => {
    const result = seriesInputSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.') || 'payload');
  };

  test('accepts a valid series; intervalWeeks defaults to 1', () => {
    expect(seriesInputSchema.parse(valid)).toEqual(valid);
    const { intervalWeeks: _omitted, ...rest } = valid;
    expect(seriesInputSchema.parse({ ...rest, cadence: 'weekly' }).intervalWeeks).toBe(1);
    expect(issues({ ...valid, startTime: '00:00' })).toEqual([]);
    expect(issues({ ...valid, startTime: '23:59' })).toEqual([]);
    expect(issues({ ...valid, weekday: 0, durationMinutes: 15, intervalWeeks: 12 })).toEqual([]);
  });

  test.each([
    ['weekday 7', { weekday: 7 }, 'weekday'],
    ['a weekday as text', { weekday: '4' }, 'weekday'],
    ['a fractional weekday', { weekday: 1.5 }, 'weekday'],
    ['24:00', { startTime: '24:00' }, 'startTime'],
    ['9:00 without its zero', { startTime: '9:00' }, 'startTime'],
    ['12:60', { startTime: '12:60' }, 'startTime'],
    ['a 13-week interval', { intervalWeeks: 13 }, 'intervalWeeks'],
    ['a zero interval', { intervalWeeks: 0 }, 'intervalWeeks'],
    ['14 minutes', { durationMinutes: 14 }, 'durationMinutes'],
    ['481 minutes', { durationMinutes: 481 }, 'durationMinutes'],
    ['an unknown cadence', { cadence: 'daily' }, 'cadence'],
    ['61 agencies', { usualAgencyIds: Array.from({ length: 61 }, (_, i) => `ag-${i}`) }, 'usualAgencyIds'],
    ['an agency twice', { usualAgencyIds: ['ag-sec', 'ag-sec'] }, 'usualAgencyIds'],
    ['an empty agency id', { usualAgencyIds: [''] }, 'usualAgencyIds.0'],
    ['agencies as text', { usualAgencyIds: 'ag-sec' }, 'usualAgencyIds'],
    ['a misspelt key', { weekDay: 3 }, 'payload'],
    ['an interval on a weekly series', { cadence: 'weekly' }, 'intervalWeeks'],
    ['an interval on a monthly series', { cadence: 'monthly' }, 'intervalWeeks'],
  ])('refuses %s', (_name, change, path) => {
    expect(issues({ ...valid, ...change })).toEqual([path]);
  });

  test('refuses a missing field', () => {
    const { weekday: _missing, ...rest } = valid;
    expect(issues(rest)).toEqual(['weekday']);
  });
});

describe('defaults and words', () => {
  test('the default series: weekly, Tuesday 09:00, two hours, no agencies', () => {
    const series: MeetingSeries = defaultSeries('obj-1');
    expect(series).toEqual({
      objectiveId: 'obj-1',
      cadence: 'weekly',
      intervalWeeks: 1,
      weekday: 2,
      startTime: '09:00',
      durationMinutes: 120,
      usualAgencyIds: [],
      updatedAt: null,
      updatedBy: null,
    });
    expect(describeCadence(series)).toBe('Every Tuesday at 09:00, 2 h');
  });

  test('each cadence in words', () => {
    const base = { startTime: '14:30', durationMinutes: 90 };
    expect(describeCadence({ ...base, ...everyN(2, THU) })).toBe(
      'Every 2 weeks on Thursday at 14:30, 1 h 30 min',
    );
    expect(describeCadence({ ...base, ...everyN(1, THU) })).toBe('Every Thursday at 14:30, 1 h 30 min');
    expect(describeCadence({ ...base, ...monthly(1) })).toBe(
      'Monthly on a Monday (same week of the month) at 14:30, 1 h 30 min',
    );
    expect([15, 60, 75, 480].map(formatDuration)).toEqual(['15 min', '1 h', '1 h 15 min', '8 h']);
  });
});
