/**
 * SQLite WAL checkpoints off the event loop: the main connection turns automatic checkpoints off,
 * and a worker thread with a connection of its own (`walCheckpointWorker.ts`) runs a PASSIVE
 * checkpoint on a timer, and past `restartFrames` sees to it that the WAL restarts, between two
 * commits if it can, with a RESTART checkpoint if it must. If the worker fails, SQLite's own
 * checkpoints come back on. Why, and the measured stalls: docs/architecture.md, Storage.
 */
import type SQLite from 'better-sqlite3';
import { startWorkerModule } from '../workerThreads.ts';
import type { CheckpointWorkerData, CheckpointWorkerReply } from './walCheckpointWorker.ts';

export const DEFAULT_CHECKPOINT_INTERVAL_MS = 1_000;
/** 8192 frames of 4 KiB pages: about 32 MiB of WAL. */
export const DEFAULT_RESTART_FRAMES = 8192;
/** Tries at a restart between commits before holding writers back (a few tenths of a second). */
export const DEFAULT_RESTART_TRIES = 100;
/** Pause between two tries: room for a commit to come and restart the WAL. */
const RESTART_TRY_PAUSE_MS = 2;
/** What SQLite uses when automatic checkpoints are on (pages). */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/**
 * How a checkpoint past `restartFrames` brought the WAL back to its start: `between-commits` when a
 * try left it fully copied with no commit in the way (the next commit restarts it, or already has),
 * `forced` when a RESTART checkpoint held writers back; `none` when the WAL was under the limit.
 */
export type WalRestart = 'none' | 'between-commits' | 'forced';

export interface CheckpointResult {
  /** True when a reader or writer kept the checkpoint from copying every frame (it retries later). */
  busy: boolean;
  /** Frames in the WAL when the checkpoint ran (its last try, past the limit). */
  walFrames: number;
  /** Frames copied into the database file so far (all of them once the WAL can restart). */
  checkpointedFrames: number;
  restart: WalRestart;
  /** Passive checkpoints taken after the first one, past the limit, before the WAL could restart. */
  restartTries: number;
}

export interface WalCheckpointer {
  /** Runs one checkpoint now (besides the timer's) and resolves with what it did. */
  checkpointNow(): Promise<CheckpointResult>;
  /** Checkpoints runs so far, by the timer or on request. */
  runs(): number;
  /** WAL restarts past `restartFrames` so far, by how they came about. */
  restarts(): Record<Exclude<WalRestart, 'none'>, number>;
  /** Runs a last checkpoint and ends the worker; resolves once its connection is closed. */
  stop(): Promise<void>;
}

export interface WalCheckpointerOptions {
  intervalMs?: number | undefined;
  /** WAL size (frames) past which the worker sees to it that the WAL restarts. */
  restartFrames?: number | undefined;
  /** Tries at a restart between commits before a RESTART checkpoint holds writers back. */
  restartTries?: number | undefined;
  /** Told when the worker fails (automatic checkpoints are back on by then). */
  onFailure?: (error: Error) => void;
}

/** Starts checkpointing the WAL of `sqlite` (a file database in WAL mode) from a worker thread. */
export function startWalCheckpointer(
  sqlite: SQLite.Database,
  options: WalCheckpointerOptions = {},
): WalCheckpointer {
  sqlite.pragma('wal_autocheckpoint = 0');
  const workerData: CheckpointWorkerData = {
    path: sqlite.name,
    intervalMs: options.intervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS,
    restartFrames: options.restartFrames ?? DEFAULT_RESTART_FRAMES,
    restartTries: options.restartTries ?? DEFAULT_RESTART_TRIES,
    restartTryPauseMs: RESTART_TRY_PAUSE_MS,
  };
  const worker = startWorkerModule('walCheckpointWorker', import.meta.url, workerData);
  // A forgotten `close()` must not keep a process (a script, a test) alive.
  worker.unref();

  let runs = 0;
  const restarts = { 'between-commits': 0, forced: 0 };
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

  worker.on('message', (reply: CheckpointWorkerReply) => {
    const waiter = reply.id === null ? undefined : waiting.get(reply.id);
    if (reply.id !== null) waiting.delete(reply.id);
    if (reply.type === 'checkpointed') {
      runs++;
      if (reply.result.restart !== 'none') restarts[reply.result.restart]++;
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
    restarts: () => ({ ...restarts }),
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
