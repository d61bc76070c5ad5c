/**
 * The revision of the performance data: a counter bumped by every write transaction (in the same
 * transaction), so that a result computed from the data can be reused for as long as the
 * revision has not moved. Because the counter lives in the database, this stays correct with
 * several server processes sharing one PostgreSQL database: a write on any node is seen by all.
 *
 * Each write also says what it touched (`Touched`), logged by revision in `performance_changes`,
 * so that the objectives overview can recompute only those goals (`overview.ts`).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Store } from './queries.ts';

/**
 * What a write changed, as far as goals' figures go. A write that says nothing counts as having
 * touched everything: forgetting to declare costs a full recompute, never a stale overview.
 */
export interface Touched {
  /** Indicators whose data, definition or archive state changed (mapped to their goals when read). */
  indicators(ids: Iterable<string>): void;
  /** Goals whose own row or rating changed, or that gained an indicator. */
  goals(ids: Iterable<string>): void;
  /** No goal's figures changed (an agency; a new objective, which the overview lists afresh). */
  noGoals(): void;
  /** Any goal may have changed (an indicator may have moved to another goal; a seed). */
  everything(): void;
}

/** Revisions of `performance_changes` kept: a reader further behind recomputes everything. */
const CHANGES_KEPT = 1_000;
const PRUNE_EVERY = 100;
const MAX_INDICATORS_LOOKED_UP = 2_000;

class TouchedSet implements Touched {
  readonly goalIds = new Set<string>();
  readonly indicatorIds = new Set<string>();
  #declared = false;
  #everything = false;

  indicators(ids: Iterable<string>): void {
    this.#declared = true;
    for (const id of ids) this.indicatorIds.add(id);
  }

  goals(ids: Iterable<string>): void {
    this.#declared = true;
    for (const id of ids) this.goalIds.add(id);
  }

  noGoals(): void {
    this.#declared = true;
  }

  everything(): void {
    this.#everything = true;
  }

  row(revision: number) {
    return {
      revision,
      everything: this.#everything || !this.#declared ? 1 : 0,
      goal_ids: JSON.stringify([...this.goalIds]),
      indicator_ids: JSON.stringify([...this.indicatorIds]),
    };
  }
}

/** Runs `write` in one transaction, marks the performance data as changed and logs what it touched. */
export async function performanceWrite<T>(
  db: Store,
  write: (trx: Transaction<Database>, touched: Touched) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const touched = new TouchedSet();
    const result = await write(trx, touched);
    // The bump takes the row's lock until commit, so revisions follow the order writes commit in.
    const { revision } = await trx
      .updateTable('performance_revision')
      .set((eb) => ({ revision: eb('revision', '+', 1) }))
      .where('id', '=', 1)
      .returning('revision')
      .executeTakeFirstOrThrow();
    await trx.insertInto('performance_changes').values(touched.row(revision)).execute();
    if (revision % PRUNE_EVERY === 0) {
      await trx
        .deleteFrom('performance_changes')
        .where('revision', '<=', revision - CHANGES_KEPT)
        .execute();
    }
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
 * The goals touched by the writes after revision `from` up to `to`, or null when they cannot be
 * told (a write touched everything, or the log was pruned past `from`). Indicators are mapped to
 * the goal they are in now: an indicator changes goal only through a write that touches everything.
 */
export async function goalsTouched(db: Store, from: number, to: number): Promise<Set<string> | null> {
  if (to - from > CHANGES_KEPT) return null;
  const rows = await db
    .selectFrom('performance_changes')
    .selectAll()
    .where('revision', '>', from)
    .where('revision', '<=', to)
    .execute();
  if (rows.length !== to - from || rows.some((row) => row.everything)) return null;
  const goalIds = new Set<string>();
  const indicatorIds = new Set<string>();
  for (const row of rows) {
    for (const id of JSON.parse(row.goal_ids) as string[]) goalIds.add(id);
    for (const id of JSON.parse(row.indicator_ids) as string[]) indicatorIds.add(id);
  }
  // Past a few thousand, recomputing everything costs less than the list would.
  if (indicatorIds.size > MAX_INDICATORS_LOOKED_UP) return null;
  if (indicatorIds.size > 0) {
    const found = await db
      .selectFrom('indicators')
      .select('goal_id')
      .distinct()
      .where('id', 'in', [...indicatorIds])
      .execute();
    for (const row of found) goalIds.add(row.goal_id);
  }
  return goalIds;
}
