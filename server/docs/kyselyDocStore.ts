/**
 * The DocStore over Kysely: one query path for SQLite and PostgreSQL, with one exception.
 *
 * The append is the only statement on the path of every edit (the DocHub relays an edit only after
 * it is committed), so on SQLite it skips Kysely: the INSERT is prepared once and run inside a
 * better-sqlite3 transaction, three synchronous calls. Through Kysely the same append compiles the
 * query, prepares it anew and awaits BEGIN, INSERT and COMMIT one after the other: about 140 µs of
 * event-loop time per edit against 60 µs (measured with `bench/docs/appendCost.ts`). Same table,
 * same columns, same all-or-nothing batch; PostgreSQL keeps the Kysely path (its cost is the round
 * trip, not the client).
 */
import type SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { CompactionResult, DocStore, LoadedUpdates, StoredUpdate } from './docStore.ts';
import { type MergeUpdates, mergeOnThisThread } from './updateMerger.ts';

// Both drivers bind Buffers as blobs/bytea; a plain Uint8Array is not accepted by every version.
const asBuffer = (data: Uint8Array): Buffer => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

// Both drivers return Buffers; Yjs wants plain Uint8Arrays (a Buffer works, but its pooled backing
// store may be larger than the view, so copy only what is ours).
const asUint8Array = (data: Uint8Array): Uint8Array => new Uint8Array(data);

/** Keeps `IN (…)` lists far below both engines' bound-parameter limits. */
const DELETE_CHUNK = 500;

/** A row at least this many times the size of all the others together is left out of a compaction. */
const BASE_ROW_RATIO = 4;

/**
 * Tiered compaction. A long meeting's first compactions leave one large row (the base) that every
 * later compaction would merge again, with the hundred small edits since: `Y.mergeUpdates` work
 * that grows with the whole document, once every hundred edits. While the base outweighs all the
 * other rows together by `BASE_ROW_RATIO`, only those others are merged (into a second row that
 * grows); once they catch up, everything is merged into a new base. Each byte is then re-merged a
 * handful of times over the document's life instead of once per compaction, and a document still
 * never has more than two rows right after one. Yjs applies updates in any order, so which rows
 * are merged together changes nothing in the document.
 */
function rowToKeep(rows: Array<{ id: number; bytes: number }>): number | null {
  let base = rows[0] as { id: number; bytes: number };
  let total = 0;
  for (const row of rows) {
    total += row.bytes;
    if (row.bytes > base.bytes) base = row;
  }
  return (total - base.bytes) * BASE_ROW_RATIO < base.bytes ? Number(base.id) : null;
}

type AppendBatch = (updates: StoredUpdate[]) => Promise<void>;

/**
 * SQLite's append: one prepared INSERT, run for each row in one synchronous transaction.
 *
 * The connection is shared with Kysely, whose transactions span awaits. If one is open right now,
 * our rows would land inside it (better-sqlite3 nests a savepoint) and live or die with someone
 * else's commit, so `appendNow` then declines and the append waits its turn through Kysely
 * (`whenBusy`) instead.
 */
function sqliteAppend(
  sqlite: SQLite.Database,
  whenBusy: AppendBatch,
): { appendNow: (updates: StoredUpdate[]) => boolean; appendBatch: AppendBatch } {
  const insert = sqlite.prepare('INSERT INTO doc_updates (doc_name, data, created_at) VALUES (?, ?, ?)');
  const appendAll = sqlite.transaction((updates: StoredUpdate[], createdAt: string) => {
    for (const update of updates) insert.run(update.docName, asBuffer(update.data), createdAt);
  });
  const appendNow = (updates: StoredUpdate[]): boolean => {
    if (sqlite.inTransaction) return false;
    appendAll(updates, new Date().toISOString());
    return true;
  };
  return {
    appendNow,
    appendBatch: async (updates) => {
      if (!appendNow(updates)) await whenBusy(updates);
    },
  };
}

