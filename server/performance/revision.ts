/**
 * The revision of the performance data: a counter bumped by every write transaction (in the same
 * transaction), so that a result computed from the data can be reused for as long as the
 * revision has not moved. Because the counter lives in the database, this stays correct with
 * several server processes sharing one PostgreSQL database: a write on any node is seen by all.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Store } from './queries.ts';

/** Runs `write` in one transaction and marks the performance data as changed. */
export async function performanceWrite<T>(
  db: Store,
  write: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const result = await write(trx);
    await trx
      .updateTable('performance_revision')
      .set((eb) => ({ revision: eb('revision', '+', 1) }))
      .where('id', '=', 1)
      .execute();
    return result;
  });
}

export async function currentRevision(db: Store): Promise<number> {
  const row = await db
    .selectFrom('performance_revision')
    .select('revision')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.revision ?? 0;
}

/**
 * Remembers the latest result of an expensive read per database and key, valid while the revision
 * is unchanged. The revision is read *before* computing, so a write racing the computation can
 * only make the stored result look older than it is (and be recomputed), never newer.
 */
export function revisionMemo<T>(compute: (db: Store, key: string) => Promise<T>) {
  const entries = new WeakMap<Store, { revision: number; key: string; value: T }>();
  return async (db: Store, key: string): Promise<T> => {
    const revision = await currentRevision(db);
    const entry = entries.get(db);
    if (entry && entry.revision === revision && entry.key === key) return entry.value;
    const value = await compute(db, key);
    entries.set(db, { revision, key, value });
    return value;
  };
}
