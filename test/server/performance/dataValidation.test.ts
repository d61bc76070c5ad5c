/**
 * Data that cannot mislead (issue 16, items 1–3): values for periods that have not ended, impossible
 * values, values far outside the series and dates out of range are refused (or, for outliers,
 * taken only once confirmed) by the API and the CSV import; one indicator whose stored data is
 * broken shows as broken instead of failing the pages that list it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Db, openDatabase } from '../../../server/db/database.ts';
import { putDataPoint } from '../../../server/performance/indicators.ts';
import type {
  DataPoint,
  ImportEvent,
  ObjectiveDetail,
  ObjectiveOverview,
} from '../../../shared/performance.ts';
import { latestDuePeriod, nextPeriod, periodOfDate, todayDate } from '../../../shared/periods.ts';
import { DIALECTS } from '../../helpers/databases.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { type ApiClient, apiClient, type ErrorBody, postCsv } from './api.ts';
import { AS_OF, buildWorld } from './world.ts';

const lastEvent = (events: unknown[]) => events[events.length - 1] as ImportEvent;

describe.each(DIALECTS)('data validation on %s', (dialect) => {
  let server: TestServer;
  let token: string;
  let analyst: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({ dialect });
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
    analyst = apiClient(server, token);
    await buildWorld(analyst);
  });
  afterAll(() => server?.close());

  const expectError = (
    result: { status: number; body: unknown },
    status: number,
    code: string,
    message?: RegExp,
  ) => {
    expect(result.status).toBe(status);
    const { error } = result.body as ErrorBody;
    expect(error.code).toBe(code);
    if (message) expect(error.message).toMatch(message);
  };

  describe('data points by the API', () => {
    test('a period that has not ended yet is refused, naming the period due', async () => {
      const today = todayDate();
      const current = periodOfDate(today, 'weekly');
      const due = latestDuePeriod(today, 'weekly');
      for (const period of [current, nextPeriod(current, 'weekly'), '2099-W01']) {
        expectError(
          await analyst.put(`/indicators/ind-w/points/${period}`, { value: 120 }),
          400,
          'invalid_payload',
          new RegExp(`${period} has not ended yet.*latest period due is ${due}`),
        );
      }
      expect((await analyst.put(`/indicators/ind-w/points/${due}`, { value: 120 })).status).toBe(201);
    });

    test('today is the server clock, pinned here: on 2026-03-18 W11 is due and W12 is not', async () => {
      const db = openDatabase(server.database.config);
      try {
        const by = { id: 'u-ana', name: 'Ana Analyst', role: 'analyst' } as const;
        const now = new Date(`${AS_OF}T12:00:00`);
        await expect(putDataPoint(db.kysely, 'ind-w2', '2026-W12', { value: 70 }, by, now)).rejects.toThrow(
          /2026-W12 has not ended yet.*latest period due is 2026-W11/,
        );
        const { created } = await putDataPoint(db.kysely, 'ind-w2', '2026-W11', { value: 70 }, by, now);
        expect(created).toBe(true);
      } finally {
        await db.close();
      }
    });

    test('periods before 1990 are refused as out of range', async () => {
      expectError(
        await analyst.put('/indicators/ind-m/points/1989-12', { value: 50 }),
        400,
        'invalid_payload',
        /1989-12 is out of range.*1990-01-01 and 2100-12-31/,
      );
    });

    test('values that are not finite or absurdly large are refused', async () => {
      expectError(
        await analyst.put('/indicators/ind-w/points/2026-W05', { value: 1e308 }),
        400,
        'invalid_payload',
        /too large/,
      );
      expectError(
        await analyst.put('/indicators/ind-w/points/2026-W05', { value: -2e12 }),
        400,
        'invalid_payload',
      );
      // JSON.parse reads 1e999 as Infinity.
      const response = await fetch(`${server.url}/api/indicators/ind-w/points/2026-W05`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{"value": 1e999}',
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe('invalid_payload');
    });

    test('a negative value is refused where the indicator does not allow it, taken where it does', async () => {
      expectError(
        await analyst.put('/indicators/ind-w/points/2026-W05', { value: -3 }),
        400,
        'invalid_payload',
        /-3 is negative, and this indicator does not allow negative values/,
      );
      const created = await analyst.post('/indicators', {
        id: 'ind-net',
        goalId: 'goal-a',
        name: 'Net hires',
        unit: 'people',
        direction: 'up',
        frequency: 'monthly',
        baselineValue: -10,
        baselineDate: '2026-01-01',
        targetValue: 5,
        targetDate: '2026-12-01',
        allowsNegative: true,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ allowsNegative: true });
      expect((await analyst.put('/indicators/ind-net/points/2026-01', { value: -4 })).status).toBe(201);
    });

    test('a value far outside the series needs a confirmation, then is taken', async () => {
      // ind-w holds 110, 114 and 118 (and 120 entered above).
      const refused = await analyst.put('/indicators/ind-w/points/2026-W08', { value: 12_000 });
      expectError(refused, 409, 'needs_confirmation', /12000 .*far outside.*the largest is 120/);
      expect((await analyst.put('/indicators/ind-w/points/2026-W08', { value: 1_200 })).status).toBe(201);
      const confirmed = await analyst.put<DataPoint>('/indicators/ind-w/points/2026-W07', {
        value: 12_001,
        confirm: true,
      });
      expect(confirmed.status).toBe(201);
      expect(confirmed.body.value).toBe(12_001);
      // The other sign than every value so far, on an indicator that allows negatives.
      expect((await analyst.put('/indicators/ind-net/points/2026-02', { value: 3 })).status).toBe(409);
    });
  });

  describe('indicators by the API', () => {
    const base = {
      goalId: 'goal-a',
      name: 'Patrols',
      unit: 'count',
      direction: 'up',
      frequency: 'weekly',
      baselineValue: 10,
      baselineDate: '2026-01-05',
      targetValue: 20,
      targetDate: '2026-12-28',
    };

    test('dates and trajectory periods out of range are refused', async () => {
      expectError(
        await analyst.post('/indicators', { ...base, baselineDate: '0001-01-01' }),
        400,
        'invalid_payload',
        /baselineDate.*0001-01-01 is out of range/,
      );
      expectError(
        await analyst.post('/indicators', { ...base, targetDate: '2101-01-01' }),
        400,
        'invalid_payload',
        /targetDate/,
      );
      expectError(
        await analyst.post('/indicators', { ...base, trajectory: [{ period: '1985-W10', value: 12 }] }),
        400,
        'invalid_payload',
        /1985-W10 is out of range/,
      );
    });

    test('negative or absurd values are refused unless the indicator allows negatives', async () => {
      expectError(
        await analyst.post('/indicators', { ...base, baselineValue: -1 }),
        400,
        'invalid_payload',
        /baselineValue.*negative/,
      );
      expectError(
        await analyst.post('/indicators', { ...base, targetValue: 1e13 }),
        400,
        'invalid_payload',
        /targetValue/,
      );
    });
  });

  describe('CSV imports', () => {
    const importPoints = (csv: string) => postCsv(server, token, 'data-points', csv);

    test('a row for a period that has not ended fails the import, naming the row and the period due', async () => {
      const today = todayDate();
      const current = periodOfDate(today, 'monthly');
      const due = latestDuePeriod(today, 'monthly');
      const result = await importPoints(`indicator_id,period,value\nind-m,${due},50\nind-m,${current},49\n`);
      const final = lastEvent(result.events);
      expect(final).toMatchObject({ type: 'failed' });
      if (final.type !== 'failed') return;
      expect(final.errors).toHaveLength(1);
      expect(final.errors[0]).toMatchObject({ row: 3, field: 'period' });
      expect(final.errors[0]?.message).toMatch(new RegExp(`${current} has not ended yet.*${due}`));
    });

    test('impossible values fail the import: negative, 1e999, 1e308, a period out of range', async () => {
      const result = await importPoints(
        [
          'indicator_id,period,value',
          'ind-m,2026-01,-5',
          'ind-m,2025-12,1e999',
          'ind-m,2025-11,1e308',
          'ind-m,1989-01,40',
        ].join('\n'),
      );
      const final = lastEvent(result.events);
      expect(final).toMatchObject({ type: 'failed' });
      if (final.type !== 'failed') return;
      expect(final.errors.map((error) => [error.row, error.field])).toEqual([
        [2, 'value'],
        [3, 'value'],
        [4, 'value'],
        [5, 'period'],
      ]);
      expect(final.errors[0]?.message).toMatch(/does not allow negative values/);
      expect(final.errors[1]?.message).toMatch(/"1e999" is out of range/);
    });

    test('values far outside the series are imported but flagged as warnings', async () => {
      const result = await importPoints('indicator_id,period,value\nind-m,2025-10,52\nind-m,2025-09,5200\n');
      const final = lastEvent(result.events);
      expect(final).toMatchObject({ type: 'done', inserted: 2 });
      if (final.type !== 'done') return;
      expect(final.warnings).toEqual([
        {
          row: 3,
          message: expect.stringMatching(/5200 .*far outside/),
          reason: {
            key: 'rowOutlier',
            params: { indicator: 'ind-m', period: '2025-09', value: 5200, largest: 55 },
          },
        },
      ]);
    });

    test('indicator rows with dates out of range or negative values are refused', async () => {
      const header =
        'id,goal_id,name,unit,direction,frequency,baseline_value,baseline_date,target_value,target_date';
      const result = await postCsv(
        server,
        token,
        'indicators',
        [
          header,
          'ind-x1,goal-a,Old,count,up,monthly,1,1989-12-31,2,2026-12-01',
          'ind-x2,goal-a,Minus,count,up,monthly,-1,2026-01-01,2,2026-12-01',
          'ind-x3,goal-a,Far,count,up,monthly,1,2026-01-01,1e308,2026-12-01',
        ].join('\n'),
      );
      const final = lastEvent(result.events);
      expect(final).toMatchObject({ type: 'failed' });
      if (final.type !== 'failed') return;
      expect(final.errors.map((error) => [error.row, error.field])).toEqual([
        [2, 'baseline_date'],
        [3, 'baseline_value'],
        [4, 'target_value'],
      ]);
      const allowed = await postCsv(
        server,
        token,
        'indicators',
        `${header},allows_negative\nind-x2,goal-a,Minus,count,up,monthly,-1,2026-01-01,2,2026-12-01,true\n`,
      );
      expect(lastEvent(allowed.events)).toMatchObject({ type: 'done', inserted: 1 });
    });
  });

  describe('a broken indicator in a listing', () => {
    let db: Db;
    beforeAll(() => {
      db = openDatabase(server.database.config);
    });
    afterAll(() => db?.close());

    test('shows as broken with its reason; the rest of the page renders', async () => {
      // Written behind the API's back, as an old version or a hand-made fix might have.
      await db.kysely
        .updateTable('indicators')
        .set({ baseline_date: '0001-01-01' })
        .where('id', '=', 'ind-m')
        .execute();
      await db.kysely
        .insertInto('indicator_trajectory')
        .values({ indicator_id: 'ind-w2', period: 'not-a-week', value: 1 })
        .execute();
      // Bumps the revision so that no overview cached before is served.
      await db.kysely
        .updateTable('performance_revision')
        .set((eb) => ({ revision: eb('revision', '+', 1) }))
        .execute();

      const list = await analyst.get<{ objectives: ObjectiveOverview[] }>(`/objectives?asOf=${AS_OF}`);
      expect(list.status).toBe(200);
      expect(list.body.objectives.map((objective) => objective.id)).toContain('obj-t');

      const detail = await analyst.get<ObjectiveDetail>(`/objectives/obj-t?asOf=${AS_OF}`);
      expect(detail.status).toBe(200);
      const indicators = detail.body.agencies.flatMap((entry) =>
        entry.goals.flatMap((goal) => goal.indicators),
      );
      const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
      expect(byId.get('ind-m')?.broken?.reason).toMatch(/baseline date.*0001-01-01/);
      expect(byId.get('ind-m')?.computed.status).toBe('no_data');
      expect(byId.get('ind-w2')?.broken?.reason).toMatch(/trajectory period "not-a-week"/);
      expect(byId.get('ind-w')?.broken).toBeUndefined();
      expect(byId.get('ind-w')?.computed.status).not.toBe('no_data');
    });
  });
});
