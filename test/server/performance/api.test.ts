import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type {
  Agency,
  DataPoint,
  GoalDetail,
  IndicatorDetail,
  ObjectiveDetail,
  ObjectiveOverview,
  OwnerRating,
  Readiness,
} from '../../../shared/performance.ts';
import { DIALECTS } from '../../helpers/databases.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { type ApiClient, apiClient, type ErrorBody } from './api.ts';
import { AS_OF, buildWorld } from './world.ts';

describe.each(DIALECTS)('performance API on %s', (dialect) => {
  let server: TestServer;
  let analyst: ApiClient;
  let viewer: ApiClient;
  let anonymous: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({ dialect });
    analyst = apiClient(server, (await server.signIn('Ana Analyst', 'analyst')).token);
    viewer = apiClient(server, (await server.signIn('Vera Viewer', 'viewer')).token);
    anonymous = apiClient(server, null);
    await buildWorld(analyst);
  });
  afterAll(() => server?.close());

  const expectError = (result: { status: number; body: unknown }, status: number, code: string) => {
    expect(result.status).toBe(status);
    expect((result.body as ErrorBody).error.code).toBe(code);
    return (result.body as ErrorBody).error.message;
  };

  describe('access', () => {
    test.each([
      '/agencies',
      '/objectives',
      '/objectives/obj-t',
      '/objectives/obj-t/readiness',
      '/goals/goal-a',
      '/indicators/ind-w',
    ])('GET %s needs a signed-in user', async (path) => {
      expectError(await anonymous.get(path), 401, 'unauthenticated');
      expect((await viewer.get(path)).status).toBe(200);
    });

    test('viewers cannot write', async () => {
      const writes = [
        viewer.post('/agencies', { code: 'V', name: 'V' }),
        viewer.post('/objectives', { name: 'V' }),
        viewer.post('/goals', { objectiveId: 'obj-t', agencyId: 'ag-sec', title: 'V', ownerName: 'V' }),
        viewer.put('/goals/goal-a/rating', { status: 'on_track', comment: '' }),
        viewer.put('/indicators/ind-w/points/2026-W12', { value: 1 }),
        viewer.delete('/indicators/ind-w/points/2026-W11'),
      ];
      for (const result of await Promise.all(writes)) expectError(result, 403, 'forbidden');
      // Nothing was written.
      const detail = await viewer.get<IndicatorDetail>(`/indicators/ind-w?asOf=${AS_OF}`);
      expect(detail.body.points.map((point) => point.period)).toEqual(['2026-W09', '2026-W10', '2026-W11']);
    });

    test('an unauthenticated write is refused before anything else', async () => {
      expectError(await anonymous.post('/agencies', { code: 'X', name: 'X' }), 401, 'unauthenticated');
    });
  });

  describe('agencies', () => {
    test('lists agencies by code', async () => {
      const result = await viewer.get<{ agencies: Agency[] }>('/agencies');
      expect(result.body.agencies.map((agency) => agency.code)).toEqual(['HEA', 'SEC']);
    });

    test('creates an agency and refuses a taken code', async () => {
      const created = await analyst.post<Agency>('/agencies', { code: 'EDU', name: 'Education' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: 'EDU', name: 'Education' });
      expect(created.body.id).toMatch(/.+/);
      expectError(await analyst.post('/agencies', { code: 'EDU', name: 'Again' }), 409, 'conflict');
    });

    test('names the bad field', async () => {
      const message = expectError(
        await analyst.post('/agencies', { name: 'No code' }),
        400,
        'invalid_payload',
      );
      expect(message).toMatch(/^code:/);
    });
  });

  describe('objectives', () => {
    test('the overview counts goals by computed status, stale indicators and disagreements', async () => {
      const result = await viewer.get<{ objectives: ObjectiveOverview[] }>(`/objectives?asOf=${AS_OF}`);
      expect(result.status).toBe(200);
      const byId = new Map(result.body.objectives.map((objective) => [objective.id, objective]));
      expect(byId.get('obj-t')).toEqual({
        id: 'obj-t',
        name: 'Citizen security',
        description: 'Safer streets',
        goalCount: 2,
        agencyCount: 2,
        statusCounts: { on_track: 1, at_risk: 0, off_track: 1, no_data: 0 },
        staleIndicatorCount: 2,
        disagreementCount: 1,
      });
      expect(byId.get('obj-empty')).toMatchObject({
        goalCount: 0,
        statusCounts: { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 },
      });
    });

    test('the detail groups goals by agency with indicator summaries', async () => {
      const result = await viewer.get<ObjectiveDetail>(`/objectives/obj-t?asOf=${AS_OF}`);
      expect(result.status).toBe(200);
      expect(result.body.agencies.map((group) => group.agency.code)).toEqual(['HEA', 'SEC']);
      const [health, security] = result.body.agencies;
      const goalB = health!.goals[0]!;
      expect(goalB).toMatchObject({
        id: 'goal-b',
        ownerName: 'Bruno Costa',
        computedStatus: 'off_track',
        ratingDisagrees: true,
        ownerRating: { status: 'on_track', comment: 'Fine', ratedBy: 'Ana Analyst' },
      });
      expect(goalB.indicators[0]).toMatchObject({
        id: 'ind-m',
        stale: true,
        sparkline: [55],
        computed: { status: 'off_track', latest: { period: '2026-01', value: 55 }, planned: 50 },
      });
      expect(goalB.indicators[0]!.computed.shortfall).toBeCloseTo(0.25, 9);
      const goalA = security!.goals[0]!;
      expect(goalA.computedStatus).toBe('on_track');
      expect(goalA.ratingDisagrees).toBe(false);
      const arrests = goalA.indicators.find((indicator) => indicator.id === 'ind-w')!;
      expect(arrests).toMatchObject({ stale: false, sparkline: [110, 114, 118] });
      expect(arrests.computed.planned).toBeCloseTo(100 + (100 * 9) / 51, 9);
      const burglaries = goalA.indicators.find((indicator) => indicator.id === 'ind-w2')!;
      expect(burglaries).toMatchObject({ stale: true, sparkline: [], computed: { status: 'no_data' } });
      expect(result.body.objective.statusCounts).toEqual({
        on_track: 1,
        at_risk: 0,
        off_track: 1,
        no_data: 0,
      });
    });

    test('creates an objective after the last one', async () => {
      const created = await analyst.post<{ id: string; name: string }>('/objectives', { name: 'Health' });
      expect(created.status).toBe(201);
      const list = await viewer.get<{ objectives: ObjectiveOverview[] }>('/objectives');
      expect(list.body.objectives.at(-1)!.id).toBe(created.body.id);
    });

    test('unknown objectives and bad input', async () => {
      expectError(await viewer.get('/objectives/nope'), 404, 'not_found');
      expectError(await viewer.get('/objectives/nope/readiness'), 404, 'not_found');
      expect(expectError(await viewer.get('/objectives?asOf=2026-02-30'), 400, 'invalid_payload')).toMatch(
        /^asOf:/,
      );
      expect(expectError(await analyst.post('/objectives', { name: '' }), 400, 'invalid_payload')).toMatch(
        /^name:/,
      );
      expectError(await analyst.post('/objectives', { id: 'obj-t', name: 'Dup' }), 409, 'conflict');
    });
  });

  describe('readiness', () => {
    test('lists indicators without data for the latest period due, by agency and owner', async () => {
      const result = await viewer.get<Readiness>(`/objectives/obj-t/readiness?asOf=${AS_OF}`);
      expect(result.status).toBe(200);
      expect(result.body.asOf).toBe(AS_OF);
      expect(result.body.indicatorCount).toBe(3);
      expect(
        result.body.missing.map((item) => [
          item.indicatorId,
          item.duePeriod,
          item.lastPeriod,
          item.ownerName,
        ]),
      ).toEqual([
        ['ind-m', '2026-02', '2026-01', 'Bruno Costa'],
        ['ind-w2', '2026-W11', null, 'Ana Lima'],
      ]);
      expect(result.body.byAgency.map((row) => [row.agency.code, row.missing, row.total])).toEqual([
        ['HEA', 1, 1],
        ['SEC', 1, 2],
      ]);
      expect(result.body.byOwner.map((row) => [row.ownerName, row.missing, row.total])).toEqual([
        ['Bruno Costa', 1, 1],
        ['Ana Lima', 1, 2],
      ]);
    });

    test('depends on the date: a week earlier, W10 is due and present', async () => {
      const result = await viewer.get<Readiness>('/objectives/obj-t/readiness?asOf=2026-03-10');
      expect(result.body.missing.map((item) => item.indicatorId)).toEqual(['ind-m', 'ind-w2']);
      const result2 = await viewer.get<Readiness>('/objectives/obj-t/readiness?asOf=2026-03-30');
      // W12 is now due and ind-w has no value for it.
      expect(result2.body.missing.map((item) => item.indicatorId).sort()).toEqual([
        'ind-m',
        'ind-w',
        'ind-w2',
      ]);
    });
  });

  describe('goals', () => {
    test('the detail has the goal summary, context and rating history (latest wins)', async () => {
      await analyst.put('/goals/goal-a/rating', { status: 'at_risk', comment: 'Slow start' });
      const second = await analyst.put<OwnerRating>('/goals/goal-a/rating', {
        status: 'on_track',
        comment: 'Better',
      });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ status: 'on_track', comment: 'Better', ratedBy: 'Ana Analyst' });
      const result = await viewer.get<GoalDetail>(`/goals/goal-a?asOf=${AS_OF}`);
      expect(result.status).toBe(200);
      expect(result.body.goal.ownerRating?.status).toBe('on_track');
      expect(result.body.ratingHistory.map((rating) => rating.status)).toEqual(['on_track', 'at_risk']);
      expect(result.body.objective.id).toBe('obj-t');
      expect(result.body.agency.code).toBe('SEC');
      expect(result.body.goal.indicators.map((indicator) => indicator.id).sort()).toEqual([
        'ind-w',
        'ind-w2',
      ]);
    });

    test('creation checks the objective and agency it refers to', async () => {
      const base = { objectiveId: 'obj-t', agencyId: 'ag-sec', title: 'New goal', ownerName: 'Carla' };
      const created = await analyst.post<{ id: string; ownerRating: null }>('/goals', base);
      expect(created.status).toBe(201);
      expect(created.body.ownerRating).toBeNull();
      const badObjective = await analyst.post('/goals', { ...base, objectiveId: 'nope' });
      expect(expectError(badObjective, 400, 'invalid_payload')).toMatch(/^objectiveId:/);
      const badAgency = await analyst.post('/goals', { ...base, agencyId: 'nope' });
      expect(expectError(badAgency, 400, 'invalid_payload')).toMatch(/^agencyId:/);
      expect(
        expectError(await analyst.post('/goals', { ...base, ownerName: '' }), 400, 'invalid_payload'),
      ).toMatch(/^ownerName:/);
    });

    test('ratings: unknown goal, and no "no_data" rating', async () => {
      expectError(await viewer.get('/goals/nope'), 404, 'not_found');
      expectError(
        await analyst.put('/goals/nope/rating', { status: 'on_track', comment: '' }),
        404,
        'not_found',
      );
      const bad = await analyst.put('/goals/goal-a/rating', { status: 'no_data', comment: '' });
      expect(expectError(bad, 400, 'invalid_payload')).toMatch(/^status:/);
    });
  });

  describe('indicators', () => {
    test('the detail has points, the plan, the computed status and the period due', async () => {
      const result = await viewer.get<IndicatorDetail>(`/indicators/ind-m?asOf=${AS_OF}`);
      expect(result.status).toBe(200);
      const { body } = result;
      expect(body.indicator).toMatchObject({
        id: 'ind-m',
        frequency: 'monthly',
        thresholds: { atRisk: 0.05, offTrack: 0.15 },
      });
      expect(body.goal.id).toBe('goal-b');
      expect(body.objective.id).toBe('obj-t');
      expect(body.agency.code).toBe('HEA');
      expect(body.points).toEqual([
        expect.objectContaining({
          indicatorId: 'ind-m',
          period: '2026-01',
          value: 55,
          note: 'Flu season',
          enteredBy: 'Ana Analyst',
        }),
      ]);
      expect(body.plan).toHaveLength(11);
      expect(body.plan[0]).toEqual({ period: '2026-01', value: 50 });
      expect(body.plan[10]).toEqual({ period: '2026-11', value: 30 });
      expect(body.computed.status).toBe('off_track');
      expect(body.duePeriod).toBe('2026-02');
    });

    test('creation validates dates, trajectory periods and thresholds, naming the field', async () => {
      const base = {
        goalId: 'goal-a',
        name: 'Patrols',
        unit: 'patrols',
        direction: 'up',
        frequency: 'monthly',
        baselineValue: 10,
        baselineDate: '2026-01-01',
        targetValue: 20,
        targetDate: '2026-12-31',
      };
      const early = await analyst.post('/indicators', { ...base, targetDate: '2025-12-31' });
      expect(expectError(early, 400, 'invalid_payload')).toMatch(/^targetDate:/);
      const badTrajectory = await analyst.post('/indicators', {
        ...base,
        trajectory: [{ period: '2026-W10', value: 12 }],
      });
      expect(expectError(badTrajectory, 400, 'invalid_payload')).toMatch(/^trajectory\.0\.period:/);
      const badThresholds = await analyst.post('/indicators', {
        ...base,
        thresholds: { atRisk: 0.3, offTrack: 0.1 },
      });
      expect(expectError(badThresholds, 400, 'invalid_payload')).toMatch(/^thresholds\.offTrack:/);
      const badGoal = await analyst.post('/indicators', { ...base, goalId: 'nope' });
      expect(expectError(badGoal, 400, 'invalid_payload')).toMatch(/^goalId:/);
      const badDirection = await analyst.post('/indicators', { ...base, direction: 'sideways' });
      expect(expectError(badDirection, 400, 'invalid_payload')).toMatch(/^direction:/);

      const created = await analyst.post<{ id: string; trajectory: unknown; thresholds: unknown }>(
        '/indicators',
        {
          ...base,
          trajectory: [{ period: '2026-06', value: 12 }],
          thresholds: { atRisk: 0.1, offTrack: 0.2 },
        },
      );
      expect(created.status).toBe(201);
      expect(created.body.trajectory).toEqual([{ period: '2026-06', value: 12 }]);
      const detail = await viewer.get<IndicatorDetail>(`/indicators/${created.body.id}`);
      // The explicit trajectory bends the plan: 12 in June, then on to 20 in December.
      expect(detail.body.plan.find((planned) => planned.period === '2026-06')?.value).toBe(12);
      expect(detail.body.indicator.thresholds).toEqual({ atRisk: 0.1, offTrack: 0.2 });
    });

    test('entering, correcting and deleting a value', async () => {
      const created = await analyst.put<DataPoint>('/indicators/ind-w2/points/2026-W11', { value: 70 });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        indicatorId: 'ind-w2',
        period: '2026-W11',
        value: 70,
        note: null,
      });
      const corrected = await analyst.put<DataPoint>('/indicators/ind-w2/points/2026-W11', {
        value: 75,
        note: 'Revised',
      });
      expect(corrected.status).toBe(200);
      let detail = await viewer.get<IndicatorDetail>(`/indicators/ind-w2?asOf=${AS_OF}`);
      expect(detail.body.points.map((point) => [point.period, point.value, point.note])).toEqual([
        ['2026-W11', 75, 'Revised'],
      ]);
      expect(detail.body.computed.status).not.toBe('no_data');

      const deleted = await analyst.delete('/indicators/ind-w2/points/2026-W11');
      expect(deleted.status).toBe(204);
      detail = await viewer.get<IndicatorDetail>(`/indicators/ind-w2?asOf=${AS_OF}`);
      expect(detail.body.points).toEqual([]);
      expect(detail.body.computed.status).toBe('no_data');
      expectError(await analyst.delete('/indicators/ind-w2/points/2026-W11'), 404, 'not_found');
    });

    test('a period must match the indicator frequency, and a value must be a number', async () => {
      const monthlyPeriod = await analyst.put('/indicators/ind-w/points/2026-03', { value: 1 });
      expect(expectError(monthlyPeriod, 400, 'invalid_payload')).toMatch(/^period:/);
      const badWeek = await analyst.put('/indicators/ind-w/points/2025-W53', { value: 1 });
      expect(expectError(badWeek, 400, 'invalid_payload')).toMatch(/^period:/);
      const text = await analyst.put('/indicators/ind-w/points/2026-W12', { value: 'ten' });
      expect(expectError(text, 400, 'invalid_payload')).toMatch(/^value:/);
      const malformed = await fetch(`${server.url}/api/indicators/ind-w/points/2026-W12`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${(await server.signIn('Ana Analyst', 'analyst')).token}`,
          'content-type': 'application/json',
        },
        body: '{"value":',
      });
      expect(malformed.status).toBe(400);
    });

    test('the overview and detail follow every write at once', async () => {
      const counts = async () =>
        (
          await viewer.get<{ objectives: ObjectiveOverview[] }>(`/objectives?asOf=${AS_OF}`)
        ).body.objectives.find((objective) => objective.id === 'obj-t')!.statusCounts;
      const before = await counts();
      // Far below the plan for arrests: goal-a goes off track.
      await analyst.put('/indicators/ind-w/points/2026-W11', { value: 50 });
      expect(await counts()).toEqual({
        ...before,
        on_track: before.on_track - 1,
        off_track: before.off_track + 1,
      });
      await analyst.put('/indicators/ind-w/points/2026-W11', { value: 118 });
      expect(await counts()).toEqual(before);
    });

    test('unknown indicators', async () => {
      expectError(await viewer.get('/indicators/nope'), 404, 'not_found');
      expectError(await analyst.put('/indicators/nope/points/2026-W11', { value: 1 }), 404, 'not_found');
      expectError(await analyst.delete('/indicators/nope/points/2026-W11'), 404, 'not_found');
    });
  });
});
