/**
 * `npm run bench:coldload`: how fast a fresh client opens a document that has been edited a lot and
 * then unloaded, on StatRoom and on Hocuspocus 3.4.4 + SQLite, side by side in one run (issue 18).
 *
 * For each scenario and each server: one writer makes the scenario's edits to a meeting document
 * (`setAttendee`, a small value rewritten over and over) in batches of `BATCH`, each batch waiting
 * until a second client holds it, so both servers get the same edits at the pace they take; both
 * clients leave; the benchmark waits until the server holds no document (StatRoom: `/metrics`
 * `statroom_docs_loaded`; Hocuspocus: its document count over IPC), i.e. has stored, compacted and
 * unloaded it. It then prints what the server's table holds for the document (rows and bytes, and
 * the time a fresh Y.Doc takes to apply them here, outside any server), and times join → synced of a
 * fresh client `SAMPLES` times, cold each time: the servers take turns, and after each join the
 * client leaves and the benchmark waits again until both have unloaded the document (the processes
 * keep running, as in production). Each join's document is checked against what was written.
 *
 *   A   20,000 edits of one attendee entry (a long meeting's typing). Target: StatRoom ≤ 1.0×.
 *       Yjs merges the deleted values of one map entry into one run, so this document stays tiny.
 *   A2  the same 20,000 edits made to two entries in turn: deleted values that cannot merge, the
 *       ~190 KB shape issue 18 measured. Same target.
 *   B   an APPROXIMATION of the commitment ledger (150 meetings × 15 commitments, issue 15, not
 *       built yet): 2,250 attendance entries each written 3 times. Target for the ledger: ≤ 300 ms.
 *
 *   npm run bench:coldload                 both scenarios, 5 cold joins each
 *   npm run bench:coldload -- --quick      a tenth of the edits, 2 joins: a smoke check, not figures
 *   npm run bench:coldload -- --samples=15 more cold joins per server (5 spread 2× on a busy machine)
 */
import { loadavg } from 'node:os';
import * as Y from 'yjs';
import { readAttendance, setAttendee } from '../../shared/meetingDoc.ts';
import { memoryOf } from '../docs/servers.ts';
import { percentile, sleep } from '../stats.ts';
import { type ColdLoadServer, startHocuspocus, startStatRoom } from './servers.ts';

// Each stock y-websocket provider adds a process 'exit' listener.
process.setMaxListeners(0);

const quick = process.argv.includes('--quick');
const samplesArgument = process.argv.find((arg) => arg.startsWith('--samples='))?.slice('--samples='.length);
const SAMPLES = samplesArgument ? Number(samplesArgument) : quick ? 2 : 5;
const BATCH = 100;
const UNLOAD_TIMEOUT_MS = 60_000;

interface Scenario {
  label: string;
  keys: number;
  writesPerKey: number;
  target: string;
}

const SCENARIOS: Scenario[] = [
  {
    label: 'A: 20,000 edits of one attendee entry',
    keys: 1,
    writesPerKey: quick ? 2_000 : 20_000,
    target: 'StatRoom/Hocuspocus p50 ≤ 1.0×',
  },
  {
    label: 'A2: 20,000 edits, two attendee entries in turn',
    keys: 2,
    writesPerKey: quick ? 1_000 : 10_000,
    target: 'StatRoom/Hocuspocus p50 ≤ 1.0×',
  },
  {
    label: 'B (APPROXIMATION of a 3-year ledger: 2,250 entries × 3 writes; the ledger is issue 15)',
    keys: quick ? 225 : 2_250,
    writesPerKey: 3,
    target: 'join → synced ≤ 300 ms',
  },
];

/** Edit number `n` of a scenario: which entry it rewrites and with what. */
function editOf(scenario: Scenario, n: number) {
  return {
    key: `attendee-${n % scenario.keys}`,
    attendee: { name: `Attendee ${n}`, agency: `Agency ${n % 40}`, present: n % 2 === 0 },
  };
}

async function waitFor(doc: Y.Doc, done: () => boolean, what: string): Promise<void> {
  if (done()) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 60_000);
    const check = () => {
      if (!done()) return;
      clearTimeout(timer);
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}

async function waitUnloaded(server: ColdLoadServer): Promise<void> {
  const deadline = Date.now() + UNLOAD_TIMEOUT_MS;
  while ((await server.loadedDocs()) !== 0) {
    if (Date.now() > deadline)
      throw new Error(`${server.name} did not unload within ${UNLOAD_TIMEOUT_MS} ms`);
    await sleep(100);
  }
}

/** Makes every edit of the scenario; resolves with the seconds it took. */
async function makeEdits(server: ColdLoadServer, docName: string, scenario: Scenario): Promise<number> {
  const writer = await server.connect(docName);
  const observer = await server.connect(docName);
  const writerId = writer.doc.clientID;
  const total = scenario.keys * scenario.writesPerKey;
  const started = performance.now();
  for (let first = 0; first < total; first += BATCH) {
    for (let n = first; n < Math.min(total, first + BATCH); n++) {
      const { key, attendee } = editOf(scenario, n);
      setAttendee(writer.doc, key, attendee);
    }
    // The observer holds every item the writer made: the server has taken the whole batch.
    const written = Y.getState(writer.doc.store, writerId);
    await waitFor(observer.doc, () => Y.getState(observer.doc.store, writerId) >= written, 'the batch');
  }
  const seconds = (performance.now() - started) / 1000;
  writer.close();
  observer.close();
  return seconds;
}

