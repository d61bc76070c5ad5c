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
import { asBuffer } from '../docs/blobs.ts';
import type { StoredUpdate } from '../docs/docStore.ts';
import type { Logger } from '../logger.ts';
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
}

export interface UpdateIntake {
  /** Journals the updates (synchronously; throws if the write fails) and queues them for SQLite. */
  append(updates: StoredUpdate[]): void;
  /** Resolves once everything appended so far is committed to SQLite. */
  flush(): Promise<void>;
  /**
   * Commits what is queued now, on this call stack; false when it has to wait (an open Kysely
   * transaction, a failing SQLite). For a count that must include every append so far.
   */
  commitNow(): boolean;
  /** Flushes, then closes the journal; what could not be committed stays in it for the next start. */
  close(): Promise<void>;
  /** Updates journaled and not yet in SQLite. */
  queued(): number;
  /** Group commits since the intake opened, and those that failed (and were retried). */
  commits(): { done: number; failed: number };
  /** Journal records inserted into SQLite when the intake opened (left by a crash). */
  readonly recovered: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createUpdateIntake(sqlite: SQLite.Database, options: UpdateIntakeOptions): UpdateIntake {
  const logger = options.logger.child({ module: 'updateIntake' });
  const commitDelayMs = options.commitDelayMs ?? DEFAULT_COMMIT_DELAY_MS;
  const insert = sqlite.prepare('INSERT INTO doc_updates (doc_name, data, created_at) VALUES (?, ?, ?)');
  const readLastSeq = sqlite.prepare<[], { last_seq: number }>(
    'SELECT last_seq FROM doc_intake_state WHERE id = 1',
  );
  const writeLastSeq = sqlite.prepare(
    'INSERT INTO doc_intake_state (id, last_seq) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET last_seq = excluded.last_seq',
  );
  const commitRecords = sqlite.transaction((records: JournalRecord[], createdAt: string) => {
    for (const record of records) insert.run(record.docName, asBuffer(record.data), createdAt);
    writeLastSeq.run((records[records.length - 1] as JournalRecord).seq);
  });

  const journal: IntakeJournal = openIntakeJournal(options.journalPath);
  const committedSeq = readLastSeq.get()?.last_seq ?? 0;
  const left = journal.contents.records.filter((record) => record.seq > committedSeq);
  try {
    if (left.length > 0) commitRecords(left, new Date().toISOString());
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
  if (left.length > 0) logger.info({ updates: left.length }, 'intake journal: updates recovered into SQLite');
  journal.reset();
  let nextSeq = Math.max(committedSeq, journal.contents.records.at(-1)?.seq ?? 0) + 1;

  let queue: JournalRecord[] = [];
  let queuedBytes = 0;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const commits = { done: 0, failed: 0 };

  function schedule(delayMs: number): void {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      commitQueued();
    }, delayMs);
    // The journal holds what is queued: a pending commit does not keep the process alive.
    timer.unref();
  }

  /** Commits the queue now; false when it has to wait (a Kysely transaction is open, or SQLite failed). */
  function commitQueued(): boolean {
    if (queue.length === 0) return true;
    // Our rows would join someone else's transaction (better-sqlite3 nests a savepoint).
    if (sqlite.inTransaction) {
      schedule(1);
      return false;
    }
    const records = queue;
    try {
      commitRecords(records, new Date().toISOString());
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
    queuedBytes = 0;
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
        throw new Error(`${queue.length} journaled updates could not be committed to SQLite`);
      }
      await sleep(5);
    }
  }

  return {
    recovered: left.length,
    append(updates) {
      if (closed) throw new Error('the update intake is closed');
      if (queuedBytes > MAX_QUEUED_BYTES) {
        throw new Error('SQLite has not taken journaled updates for too long; refusing more');
      }
      const records = updates.map((update) => ({
        seq: nextSeq++,
        docName: update.docName,
        data: update.data,
      }));
      journal.append(records);
      for (const record of records) {
        queue.push(record);
        queuedBytes += record.data.byteLength;
      }
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
      journal.close();
    },
    queued: () => queue.length,
    commits: () => ({ ...commits }),
  };
}
