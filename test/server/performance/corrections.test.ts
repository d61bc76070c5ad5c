/**
 * Issue 16, item 4: wrong data can be removed, an indicator edited or archived, and each change is
 * recorded (who, when, what, why), on SQLite and PostgreSQL, against a real server.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type {
  ArchivedIndicator,
  ArchiveMark,
  DataChange,
  Indicator,
  IndicatorDetail,
  ObjectiveDetail,
  ObjectiveOverview,
  Readiness,
} from '../../../shared/performance.ts';
import { DIALECTS } from '../../helpers/databases.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { type ApiClient, type ApiResult, apiClient, type ErrorBody, postCsv } from './api.ts';
import { AS_OF, buildWorld } from './world.ts';

describe.each(DIALECTS)('data corrections on %s', (dialect) => {
  let server: TestServer;
  let analystToken: string;
  let analyst: ApiClient;
  let viewer: ApiClient;
  let viewerToken: string;

  beforeAll(async () => {
    server = await startTestServer({ dialect });
    analystToken = (await server.signIn('Ana Analyst', 'analyst')).token;
    viewerToken = (await server.signIn('Vera Viewer', 'viewer')).token;
    analyst = apiClient(server, analystToken);
    viewer = apiClient(server, viewerToken);
    await buildWorld(analyst);
  });
  afterAll(() => server?.close());

  /** The test client has no PATCH: one call, same shape as the others. */
  async function patch<T = unknown>(token: string, path: string, body: unknown): Promise<ApiResult<T>> {
    const response = await fetch(`${server.url}/api${path}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  const expectError = (result: ApiResult, status: number, code: string): string => {
    expect(result.status, JSON.stringify(result.body)).toBe(status);
    expect((result.body as ErrorBody).error.code).toBe(code);
    return (result.body as ErrorBody).error.message;
  };

  const detailOf = async (id: string) =>
    (await analyst.get<IndicatorDetail>(`/indicators/${id}?asOf=${AS_OF}`)).body;
  const changesOf = async (id: string) =>
    (await viewer.get<{ changes: DataChange[] }>(`/indicators/${id}/changes`)).body.changes;
  const summaryIn = async (objectiveId: string, indicatorId: string) => {
    const detail = (await analyst.get<ObjectiveDetail>(`/objectives/${objectiveId}?asOf=${AS_OF}`)).body;
    const indicators = detail.agencies.flatMap((agency) =>
      agency.goals.flatMap((goal) => goal.indicators.map((indicator) => ({ goal, indicator }))),
    );
    return indicators.find((entry) => entry.indicator.id === indicatorId);
  };

  /** A weekly indicator of goal-a (plan 100 → 200 over 2026) with the given values. */
  async function weeklyIndicator(id: string, values: Array<[string, number]>, extra: object = {}) {
    const created = await analyst.post('/indicators', {
      id,
      goalId: 'goal-a',
      name: `Indicator ${id}`,
      unit: 'count',
      direction: 'up',
      frequency: 'weekly',
      baselineValue: 100,
      baselineDate: '2026-01-05',
      targetValue: 200,
      targetDate: '2026-12-28',
      ...extra,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (const [period, value] of values) {
      const put = await analyst.put(`/indicators/${id}/points/${period}`, { value, confirm: true });
      expect(put.status).toBe(201);
    }
  }

  describe('deleting a data point', () => {
    test('removes it from the series and the status, and records who, the value and the reason', async () => {
      await weeklyIndicator('del-1', [
        ['2026-W09', 110],
        ['2026-W10', 114],
        ['2026-W11', 1180],
      ]);
      expect((await summaryIn('obj-t', 'del-1'))?.indicator.computed.latest).toEqual({
        period: '2026-W11',
        value: 1180,
      });

      const reason = 'Typed 1180 for 118 (the spreadsheet had a stray zero)';
      const removed = await analyst.delete(
        `/indicators/del-1/points/2026-W11?reason=${encodeURIComponent(reason)}`,
      );
      expect(removed.status).toBe(204);

      const detail = await detailOf('del-1');
      expect(detail.points.map((point) => point.period)).toEqual(['2026-W09', '2026-W10']);
      expect(detail.computed.latest).toEqual({ period: '2026-W10', value: 114 });
      const summary = await summaryIn('obj-t', 'del-1');
      expect(summary?.indicator.computed.latest).toEqual({ period: '2026-W10', value: 114 });
      // W11 is the period due at AS_OF: without it the indicator is stale again.
      expect(summary?.indicator.stale).toBe(true);

      const [change, ...older] = await changesOf('del-1');
      expect(older).toEqual([]);
      expect(change).toMatchObject({
        indicatorId: 'del-1',
        action: 'deleted',
        period: '2026-W11',
        oldValue: 1180,
        newValue: null,
        fields: [],
        reason,
        source: 'api',
        changedBy: 'Ana Analyst',
      });
      expect(Date.now() - Date.parse(change?.changedAt ?? '')).toBeLessThan(60_000);
    });

    test('a point that is not there is not_found, and nothing is recorded', async () => {
      await weeklyIndicator('del-2', [['2026-W10', 114]]);
      expectError(await analyst.delete('/indicators/del-2/points/2026-W11'), 404, 'not_found');
      expectError(await analyst.delete('/indicators/no-such/points/2026-W11'), 404, 'not_found');
      expect(await changesOf('del-2')).toEqual([]);
    });

    test('without a reason the change is recorded with none; a reason past 500 characters is refused', async () => {
      await weeklyIndicator('del-3', [
        ['2026-W10', 114],
        ['2026-W11', 118],
      ]);
      const long = 'x'.repeat(501);
      const message = expectError(
        await analyst.delete(`/indicators/del-3/points/2026-W11?reason=${long}`),
        400,
        'invalid_payload',
      );
      expect(message).toMatch(/^reason: /);
      expect((await detailOf('del-3')).points).toHaveLength(2);
      expect(await changesOf('del-3')).toEqual([]);

      expect((await analyst.delete('/indicators/del-3/points/2026-W10')).status).toBe(204);
      expect(await changesOf('del-3')).toMatchObject([
        { action: 'deleted', period: '2026-W10', reason: null },
      ]);
    });
  });

  describe('correcting a value', () => {
    test('a PUT over a stored value records old → new; a new value or the same value again does not', async () => {
      await weeklyIndicator('cor-1', [['2026-W10', 114]]);
      expect(await changesOf('cor-1')).toEqual([]);
      const corrected = await analyst.put('/indicators/cor-1/points/2026-W10', { value: 116 });
      expect(corrected.status).toBe(200);
      expect(
        (await analyst.put('/indicators/cor-1/points/2026-W10', { value: 116, note: 'Checked' })).status,
      ).toBe(200);
      expect(await changesOf('cor-1')).toMatchObject([
        {
          action: 'corrected',
          period: '2026-W10',
          oldValue: 114,
          newValue: 116,
          source: 'api',
          changedBy: 'Ana Analyst',
        },
      ]);
    });

    test('a CSV import that replaces a value records the correction as from the import', async () => {
      await weeklyIndicator('cor-2', [
        ['2026-W09', 110],
        ['2026-W10', 114],
      ]);
      const csv = 'indicator_id,period,value\ncor-2,2026-W09,110\ncor-2,2026-W10,112\ncor-2,2026-W11,118\n';
      const { events } = await postCsv(server, analystToken, 'data-points', csv);
      expect(events.at(-1)).toMatchObject({ type: 'done', inserted: 1, updated: 1, unchanged: 1 });
      expect(await changesOf('cor-2')).toMatchObject([
        { action: 'corrected', period: '2026-W10', oldValue: 114, newValue: 112, source: 'import' },
      ]);
    });
  });

  describe('editing an indicator', () => {
    test('changes the fields sent, keeps the others, and records each from → to with the reason', async () => {
      await weeklyIndicator('edit-1', [['2026-W11', 118]]);
      const result = await patch<{ indicator: Indicator }>(analystToken, '/indicators/edit-1', {
        name: '  Arrests (all districts) ',
        targetValue: 250,
        thresholds: { atRisk: 0.1 },
        reason: 'Target revised by the governor',
      });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      expect(result.body.indicator).toMatchObject({
        name: 'Arrests (all districts)',
        targetValue: 250,
        baselineValue: 100,
        thresholds: { atRisk: 0.1, offTrack: 0.15 },
      });
      const stored = (await detailOf('edit-1')).indicator;
      expect(stored).toEqual(result.body.indicator);
      // The plan follows the new target: 100 + 150·9/51 in W11.
      expect((await detailOf('edit-1')).computed.planned).toBeCloseTo(100 + (150 * 9) / 51, 6);
      expect(await changesOf('edit-1')).toMatchObject([
        {
          action: 'edited',
          period: null,
          reason: 'Target revised by the governor',
          changedBy: 'Ana Analyst',
          fields: [
            { field: 'name', from: 'Indicator edit-1', to: 'Arrests (all districts)' },
            { field: 'targetValue', from: 200, to: 250 },
            { field: 'thresholds.atRisk', from: 0.05, to: 0.1 },
          ],
        },
      ]);
    });

    test('an edit that changes nothing is answered but not recorded', async () => {
      await weeklyIndicator('edit-2', []);
      const result = await patch(analystToken, '/indicators/edit-2', { unit: 'count', direction: 'up' });
      expect(result.status).toBe(200);
      expect(await changesOf('edit-2')).toEqual([]);
    });

    test.each([
      [
        'a target date before the baseline',
        { targetDate: '2026-01-01' },
        /^targetDate: must be after the baseline date 2026-01-05/,
      ],
      ['a baseline date out of range', { baselineDate: '1989-12-31' }, /^baselineDate: /],
      ['a date that is not one', { targetDate: '2026-02-30' }, /^targetDate: expected a date YYYY-MM-DD/],
      ['an empty name', { name: '   ' }, /^name: must not be empty/],
      ['an unknown direction', { direction: 'sideways' }, /^direction: /],
      ['a value past 1e12', { targetValue: 1e13 }, /^targetValue: must be between/],
      ['a negative baseline', { baselineValue: -5 }, /^baselineValue: is negative: set allowsNegative/],
      [
        'thresholds out of order',
        { thresholds: { atRisk: 0.5 } },
        /^thresholds\.offTrack: must be at least atRisk/,
      ],
      ['a frequency', { frequency: 'monthly' }, /^frequency: cannot be changed/],
      ['a goal', { goalId: 'goal-b' }, /^goalId: cannot be changed/],
      ['an unknown field', { colour: 'red' }, /colour/],
      ['nothing to change', { reason: 'just because' }, /nothing to change/],
      ['a string for a number', { targetValue: '250' }, /^targetValue: /],
    ])('refuses %s, naming the field, and changes nothing', async (_label, body, message) => {
      const before = await detailOf('ind-w');
      const changesBefore = await changesOf('ind-w');
      const result = await patch(analystToken, '/indicators/ind-w', body);
      expect(expectError(result, 400, 'invalid_payload')).toMatch(message);
      expect((await detailOf('ind-w')).indicator).toEqual(before.indicator);
      expect(await changesOf('ind-w')).toEqual(changesBefore);
    });

    test('negatives cannot be turned off while a stored value is negative; the other fields of that edit are not applied', async () => {
      await weeklyIndicator('edit-neg', [['2026-W10', -3]], {
        allowsNegative: true,
        baselineValue: 0,
        targetValue: 10,
      });
      const result = await patch(analystToken, '/indicators/edit-neg', {
        allowsNegative: false,
        name: 'Renamed',
      });
      expect(expectError(result, 400, 'invalid_payload')).toMatch(
        /^allowsNegative: cannot be turned off: a stored value is negative \(2026-W10: -3\)/,
      );
      expect((await detailOf('edit-neg')).indicator).toMatchObject({
        allowsNegative: true,
        name: 'Indicator edit-neg',
      });
      expect(await changesOf('edit-neg')).toEqual([]);
      // Once the value is gone, it can.
      expect((await analyst.delete('/indicators/edit-neg/points/2026-W10')).status).toBe(204);
      expect((await patch(analystToken, '/indicators/edit-neg', { allowsNegative: false })).status).toBe(200);
      expect((await changesOf('edit-neg')).map((change) => change.action)).toEqual(['edited', 'deleted']);
    });

    test('an unknown indicator is not_found', async () => {
      expectError(await patch(analystToken, '/indicators/no-such', { name: 'X' }), 404, 'not_found');
    });
  });

  describe('archiving', () => {
    beforeAll(async () => {
      // A goal of its own, off track and rated on track, so that archiving moves every count.
      const goal = await analyst.post('/goals', {
        id: 'goal-arch',
        objectiveId: 'obj-t',
        agencyId: 'ag-sec',
        title: 'Faster responses',
        ownerName: 'Caio Reis',
      });
      expect(goal.status).toBe(201);
      const created = await analyst.post('/indicators', {
        id: 'arch-1',
        goalId: 'goal-arch',
        name: 'Response time',
        unit: 'minutes',
        direction: 'down',
        frequency: 'monthly',
        baselineValue: 50,
        baselineDate: '2026-01-01',
        targetValue: 30,
        targetDate: '2026-11-01',
      });
      expect(created.status).toBe(201);
      // January's 60 is far behind the plan (off track); February, due at AS_OF, is missing.
      expect((await analyst.put('/indicators/arch-1/points/2026-01', { value: 60 })).status).toBe(201);
      expect((await analyst.put('/goals/goal-arch/rating', { status: 'on_track', comment: '' })).status).toBe(
        200,
      );
    });

    const overview = async () =>
      (
        await analyst.get<{ objectives: ObjectiveOverview[] }>(`/objectives?asOf=${AS_OF}`)
      ).body.objectives.find((objective) => objective.id === 'obj-t') as ObjectiveOverview;
    const readiness = async () =>
      (await analyst.get<Readiness>(`/objectives/obj-t/readiness?asOf=${AS_OF}`)).body;

    test('takes it out of the overview, the objective page (the prep picker) and readiness; its page still opens; un-archiving brings it back', async () => {
      const before = { overview: await overview(), readiness: await readiness() };
      expect((await summaryIn('obj-t', 'arch-1'))?.goal.computedStatus).toBe('off_track');
      expect(before.readiness.missing.map((entry) => entry.indicatorId)).toContain('arch-1');

      const archived = await analyst.post<{ archived: ArchiveMark }>('/indicators/arch-1/archive', {
        reason: 'Replaced by the 911 response time',
      });
      expect(archived.status, JSON.stringify(archived.body)).toBe(200);
      expect(archived.body.archived.by).toBe('Ana Analyst');

      expect(await summaryIn('obj-t', 'arch-1')).toBeUndefined();
      const after = { overview: await overview(), readiness: await readiness() };
      // goal-arch now has no indicator: no data, and no disagreement with its owner's rating.
      expect(after.overview.statusCounts.off_track).toBe(before.overview.statusCounts.off_track - 1);
      expect(after.overview.statusCounts.no_data).toBe(before.overview.statusCounts.no_data + 1);
      expect(after.overview.disagreementCount).toBe(before.overview.disagreementCount - 1);
      expect(after.overview.staleIndicatorCount).toBe(before.overview.staleIndicatorCount - 1);
      expect(after.readiness.indicatorCount).toBe(before.readiness.indicatorCount - 1);
      expect(after.readiness.missing.map((entry) => entry.indicatorId)).not.toContain('arch-1');

      const listed = await viewer.get<{ indicators: ArchivedIndicator[] }>(
        '/indicators?objectiveId=obj-t&archived=true',
      );
      expect(listed.body.indicators).toEqual([
        {
          id: 'arch-1',
          name: 'Response time',
          goalId: 'goal-arch',
          goalTitle: 'Faster responses',
          agency: { id: 'ag-sec', code: 'SEC', name: 'Secretariat of Security' },
          archived: archived.body.archived,
        },
      ]);

      const page = await viewer.get<IndicatorDetail>('/indicators/arch-1');
      expect(page.status).toBe(200);
      expect(page.body.archived).toEqual(archived.body.archived);
      expect(page.body.points.map((point) => point.value)).toEqual([60]);
      expectError(await analyst.post('/indicators/arch-1/archive', {}), 409, 'invalid_state');

      const back = await analyst.post('/indicators/arch-1/unarchive', {});
      expect(back.status).toBe(200);
      expect((await detailOf('arch-1')).archived).toBeNull();
      expect((await summaryIn('obj-t', 'arch-1'))?.goal.computedStatus).toBe('off_track');
      expect(await overview()).toEqual(before.overview);
      expect(await readiness()).toEqual(before.readiness);
      expectError(await analyst.post('/indicators/arch-1/unarchive', {}), 409, 'invalid_state');
      const relisted = await analyst.get<{ indicators: ArchivedIndicator[] }>(
        '/indicators?objectiveId=obj-t&archived=true',
      );
      expect(relisted.body.indicators).toEqual([]);

      expect(
        (await changesOf('arch-1')).map(({ action, reason, changedBy }) => ({ action, reason, changedBy })),
      ).toEqual([
        { action: 'unarchived', reason: null, changedBy: 'Ana Analyst' },
        { action: 'archived', reason: 'Replaced by the 911 response time', changedBy: 'Ana Analyst' },
      ]);
    });

    test('the data-point template never names an archived indicator', async () => {
      await analyst.post('/objectives', { id: 'obj-tpl', name: 'Template objective' });
      await analyst.post('/goals', {
        id: 'goal-tpl',
        objectiveId: 'obj-tpl',
        agencyId: 'ag-sec',
        title: 'Template goal',
        ownerName: 'T',
      });
      await weeklyIndicator('tpl-a', [], { goalId: 'goal-tpl' });
      await weeklyIndicator('tpl-b', [], { goalId: 'goal-tpl' });
      const template = async () => {
        const response = await fetch(
          `${server.url}/api/imports/data-points/template.csv?objectiveId=obj-tpl`,
          {
            headers: { authorization: `Bearer ${analystToken}` },
          },
        );
        return (await response.text()).split('\r\n')[1]?.split(',')[0];
      };
      expect(await template()).toBe('tpl-a');
      expect((await analyst.post('/indicators/tpl-a/archive', {})).status).toBe(200);
      expect(await template()).toBe('tpl-b');
    });

    test('the archived listing needs an objective that exists and archived=true', async () => {
      expectError(await analyst.get('/indicators?objectiveId=no-such&archived=true'), 404, 'not_found');
      expect(expectError(await analyst.get('/indicators?objectiveId=obj-t'), 400, 'invalid_payload')).toMatch(
        /^archived: /,
      );
      expect(expectError(await analyst.get('/indicators?archived=true'), 400, 'invalid_payload')).toMatch(
        /^objectiveId: /,
      );
    });

    test('an archive body other than a reason is refused', async () => {
      const message = expectError(
        await analyst.post('/indicators/ind-w/archive', { archived: true }),
        400,
        'invalid_payload',
      );
      expect(message).toMatch(/archived/);
      expect((await detailOf('ind-w')).archived).toBeNull();
    });
  });

  test('viewers are refused every correction, and nothing changes; they can read the changes', async () => {
    await weeklyIndicator('view-1', [['2026-W11', 118]]);
    const before = await detailOf('view-1');
    const attempts = [
      viewer.delete('/indicators/view-1/points/2026-W11'),
      patch(viewerToken, '/indicators/view-1', { name: 'Viewer was here' }),
      viewer.post('/indicators/view-1/archive', {}),
      viewer.post('/indicators/view-1/unarchive', {}),
    ];
    for (const result of await Promise.all(attempts)) expectError(result, 403, 'forbidden');
    expect(await detailOf('view-1')).toEqual(before);
    const read = await viewer.get<{ changes: DataChange[] }>('/indicators/view-1/changes');
    expect(read).toEqual({ status: 200, body: { changes: [] } });
    expectError(await viewer.get('/indicators/no-such/changes'), 404, 'not_found');
  });
});
