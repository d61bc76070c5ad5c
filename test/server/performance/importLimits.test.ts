/**
 * The CSV import under hostile or unlucky input: who may post it (CSRF), how much of a body it
 * reads, how long its error answer can get, and that a large import leaves the server responsive.
 */
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { importLimits, runCsvImport } from '../../../server/performance/import/csvImport.ts';
import {
  IMPORT_HEADER,
  IMPORT_HEADER_VALUE,
  type ImportEvent,
  type IndicatorDetail,
  MAX_IMPORT_BYTES,
} from '../../../shared/performance.ts';
import { periodAtIndex, periodIndex } from '../../../shared/periods.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { type ApiClient, apiClient, postCsv } from './api.ts';
import { streamUpload } from './upload.ts';
import { buildWorld } from './world.ts';

const lastEvent = (events: unknown[]) => events[events.length - 1] as ImportEvent;
const MiB = 1024 * 1024;
const POINTS = '/api/imports/data-points';

/** The NDJSON events of an import answer's body. */
const eventsOf = (body: string) =>
  body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ImportEvent);

describe('CSV import limits on sqlite', () => {
  let server: TestServer;
  let token: string;
  let analyst: ApiClient;
  const importHeaders = () => ({
    authorization: `Bearer ${token}`,
    'content-type': 'text/csv',
    [IMPORT_HEADER]: IMPORT_HEADER_VALUE,
  });

  beforeAll(async () => {
    server = await startTestServer();
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
    analyst = apiClient(server, token);
    await buildWorld(analyst);
  });
  afterAll(() => server?.close());

  const periodsOf = async (id: string) =>
    (await analyst.get<IndicatorDetail>(`/indicators/${id}`)).body.points.map((point) => point.period);

  describe('only text/csv with the import header (what no cross-site form can send)', () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}${POINTS}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, ...headers },
        body: 'indicator_id,period,value\nind-w,2026-W40,1\n',
      });

    test('without the header: 400, whatever the content type, and nothing is written', async () => {
      for (const contentType of ['text/csv', 'text/plain', 'application/x-www-form-urlencoded']) {
        const response = await post({ 'content-type': contentType });
        expect(response.status).toBe(400);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('invalid_payload');
        expect(body.error.message).toContain(IMPORT_HEADER);
      }
      const wrongValue = await post({ 'content-type': 'text/csv', [IMPORT_HEADER]: 'yes' });
      expect(wrongValue.status).toBe(400);
      expect(await periodsOf('ind-w')).not.toContain('2026-W40');
    });

    test('with the header but not text/csv: 415 unsupported_media_type', async () => {
      for (const contentType of ['text/plain', 'application/csv', 'multipart/form-data; boundary=x']) {
        const response = await post({ 'content-type': contentType, [IMPORT_HEADER]: IMPORT_HEADER_VALUE });
        expect(response.status).toBe(415);
        expect(await response.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
      }
      expect(await periodsOf('ind-w')).not.toContain('2026-W40');
    });

    test('text/csv with a charset and the header is imported', async () => {
      const response = await post({
        'content-type': 'text/csv; charset=utf-8',
        [IMPORT_HEADER]: IMPORT_HEADER_VALUE,
      });
      expect(response.status).toBe(200);
      expect(lastEvent(eventsOf(await response.text()))).toMatchObject({ type: 'done', inserted: 1 });
      expect(await periodsOf('ind-w')).toContain('2026-W40');
    });
  });

  test('a declared size over the limit is refused with 413 before the body is read', async () => {
    const upload = await streamUpload(server, {
      path: POINTS,
      headers: { ...importHeaders(), 'content-length': String(MAX_IMPORT_BYTES + 1) },
      head: 'indicator_id,period,value\n',
      chunk: Buffer.from('ind-w,2026-W01,1\n'.repeat(60_000)),
      totalBytes: MAX_IMPORT_BYTES + 1,
    });
    expect(upload.status).toBe(413);
    expect(JSON.parse(upload.body)).toMatchObject({ error: { code: 'too_large' } });
    expect(JSON.parse(upload.body).error.message).toContain('64 MiB');
    // Not kept alive: keeping it would mean reading the rest of the body off the wire first.
    expect(upload.connection).toBe('close');
    // Answered while the client was still sending, having read next to nothing of the body.
    expect(upload.sentWhenAnswered).toBeLessThan(upload.totalBytes);
    expect(upload.serverBytesRead).toBeLessThan(8 * MiB);
  });

  test('an error quotes at most 80 characters of a cell and names its length', async () => {
    const long = `x${'9'.repeat(9_999)}`;
    const result = await postCsv(
      server,
      token,
      'data-points',
      `indicator_id,period,value\nind-w,2026-W41,${long}\n`,
    );
    const final = lastEvent(result.events);
    if (final.type !== 'failed') throw new Error(`expected failed, got ${final.type}`);
    const message = final.errors[0]!.message;
    expect(message).toBe(`"${long.slice(0, 80)}…" (10,000 characters) is not a number`);
  });

  test('50 MB of bad cells get an answer of less than 100 KB', async () => {
    const cell = 'z'.repeat(25_000);
    const rows = Array.from({ length: 2_000 }, (_, i) => `ind-w,2026-W0${(i % 9) + 1},${cell}`);
    const csv = ['indicator_id,period,value', ...rows].join('\n');
    expect(csv.length).toBeGreaterThan(50_000_000);
    const response = await fetch(`${server.url}${POINTS}`, {
      method: 'POST',
      headers: importHeaders(),
      body: csv,
    });
    const answer = await response.text();
    expect(answer.length).toBeLessThan(100_000);
    const final = lastEvent(eventsOf(answer));
    expect(final).toMatchObject({ type: 'failed', rowsRead: 2_000, truncated: true });
    if (final.type === 'failed') expect(final.errors).toHaveLength(200);
  });

  describe('with the limits lowered for this file (4 MiB, 2,000 rows)', () => {
    const saved = { ...importLimits };
    beforeAll(() => Object.assign(importLimits, { maxBytes: 4 * MiB, maxRows: 2_000 }));
    afterAll(() => Object.assign(importLimits, saved));

    test('a body past the limit with no declared size is cut off there with 413', async () => {
      // Rows of 100 KB: the limit comes before the first progress event, so the answer is still JSON.
      const upload = await streamUpload(server, {
        path: POINTS,
        headers: importHeaders(),
        head: 'indicator_id,period,value,note\n',
        chunk: Buffer.from(`ind-w,2026-W01,1,${'n'.repeat(100_000)}\n`),
        totalBytes: 64 * MiB,
      });
      expect(upload.status).toBe(413);
      expect(upload.connection).toBe('close');
      expect(JSON.parse(upload.body)).toMatchObject({ error: { code: 'too_large' } });
      expect(upload.sentWhenAnswered).toBeLessThan(upload.totalBytes);
      expect(upload.serverBytesRead).toBeLessThan(5 * MiB);
    });

    test('past the limit once progress was sent, the stream ends with `failed` naming the limit', async () => {
      // Rows of 3 KB (their notes are too long, which is beside the point): 1,400 rows in 4 MiB.
      const upload = await streamUpload(server, {
        path: POINTS,
        headers: importHeaders(),
        head: 'indicator_id,period,value,note\n',
        chunk: Buffer.from(`ind-w,2026-W01,1,${'n'.repeat(3_000)}\n`),
        totalBytes: 64 * MiB,
      });
      expect(upload.status).toBe(200);
      const events = eventsOf(upload.body);
      expect(events[0]).toEqual({ type: 'progress', rowsRead: 500 });
      const final = lastEvent(events);
      if (final.type !== 'failed') throw new Error(`expected failed, got ${final.type}`);
      expect(final.errors.at(-1)).toMatchObject({ row: 0, message: expect.stringContaining('4 MiB') });
      expect(upload.sentWhenAnswered).toBeLessThan(upload.totalBytes);
      expect(upload.serverBytesRead).toBeLessThan(5 * MiB);
    });

    test('reading stops at the row cap, with an error naming it, and the connection is closed', async () => {
      const upload = await streamUpload(server, {
        path: POINTS,
        headers: importHeaders(),
        head: 'indicator_id,period,value\n',
        chunk: Buffer.from('ind-w,2026-W01,1\n'.repeat(10_000)),
        totalBytes: 60 * MiB,
      });
      expect(upload.status).toBe(200);
      const final = lastEvent(eventsOf(upload.body));
      if (final.type !== 'failed') throw new Error(`expected failed, got ${final.type}`);
      expect(final.rowsRead).toBe(2_001);
      // Reported even though 200 other errors (duplicates) came first.
      expect(final.errors.at(-1)).toEqual({
        row: 2_002,
        field: null,
        message: 'A file may hold at most 2,000 rows: reading stopped at line 2,002',
        reason: { key: 'tooManyRows', params: { max: 2_000, line: 2_002 } },
      });
      // 2,001 rows are 34 KB: the server read little more, not the 60 MiB on offer.
      expect(upload.sentWhenAnswered).toBeLessThan(upload.totalBytes);
      expect(upload.serverBytesRead).toBeLessThan(4 * MiB);
    });
  });

  describe('a large import leaves the server responsive', () => {
    const INDICATORS = 200;
    const PERIODS = 1_000;
    const ids = Array.from({ length: INDICATORS }, (_, i) => `load-${String(i).padStart(3, '0')}`);
    const last = periodIndex('2026-W01', 'weekly');
    const pointRows = () =>
      ids.flatMap((id) =>
        Array.from({ length: PERIODS }, (_, back) => `${id},${periodAtIndex(last - back, 'weekly')},${back}`),
      );

    beforeAll(async () => {
      const header =
        'id,goal_id,name,unit,direction,frequency,baseline_value,baseline_date,target_value,target_date';
      const rows = ids.map((id) => `${id},goal-a,Load ${id},count,up,weekly,1,2000-01-03,2,2030-12-30`);
      const result = await postCsv(server, token, 'indicators', [header, ...rows].join('\n'));
      expect(lastEvent(result.events)).toMatchObject({ type: 'done', inserted: INDICATORS });
    });

    test('a bad last row of a large file writes nothing (validation ends before the first write)', async () => {
      const rows = pointRows().slice(0, 10_000);
      const csv = ['indicator_id,period,value', ...rows, 'load-000,2026-W01,not-a-number'].join('\n');
      const result = await postCsv(server, token, 'data-points', csv);
      expect(lastEvent(result.events)).toMatchObject({ type: 'failed', rowsRead: 10_001 });
      expect(await periodsOf('load-000')).toEqual([]);
    });

    test('/healthz answers within a second while a 200,000-row import is writing', async () => {
      const rows = pointRows();
      expect(rows).toHaveLength(200_000);
      const csv = ['indicator_id,period,value', ...rows].join('\n');

      let finished = false;
      const probes: Array<{ ms: number; duringImport: boolean }> = [];
      const probe = async () => {
        const start = performance.now();
        const response = await fetch(`${server.url}/healthz`);
        await response.arrayBuffer();
        const entry = { ms: performance.now() - start, duringImport: !finished };
        probes.push(entry);
        return entry;
      };
      let polling = true;
      const poller = (async () => {
        while (polling) {
          await probe();
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();

      const response = await fetch(`${server.url}${POINTS}`, {
        method: 'POST',
        headers: importHeaders(),
        body: csv,
      });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      let final: ImportEvent | undefined;
      let writingProbe: Promise<{ ms: number; duringImport: boolean }> | undefined;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const event of lines
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as ImportEvent)) {
          // The last progress event: every row is read and validated, the write phase begins.
          if (event.type === 'progress' && event.rowsRead === rows.length) writingProbe = probe();
          if (event.type !== 'progress') final = event;
        }
      }
      finished = true;
      polling = false;
      await poller;

      expect(final).toMatchObject({ type: 'done', inserted: 200_000 });
      const duringWrite = await writingProbe!;
      // Answered before the import finished: the write phase lets the event loop run.
      expect(duringWrite.duringImport).toBe(true);
      expect(duringWrite.ms).toBeLessThan(1_000);
      expect(Math.max(...probes.map((entry) => entry.ms))).toBeLessThan(1_000);
      expect(probes.filter((entry) => entry.duringImport).length).toBeGreaterThan(1);
      expect(await periodsOf('load-199')).toHaveLength(PERIODS);
    }, 120_000);
  });
});

