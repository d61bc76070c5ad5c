/**
 * The DocStore over Kysely: one query path for SQLite and PostgreSQL, except the statements on
 * SQLite's hot paths (every append, and compaction), which run on better-sqlite3 directly
 * (`sqliteDocLog.ts`); PostgreSQL keeps the Kysely path (its cost is the round trip, not the client).
 */
import { type Kysely, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { UpdateIntake } from '../db/updateIntake.ts';
import { asBuffer, asUint8Array } from './blobs.ts';
import { type CompactionQueries, compactDocument } from './compaction.ts';
import type { DocStore, LoadedUpdates, StoredUpdate } from './docStore.ts';
import { createSqliteDocLog } from './sqliteDocLog.ts';
import { type MergeUpdates, mergeOnThisThread } from './updateMerger.ts';

/** Keeps `IN (…)` lists far below both engines' bound-parameter limits. */
const DELETE_CHUNK = 500;

type AppendBatch = (updates: StoredUpdate[]) => Promise<void>;

function kyselyCompactionQueries(kysely: Kysely<Database>): CompactionQueries {
  async function countRows(docName: string, executor: Kysely<Database> = kysely): Promise<number> {
    const row = await executor
      .selectFrom('doc_updates')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('doc_name', '=', docName)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
  return {
    async rowSizes(docName, upToId) {
      let query = kysely
        .selectFrom('doc_updates')
        .select(['id', sql<number>`length(data)`.as('bytes')])
        .where('doc_name', '=', docName);
      if (upToId !== undefined) query = query.where('id', '<=', upToId);
      const rows = await query.orderBy('id').execute();
      return rows.map((row) => ({ id: Number(row.id), bytes: Number(row.bytes) }));
    },
    async rows(docName, upToId, exceptId) {
      let query = kysely.selectFrom('doc_updates').select(['id', 'data']).where('doc_name', '=', docName);
      if (upToId !== undefined) query = query.where('id', '<=', upToId);
      if (exceptId !== null) query = query.where('id', '!=', exceptId);
      const rows = await query.orderBy('id').execute();
      return rows.map((row) => ({ id: Number(row.id), data: asUint8Array(row.data) }));
    },
    replace(docName, { ids }, merged) {
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
        return countRows(docName, trx);
      });
    },
    countRows: (docName) => countRows(docName),
  };
}

/**
 * Compaction's counts (the rows left after a merge, which the DocHub keeps as the document's row
 * count) must include updates still in the intake journal: counted later they would never be, and
 * a document would pass the threshold without being compacted. So the queue is committed first, on
 * the same call stack as the count.
 */
function committingQueuedFirst(queries: CompactionQueries, intake: UpdateIntake): CompactionQueries {
  return {
    ...queries,
    replace(docName, replaced, merged) {
      intake.commitNow();
      return queries.replace(docName, replaced, merged);
    },
    countRows(docName) {
      intake.commitNow();
      return queries.countRows(docName);
    },
  };
}

export interface KyselyDocStoreOptions {
  /** How compaction merges rows; the app passes a worker thread's (`updateMerger.ts`). */
  mergeUpdates?: MergeUpdates;
  /**
   * SQLite: appends go through this intake journal (group commit, `updateIntake.ts`) instead of a
   * transaction each. The app passes one for a database file; one store per file may.
   */
  intake?: UpdateIntake;
}

export function createKyselyDocStore(db: Db, options: KyselyDocStoreOptions = {}): DocStore {
  const { kysely } = db;
  const mergeUpdates = options.mergeUpdates ?? mergeOnThisThread;
  const { intake } = options;
  const kyselyQueries = kyselyCompactionQueries(kysely);
  const sqliteLog = db.sqlite ? createSqliteDocLog(db.sqlite, kyselyQueries) : null;
  const storedQueries = sqliteLog?.compactionQueries ?? kyselyQueries;
  const compactionQueries = intake ? committingQueuedFirst(storedQueries, intake) : storedQueries;

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

  const reads: Omit<DocStore, 'appendBatch'> = {
    async load(docName: string): Promise<LoadedUpdates> {
      // Rows still in the intake journal join the others first.
      await intake?.flush();
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

    countRows: (docName: string) => compactionQueries.countRows(docName),

    compact: (docName: string, upToId?: number) =>
      compactDocument(compactionQueries, mergeUpdates, docName, upToId),
  };

  if (intake) {
    // Journaled at once (never waits for a Kysely transaction); in SQLite with the next group commit.
    const journaled = (updates: StoredUpdate[]): true => {
      if (updates.length > 0) intake.append(updates);
      return true;
    };
    return {
      ...reads,
      appendNow: journaled,
      appendBatch: async (updates) => {
        journaled(updates);
      },
      flush: () => intake.flush(),
      close: () => intake.close(),
    };
  }

  return {
    ...reads,
    ...(sqliteLog
      ? { appendNow: (updates: StoredUpdate[]) => updates.length === 0 || sqliteLog.appendNow(updates) }
      : {}),

    async appendBatch(updates: StoredUpdate[]): Promise<void> {
      if (updates.length === 0) return;
      // While a Kysely transaction is open on SQLite's connection the append waits its turn there.
      if (!sqliteLog?.appendNow(updates)) await kyselyAppend(updates);
    },
  };
}
