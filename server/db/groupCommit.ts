/**
 * One group commit of journaled updates into `doc_updates` (`updateIntake.ts`), as both of the
 * intake's connections run it: the worker thread's, for the commits on a timer
 * (`groupCommitWorker.ts`), and the main thread's, for recovery, `flush()` and compaction counts.
 *
 * Two connections may be handed the same records: the main thread commits everything it holds when
 * a caller needs it in SQLite now, even a batch the worker may be committing at that moment. So a
 * commit is idempotent by sequence: it takes the write lock first (`BEGIN IMMEDIATE`, so what it
 * reads cannot change before it writes), skips records at or below the sequence already stored,
 * inserts the rest and stores the last one. Sequences only grow, so no record is stored twice,
 * whichever connection gets there first.
 */
import type SQLite from 'better-sqlite3';
import { asBuffer } from '../docs/blobs.ts';
import type { JournalRecord } from './intakeJournal.ts';

/** The statements of a group commit; the worker thread prepares the same text on its connection. */
export const GROUP_COMMIT_SQL = {
  readLastSeq: 'SELECT last_seq FROM doc_intake_state WHERE id = 1',
  insert: 'INSERT INTO doc_updates (doc_name, data, created_at) VALUES (?, ?, ?)',
  writeLastSeq:
    'INSERT INTO doc_intake_state (id, last_seq) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET last_seq = excluded.last_seq',
} as const;

/** Commits records (in sequence order) on `sqlite`; returns how many were new to the database. */
export type GroupCommit = (records: readonly JournalRecord[], createdAt: string) => number;

export function prepareGroupCommit(sqlite: SQLite.Database): GroupCommit {
  const readLastSeq = sqlite.prepare<[], { last_seq: number }>(GROUP_COMMIT_SQL.readLastSeq);
  const insert = sqlite.prepare(GROUP_COMMIT_SQL.insert);
  const writeLastSeq = sqlite.prepare(GROUP_COMMIT_SQL.writeLastSeq);
  const commit = sqlite.transaction((records: readonly JournalRecord[], createdAt: string): number => {
    const stored = readLastSeq.get()?.last_seq ?? 0;
    let inserted = 0;
    for (const record of records) {
      if (record.seq <= stored) continue;
      insert.run(record.docName, asBuffer(record.data), createdAt);
      inserted++;
    }
    if (inserted > 0) writeLastSeq.run((records[records.length - 1] as JournalRecord).seq);
    return inserted;
  });
  return (records, createdAt) => (records.length === 0 ? 0 : commit.immediate(records, createdAt));
}

/** The sequence of the last record in `doc_updates` (0 before the first commit). */
export function storedSequence(sqlite: SQLite.Database): number {
  return sqlite.prepare<[], { last_seq: number }>(GROUP_COMMIT_SQL.readLastSeq).get()?.last_seq ?? 0;
}
