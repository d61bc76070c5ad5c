/**
 * The document log's statements on SQLite, run on better-sqlite3 directly instead of through Kysely.
 *
 * The append is the only statement on the path of every edit (the DocHub relays an edit only after
 * it is committed): prepared once and run in a better-sqlite3 transaction, it is three synchronous
 * calls. Through Kysely the same append compiles the query, prepares it anew and awaits BEGIN,
 * INSERT and COMMIT one after the other: about 140 µs of event-loop time per edit against 60 µs
 * (measured with `bench/docs/appendCost.ts`).
 *
 * Compaction's queries take the same path for the same reason: through Kysely, a compaction of a
 * hundred rows held the event loop for 1.9–2.4 ms in all (five queries compiled and prepared anew,
 * a delete of a hundred bound ids, a transaction awaited step by step), and an edit arriving
 * meanwhile waited for all of it; this way it is 0.6–0.8 ms.
 *
 * The connection is shared with Kysely, whose transactions span awaits. If one is open right now,
 * our statements would run inside it (better-sqlite3 nests a savepoint) and live or die with
 * someone else's commit, or read rows it may still roll back. So each call first checks, and when
 * a transaction is open it declines (`appendNow`) or takes the Kysely path (compaction), which
 * waits its turn on the connection.
 */
import type SQLite from 'better-sqlite3';
import { asBuffer, asUint8Array } from './blobs.ts';
import type { CompactionQueries, ReplacedRows, RowSize, StoredRow } from './compaction.ts';
import type { StoredUpdate } from './docStore.ts';

/** Larger than any id SQLite hands out, for "every row" in `id <= ?`. */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

export interface SqliteDocLog {
  /** Appends in one synchronous transaction; false (nothing done) while a Kysely transaction is open. */
  appendNow(updates: StoredUpdate[]): boolean;
  /** Compaction's queries, synchronous whenever no Kysely transaction is open, else `fallback`'s. */
  compactionQueries: CompactionQueries;
}

export function createSqliteDocLog(sqlite: SQLite.Database, fallback: CompactionQueries): SqliteDocLog {
  const insert = sqlite.prepare('INSERT INTO doc_updates (doc_name, data, created_at) VALUES (?, ?, ?)');
  const selectSizes = sqlite.prepare<[string, number], RowSize>(
    'SELECT id, length(data) AS bytes FROM doc_updates WHERE doc_name = ? AND id <= ? ORDER BY id',
  );
  const selectRows = sqlite.prepare<[string, number, number], { id: number; data: Buffer }>(
    'SELECT id, data FROM doc_updates WHERE doc_name = ? AND id <= ? AND id <> ? ORDER BY id',
  );
  // The merged rows are every row of the document from the first id merged to the last, but the one
  // kept: an id is max(id) + 1 when its row is inserted (003_doc_updates_rowid.ts), and the merged
  // rows stay in the table until this delete, so a row committed after they were read has a larger
  // id than any of them. (That needs one compaction per document at a time: the DocHub's rule, and
  // SQLite serves one process.) One range delete on the (doc_name, id) index instead of a delete
  // per id: 0.8 ms against 2.4 for 1,000 rows.
  const deleteRange = sqlite.prepare(
    'DELETE FROM doc_updates WHERE doc_name = ? AND id BETWEEN ? AND ? AND id <> ?',
  );
  const count = sqlite.prepare<[string], { count: number }>(
    'SELECT count(*) AS count FROM doc_updates WHERE doc_name = ?',
  );
  const countOf = (docName: string): number => count.get(docName)?.count ?? 0;

  const appendAll = sqlite.transaction((updates: StoredUpdate[], createdAt: string) => {
    for (const update of updates) insert.run(update.docName, asBuffer(update.data), createdAt);
  });
  const replaceAll = sqlite.transaction((docName: string, replaced: ReplacedRows, merged: Uint8Array) => {
    const { ids, keptId } = replaced;
    deleteRange.run(docName, ids[0] ?? 0, ids[ids.length - 1] ?? 0, keptId ?? 0);
    insert.run(docName, asBuffer(merged), new Date().toISOString());
    return countOf(docName);
  });

  return {
    appendNow(updates) {
      if (sqlite.inTransaction) return false;
      appendAll(updates, new Date().toISOString());
      return true;
    },
    compactionQueries: {
      async rowSizes(docName, upToId) {
        if (sqlite.inTransaction) return fallback.rowSizes(docName, upToId);
        return selectSizes.all(docName, upToId ?? NO_LIMIT);
      },
      async rows(docName, upToId, exceptId): Promise<StoredRow[]> {
        if (sqlite.inTransaction) return fallback.rows(docName, upToId, exceptId);
        // Ids start at 1, so 0 excludes nothing.
        return selectRows
          .all(docName, upToId ?? NO_LIMIT, exceptId ?? 0)
          .map((row) => ({ id: row.id, data: asUint8Array(row.data) }));
      },
      async replace(docName, replaced, merged) {
        if (sqlite.inTransaction) return fallback.replace(docName, replaced, merged);
        return replaceAll(docName, replaced, merged);
      },
      async countRows(docName) {
        if (sqlite.inTransaction) return fallback.countRows(docName);
        return countOf(docName);
      },
    },
  };
}
