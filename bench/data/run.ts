/**
 * `npm run bench:data`: performance data on both engines. For SQLite and for a fresh PostgreSQL
 * database: seed the full demo government, start a real server, and measure
 * - `GET /api/objectives` (the overview of every objective), p50/p95;
 * - the same right after a data write, with the incremental overview (only the goals a write
 *   touched are read again) and without it (a second server on the same database with
 *   `STATROOM_INCREMENTAL_OVERVIEW=off`, which recomputes everything), samples interleaved;
 * - an objective page's API calls (detail + readiness, in parallel as the page makes them), p50/p95;
 * - a 100,000-row data-points CSV import (rows/s), streamed as a client would send it.
 * Prints one table with the targets. Bounded: a few minutes at most on a slow shared machine.
 */

import type { DialectName } from '../../server/db/database.ts';
import { openDatabase } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { generateDemoData } from '../../server/demo/generate.ts';
import { insertDemoData } from '../../server/demo/seed.ts';
import { IMPORT_HEADER, IMPORT_HEADER_VALUE, type ImportEvent } from '../../shared/performance.ts';
import { latestDuePeriod, todayDate } from '../../shared/periods.ts';
import { createTestDatabase } from '../../test/helpers/databases.ts';
import { formatMs, type LatencySummary, summarize } from '../stats.ts';
import { historyCsv } from './history.ts';
import { type DataBenchServer, startServer } from './server.ts';

const AS_OF = todayDate();
const SEED = 1;
const OVERVIEW_SAMPLES = 100;
const PAGE_SAMPLES = 60;
const AFTER_WRITE_SAMPLES = 40;
const IMPORT_ROWS = 100_000;
const TIME_LIMIT_MS = 170_000;

interface DialectResult {
  dialect: DialectName;
  seedMs: number;
  overview: LatencySummary;
  overviewAfterWrite: LatencySummary;
  /** The same, on a server that recomputes the whole overview after a write. */
  overviewAfterWriteFull: LatencySummary;
  page: LatencySummary;
  importRowsPerSecond: number;
  importResult: string;
}

/** Times `run` (or takes the duration it returns, when it times only part of itself). */
async function timed(run: () => Promise<unknown>, samples: number): Promise<LatencySummary> {
  for (let i = 0; i < 5; i++) await run(); // warm up caches and the JIT
  const durations: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    const measured = await run();
    durations.push(typeof measured === 'number' ? measured : performance.now() - start);
  }
  return summarize(durations);
}

/**
 * Enter a value (untimed), then time the overview's read, alternating between the servers so that
 * both see the same machine load; returns each server's figures.
 */
async function afterWrite(servers: DataBenchServer[], samples: number): Promise<LatencySummary[]> {
  let flip = 0;
  const once = async (server: DataBenchServer) => {
    await putValue(server.url, server.token, flip++ % 2 === 0 ? 1 : 2);
    const start = performance.now();
    await getOk(`${server.url}/api/objectives`, server.token);
    return performance.now() - start;
  };
  for (let i = 0; i < 5; i++) for (const server of servers) await once(server);
  const durations = servers.map((): number[] => []);
  for (let i = 0; i < samples; i++) {
    for (const [index, server] of servers.entries()) durations[index]!.push(await once(server));
  }
  return durations.map(summarize);
}

async function putValue(url: string, token: string, value: number): Promise<void> {
  const period = latestDuePeriod(AS_OF, 'weekly');
  const response = await fetch(`${url}/api/indicators/ind-0001/points/${period}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ value }),
  });
  if (!response.ok) throw new Error(`PUT point: ${response.status} ${await response.text()}`);
}

async function getOk(url: string, token: string): Promise<void> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  await response.arrayBuffer();
}

async function benchDialect(dialect: DialectName, csv: string): Promise<DialectResult> {
  const database = await createTestDatabase(dialect);
  try {
    const db = openDatabase(database.config);
    await migrateToLatest(db);
    const seedStart = performance.now();
    await insertDemoData(db, generateDemoData({ asOf: AS_OF, seed: SEED }));
    const seedMs = performance.now() - seedStart;
    await db.close();

    const server = await startServer(database.config);
    const fullServer = await startServer(database.config, { STATROOM_INCREMENTAL_OVERVIEW: 'off' });
    try {
      const overview = await timed(
        () => getOk(`${server.url}/api/objectives`, server.token),
        OVERVIEW_SAMPLES,
      );
      const [overviewAfterWrite, overviewAfterWriteFull] = (await afterWrite(
        [server, fullServer],
        AFTER_WRITE_SAMPLES,
      )) as [LatencySummary, LatencySummary];
      await fullServer.stop();
      let n = 0;
      const page = await timed(async () => {
        const id = `obj-${String((n++ % 12) + 1).padStart(2, '0')}`;
        await Promise.all([
          getOk(`${server.url}/api/objectives/${id}`, server.token),
          getOk(`${server.url}/api/objectives/${id}/readiness`, server.token),
        ]);
      }, PAGE_SAMPLES);

      const importStart = performance.now();
      const response = await fetch(`${server.url}/api/imports/data-points`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${server.token}`,
          'content-type': 'text/csv',
          [IMPORT_HEADER]: IMPORT_HEADER_VALUE,
        },
        body: csv,
      });
      const lines = (await response.text()).trim().split('\n');
      const importMs = performance.now() - importStart;
      const final = JSON.parse(lines[lines.length - 1] ?? '{}') as ImportEvent;
      const importResult =
        final.type === 'done'
          ? `${final.inserted} inserted, ${lines.length - 1} progress events`
          : `FAILED: ${JSON.stringify(final).slice(0, 200)}`;
      return {
        dialect,
        seedMs,
        overview,
        overviewAfterWrite,
        overviewAfterWriteFull,
        page,
        importRowsPerSecond: final.type === 'done' ? (final.rowsRead / importMs) * 1000 : 0,
        importResult,
      };
    } finally {
      await fullServer.stop();
      await server.stop();
    }
  } finally {
    await database.cleanup();
  }
}

