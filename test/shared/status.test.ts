import { describe, expect, test } from 'vitest';
import { DEFAULT_THRESHOLDS, type Direction, type Status } from '../../shared/performance.ts';
import {
  computeStatus,
  goalStatus,
  isStale,
  planFor,
  ratingDisagrees,
  type StatusInput,
} from '../../shared/status.ts';

/**
 * A monthly indicator planned from 100 (Jan 2026) to 200 (Jan 2027) for `up`, or 200 → 100 for
 * `down`: the plan moves by 100/12 a month, so in 2026-07 it is 150 either way.
 */
function indicator(direction: Direction, overrides: Partial<StatusInput> = {}): StatusInput {
  const up = direction === 'up';
  return {
    direction,
    frequency: 'monthly',
    baselineValue: up ? 100 : 200,
    baselineDate: '2026-01-15',
    targetValue: up ? 200 : 100,
    targetDate: '2027-01-15',
    trajectory: [],
    thresholds: DEFAULT_THRESHOLDS,
    ...overrides,
  };
}

describe('computeStatus', () => {
  test.each<[string, Direction, string, number, Status, number, Partial<StatusInput>?]>([
    ['up, exactly on plan', 'up', '2026-07', 150, 'on_track', 0],
    ['up, ahead of plan', 'up', '2026-07', 170, 'on_track', 0],
    ['up, 5% behind: still on track (boundary)', 'up', '2026-07', 145, 'on_track', 0.05],
    ['up, just past 5%: at risk', 'up', '2026-07', 144.9, 'at_risk', 0.051],
    ['up, 15% behind: at risk (boundary)', 'up', '2026-07', 135, 'at_risk', 0.15],
    ['up, just past 15%: off track', 'up', '2026-07', 134.9, 'off_track', 0.151],
    ['up, far behind', 'up', '2026-07', 90, 'off_track', 0.6],
    ['down, exactly on plan', 'down', '2026-07', 150, 'on_track', 0],
    ['down, ahead of plan (lower)', 'down', '2026-07', 120, 'on_track', 0],
    ['down, 5% behind (higher)', 'down', '2026-07', 155, 'on_track', 0.05],
    ['down, 10% behind', 'down', '2026-07', 160, 'at_risk', 0.1],
    ['down, 20% behind', 'down', '2026-07', 170, 'off_track', 0.2],
    ['up, target date passed: the target is held', 'up', '2027-06', 190, 'at_risk', 0.1],
    ['up, target date passed and met', 'up', '2027-06', 205, 'on_track', 0],
    ['before the baseline: the baseline is the plan', 'up', '2025-10', 100, 'on_track', 0],
    [
      'custom thresholds (2% / 5%)',
      'up',
      '2026-07',
      146,
      'at_risk',
      0.04,
      { thresholds: { atRisk: 0.02, offTrack: 0.05 } },
    ],
    [
      'custom thresholds (20% / 40%)',
      'up',
      '2026-07',
      130,
      'on_track',
      0.2,
      { thresholds: { atRisk: 0.2, offTrack: 0.4 } },
    ],
    [
      // The trajectory holds 100 until July, so 120 is ahead of it (not 20% behind a straight line).
      'trajectory override: slow start',
      'up',
      '2026-07',
      120,
      'on_track',
      0,
      { trajectory: [{ period: '2026-07', value: 100 }] },
    ],
    [
      'trajectory override: between explicit points',
      'up',
      '2026-10',
      140,
      'at_risk',
      0.1,
      // Jul 100 → Jan 2027 200 plans 150 in October; 140 is 10 behind, a tenth of the planned change.
      { trajectory: [{ period: '2026-07', value: 100 }] },
    ],
    [
      'target == baseline (hold a level): shortfall against the level',
      'down',
      '2026-07',
      55,
      'at_risk',
      0.1,
      { baselineValue: 50, targetValue: 50 },
    ],
    [
      'target == baseline == 0: shortfall in units',
      'down',
      '2026-07',
      1,
      'off_track',
      1,
      { baselineValue: 0, targetValue: 0 },
    ],
  ])('%s', (_name, direction, period, value, status, shortfall, overrides) => {
    const subject = indicator(direction, overrides);
    const computed = computeStatus(subject, [
      { period: '2025-01', value: direction === 'up' ? 999 : -999 }, // older points do not count
      { period, value },
    ]);
    expect(computed.status).toBe(status);
    expect(computed.latest).toEqual({ period, value });
    expect(computed.shortfall).toBeCloseTo(shortfall, 6);
  });

  test('the trajectory-override row above is read as documented', () => {
    // Sanity-check the interpolation that row relies on: July 100, January 200, October 150.
    const plan = planFor(indicator('up', { trajectory: [{ period: '2026-07', value: 100 }] }));
    expect(plan.valueAt('2026-10')).toBeCloseTo(150, 9);
  });

  test('no data points: no_data with nothing compared', () => {
    expect(computeStatus(indicator('up'), [])).toEqual({
      status: 'no_data',
      latest: null,
      planned: null,
      shortfall: null,
    });
  });

  test('the planned value reported is the plan at the latest period', () => {
    const computed = computeStatus(indicator('up'), [{ period: '2026-04', value: 125 }]);
    expect(computed.planned).toBeCloseTo(125, 9);
    expect(computed.status).toBe('on_track');
  });
});

