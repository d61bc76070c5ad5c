/**
 * `npm run bench:import`: does a big CSV import freeze live meetings? Seeds the demo government
 * into a SQLite file, starts a real server in its own process, keeps a meeting document busy (one
 * writer at 50 edits/s, three readers timing each edit, stock y-websocket clients on `/yjs`),
 * polls `/healthz` every 50 ms, and imports 1,000,000 data-point rows meanwhile. Prints the relay
 * and `/healthz` latencies during the import, the import's duration and rate, and the server's
 * peak RSS. Target: relay p99 and `/healthz` p99 < 100 ms.
 */
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { generateDemoData } from '../../server/demo/generate.ts';
import { insertDemoData } from '../../server/demo/seed.ts';
import { IMPORT_HEADER, IMPORT_HEADER_VALUE, type ImportEvent } from '../../shared/performance.ts';
import { todayDate } from '../../shared/periods.ts';
import { createTestDatabase } from '../../test/helpers/databases.ts';
import { historyCsv } from '../data/history.ts';
import { startServer } from '../data/server.ts';
import { formatMs, type LatencySummary, sleep, summarize } from '../stats.ts';
import { startHealthProbe } from './healthProbe.ts';
import { startLiveMeeting } from './liveMeeting.ts';

const AS_OF = todayDate();
const SEED = 1;
const IMPORT_ROWS = Number(process.env.IMPORT_ROWS ?? 1_000_000);
const READERS = 3;
const EDITS_PER_SECOND = 50;
const HEALTH_INTERVAL_MS = 50;
const TARGET_MS = 100;
const TIME_LIMIT_MS = 600_000;

/** Peak and current resident memory of a process, from /proc (Linux). */
function memoryOf(pid: number): { peakMb: number; currentMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { peakMb: kb('VmHWM') / 1024, currentMb: kb('VmRSS') / 1024 };
}

/** Posts the file; resolves with the final event and when the last progress event (reading done) came. */
async function postImport(
  url: string,
  token: string,
  csv: string,
): Promise<{ final: ImportEvent; readDoneAt: number }> {
  const response = await fetch(`${url}/api/imports/data-points`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'text/csv',
      [IMPORT_HEADER]: IMPORT_HEADER_VALUE,
    },
    body: csv,
  });
  if (!response.body) throw new Error(`import answered ${response.status} without a body`);
  let buffered = '';
  let final: ImportEvent | undefined;
  let readDoneAt = Number.NaN;
  for await (const text of response.body.pipeThrough(new TextDecoderStream())) {
    const lines = (buffered + text).split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter((entry) => entry !== '')) {
      const event = JSON.parse(line) as ImportEvent;
      if (event.type === 'progress') readDoneAt = performance.now();
      else final = event;
    }
  }
  if (!final) throw new Error(`import ended without a final event (${response.status})`);
  return { final, readDoneAt };
}

async function createMeeting(url: string, token: string): Promise<string> {
  const response = await fetch(`${url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ title: 'Import bench meeting', scheduledFor: '2026-12-01' }),
  });
  if (response.status !== 201) throw new Error(`cannot create meeting: ${await response.text()}`);
  return ((await response.json()) as { meeting: { docName: string } }).meeting.docName;
}

const row = (name: string, summary: LatencySummary) =>
  `${name.padEnd(22)} p50 ${formatMs(summary.p50).padStart(10)}  p99 ${formatMs(summary.p99).padStart(10)}  max ${formatMs(summary.max).padStart(10)}  ${
    summary.p99 < TARGET_MS ? 'ok' : 'MISSED'
  } (${summary.samples} samples)`;

const deadline = setTimeout(() => {
  console.error(`bench:import exceeded ${TIME_LIMIT_MS / 1000} s; stopping`);
  process.exit(1);
}, TIME_LIMIT_MS);

const csv = historyCsv({ asOf: AS_OF, seed: SEED, rows: IMPORT_ROWS });
console.log(
  `Import of ${IMPORT_ROWS.toLocaleString('en')} rows (${(csv.length / 1e6).toFixed(1)} MB) into the demo as of ${AS_OF}, SQLite`,
);
const database = await createTestDatabase('sqlite');
try {
  const seedDb = openDatabase(database.config);
  await migrateToLatest(seedDb);
  await insertDemoData(seedDb, generateDemoData({ asOf: AS_OF, seed: SEED }));
  await seedDb.close();

  const server = await startServer(database.config);
  try {
    const docName = await createMeeting(server.url, server.token);
    const meeting = await startLiveMeeting({
      wsBase: `${server.url.replace('http', 'ws')}/yjs`,
      docName,
      token: server.token,
      readers: READERS,
      editsPerSecond: EDITS_PER_SECOND,
    });
    const probe = startHealthProbe(server.url, HEALTH_INTERVAL_MS);
    await sleep(2_000); // warm up: edits and probes flowing before the import starts
    const before = memoryOf(server.pid);

    const start = performance.now();
    const { final, readDoneAt } = await postImport(server.url, server.token, csv);
    const end = performance.now();
    await sleep(500);
    await probe.stop();
    await meeting.stop();
    const after = memoryOf(server.pid);

    const seconds = (end - start) / 1000;
    const result =
      final.type === 'done'
        ? `${final.inserted.toLocaleString('en')} inserted`
        : `FAILED ${JSON.stringify(final).slice(0, 300)}`;
    console.log('');
    console.log(`import result          ${result}`);
    console.log(
      `import duration        ${seconds.toFixed(1)} s, ${Math.round(final.rowsRead / seconds).toLocaleString('en')} rows/s`,
    );
    const phases: Array<[string, number, number]> = [
      ['during the import', start, end],
      [`reading (${((readDoneAt - start) / 1000).toFixed(1)} s)`, start, readDoneAt],
      [`writing (${((end - readDoneAt) / 1000).toFixed(1)} s)`, readDoneAt, end],
    ];
    for (const [phase, from, to] of phases) {
      const within = (at: number) => at >= from && at <= to;
      console.log(phase);
      const relay = meeting.samples.filter((sample) => within(sample.sentAt));
      console.log(row('  relay (edit→reader)', summarize(relay.map((sample) => sample.latencyMs))));
      const health = probe.samples.filter((sample) => within(sample.at));
      console.log(row('  /healthz', summarize(health.map((sample) => sample.latencyMs))));
    }
    console.log(
      `server RSS             ${before.currentMb.toFixed(0)} MB before, peak ${after.peakMb.toFixed(0)} MB`,
    );
  } finally {
    await server.stop();
  }
} finally {
  await database.cleanup();
}
clearTimeout(deadline);
