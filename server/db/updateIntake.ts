/**
 * Group commit for the update log on SQLite: every accepted update is written to the intake
 * journal at once (`intakeJournal.ts`: one `write`, durable against a crash of the process from
 * then on), and the updates of the next `commitDelayMs` are inserted into `doc_updates` together,
 * in one transaction that also records the last journal sequence it holds (`doc_intake_state`).
 *
 * Why: the DocHub relays an edit only once it is persisted. A SQLite transaction per edit cost
 * 103–119 µs of the event loop in the many-rooms benchmark (two 4 KiB WAL frames, five locks,
 * B-tree work on cold caches). The journal's write costs about 31 and its encoding 9; the group
 * commits, off the edit's path, 15–21 per edit at a 50 ms interval (most of it the inserts, about
 * 7 each). Durability is the same: neither is fsynced, both survive SIGKILL.
 *
 * The timed group commits run on a worker thread with a connection of its own
 * (`groupCommitWorker.ts`), one batch at a time; recovery, `flush()` and `commitNow()` commit on the
 * caller's thread, everything not yet committed, the worker's batch in flight included. Both run
 * the same commit, idempotent by sequence (`groupCommit.ts`), so whichever gets there first stores a
 * record and the other skips it. If the worker fails, the timed commits come back to this thread.
 *
 * What a reader of SQLite sees lags the journal by up to `commitDelayMs`: `flush()` commits what
 * is queued (the DocStore calls it before it loads a document, the DocHub's `flush()` through the
 * store, and the app when it closes the store at shutdown). After a crash, `createUpdateIntake` inserts the journal's records newer than the
 * recorded sequence before anything reads, so a record is stored exactly once.
 *
 * One process per database file writes the journal (as one process serves a SQLite file): a second
 * intake on the same file would replay records the first one has yet to commit, so the journal's
 * lock file refuses it (`intakeJournal.ts`).
 */
import type SQLite from 'better-sqlite3';
import type { StoredUpdate } from '../docs/docStore.ts';
import type { Logger } from '../logger.ts';
import { prepareGroupCommit, storedSequence } from './groupCommit.ts';
import { type GroupCommitWorker, startGroupCommitWorker } from './groupCommitWorker.ts';
import { type IntakeJournal, type JournalRecord, openIntakeJournal } from './intakeJournal.ts';

export const DEFAULT_COMMIT_DELAY_MS = 100;
/** Past this size the journal is emptied after a commit, so it stays a few MiB at most. */
const RESET_BYTES = 4 * 1024 * 1024;
/** Updates waiting for SQLite (it is failing, or a long transaction holds it): refused beyond this. */
const MAX_QUEUED_BYTES = 64 * 1024 * 1024;
const RETRY_MS = 1_000;
/** How long `flush()` keeps trying, by default, before it reports that SQLite does not take the commit. */
const DEFAULT_FLUSH_TIMEOUT_MS = 10_000;

export interface UpdateIntakeOptions {
  journalPath: string;
  logger: Logger;
  commitDelayMs?: number;
  /** How long `flush()` keeps trying before it rejects (default 10 s). */
  flushTimeoutMs?: number;
  /**
   * Where the timed group commits run: a worker started for this intake (the default), the one
   * given (the intake closes it), or, with null, this thread.
   */
  commitWorker?: GroupCommitWorker | null;
}

export interface UpdateIntake {
  /** Journals the updates (synchronously; throws if the write fails) and queues them for SQLite. */
  append(updates: StoredUpdate[]): void;
  /** Resolves once everything appended so far is committed to SQLite. */
  flush(): Promise<void>;
  /**
   * Commits everything not yet committed, on this call stack; false when it has to wait (an open
   * Kysely transaction, a failing SQLite). For a count that must include every append so far.
   */
  commitNow(): boolean;
  /** Flushes, then closes the journal; what could not be committed stays in it for the next start. */
  close(): Promise<void>;
  /** Updates journaled and not yet in SQLite. */
  queued(): number;
  /**
   * Group commits since the intake opened: done (of which `onWorker` by the worker thread), and
   * failed (and retried).
   */
  commits(): { done: number; onWorker: number; failed: number };
  /** True while the timed group commits run on the worker thread. */
  commitWorkerUp(): boolean;
  /** Journal records inserted into SQLite when the intake opened (left by a crash). */
  readonly recovered: number;
}