/** A fresh client joins the cold document; resolves with join → synced in ms, after checking it. */
async function coldJoin(server: ColdLoadServer, docName: string, scenario: Scenario): Promise<number> {
  const started = performance.now();
  const client = await server.connect(docName);
  const elapsed = performance.now() - started;
  const attendance = readAttendance(client.doc);
  const total = scenario.keys * scenario.writesPerKey;
  const last = editOf(scenario, total - 1);
  const found = attendance.find((row) => row.key === last.key);
  client.close();
  if (attendance.length !== scenario.keys || found?.name !== last.attendee.name)
    throw new Error(`${server.name}: the joined document lacks edits (${attendance.length} entries)`);
  return elapsed;
}

const byValue = (a: number, b: number) => a - b;

/**
 * Applying each server's stored rows to a fresh Y.Doc here, outside any server: the servers' rows
 * take turns, 5 rounds, median of each (whichever went first alone would pay for the JIT).
 */
function applyMs(storedRows: Uint8Array[][]): number[] {
  const times: number[][] = storedRows.map(() => []);
  for (let round = 0; round < 5; round++) {
    for (const [index, rows] of storedRows.entries()) {
      const doc = new Y.Doc();
      const started = performance.now();
      for (const row of rows) Y.applyUpdate(doc, row);
      times[index]?.push(performance.now() - started);
      doc.destroy();
    }
  }
  return times.map((each) => percentile([...each].sort(byValue), 50));
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const mib = (pid: number) => `${memoryOf(pid).rssMiB.toFixed(0)} MiB`;
const load = () => loadavg()[0]?.toFixed(2);

async function runScenario(servers: ColdLoadServer[], scenario: Scenario): Promise<void> {
  const total = scenario.keys * scenario.writesPerKey;
  console.log(`\n## ${scenario.label} (${total.toLocaleString('en')} edits, load avg ${load()})`);
  const docNames: string[] = [];
  const joins: number[][] = servers.map(() => []);
  const storedRows: Uint8Array[][] = [];
  for (const server of servers) {
    const docName = await server.createDoc(`Cold load ${scenario.keys}x${scenario.writesPerKey}`);
    docNames.push(docName);
    const seconds = await makeEdits(server, docName, scenario);
    const rssAfterEdits = mib(server.pid);
    const unloadStarted = performance.now();
    await waitUnloaded(server);
    const stored = server.stored(docName);
    console.log(
      `${server.name}: edits took ${seconds.toFixed(1)} s; RSS after the edits ${rssAfterEdits};` +
        ` unloaded ${ms(performance.now() - unloadStarted)} after the clients left;` +
        ` stored ${stored.bytes.toLocaleString('en')} bytes in ${stored.rows} row(s)`,
    );
    storedRows.push(stored.data);
  }
  const applied = applyMs(storedRows);
  console.log(
    `A fresh Y.Doc here applies the stored rows in: ${servers.map((server, index) => `${server.name} ${ms(applied[index] as number)}`).join('; ')}`,
  );
  for (let sample = 0; sample < SAMPLES; sample++) {
    // The servers take turns going first, so neither always joins on a machine just woken up.
    const order = sample % 2 === 0 ? [0, 1] : [1, 0];
    for (const index of order) {
      const server = servers[index] as ColdLoadServer;
      joins[index]?.push(await coldJoin(server, docNames[index] as string, scenario));
    }
    await Promise.all(servers.map(waitUnloaded));
  }
  const p50s: number[] = [];
  for (const [index, server] of servers.entries()) {
    const sorted = [...(joins[index] as number[])].sort(byValue);
    p50s.push(percentile(sorted, 50));
    console.log(
      `${server.name}: join → synced p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}` +
        ` (min ${ms(sorted[0] as number)}, max ${ms(sorted[sorted.length - 1] as number)}; samples ${sorted.map((v) => v.toFixed(0)).join(', ')})`,
    );
  }
  console.log(
    `ratio StatRoom/Hocuspocus p50: ${((p50s[0] as number) / (p50s[1] as number)).toFixed(2)}× (target: ${scenario.target}); load avg ${load()}`,
  );
}

console.log(
  `Cold load: ${SAMPLES} cold joins per server and scenario; the document unloaded before each join` +
    ' (the server processes keep running). StatRoom is joined by the stock y-websocket client at /yjs;' +
    ' Hocuspocus by @hocuspocus/provider 3.4.4 (Hocuspocus 3 frames messages with the document name,' +
    ' which the stock y-websocket client does not speak).',
);
const servers = [await startStatRoom(), await startHocuspocus()];
// A crash: leave no server process behind (after a normal stop they are gone already).
process.once('exit', () => {
  for (const server of servers) {
    try {
      process.kill(server.pid);
    } catch {
      // already exited
    }
  }
});
try {
  for (const scenario of SCENARIOS) await runScenario(servers, scenario);
  console.log(`\nRSS at the end: ${servers.map((server) => `${server.name} ${mib(server.pid)}`).join('; ')}`);
} finally {
  await Promise.all(servers.map((server) => server.stop()));
}
