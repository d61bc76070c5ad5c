/**
 * SQLite WAL checkpoints off the event loop.
 *
 * By default SQLite checkpoints inside the COMMIT that takes the WAL past 1000 pages, on the thread
 * that commits. Ours is the event loop, and a checkpoint fsyncs the WAL and the database file: on a
 * busy disk that is tens of milliseconds during which no message is handled and no edit relayed
 * (with the document log appending ~3 pages per edit, that was every few hundred edits). So the main
 * connection turns automatic checkpoints off (`wal_autocheckpoint = 0`) and this worker thread, with
 * a connection of its own, runs a PASSIVE checkpoint on a timer. A passive checkpoint never takes the
 * writer's lock and never waits: it copies the frames no reader still needs and returns, and the
 * writer restarts the WAL from its start once everything is copied. The commit path itself never
 * fsyncs (WAL with `synchronous = NORMAL`: a commit is a write() to the WAL, which a killed process
 * cannot undo), so nothing about durability changes; only who pays for the fsync does.
 *
 * One catch: the WAL only restarts when a write begins while every frame is already copied. Under
 * sustained writes (hundreds of commits a second) some commit always lands during the passive
 * checkpoint's fsync, so the WAL would grow without end. Past `restartFrames` the worker therefore
 * follows its passive checkpoint with a RESTART one, which holds writers back (they wait in their
 * busy handler) while it copies the few frames the passive one left and fsyncs: one short pause per
 * tens of megabytes written, instead of a long one every 4 MB as with automatic checkpoints.
 *
 * If the worker fails, the main connection turns automatic checkpoints back on, so the WAL stays
 * bounded whatever happens.
 *
 * The worker is plain JavaScript evaluated from a string, so it runs the same under tsx, vitest and
 * plain node, and it loads the very better-sqlite3 build the main thread uses.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

export const DEFAULT_CHECKPOINT_INTERVAL_MS = 1_000;
/** 8192 frames of 4 KiB pages: about 32 MiB of WAL. */
export const DEFAULT_RESTART_FRAMES = 8192;
/** What SQLite uses when automatic checkpoints are on (pages). */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

export interface CheckpointResult {
  /** True when a reader or writer kept the checkpoint from copying every frame (it retries later). */
  busy: boolean;
  /** Frames in the WAL when the checkpoint ran. */
  walFrames: number;
  /** Frames copied into the database file so far (all of them once the WAL can restart). */
  checkpointedFrames: number;
  /** True when the WAL was over `restartFrames` and a RESTART checkpoint followed the passive one. */
  restarted: boolean;
}

export interface WalCheckpointer {
  /** Runs one checkpoint now (besides the timer's) and resolves with what it did. */
  checkpointNow(): Promise<CheckpointResult>;
  /** Checkpoints runs so far, by the timer or on request. */
  runs(): number;
  /** Runs a last checkpoint and ends the worker; resolves once its connection is closed. */
  stop(): Promise<void>;
}

export interface WalCheckpointerOptions {
  intervalMs?: number | undefined;
  /** WAL size (frames) past which writers are held back once so that the WAL restarts. */
  restartFrames?: number | undefined;
  /** Told when the worker fails (automatic checkpoints are back on by then). */
  onFailure?: (error: Error) => void;
}

type WorkerReply =
  | { type: 'checkpointed'; id: number | null; result: CheckpointResult }
  | { type: 'failed'; id: number | null; message: string };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.path, { fileMustExist: true });
// Only the RESTART checkpoint waits (for the writer's current transaction, microseconds).
db.pragma('busy_timeout = 1000');
function checkpoint(id) {
  try {
    let row = db.pragma('wal_checkpoint(PASSIVE)')[0];
    const restarted = row.log > workerData.restartFrames;
    if (restarted) row = db.pragma('wal_checkpoint(RESTART)')[0];
    parentPort.postMessage({
      type: 'checkpointed',
      id,
      result: { busy: row.busy === 1, walFrames: row.log, checkpointedFrames: row.checkpointed, restarted },
    });
  } catch (error) {
    parentPort.postMessage({ type: 'failed', id, message: String(error && error.message || error) });
  }
}
const timer = setInterval(() => checkpoint(null), workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message.type === 'checkpoint') checkpoint(message.id);
  if (message.type === 'stop') {
    clearInterval(timer);
    checkpoint(null);
    db.close();
    parentPort.close();
  }
});
`;

/** Starts checkpointing the WAL of `sqlite` (a file database in WAL mode) from a worker thread. */
export function startWalCheckpointer(
  sqlite: SQLite.Database,
  options: WalCheckpointerOptions = {},
): WalCheckpointer {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  sqlite.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      path: sqlite.name,
      driverPath,
      intervalMs: options.intervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS,
      restartFrames: options.restartFrames ?? DEFAULT_RESTART_FRAMES,
    },
  });
  // A forgotten `close()` must not keep a process (a script, a test) alive.
  worker.unref();

  let runs = 0;
  let nextId = 0;
  let stopping = false;
  let failed = false;
  const waiting = new Map<
    number,
    { resolve: (result: CheckpointResult) => void; reject: (error: Error) => void }
  >();

  function fail(error: Error): void {
    if (failed || stopping) return;
    failed = true;
    // Back to SQLite's own checkpoints: slower commits now and then, but a bounded WAL.
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
    options.onFailure?.(error);
  }

  worker.on('message', (reply: WorkerReply) => {
    const waiter = reply.id === null ? undefined : waiting.get(reply.id);
    if (reply.id !== null) waiting.delete(reply.id);
    if (reply.type === 'checkpointed') {
      runs++;
      waiter?.resolve(reply.result);
    } else {
      // One failed checkpoint (an I/O error, say) is retried by the next tick; the caller hears of it.
      waiter?.reject(new Error(`WAL checkpoint failed: ${reply.message}`));
    }
  });
  worker.on('error', (error: unknown) =>
    fail(error instanceof Error ? error : new Error(`WAL checkpoint worker failed: ${String(error)}`)),
  );
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', (code) => {
      if (!stopping) fail(new Error(`WAL checkpoint worker exited with code ${code}`));
      for (const { reject } of waiting.values()) reject(new Error('The WAL checkpointer stopped'));
      waiting.clear();
      resolve();
    });
  });

  return {
    checkpointNow() {
      if (failed || stopping) return Promise.reject(new Error('The WAL checkpointer is not running'));
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ type: 'checkpoint', id });
      });
    },
    runs: () => runs,
    async stop() {
      if (stopping) return exited;
      stopping = true;
      // Unreferenced so far; now whoever stops it waits for its last checkpoint, so hold the loop.
      worker.ref();
      if (!failed) worker.postMessage({ type: 'stop' });
      else await worker.terminate();
      await exited;
    },
  };
}