describe('runCsvImport write phase', () => {
  const chunkRows = 10;
  const importer = (failAtChunk: number) => {
    let chunk = 0;
    return {
      requiredColumns: ['id'],
      rowsPerTransaction: chunkRows,
      prepare: async () => {},
      validate: (row: { cell(column: string): string | undefined }) => row.cell('id') ?? '',
      write: async (rows: string[]) => {
        chunk += 1;
        if (chunk === failAtChunk) throw new Error('disk full');
        return { inserted: rows.length, updated: 0, unchanged: 0 };
      },
    };
  };
  const file = () => Readable.from([`id\n${Array.from({ length: 45 }, (_, i) => `r${i}`).join('\n')}\n`]);
  let writeErrors: unknown[] = [];
  afterEach(() => {
    writeErrors = [];
  });

  test('writes in chunks of `rowsPerTransaction` and adds up the counts', async () => {
    const outcome = await runCsvImport(file(), importer(0), () => {});
    expect(outcome.final).toEqual({ type: 'done', rowsRead: 45, inserted: 45, updated: 0, unchanged: 0 });
  });

  test('a write that fails midway says how much was written and that importing again is safe', async () => {
    const outcome = await runCsvImport(file(), importer(3), () => {}, {
      onWriteError: (error) => writeErrors.push(error),
    });
    // The page tells the person what was written instead of "nothing was changed".
    expect(outcome.final).toMatchObject({ type: 'failed', rowsRead: 45, rowsWritten: 20 });
    if (outcome.final.type !== 'failed') return;
    expect(outcome.final.errors).toHaveLength(1);
    expect(outcome.final.errors[0]!.message).toMatch(/^The import stopped after writing 20 of 45 rows/);
    expect(outcome.final.errors[0]!.message).toMatch(/Importing the same file again is safe/);
    expect(writeErrors).toHaveLength(1);
  });

  test('rows are written grouped by `writeGroup`, groups in order of first appearance', async () => {
    const written: string[][] = [];
    const grouped = {
      ...importer(0),
      writeGroup: (row: string) => (Number(row.slice(1)) % 3 === 0 ? 'threes' : 'others'),
      write: async (rows: string[]) => {
        written.push(rows);
        return { inserted: rows.length, updated: 0, unchanged: 0 };
      },
    };
    const outcome = await runCsvImport(file(), grouped, () => {});
    expect(outcome.final).toMatchObject({ type: 'done', inserted: 45 });
    const threes = Array.from({ length: 15 }, (_, i) => `r${i * 3}`);
    const others = Array.from({ length: 45 }, (_, i) => `r${i}`).filter((id) => !threes.includes(id));
    // Batches of 10 run across the boundary between groups.
    expect(written.flat()).toEqual([...threes, ...others]);
    expect(written.map((batch) => batch.length)).toEqual([10, 10, 10, 10, 5]);
  });

  test('a write that finds SQLite busy is tried again; other errors are not', async () => {
    let busy = 2;
    const busyTwice = {
      ...importer(0),
      write: async (rows: string[]) => {
        if (busy-- > 0) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        return { inserted: rows.length, updated: 0, unchanged: 0 };
      },
    };
    const outcome = await runCsvImport(file(), busyTwice, () => {});
    expect(outcome.final).toMatchObject({ type: 'done', inserted: 45 });
    let calls = 0;
    const failing = {
      ...importer(0),
      write: async () => {
        calls += 1;
        throw Object.assign(new Error('constraint failed'), { code: 'SQLITE_CONSTRAINT' });
      },
    };
    expect((await runCsvImport(file(), failing, () => {})).final.type).toBe('failed');
    expect(calls).toBe(1);
  });

  test('a first write that fails says nothing was imported', async () => {
    const outcome = await runCsvImport(file(), importer(1), () => {});
    if (outcome.final.type !== 'failed') throw new Error('expected failed');
    expect(outcome.final.errors[0]!.message).toMatch(/^Nothing was imported/);
  });
});
