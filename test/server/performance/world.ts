/**
 * A small government built through the API, with figures worked out by hand (as of Wednesday
 * 2026-03-18: weekly data due for 2026-W11, monthly for 2026-02):
 *
 * - `ind-w` (goal-a, weekly, up): plan 100 (2026-W02) → 200 (2026-W53), so 100 + 100·9/51 ≈ 117.65
 *   in W11; W11's value 118 is on track.
 * - `ind-w2` (goal-a, weekly, down): no data at all → no data, and stale.
 * - `ind-m` (goal-b, monthly, down): plan 50 (2026-01) → 30 (2026-11); January's 55 is 5 behind
 *   a planned change of 20 (25%) → off track; February is missing → stale.
 *
 * goal-a is on track (its only indicator with data), goal-b off track; goal-b's owner rates it
 * on track (a disagreement).
 */
import type { ApiClient } from './api.ts';

export const AS_OF = '2026-03-18';

async function ok(promise: Promise<{ status: number; body: unknown }>, expected = 201): Promise<void> {
  const result = await promise;
  if (result.status !== expected) {
    throw new Error(`setup call failed: ${result.status} ${JSON.stringify(result.body)}`);
  }
}

export async function buildWorld(analyst: ApiClient): Promise<void> {
  await ok(analyst.post('/agencies', { id: 'ag-sec', code: 'SEC', name: 'Secretariat of Security' }));
  await ok(analyst.post('/agencies', { id: 'ag-hea', code: 'HEA', name: 'Secretariat of Health' }));
  await ok(
    analyst.post('/objectives', { id: 'obj-t', name: 'Citizen security', description: 'Safer streets' }),
  );
  await ok(analyst.post('/objectives', { id: 'obj-empty', name: 'Empty objective' }));
  await ok(
    analyst.post('/goals', {
      id: 'goal-a',
      objectiveId: 'obj-t',
      agencyId: 'ag-sec',
      title: 'Fewer burglaries',
      ownerName: 'Ana Lima',
    }),
  );
  await ok(
    analyst.post('/goals', {
      id: 'goal-b',
      objectiveId: 'obj-t',
      agencyId: 'ag-hea',
      title: 'Shorter waits',
      ownerName: 'Bruno Costa',
    }),
  );
  const weekly = {
    goalId: 'goal-a',
    unit: 'count',
    frequency: 'weekly',
    baselineDate: '2026-01-05',
    targetDate: '2026-12-28',
  };
  await ok(
    analyst.post('/indicators', {
      ...weekly,
      id: 'ind-w',
      name: 'Arrests',
      direction: 'up',
      baselineValue: 100,
      targetValue: 200,
    }),
  );
  await ok(
    analyst.post('/indicators', {
      ...weekly,
      id: 'ind-w2',
      name: 'Burglaries',
      direction: 'down',
      baselineValue: 80,
      targetValue: 60,
    }),
  );
  await ok(
    analyst.post('/indicators', {
      id: 'ind-m',
      goalId: 'goal-b',
      name: 'Waiting time',
      unit: 'minutes',
      direction: 'down',
      frequency: 'monthly',
      baselineValue: 50,
      baselineDate: '2026-01-01',
      targetValue: 30,
      targetDate: '2026-11-01',
    }),
  );
  for (const [period, value] of [
    ['2026-W09', 110],
    ['2026-W10', 114],
    ['2026-W11', 118],
  ] as const) {
    await ok(analyst.put(`/indicators/ind-w/points/${period}`, { value }));
  }
  await ok(analyst.put('/indicators/ind-m/points/2026-01', { value: 55, note: 'Flu season' }));
  await ok(analyst.put('/goals/goal-b/rating', { status: 'on_track', comment: 'Fine' }), 200);
}