function printTable(results: DialectResult[]): void {
  const rows: string[][] = [['measure', 'target', ...results.map((result) => result.dialect)]];
  const target = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  rows.push(['seed full demo', '', ...results.map((r) => formatMs(r.seedMs))]);
  rows.push([
    'GET /api/objectives p50 (unchanged data)',
    '',
    ...results.map((r) => formatMs(r.overview.p50)),
  ]);
  rows.push([
    'GET /api/objectives p95 (unchanged data)',
    '≤ 50 ms (SQLite)',
    ...results.map(
      (r) => `${formatMs(r.overview.p95)}${r.dialect === 'sqlite' ? ` ${target(r.overview.p95 <= 50)}` : ''}`,
    ),
  ]);
  rows.push([
    'GET /api/objectives after a write p50',
    '',
    ...results.map((r) => formatMs(r.overviewAfterWrite.p50)),
  ]);
  rows.push([
    'GET /api/objectives after a write p95',
    '≤ 20 ms',
    ...results.map((r) => `${formatMs(r.overviewAfterWrite.p95)} ${target(r.overviewAfterWrite.p95 <= 20)}`),
  ]);
  rows.push([
    '  without the incremental overview p50',
    '',
    ...results.map((r) => formatMs(r.overviewAfterWriteFull.p50)),
  ]);
  rows.push([
    '  without the incremental overview p95',
    '',
    ...results.map((r) => formatMs(r.overviewAfterWriteFull.p95)),
  ]);
  const ratio = (without: number, withIt: number) => `${(without / withIt).toFixed(1)}×`;
  rows.push([
    '  without ÷ with, p50 / p95',
    '',
    ...results.map(
      (r) =>
        `${ratio(r.overviewAfterWriteFull.p50, r.overviewAfterWrite.p50)} / ${ratio(r.overviewAfterWriteFull.p95, r.overviewAfterWrite.p95)}`,
    ),
  ]);
  rows.push(['objective page (detail + readiness) p50', '', ...results.map((r) => formatMs(r.page.p50))]);
  rows.push(['objective page (detail + readiness) p95', '', ...results.map((r) => formatMs(r.page.p95))]);
  rows.push([
    `import ${IMPORT_ROWS.toLocaleString('en')} rows`,
    '≥ 20,000 rows/s',
    ...results.map(
      (r) =>
        `${Math.round(r.importRowsPerSecond).toLocaleString('en')} rows/s ${target(r.importRowsPerSecond >= 20_000)}`,
    ),
  ]);
  rows.push(['import result', '', ...results.map((r) => r.importResult)]);
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join(' │ '));
    if (index === 0) console.log(widths.map((width) => '─'.repeat(width)).join('─┼─'));
  }
}

const deadline = setTimeout(() => {
  console.error(`bench:data exceeded ${TIME_LIMIT_MS / 1000} s; stopping`);
  process.exit(1);
}, TIME_LIMIT_MS);

const csv = historyCsv({ asOf: AS_OF, seed: SEED, rows: IMPORT_ROWS });
console.log(`Demo as of ${AS_OF} (seed ${SEED}); import file ${(csv.length / 1e6).toFixed(1)} MB`);
const results: DialectResult[] = [];
for (const dialect of ['sqlite', 'postgres'] as const) {
  console.log(`… ${dialect}`);
  results.push(await benchDialect(dialect, csv));
}
console.log('');
printTable(results);
clearTimeout(deadline);
