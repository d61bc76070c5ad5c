/**
 * The WAL checkpoint worker thread (started by `walCheckpointer.ts`): its own connection to the
 * database file, a PASSIVE checkpoint on a timer, and past `restartFrames` the tries at a restart
 * between two commits before a RESTART checkpoint holds writers back (why: walCheckpointer.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface CheckpointWorkerData {
  path: string;
  intervalMs: number;
  restartFrames: number;
  restartTries: number;
  restartTryPauseMs: number;
}

export type CheckpointRestart = 'none' | 'between-commits' | 'forced';

export type CheckpointWorkerReply =
  | {
      type: 'checkpointed';
      id: number | null;
      result: {
        busy: boolean;
        walFrames: number;
        checkpointedFrames: number;
        restart: CheckpointRestart;
        restartTries: number;
      };
    }
  | { type: 'failed'; id: number | null; message: string };

export type CheckpointWorkerRequest = { type: 'checkpoint'; id: number } | { type: 'stop' };

interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

const port = parentPort;
if (!port) throw new Error('walCheckpointWorker.ts runs as a worker thread');
const config = workerData as CheckpointWorkerData;
const db = new Database(config.path, { fileMustExist: true });
// Only the RESTART checkpoint waits (for the writer's current transaction, microseconds).
db.pragma('busy_timeout = 1000');
const pause = new Int32Array(new SharedArrayBuffer(4));
// This thread does nothing but checkpoints, so it may block while it waits.
const sleep = (ms: number) => Atomics.wait(pause, 0, 0, ms);
const checkpointWith = (mode: 'PASSIVE' | 'RESTART') =>
  (db.pragma(`wal_checkpoint(${mode})`) as CheckpointRow[])[0] as CheckpointRow;

function checkpoint(id: number | null): void {
  try {
    let row = checkpointWith('PASSIVE');
    let restart: CheckpointRestart = 'none';
    let restartTries = 0;
    while (restart === 'none' && row.log > config.restartFrames) {
      if (restartTries === config.restartTries) {
        row = checkpointWith('RESTART');
        restart = 'forced';
        break;
      }
      // Copied in full and nothing written since: the next commit starts the WAL over.
      const copied = row.busy === 0 && row.checkpointed === row.log;
      const frames = row.log;
      sleep(config.restartTryPauseMs);
      row = checkpointWith('PASSIVE');
      restartTries++;
      // A commit in the pause found the WAL fully copied and started it over.
      if (row.log < frames || (copied && row.log === frames)) restart = 'between-commits';
    }
    const reply: CheckpointWorkerReply = {
      type: 'checkpointed',
      id,
      result: {
        busy: row.busy === 1,
        walFrames: row.log,
        checkpointedFrames: row.checkpointed,
        restart,
        restartTries,
      },
    };
    port?.postMessage(reply);
  } catch (error) {
    const reply: CheckpointWorkerReply = {
      type: 'failed',
      id,
      message: error instanceof Error ? error.message : String(error),
    };
    port?.postMessage(reply);
  }
}

const timer = setInterval(() => checkpoint(null), config.intervalMs);
port.on('message', (message: CheckpointWorkerRequest) => {
  if (message.type === 'checkpoint') checkpoint(message.id);
  if (message.type === 'stop') {
    clearInterval(timer);
    checkpoint(null);
    db.close();
    port.close();
  }
});
