/**
 * `node --import tsx bench/docs/appendCost.ts`: what persisting one document update costs on the
 * event loop, the step every edit waits for before it is relayed (SQLite file in a temp folder).
 *
 * 1. CPU per append, back to back: Kysely's transaction path (compile, prepare, BEGIN/INSERT/COMMIT
 *    awaited one by one) against the store's SQLite path (statement prepared once, one synchronous
 *    transaction).
 * 2. Append latency at a steady rate (like many rooms: default 400 appends/s, 200 documents), with
 *    SQLite's automatic checkpoints inside the commits against the checkpoint worker, and the worker
 *    restarting the WAL with a RESTART checkpoint (writers held back) against between two commits.
 *    The worst appends are where the event loop stalls. `--restart-frames=N` (default 2048, a
 *    quarter of the server's) makes WAL restarts come often enough to show in a short run.
 * 3. The same steady rate through the intake journal (`server/db/updateIntake.ts`, what the server
 *    runs on a SQLite file): an append is one journal `write`, and the rows reach SQLite in a group
 *    commit every 100 ms. The main thread's CPU per append counts those commits too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { type Db, openDatabase } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { createUpdateIntake } from '../../server/db/updateIntake.ts';
import type { StoredUpdate } from '../../server/docs/docStore.ts';
import { createKyselyDocStore } from '../../server/docs/kyselyDocStore.ts';
import { silentLogger } from '../../server/logger.ts';
import { formatMs, percentile, sleep, summarize } from '../stats.ts';
import { mainThreadCpuSecondsOf } from './servers.ts';

const rate = Number(process.argv.find((arg) => arg.startsWith('--rate='))?.slice(7) ?? 400);
const seconds = Number(process.argv.find((arg) => arg.startsWith('--seconds='))?.slice(10) ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'statroom-append-'));
const restartFrames = Number(
  process.argv.find((arg) => arg.startsWith('--restart-frames='))?.slice(17) ?? 2048,
);
let opened = 0;

async function open(options: { restartTries?: number } = {}): Promise<Db> {
  const db = openDatabase({
    sqlitePath: join(dir, `append-${++opened}.sqlite`),
    walCheckpointRestartFrames: restartFrames,
    walCheckpointRestartTries: options.restartTries,
  });
  await migrateToLatest(db);
  return db;
}

/** A realistic edit: one small Yjs-sized payload for one of 200 documents. */
const edit = (index: number): StoredUpdate => ({
  docName: `meeting:bench-${index % 200}`,
  data: new Uint8Array(48).fill(index % 251),
});

async function kyselyAppend(db: Db, update: StoredUpdate): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('doc_updates')
      .values({
        doc_name: update.docName,
        data: Buffer.from(update.data),
        created_at: new Date().toISOString(),
      })
      .execute();
  });
}

async function cpuPerAppend(): Promise<void> {
  const db = await open();
  // Checkpoints aside: this part measures the client side of an append only.
  await sql`PRAGMA wal_autocheckpoint = 0`.execute(db.kysely);
  const store = createKyselyDocStore(db);
  const count = 5000;
  const time = async (label: string, append: (update: StoredUpdate) => Promise<void>) => {
    for (let index = 0; index < 500; index++) await append(edit(index)); // warm up
    const start = performance.now();
    for (let index = 0; index < count; index++) await append(edit(index));
    console.log(`  ${label.padEnd(52)} ${(((performance.now() - start) / count) * 1000).toFixed(0)} µs`);
  };
  console.log('Event-loop time per append (back to back, 5000 appends)');
  await time('Kysely transaction (BEGIN, INSERT, COMMIT awaited)', (update) => kyselyAppend(db, update));
  await time('store.appendBatch (prepared once, synchronous)', (update) => store.appendBatch([update]));
  await db.close();
}

async function latencyAtRate(
  label: string,
  checkpoints: 'automatic' | 'worker, RESTART' | 'worker, between commits' | 'intake journal',
): Promise<void> {
  const autoCheckpoints = checkpoints === 'automatic';
  const db = await open({ restartTries: checkpoints === 'worker, RESTART' ? 0 : undefined });
  if (autoCheckpoints) {
    // As before the worker: SQLite checkpoints inside the commit that passes 1000 pages.
    await db.checkpointer?.stop();
    await sql`PRAGMA wal_autocheckpoint = 1000`.execute(db.kysely);
  }
  const intake =
    checkpoints === 'intake journal' && db.sqlite
      ? createUpdateIntake(db.sqlite, { journalPath: `${db.sqlite.name}-intake`, logger: silentLogger() })
      : undefined;
  const store = createKyselyDocStore(db, intake ? { intake } : {});
  const total = rate * seconds;
  const latencies: number[] = [];
  const cpuBefore = mainThreadCpuSecondsOf(process.pid);
  const start = performance.now();
  for (let index = 0; index < total; index++) {
    const wait = start + (index * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    const before = performance.now();
    await store.appendBatch([edit(index)]);
    latencies.push(performance.now() - before);
  }
  await store.flush?.();
  const cpuPerAppend = ((mainThreadCpuSecondsOf(process.pid) - cpuBefore) * 1e6) / total;
  const summary = summarize(latencies);
  const p999 = percentile(
    [...latencies].sort((a, b) => a - b),
    99.9,
  );
  const over = (ms: number) => latencies.filter((latency) => latency > ms).length;
  const restarts = db.checkpointer?.restarts();
  console.log(
    `  ${label.padEnd(52)} main thread ${cpuPerAppend.toFixed(0).padStart(3)} µs/append  p50 ${formatMs(summary.p50)}  p99 ${formatMs(summary.p99)}  p99.9 ${formatMs(p999)}  max ${formatMs(summary.max)}  over 2 ms: ${over(2)}  over 5 ms: ${over(5)}` +
      (restarts && !autoCheckpoints
        ? `  WAL restarts: ${restarts.forced} forced, ${restarts['between-commits']} between commits`
        : ''),
  );
  await store.close?.();
  await db.close();
}

await cpuPerAppend();
console.log(
  `\nAppend latency at ${rate}/s for ${seconds} s (the worker restarts the WAL past ${restartFrames} frames)`,
);
await latencyAtRate('automatic checkpoints (inside commits)', 'automatic');
await latencyAtRate('worker; RESTART checkpoint holds writers back', 'worker, RESTART');
await latencyAtRate('worker; WAL restarted between two commits', 'worker, between commits');
await latencyAtRate('intake journal; group commits on a worker, 100 ms', 'intake journal');
rmSync(dir, { recursive: true, force: true });
