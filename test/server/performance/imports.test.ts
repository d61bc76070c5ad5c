import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  IMPORT_HEADER,
  IMPORT_HEADER_VALUE,
  type ImportEvent,
  type IndicatorDetail,
} from '../../../shared/performance.ts';
import { periodAtIndex, periodIndex } from '../../../shared/periods.ts';
import { DIALECTS } from '../../helpers/databases.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { type ApiClient, apiClient, postCsv } from './api.ts';
import { AS_OF, buildWorld } from './world.ts';

const lastEvent = (events: unknown[]) => events[events.length - 1] as ImportEvent;

describe.each(DIALECTS)('CSV imports on %s', (dialect) => {
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

  const pointsOf = async (id: string) =>
    (await analyst.get<IndicatorDetail>(`/indicators/${id}?asOf=${AS_OF}`)).body.points.map((point) => [
      point.period,
      point.value,
      point.note,
    ]);

  describe('data points', () => {
    const good = [
      'indicator_id,period,value,note',
      'ind-w,2026-W11,120,Recounted', // update (was 118)
      'ind-w,2026-W12,125,', // insert
      'ind-m,2026-02,52,"Includes the ""Carnival"" week, late"', // insert, quoted note
      'ind-w2,2026-W11,78,',
    ].join('\n');

    test('a good file is upserted and reported as NDJSON; re-importing it changes nothing', async () => {
      const first = await postCsv(server, token, 'data-points', good);
      expect(first.status).toBe(200);
      expect(first.contentType).toMatch(/^application\/x-ndjson/);
      expect(lastEvent(first.events)).toEqual({
        type: 'done',
        rowsRead: 4,
        inserted: 3,
        updated: 1,
        unchanged: 0,
      });
      expect(await pointsOf('ind-w')).toEqual([
        ['2026-W09', 110, null],
        ['2026-W10', 114, null],
        ['2026-W11', 120, 'Recounted'],
        ['2026-W12', 125, null],
      ]);
      expect(await pointsOf('ind-m')).toEqual([
        ['2026-01', 55, 'Flu season'],
        ['2026-02', 52, 'Includes the "Carnival" week, late'],
      ]);
      const before = (await analyst.get<IndicatorDetail>('/indicators/ind-w')).body.points;

      const again = await postCsv(server, token, 'data-points', good);
      expect(lastEvent(again.events)).toEqual({
        type: 'done',
        rowsRead: 4,
        inserted: 0,
        updated: 0,
        unchanged: 4,
      });
      // Unchanged rows are not rewritten: who entered them and when stay the same.
      expect((await analyst.get<IndicatorDetail>('/indicators/ind-w')).body.points).toEqual(before);
    });

    test('without a note column, existing notes are kept', async () => {
      const result = await postCsv(
        server,
        token,
        'data-points',
        'indicator_id,period,value\nind-m,2026-01,56\n',
      );
      expect(lastEvent(result.events)).toMatchObject({ type: 'done', updated: 1 });
      expect((await pointsOf('ind-m'))[0]).toEqual(['2026-01', 56, 'Flu season']);
    });

    test('notes and values come back exactly as written (PostgreSQL writes them as arrays)', async () => {
      const created = await analyst.post('/indicators', {
        id: 'ind-notes',
        goalId: 'goal-a',
        name: 'Notes',
        unit: 'count',
        direction: 'up',
        frequency: 'weekly',
        baselineValue: 1,
        baselineDate: '2026-01-05',
        targetValue: 2,
        targetDate: '2026-12-28',
      });
      expect(created.status).toBe(201);
      const notes = ['NULL', 'a\\b "c", {d}', '   ', 'São Paulo – ½'];
      const values = [1e-7, 123456789.123, 0.1 + 0.2, 42];
      const csv = [
        'indicator_id,period,value,note',
        ...notes.map((note, i) => `ind-notes,2026-W0${i + 2},${values[i]},"${note.replaceAll('"', '""')}"`),
      ].join('\n');
      const result = await postCsv(server, token, 'data-points', csv);
      expect(lastEvent(result.events)).toMatchObject({ type: 'done', inserted: 4 });
      const stored = await pointsOf('ind-notes');
      expect(stored).toEqual([
        ['2026-W02', 1e-7, 'NULL'],
        ['2026-W03', 123456789.123, 'a\\b "c", {d}'],
        ['2026-W04', 0.1 + 0.2, '   '],
        ['2026-W05', 42, 'São Paulo – ½'],
      ]);
    });

    test('reads a spreadsheet export: BOM, CRLF, columns in any order and case, quoted line breaks', async () => {
      const csv = readFileSync(new URL('../../fixtures/data-points-excel.csv', import.meta.url), 'utf8');
      const result = await postCsv(server, token, 'data-points', csv);
      expect(lastEvent(result.events)).toMatchObject({ type: 'done', rowsRead: 2 });
      expect((await pointsOf('ind-w')).find(([period]) => period === '2026-W12')).toEqual([
        '2026-W12',
        121.5,
        'Two lines:\r\nrecount, then audit',
      ]);
      expect((await pointsOf('ind-m')).find(([period]) => period === '2026-03')).toEqual([
        '2026-03',
        51,
        null,
      ]);
    });

    test('every bad row is reported with its line and reason, and nothing changes', async () => {
      const before = await pointsOf('ind-w');
      const csv = [
        'indicator_id,period,value,note', // line 1
        'ind-w,2026-W13,130,', // 2: good, but must not be written
        'nope,2026-W13,1,', // 3: unknown indicator
        'ind-w,2026-W14,abc,', // 4: value not a number
        'ind-w,2026-14,1,', // 5: wrong format for weekly
        'ind-m,2026-W10,1,', // 6: weekly period for a monthly indicator
        'ind-w,2026-W13,131,', // 7: duplicate of line 2
        'ind-w,2026-W15', // 8: missing values
        'ind-w,2026-W16,,', // 9: empty value
      ].join('\n');
      const result = await postCsv(server, token, 'data-points', csv);
      const final = lastEvent(result.events);
      expect(final.type).toBe('failed');
      if (final.type !== 'failed') return;
      expect(final.rowsRead).toBe(8);
      expect(final.truncated).toBe(false);
      expect(final.errors.map((error) => [error.row, error.field])).toEqual([
        [3, 'indicator_id'],
        [4, 'value'],
        [5, 'period'],
        [6, 'period'],
        [7, 'period'],
        [8, null],
        [9, 'value'],
      ]);
      expect(final.errors[0]!.message).toMatch(/Unknown indicator "nope"/);
      expect(final.errors[1]!.message).toMatch(/"abc" is not a number/);
      expect(final.errors[2]!.message).toMatch(/not a weekly period/);
      expect(final.errors[3]!.message).toMatch(/not a monthly period/);
      expect(final.errors[4]!.message).toMatch(/Duplicate of row 2/);
      expect(final.errors[5]!.message).toMatch(/Expected 4 values, found 2/);
      expect(await pointsOf('ind-w')).toEqual(before);
    });

    test('a missing column fails the file at line 1', async () => {
      const result = await postCsv(server, token, 'data-points', 'indicator_id,period\nind-w,2026-W20\n');
      const final = lastEvent(result.events);
      expect(final).toMatchObject({ type: 'failed', rowsRead: 1 });
      if (final.type === 'failed') expect(final.errors[0]).toMatchObject({ row: 1, field: 'value' });
    });

    test('an unreadable file (unclosed quote) fails and changes nothing', async () => {
      const before = await pointsOf('ind-w');
      const result = await postCsv(
        server,
        token,
        'data-points',
        'indicator_id,period,value\nind-w,2026-W30,1\nind-w,"2026-W31,2\n',
      );
      const final = lastEvent(result.events);
      expect(final.type).toBe('failed');
      if (final.type === 'failed') expect(final.errors[0]!.message).toMatch(/Unreadable CSV/);
      expect(await pointsOf('ind-w')).toEqual(before);
    });

    test('the error list is capped and says so', async () => {
      const rows = Array.from({ length: 300 }, (_, i) => `ghost-${i},2026-W01,1`);
      const result = await postCsv(
        server,
        token,
        'data-points',
        ['indicator_id,period,value', ...rows].join('\n'),
      );
      const final = lastEvent(result.events);
      expect(final).toMatchObject({ type: 'failed', rowsRead: 300, truncated: true });
      if (final.type === 'failed') {
        expect(final.errors).toHaveLength(200);
        expect(final.errors[199]!.row).toBe(201);
      }
    });

    test('a large file streams progress events, then imports every row', async () => {
      // 5,000 weekly rows: ind-w2 and three more indicators, each going back from 2026-W10
      // (1,250 weeks, to 2002: periods before 1990 are refused as out of range).
      const bulk = ['ind-bulk-1', 'ind-bulk-2', 'ind-bulk-3'];
      for (const id of bulk) {
        const created = await analyst.post('/indicators', {
          id,
          goalId: 'goal-a',
          name: `Bulk ${id}`,
          unit: 'count',
          direction: 'up',
          frequency: 'weekly',
          baselineValue: 1,
          baselineDate: '2026-01-05',
          targetValue: 2,
          targetDate: '2026-12-28',
        });
        expect(created.status).toBe(201);
      }
      const last = periodIndex('2026-W10', 'weekly');
      const rows = Array.from({ length: 5_000 }, (_, i) => {
        const id = ['ind-w2', ...bulk][i % 4];
        return `${id},${periodAtIndex(last - Math.floor(i / 4), 'weekly')},${(i % 97) + 0.5}`;
      });
      const result = await postCsv(
        server,
        token,
        'data-points',
        ['indicator_id,period,value', ...rows].join('\n'),
      );
      const progress = result.events.filter((event) => (event as ImportEvent).type === 'progress');
      expect(progress).toEqual(
        Array.from({ length: 10 }, (_, i) => ({ type: 'progress', rowsRead: (i + 1) * 500 })),
      );
      expect(lastEvent(result.events)).toEqual({
        type: 'done',
        rowsRead: 5_000,
        inserted: 5_000,
        updated: 0,
        unchanged: 0,
      });
      const points = await pointsOf('ind-w2');
      expect(points.length).toBeGreaterThanOrEqual(1_250);
      expect(points.find(([period]) => period === '2026-W10')).toEqual(['2026-W10', 0.5, null]);
    });

    test('checks the role and the content type before reading', async () => {
      const viewerToken = (await server.signIn('Vera Viewer', 'viewer')).token;
      const asViewer = await postCsv(server, viewerToken, 'data-points', 'indicator_id,period,value\n');
      expect(asViewer.status).toBe(403);
      expect(asViewer.events[0]).toMatchObject({ error: { code: 'forbidden' } });
      const anonymous = await fetch(`${server.url}/api/imports/data-points`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: 'indicator_id,period,value\n',
      });
      expect(anonymous.status).toBe(401);
      const json = await fetch(`${server.url}/api/imports/data-points`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          [IMPORT_HEADER]: IMPORT_HEADER_VALUE,
        },
        body: '{}',
      });
      expect(json.status).toBe(415);
      expect(await json.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
      const unknownKind = await postCsv(server, token, 'nothing' as 'indicators', 'a\n');
      expect(unknownKind.status).toBe(400);
    });
  });

  describe('indicators', () => {
    const header =
      'id,goal_id,name,unit,direction,frequency,baseline_value,baseline_date,target_value,target_date,threshold_at_risk,threshold_off_track';
    const good = [
      header,
      'imp-1,goal-a,Patrol hours,hours,up,weekly,100,2026-01-05,150,2026-12-28,,',
      'imp-2,goal-b,"Beds, adult ICU",beds,up,monthly,40,2026-01-01,60,2026-12-01,0.1,0.2',
    ].join('\n');

    test('a good file inserts, re-import changes nothing, an edited row updates', async () => {
      const first = await postCsv(server, token, 'indicators', good);
      expect(lastEvent(first.events)).toEqual({
        type: 'done',
        rowsRead: 2,
        inserted: 2,
        updated: 0,
        unchanged: 0,
      });
      const detail = await analyst.get<IndicatorDetail>('/indicators/imp-2');
      expect(detail.body.indicator).toMatchObject({
        name: 'Beds, adult ICU',
        frequency: 'monthly',
        thresholds: { atRisk: 0.1, offTrack: 0.2 },
      });
      expect((await analyst.get<IndicatorDetail>('/indicators/imp-1')).body.indicator.thresholds).toEqual({
        atRisk: 0.05,
        offTrack: 0.15,
      });

      const again = await postCsv(server, token, 'indicators', good);
      expect(lastEvent(again.events)).toEqual({
        type: 'done',
        rowsRead: 2,
        inserted: 0,
        updated: 0,
        unchanged: 2,
      });

      const edited = good.replace('Patrol hours,hours,up,weekly,100', 'Patrol hours,hours,up,weekly,110');
      const third = await postCsv(server, token, 'indicators', edited);
      expect(lastEvent(third.events)).toEqual({
        type: 'done',
        rowsRead: 2,
        inserted: 0,
        updated: 1,
        unchanged: 1,
      });
      expect((await analyst.get<IndicatorDetail>('/indicators/imp-1')).body.indicator.baselineValue).toBe(
        110,
      );
    });

    test('bad rows are reported and nothing is written', async () => {
      const csv = [
        header,
        'imp-3,goal-a,Good one,count,up,weekly,1,2026-01-05,2,2026-06-01,,', // 2: good
        'imp-4,nope,X,count,up,weekly,1,2026-01-05,2,2026-06-01,,', // 3: unknown goal
        'imp-5,goal-a,X,count,sideways,weekly,1,2026-01-05,2,2026-06-01,,', // 4: bad direction
        'imp-6,goal-a,X,count,up,weekly,1,2026-06-01,2,2026-01-05,,', // 5: target before baseline
        'ind-w,goal-a,Arrests,count,up,monthly,100,2026-01-05,200,2026-12-28,,', // 6: frequency change
        'imp-3,goal-a,Again,count,up,weekly,1,2026-01-05,2,2026-06-01,,', // 7: duplicate id
        'imp-7,goal-a,X,count,up,weekly,1,2026-13-01,2,2026-06-01,,', // 8: bad date
        'imp-8,goal-a,X,count,up,weekly,1,2026-01-05,2,2026-06-01,0.3,0.1', // 9: thresholds
      ].join('\n');
      const result = await postCsv(server, token, 'indicators', csv);
      const final = lastEvent(result.events);
      expect(final.type).toBe('failed');
      if (final.type !== 'failed') return;
      expect(final.errors.map((error) => [error.row, error.field])).toEqual([
        [3, 'goal_id'],
        [4, 'direction'],
        [5, 'target_date'],
        [6, 'frequency'],
        [7, 'id'],
        [8, 'baseline_date'],
        [9, 'threshold_off_track'],
      ]);
      expect((await analyst.get('/indicators/imp-3')).status).toBe(404);
    });
  });
});
