/**
 * The DocStore over Kysely: one query path for SQLite and PostgreSQL. On SQLite the append, on the
 * path of every edit, runs as a statement prepared once on better-sqlite3 (`sqliteAppend.ts`)
 * whenever no Kysely transaction is open on the shared connection.
 */
import { type Kysely, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { asBuffer, asUint8Array } from './blobs.ts';
import type { DocSize, DocStore, KindSize, StoredRow, StoredUpdate } from './docStore.ts';
import { createSqliteAppend } from './sqliteAppend.ts';

/** Keeps `IN (…)` lists far below both engines' bound-parameter limits. */
const ID_CHUNK = 500;

const nowIso = () => new Date().toISOString();

async function kyselyAppend(kysely: Kysely<Database>, updates: StoredUpdate[]): Promise<number[]> {
  const createdAt = nowIso();
  return kysely.transaction().execute(async (trx) => {
    const rows = await trx
      .insertInto('doc_updates')
      .values(
        updates.map((update) => ({
          doc_name: update.docName,
          data: asBuffer(update.data),
          created_at: createdAt,
        })),
      )
      .returning('id')
      .execute();
    return rows.map((row) => Number(row.id));
  });
}

export function createKyselyDocStore(db: Db): DocStore {
  const { kysely } = db;
  const sqliteAppend = db.sqlite ? createSqliteAppend(db.sqlite) : null;

  return {
    async load(docName): Promise<StoredRow[]> {
      const rows = await kysely
        .selectFrom('doc_updates')
        .select(['id', 'data'])
        .where('doc_name', '=', docName)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({ id: Number(row.id), data: asUint8Array(row.data) }));
    },

    async append(updates) {
      if (updates.length === 0) return [];
      // Inside someone's open Kysely transaction our insert would live or die with their commit.
      return sqliteAppend?.appendNow(updates) ?? kyselyAppend(kysely, updates);
    },

    async replace(docName, upToId, state) {
      await kysely.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('doc_updates')
          .where('doc_name', '=', docName)
          .where('id', '<=', upToId)
          .execute();
        // The new row takes the cut's id when it is free: SQLite hands out max(id) + 1, so ids freed at
        // the top would come back below a cut the caller still holds, and its next replace would
        // delete them unseen. (When another row holds that id, every new id is above it anyway.)
        const taken = await trx
          .selectFrom('doc_updates')
          .select('id')
          .where('id', '=', upToId)
          .executeTakeFirst();
        await trx
          .insertInto('doc_updates')
          .values({
            ...(taken ? {} : { id: upToId }),
            doc_name: docName,
            data: asBuffer(state),
            created_at: nowIso(),
          })
          .execute();
      });
    },

    async remove(docNames) {
      if (docNames.length === 0) return;
      await kysely.deleteFrom('doc_updates').where('doc_name', 'in', docNames).execute();
    },
    async setAside(docName, ids, reason) {
      const setAsideAt = nowIso();
      await kysely.transaction().execute(async (trx) => {
        for (let start = 0; start < ids.length; start += ID_CHUNK) {
          const chunk = ids.slice(start, start + ID_CHUNK);
          const rows = await trx
            .selectFrom('doc_updates')
            .select(['id', 'data'])
            .where('doc_name', '=', docName)
            .where('id', 'in', chunk)
            .execute();
          if (rows.length === 0) continue;
          await trx
            .insertInto('doc_updates_set_aside')
            .values(
              rows.map((row) => ({
                original_id: Number(row.id),
                doc_name: docName,
                data: row.data,
                reason,
                set_aside_at: setAsideAt,
              })),
            )
            .execute();
          await trx
            .deleteFrom('doc_updates')
            .where('doc_name', '=', docName)
            .where('id', 'in', chunk)
            .execute();
        }
      });
    },

    async sizes(largest) {
      const perDoc = kysely
        .selectFrom('doc_updates')
        .select([
          'doc_name',
          (eb) => eb.fn.countAll<number>().as('rows'),
          (eb) => eb.fn.sum<number>(sql<number>`length(data)`).as('bytes'),
        ])
        .groupBy('doc_name');
      const docs = await perDoc.execute();
      const kinds = new Map<string, KindSize>();
      const all: DocSize[] = [];
      for (const row of docs) {
        const kind = row.doc_name.slice(0, Math.max(0, row.doc_name.indexOf(':'))) || 'unknown';
        const size = kinds.get(kind) ?? { kind, documents: 0, rows: 0, bytes: 0 };
        size.documents += 1;
        size.rows += Number(row.rows);
        size.bytes += Number(row.bytes);
        kinds.set(kind, size);
        all.push({ docName: row.doc_name, rows: Number(row.rows), bytes: Number(row.bytes) });
      }
      all.sort((a, b) => b.bytes - a.bytes);
      return { kinds: [...kinds.values()], largest: all.slice(0, largest) };
    },
  };
}
