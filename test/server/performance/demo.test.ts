import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../../server/db/database.ts';
import { generateDemoData } from '../../../server/demo/generate.ts';
import { insertDemoData } from '../../../server/demo/seed.ts';
import type { ObjectiveOverview } from '../../../shared/performance.ts';
import { isValidPeriod, latestDuePeriod } from '../../../shared/periods.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { apiClient } from './api.ts';

const AS_OF = '2026-03-18';

describe('demo generator', () => {
  const data = generateDemoData({ asOf: AS_OF, seed: 7 });

  test('is deterministic: same seed and date, same data; another seed, other data', () => {
    expect(generateDemoData({ asOf: AS_OF, seed: 7 })).toEqual(data);
    expect(generateDemoData({ asOf: AS_OF, seed: 8 }).points).not.toEqual(data.points);
  });

  test('has the size of a state government', () => {
    expect(data.objectives).toHaveLength(12);
    expect(data.agencies.length).toBeGreaterThanOrEqual(20);
    expect(new Set(data.agencies.map((agency) => agency.code)).size).toBe(data.agencies.length);
    expect(data.goals.length).toBeGreaterThanOrEqual(300);
    expect(data.goals.length).toBeLessThanOrEqual(400);
    expect(data.indicators.length).toBeGreaterThanOrEqual(800);
    expect(data.indicators.length).toBeLessThanOrEqual(1_200);
    expect(data.points.length).toBeGreaterThanOrEqual(28_000);
    expect(data.points.length).toBeLessThanOrEqual(50_000);
    expect(data.trajectories.length).toBeGreaterThan(0);
    const perGoal = new Map<string, number>();
    for (const indicator of data.indicators)
      perGoal.set(indicator.goal_id, (perGoal.get(indicator.goal_id) ?? 0) + 1);
    expect(Math.min(...perGoal.values())).toBe(1);
    expect(Math.max(...perGoal.values())).toBe(4);
    expect(data.goals.every((goal) => goal.owner_name.includes(' '))).toBe(true);
  });

  test('series end at the last period due, in the right format, and some are stale', () => {
    const due = { weekly: latestDuePeriod(AS_OF, 'weekly'), monthly: latestDuePeriod(AS_OF, 'monthly') };
    const frequency = new Map(data.indicators.map((indicator) => [indicator.id, indicator.frequency]));
    const latest = new Map<string, string>();
    const counts = new Map<string, number>();
    for (const point of data.points) {
      const f = frequency.get(point.indicator_id)!;
      expect(isValidPeriod(point.period, f)).toBe(true);
      expect(point.period <= due[f]).toBe(true);
      if ((latest.get(point.indicator_id) ?? '') < point.period) latest.set(point.indicator_id, point.period);
      counts.set(point.indicator_id, (counts.get(point.indicator_id) ?? 0) + 1);
    }
    const stale = [...latest].filter(([id, period]) => period !== due[frequency.get(id)!]);
    expect(stale.length).toBeGreaterThan(data.indicators.length * 0.03);
    expect(stale.length).toBeLessThan(data.indicators.length * 0.2);
    for (const [id, count] of counts)
      expect(count).toBeLessThanOrEqual(frequency.get(id) === 'weekly' ? 52 : 24);
  });

  test('a slice keeps whole objectives and only what they use', () => {
    const slice = generateDemoData({ asOf: AS_OF, seed: 7, objectives: 2 });
    expect(slice.objectives.map((objective) => objective.id)).toEqual(['obj-01', 'obj-02']);
    const goalIds = new Set(slice.goals.map((goal) => goal.id));
    expect(slice.indicators.every((indicator) => goalIds.has(indicator.goal_id))).toBe(true);
    expect(slice.goals.length).toBe(
      data.goals.filter((goal) => ['obj-01', 'obj-02'].includes(goal.objective_id)).length,
    );
  });
});

describe('the seeded demo, through the API', () => {
  let server: TestServer;
  let objectives: ObjectiveOverview[];

  beforeAll(async () => {
    server = await startTestServer({ dialect: 'sqlite' });
    const db = openDatabase(server.database.config);
    await insertDemoData(db, generateDemoData({ asOf: AS_OF, seed: 1 }));
    await db.close();
    const client = apiClient(server, (await server.signIn('Ana', 'viewer')).token);
    objectives = (await client.get<{ objectives: ObjectiveOverview[] }>(`/objectives?asOf=${AS_OF}`)).body
      .objectives;
  });
  afterAll(() => server?.close());

  test('roughly 40% of goals are on track, with every status, stale data and disagreements', () => {
    const totals = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
    let goals = 0;
    let stale = 0;
    let disagreements = 0;
    for (const objective of objectives) {
      goals += objective.goalCount;
      stale += objective.staleIndicatorCount;
      disagreements += objective.disagreementCount;
      for (const status of Object.keys(totals) as Array<keyof typeof totals>) {
        totals[status] += objective.statusCounts[status];
      }
    }
    expect(objectives).toHaveLength(12);
    const onTrackShare = totals.on_track / goals;
    expect(onTrackShare).toBeGreaterThan(0.3);
    expect(onTrackShare).toBeLessThan(0.5);
    expect(totals.at_risk).toBeGreaterThan(goals * 0.15);
    expect(totals.off_track).toBeGreaterThan(goals * 0.15);
    expect(stale).toBeGreaterThan(20);
    expect(disagreements).toBeGreaterThan(10);
    expect(disagreements).toBeLessThan(goals * 0.3);
  });
});

describe('a demo slice reads the same on both engines', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  test('overview, objective detail and readiness are identical on SQLite and PostgreSQL', async () => {
    const answers: unknown[] = [];
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const server = await startTestServer({ dialect });
      servers.push(server);
      const db = openDatabase(server.database.config);
      await insertDemoData(db, generateDemoData({ asOf: AS_OF, seed: 3, objectives: 2 }));
      await db.close();
      const client = apiClient(server, (await server.signIn('Ana', 'viewer')).token);
      answers.push([
        (await client.get(`/objectives?asOf=${AS_OF}`)).body,
        (await client.get(`/objectives/obj-02?asOf=${AS_OF}`)).body,
        (await client.get(`/objectives/obj-01/readiness?asOf=${AS_OF}`)).body,
      ]);
    }
    expect(answers[1]).toEqual(answers[0]);
    const [overview] = answers[0] as [{ objectives: ObjectiveOverview[] }];
    expect(overview.objectives.map((objective) => objective.goalCount).every((count) => count > 20)).toBe(
      true,
    );
  });
});
