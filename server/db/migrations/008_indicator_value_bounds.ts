/**
 * `008_indicator_value_bounds`: an indicator says whether its values may be negative (a net change
 * may, a count or a rate may not), so that a sign typed by mistake is refused. Booleans are
 * integer 0/1 (see `../database.ts`). New indicators do not allow negatives; an existing one does
 * only where a value already stored is negative, so that nothing stored becomes invalid.
 */
import { type Kysely, sql } from 'kysely';
import type { MigrationFactory } from './index.ts';

export const indicatorValueBoundsMigration: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('indicators')
      .addColumn('allows_negative', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`
      update indicators set allows_negative = 1
      where baseline_value < 0 or target_value < 0
        or id in (select indicator_id from data_points where value < 0)
        or id in (select indicator_id from indicator_trajectory where value < 0)
    `.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('indicators').dropColumn('allows_negative').execute();
  },
});
