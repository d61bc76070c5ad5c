/**
 * `012_performance_changes`: what each performance write touched, by revision, so that the
 * objectives overview recomputes only those goals (`server/performance/overview.ts`). One row per
 * revision, written in the write's transaction with the revision bump; old rows are pruned.
 *
 * - `everything`: 1 when the write may have touched any goal (an indicator import can move
 *   indicators between goals; the demo seed): readers recompute the whole overview.
 * - `goal_ids`, `indicator_ids`: JSON arrays. Indicators are mapped to their goals when read, not
 *   when written, so a data write racing an indicator's move is counted in the goal it ends up in.
 */
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.ts';

export const performanceChangesMigration: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('performance_changes')
      .addColumn('revision', 'bigint', (c) => c.primaryKey())
      .addColumn('everything', 'integer', (c) => c.notNull())
      .addColumn('goal_ids', 'text', (c) => c.notNull())
      .addColumn('indicator_ids', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('performance_changes').execute();
  },
});