describe('planFor', () => {
  test('lists one planned value per period from baseline to target', () => {
    const values = planFor(indicator('up')).values();
    expect(values).toHaveLength(13);
    expect(values[0]).toEqual({ period: '2026-01', value: 100 });
    expect(values[12]).toEqual({ period: '2027-01', value: 200 });
    expect(values[6]!.value).toBeCloseTo(150, 9);
  });

  test('weekly plans interpolate per ISO week', () => {
    const plan = planFor({
      frequency: 'weekly',
      baselineValue: 0,
      baselineDate: '2026-01-05', // 2026-W02
      targetValue: 10,
      targetDate: '2026-03-16', // 2026-W12
      trajectory: [],
    });
    expect(plan.valueAt('2026-W07')).toBeCloseTo(5, 9);
    expect(plan.valueAt('2027-W01')).toBe(10);
    expect(plan.values()).toHaveLength(11);
  });
});

describe('goal status and disagreement', () => {
  test('a goal takes the worst status among indicators with data', () => {
    expect(goalStatus(['on_track', 'at_risk', 'no_data'])).toBe('at_risk');
    expect(goalStatus(['on_track', 'off_track', 'at_risk'])).toBe('off_track');
    expect(goalStatus(['no_data', 'on_track'])).toBe('on_track');
    expect(goalStatus(['no_data'])).toBe('no_data');
    expect(goalStatus([])).toBe('no_data');
  });

  test('the owner disagrees when their rating differs from the data', () => {
    expect(ratingDisagrees('on_track', 'off_track')).toBe(true);
    expect(ratingDisagrees('at_risk', 'on_track')).toBe(true);
    expect(ratingDisagrees('on_track', 'on_track')).toBe(false);
    expect(ratingDisagrees('on_track', 'no_data')).toBe(false);
    expect(ratingDisagrees(null, 'off_track')).toBe(false);
  });
});

describe('isStale', () => {
  const weekly = { frequency: 'weekly' as const, baselineDate: '2025-06-02' };
  test('stale when the latest due period has no value', () => {
    // 2026-03-18 is in W12; W11 is due.
    expect(isStale(weekly, new Set(['2026-W10']), '2026-03-18')).toBe(true);
    expect(isStale(weekly, new Set(['2026-W10', '2026-W11']), '2026-03-18')).toBe(false);
  });
  test('an indicator that has not started yet is never stale', () => {
    expect(isStale({ frequency: 'weekly', baselineDate: '2026-06-01' }, new Set(), '2026-03-18')).toBe(false);
  });
});