/** Records handed to the worker and not yet answered for. */
interface InFlight {
  records: JournalRecord[];
  bytes: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const byteLength = (records: readonly JournalRecord[]) =>
  records.reduce((sum, record) => sum + record.data.byteLength, 0);

export function createUpdateIntake(sqlite: SQLite.Database, options: UpdateIntakeOptions): UpdateIntake {
  const logger = options.logger.child({ module: 'updateIntake' });
  const commitDelayMs = options.commitDelayMs ?? DEFAULT_COMMIT_DELAY_MS;
  const commitHere = prepareGroupCommit(sqlite);

  const journal: IntakeJournal = openIntakeJournal(options.journalPath);
  let recovered: number;
  try {
    // Only the records past the stored sequence are inserted (groupCommit.ts).
    recovered = commitHere(journal.contents.records, new Date().toISOString());
  } catch (error) {
    // The records stay in the journal for the next try; its lock goes with this one.
    journal.close();
    throw error;
  }
  if (journal.contents.discardedBytes > 0) {
    logger.warn(
      { bytes: journal.contents.discardedBytes, path: options.journalPath },
      'intake journal: an incomplete record at its end was dropped (a write cut short by a crash)',
    );
  }
  if (recovered > 0) logger.info({ updates: recovered }, 'intake journal: updates recovered into SQLite');
  journal.reset();
  let nextSeq = Math.max(storedSequence(sqlite), journal.contents.records.at(-1)?.seq ?? 0) + 1;

  let worker: GroupCommitWorker | null =
    options.commitWorker === undefined ? startGroupCommitWorker(sqlite) : options.commitWorker;
  /** Journaled, not yet handed to a commit. */
  let queue: JournalRecord[] = [];
  let queueBytes = 0;
  let inFlight: InFlight | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const commits = { done: 0, onWorker: 0, failed: 0 };

  /** The worker while it takes batches; the first time it is found stopped, says so and drops it. */
  function liveWorker(): GroupCommitWorker | null {
    if (worker && !worker.alive) {
      logger.error('the group commit worker stopped; group commits are back on the event loop');
      worker = null;
    }
    return worker;
  }

  function schedule(delayMs: number): void {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      const target = liveWorker();
      if (target) commitOnWorker(target);
      else commitQueued();
    }, delayMs);
    // The journal holds what is queued: a pending commit does not keep the process alive.
    timer.unref();
  }

  /** Hands the queue to the worker, unless its previous batch is still in flight (its answer sends the next). */
  function commitOnWorker(target: GroupCommitWorker): void {
    if (inFlight || queue.length === 0) return;
    const batch: InFlight = { records: queue, bytes: queueBytes };
    queue = [];
    queueBytes = 0;
    inFlight = batch;
    target.commit(batch.records, new Date().toISOString()).then(
      () => workerAnswered(batch, null),
      (error: unknown) => workerAnswered(batch, error),
    );
  }

  function workerAnswered(batch: InFlight, error: unknown): void {
    // `commitQueued` committed this batch on this thread meanwhile: nothing left to do for it.
    if (inFlight !== batch) return;
    inFlight = null;
    if (error) {
      commits.failed++;
      queue = batch.records.concat(queue);
      queueBytes += batch.bytes;
      logger.error(
        { err: error, updates: batch.records.length },
        'committing journaled updates failed; will retry',
      );
      // A worker that stopped hands over to this thread at once; SQLite's refusal waits a moment.
      schedule(liveWorker() ? RETRY_MS : 0);
      return;
    }
    commits.done++;
    commits.onWorker++;
    // Emptying the journal needs everything in it committed: what came in since, this thread commits.
    if (journal.size > RESET_BYTES) commitQueued();
    else if (queue.length > 0) schedule(commitDelayMs);
  }

  /**
   * Commits everything not yet committed, on this thread (a batch the worker may be committing too
   * included: the commit skips what is already stored); false when it has to wait.
   */
  function commitQueued(): boolean {
    const records = inFlight ? inFlight.records.concat(queue) : queue;
    if (records.length > 0) {
      // Our rows would join someone else's transaction (better-sqlite3 nests a savepoint).
      if (sqlite.inTransaction) {
        schedule(1);
        return false;
      }
      try {
        commitHere(records, new Date().toISOString());
      } catch (error) {
        commits.failed++;
        logger.error(
          { err: error, updates: records.length },
          'committing journaled updates failed; will retry',
        );
        schedule(RETRY_MS);
        return false;
      }
      commits.done++;
      queue = [];
      queueBytes = 0;
      inFlight = null;
    }
    if (journal.size > RESET_BYTES) resetJournal();
    return true;
  }

  function resetJournal(): void {
    try {
      journal.reset();
    } catch (error) {
      // Harmless: its records are committed, and a restart skips them by their sequence.
      logger.warn({ err: error }, 'intake journal: could not empty it; it keeps growing until it can');
    }
  }

  async function flush(): Promise<void> {
    const deadline = Date.now() + (options.flushTimeoutMs ?? DEFAULT_FLUSH_TIMEOUT_MS);
    while (!commitQueued()) {
      if (Date.now() > deadline) {
        throw new Error(`${queued()} journaled updates could not be committed to SQLite`);
      }
      await sleep(5);
    }
  }

  function queued(): number {
    return queue.length + (inFlight?.records.length ?? 0);
  }

  return {
    recovered,
    append(updates) {
      if (closed) throw new Error('the update intake is closed');
      if (queueBytes + (inFlight?.bytes ?? 0) > MAX_QUEUED_BYTES) {
        throw new Error('SQLite has not taken journaled updates for too long; refusing more');
      }
      const records = updates.map((update) => ({
        seq: nextSeq++,
        docName: update.docName,
        data: update.data,
      }));
      journal.append(records);
      for (const record of records) queue.push(record);
      queueBytes += byteLength(records);
      schedule(commitDelayMs);
    },
    flush,
    commitNow: commitQueued,
    async close() {
      if (closed) return;
      try {
        await flush();
      } catch (error) {
        logger.error(
          { err: error },
          'closing with updates still in the intake journal; the next start commits them',
        );
      }
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const closing = worker;
      worker = null;
      await closing?.close();
      journal.close();
    },
    queued,
    commits: () => ({ ...commits }),
    commitWorkerUp: () => worker?.alive ?? false,
  };
}
