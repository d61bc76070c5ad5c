/**
 * The intake's timed group commits (`updateIntake.ts`) on a worker thread, with a SQLite connection
 * of its own, so that the event loop only hands over a batch and hears back.
 *
 * Why: on the event loop, inserting a batch cost 15–21 µs per edit in the many-rooms profile, and
 * each batch held every edit that arrived meanwhile behind it (a commit of 40 updates: a few tenths
 * of a millisecond). Here the event loop copies the batch into one transferable buffer and posts
 * it: about a microsecond per update. The journal write, which makes an edit durable, stays on the
 * edit's path; only the copy into `doc_updates` moves.
 *
 * One batch at a time (the intake waits for the answer before it sends the next), so the stored
 * sequence only grows. The commit is the same idempotent one as the main thread's
 * (`groupCommit.ts`): the worker runs the same statements, written out again below because the
 * worker is plain JavaScript evaluated from a string (like the WAL checkpointer and the update
 * merger), which runs the same under tsx, vitest and plain node.
 *
 * A worker that fails (it cannot open the file, it crashes) rejects what it was given and every
 * later batch, and is no longer `alive`; the intake then commits on its own thread.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import { GROUP_COMMIT_SQL } from './groupCommit.ts';
import type { JournalRecord } from './intakeJournal.ts';

/** How long the worker's commit waits for a transaction of the main connection before it fails (and is retried). */
const BUSY_TIMEOUT_MS = 10_000;

export interface GroupCommitWorker {
  /** Commits the records (sequence order) on the worker's connection; resolves with how many were new. */
  commit(records: readonly JournalRecord[], createdAt: string): Promise<number>;
  /** False once the worker has failed or been closed: it takes no more batches. */
  readonly alive: boolean;
  /** Lets a commit in progress finish, then ends the thread and closes its connection. */
  close(): Promise<void>;
}

/** A batch as it crosses to the worker: the update bytes back to back in one transferable buffer. */
interface PackedBatch {
  id: number;
  seqs: Float64Array<ArrayBuffer>;
  docNames: string[];
  lengths: Uint32Array<ArrayBuffer>;
  bytes: Uint8Array<ArrayBuffer>;
  createdAt: string;
}

type WorkerReply = { id: number; inserted: number } | { id: number; error: string };

/**
 * Copies the updates into one buffer of their own: a Uint8Array posted as it is would carry its
 * whole backing store along, which for an update read off a socket is the socket's read chunk.
 */
function packBatch(id: number, records: readonly JournalRecord[], createdAt: string): PackedBatch {
  const seqs = new Float64Array(records.length);
  const lengths = new Uint32Array(records.length);
  const docNames: string[] = [];
  let total = 0;
  for (const record of records) total += record.data.byteLength;
  const bytes = new Uint8Array(total);
  let at = 0;
  records.forEach((record, index) => {
    seqs[index] = record.seq;
    lengths[index] = record.data.byteLength;
    docNames.push(record.docName);
    bytes.set(record.data, at);
    at += record.data.byteLength;
  });
  return { id, seqs, docNames, lengths, bytes, createdAt };
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const sql = workerData.sql;
let db, readLastSeq, insert, writeLastSeq;
try {
  db = new Database(workerData.path, { fileMustExist: true });
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
  db.pragma('wal_autocheckpoint = ' + workerData.walAutocheckpoint);
  readLastSeq = db.prepare(sql.readLastSeq);
  insert = db.prepare(sql.insert);
  writeLastSeq = db.prepare(sql.writeLastSeq);
} catch (error) {
  // A plain Error crosses to the main thread with its message (a SqliteError arrives without one).
  throw new Error('the group commit worker could not open the database: ' + String((error && error.message) || error));
}
// groupCommit.ts's commit, over a packed batch.
const commit = db.transaction((batch) => {
  const row = readLastSeq.get();
  const stored = row ? row.last_seq : 0;
  let at = batch.bytes.byteOffset;
  let inserted = 0;
  for (let index = 0; index < batch.seqs.length; index++) {
    const length = batch.lengths[index];
    if (batch.seqs[index] > stored) {
      insert.run(batch.docNames[index], Buffer.from(batch.bytes.buffer, at, length), batch.createdAt);
      inserted++;
    }
    at += length;
  }
  if (inserted > 0) writeLastSeq.run(batch.seqs[batch.seqs.length - 1]);
  return inserted;
});
parentPort.on('message', (message) => {
  if (message.type === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ id: message.batch.id, inserted: commit.immediate(message.batch) });
  } catch (error) {
    parentPort.postMessage({ id: message.batch.id, error: String((error && error.message) || error) });
  }
});
`;

interface Waiting {
  resolve: (inserted: number) => void;
  reject: (error: Error) => void;
}

/** Starts the worker on the database file `sqlite` is open on (WAL mode, migrated). */
export function startGroupCommitWorker(sqlite: SQLite.Database): GroupCommitWorker {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      path: sqlite.name,
      driverPath: createRequire(import.meta.url).resolve('better-sqlite3'),
      busyTimeoutMs: BUSY_TIMEOUT_MS,
      // The same as the main connection's: off while the checkpoint worker runs (walCheckpointer.ts).
      walAutocheckpoint: Number(sqlite.pragma('wal_autocheckpoint', { simple: true })),
      sql: GROUP_COMMIT_SQL,
    },
  });
  // Only a commit in flight keeps the process alive.
  worker.unref();
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let failure: Error | null = null;
  let stopping = false;

  function fail(error: Error): void {
    if (failure) return;
    failure = error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  }

  worker.on('message', (reply: WorkerReply) => {
    const waiter = waiting.get(reply.id);
    if (!waiter) return;
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    if ('error' in reply) waiter.reject(new Error(`group commit failed: ${reply.error}`));
    else waiter.resolve(reply.inserted);
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => fail(new Error(`the group commit worker exited (code ${code})`)));

  return {
    get alive() {
      return failure === null && !stopping;
    },
    commit(records, createdAt) {
      if (stopping) return Promise.reject(new Error('the group commit worker is closed'));
      if (failure) return Promise.reject(failure);
      const batch = packBatch(++nextId, records, createdAt);
      return new Promise<number>((resolve, reject) => {
        waiting.set(batch.id, { resolve, reject });
        worker.ref();
        worker.postMessage({ type: 'commit', batch }, [
          batch.bytes.buffer,
          batch.seqs.buffer,
          batch.lengths.buffer,
        ]);
      });
    },
    close() {
      if (stopping || failure) {
        stopping = true;
        return Promise.resolve();
      }
      stopping = true;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.ref();
      worker.postMessage({ type: 'stop' });
      return exited;
    },
  };
}
