/**
 * Storage, opened in one place: the relational database (Kysely), the document store over it, and,
 * for a SQLite file, the WAL checkpoint worker that keeps checkpoints off the event loop, with its
 * metrics. `openDatabase` itself starts no threads; only this factory does, and `close()` stops
 * them before the database closes.
 */
import type { Registry } from 'prom-client';
import type { DocStore } from '../docs/docStore.ts';
import { createKyselyDocStore } from '../docs/kyselyDocStore.ts';
import { type DatabaseConfig, type Db, openDatabase } from './database.ts';
import { startWalCheckpointer, type WalCheckpointer } from './walCheckpointer.ts';
import { registerWalMetrics } from './walMetrics.ts';

export interface StorageConfig extends DatabaseConfig {
  /** SQLite: how often the checkpoint worker runs (see walCheckpointer.ts). */
  walCheckpointIntervalMs?: number | undefined;
  /** SQLite: WAL size (frames) past which the checkpoint worker makes the WAL restart. */
  walCheckpointRestartFrames?: number | undefined;
  /** SQLite: tries at restarting the WAL between commits before writers are held back. */
  walCheckpointRestartTries?: number | undefined;
}

export interface Storage {
  db: Db;
  docStore: DocStore;
  /** SQLite files: the worker that checkpoints the WAL off the event loop. */
  checkpointer: WalCheckpointer | null;
  registerMetrics(registry: Registry): void;
  /** Stops the worker, then closes the database. */
  close(): Promise<void>;
}

export function openStorage(config: StorageConfig): Storage {
  const db = openDatabase(config);
  const checkpointer =
    db.sqlite && !db.sqlite.memory
      ? startWalCheckpointer(db.sqlite, {
          intervalMs: config.walCheckpointIntervalMs,
          restartFrames: config.walCheckpointRestartFrames,
          restartTries: config.walCheckpointRestartTries,
          // No logger here; a warning on stderr. SQLite's own checkpoints have taken over by now.
          onFailure: (error) =>
            process.emitWarning(
              `WAL checkpoints are back on the commit path: ${error.message}`,
              'WalCheckpointWarning',
            ),
        })
      : null;
  let closing: Promise<void> | undefined;
  return {
    db,
    docStore: createKyselyDocStore(db),
    checkpointer,
    registerMetrics(registry) {
      if (checkpointer) registerWalMetrics(registry, checkpointer);
    },
    close() {
      closing ??= (async () => {
        // The worker first: closing the last connection checkpoints what is left and removes the WAL.
        await checkpointer?.stop();
        await db.close();
      })();
      return closing;
    },
  };
}
