/** The DocStore over Kysely: one query path for SQLite and PostgreSQL. */
import * as Y from 'yjs';
import type { Db } from '../db/database.ts';
import type { CompactionResult, DocStore, LoadedUpdates, StoredUpdate } from './docStore.ts';

// Both drivers bind Buffers as blobs/bytea; a plain Uint8Array is not accepted by every version.
const asBuffer = (data: Uint8Array): Buffer => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

// Both drivers return Buffers; Yjs wants plain Uint8Arrays (a Buffer works, but its pooled backing
// store may be larger than the view, so copy only what is ours).
const asUint8Array = (data: Uint8Array): Uint8Array => new Uint8Array(data);

/** Keeps `IN (…)` lists far below both engines' bound-parameter limits. */
const DELETE_CHUNK = 500;

export function createKyselyDocStore(db: Db): DocStore {
  const { kysely } = db;

  return {
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
    },

    async countRows(docName: string): Promise<number> {
      const row = await kysely
        .selectFrom('doc_updates')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('doc_name', '=', docName)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async compact(docName: string, upToId?: number): Promise<CompactionResult> {
      return kysely.transaction().execute(async (trx) => {
        let query = trx.selectFrom('doc_updates').select(['id', 'data']).where('doc_name', '=', docName);
        if (upToId !== undefined) query = query.where('id', '<=', upToId);
        const rows = await query.orderBy('id').execute();
        if (rows.length > 1) {
          const merged = Y.mergeUpdates(rows.map((row) => asUint8Array(row.data)));
          // Delete exactly the rows that were merged (not "every id ≤ N"), so a row committed
          // concurrently by another writer is never dropped without having been merged.
          const ids = rows.map((row) => Number(row.id));
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
        }
        const count = await trx
          .selectFrom('doc_updates')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('doc_name', '=', docName)
          .executeTakeFirstOrThrow();
        return { replacedRows: rows.length > 1 ? rows.length : 0, rowsAfter: Number(count.count) };
      });
    },
  };
}
