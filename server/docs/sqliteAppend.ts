/**
 * The document log's append on SQLite, run on better-sqlite3 directly: prepared once and run in one
 * synchronous transaction, it is a few calls instead of Kysely's compile, prepare and three awaited
 * statements (figures in docs/architecture.md, Storage).
 *
 * The connection is shared with Kysely, whose transactions span awaits: while one is open our insert
 * would run inside it and live or die with someone else's commit, so the append declines (null)
 * and the caller takes the Kysely path, which waits its turn.
 */
import type SQLite from 'better-sqlite3';
import { asBuffer } from './blobs.ts';
import type { StoredUpdate } from './docStore.ts';

export interface SqliteAppend {
  /** The new rows' ids, or null (nothing done) while a Kysely transaction is open. */
  appendNow(updates: StoredUpdate[]): Promise<number[]> | null;
}

export function createSqliteAppend(sqlite: SQLite.Database): SqliteAppend {
  // Prepared on first use: the store exists before the migrations have created its table.
  let appendAll: ((updates: StoredUpdate[], createdAt: string) => number[]) | null = null;
  const prepare = () => {
    const insert = sqlite.prepare('INSERT INTO doc_updates (doc_name, data, created_at) VALUES (?, ?, ?)');
    return sqlite.transaction((updates: StoredUpdate[], createdAt: string) =>
      updates.map((update) =>
        Number(insert.run(update.docName, asBuffer(update.data), createdAt).lastInsertRowid),
      ),
    );
  };
  return {
    appendNow(updates) {
      if (sqlite.inTransaction) return null;
      try {
        appendAll ??= prepare();
        return Promise.resolve(appendAll(updates, new Date().toISOString()));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}