export interface KyselyDocStoreOptions {
  /** How compaction merges rows; the app passes a worker thread's (`updateMerger.ts`). */
  mergeUpdates?: MergeUpdates;
}

export function createKyselyDocStore(db: Db, options: KyselyDocStoreOptions = {}): DocStore {
  const { kysely } = db;
  const mergeUpdates = options.mergeUpdates ?? mergeOnThisThread;

  async function countRows(docName: string, executor: Kysely<Database> = kysely): Promise<number> {
    const row = await executor
      .selectFrom('doc_updates')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('doc_name', '=', docName)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  const kyselyAppend: AppendBatch = async (updates) => {
    const createdAt = new Date().toISOString();
    await kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('doc_updates')
        .values(
          updates.map((update) => ({
            doc_name: update.docName,
            data: asBuffer(update.data),
            created_at: createdAt,
          })),
        )
        .execute();
    });
  };
  const sqlite = db.sqlite ? sqliteAppend(db.sqlite, kyselyAppend) : null;
  const append = sqlite?.appendBatch ?? kyselyAppend;

  return {
    ...(sqlite
      ? { appendNow: (updates: StoredUpdate[]) => updates.length === 0 || sqlite.appendNow(updates) }
      : {}),

    async load(docName: string): Promise<LoadedUpdates> {
      const rows = await kysely
        .selectFrom('doc_updates')
        .select(['id', 'data'])
        .where('doc_name', '=', docName)
        .orderBy('id')
        .execute();
      return {
        updates: rows.map((row) => asUint8Array(row.data)),
        lastId: rows.length > 0 ? Number(rows[rows.length - 1]!.id) : 0,
      };
    },

    async appendBatch(updates: StoredUpdate[]): Promise<void> {
      if (updates.length === 0) return;
      await append(updates);
    },

    countRows: (docName: string) => countRows(docName),

    async compact(docName: string, upToId?: number): Promise<CompactionResult> {
      // Read and merge outside any transaction: a SQLite transaction held open across the merge
      // would hold every append (and so every relay) back until it ends. The rows read cannot change
      // meanwhile: only a compaction removes rows, and the DocHub runs one per document at a time.
      let sizes = kysely
        .selectFrom('doc_updates')
        .select(['id', sql<number>`length(data)`.as('bytes')])
        .where('doc_name', '=', docName);
      if (upToId !== undefined) sizes = sizes.where('id', '<=', upToId);
      const candidates = await sizes.execute();
      if (candidates.length <= 1) return { replacedRows: 0, rowsAfter: await countRows(docName) };
      const base = rowToKeep(candidates);

      let query = kysely.selectFrom('doc_updates').select(['id', 'data']).where('doc_name', '=', docName);
      if (upToId !== undefined) query = query.where('id', '<=', upToId);
      if (base !== null) query = query.where('id', '!=', base);
      const rows = await query.orderBy('id').execute();
      if (rows.length <= 1) return { replacedRows: 0, rowsAfter: await countRows(docName) };
      const merged = await mergeUpdates(rows.map((row) => asUint8Array(row.data)));
      // Delete exactly the rows that were merged (not "every id ≤ N"), so a row committed meanwhile,
      // by this process or another one, is never dropped without having been merged. Two processes
      // compacting one document at once leave two merged rows that overlap: harmless to Yjs.
      const ids = rows.map((row) => Number(row.id));
      return kysely.transaction().execute(async (trx) => {
        for (let start = 0; start < ids.length; start += DELETE_CHUNK) {
          await trx
            .deleteFrom('doc_updates')
            .where('id', 'in', ids.slice(start, start + DELETE_CHUNK))
            .execute();
        }
        await trx
          .insertInto('doc_updates')
          .values({ doc_name: docName, data: asBuffer(merged), created_at: new Date().toISOString() })
          .execute();
        return { replacedRows: rows.length, rowsAfter: await countRows(docName, trx) };
      });
    },
  };
}
