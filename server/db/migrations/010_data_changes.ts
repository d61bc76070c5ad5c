/**
 * `010_data_changes`: wrong data can be removed or corrected, and every such change is recorded.
 *
 * - `data_changes`, append-only: one row per deleted or corrected data point (old → new value) and
 *   per indicator edit, archive or un-archive (the fields changed, from → to, as JSON), with who,
 *   when, the reason given and where it came from (`api` or `import`). Written in the same
 *   transaction as the change itself; nothing updates or deletes its rows.
 * - `indicators.archived_at` / `archived_by`: an archived indicator is kept (old meetings pinned
 *   its data, the ledger and memos name it) but leaves listings, status and readiness.
 */
import { type Kysely, sql } from 'kysely';
import type { MigrationFactory } from './index.ts';

export const dataChangesMigration: MigrationFactory = (dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('indicators').addColumn('archived_at', 'text').execute();
    await db.schema.alterTable('indicators').addColumn('archived_by', 'text').execute();

    await db.schema
      .createTable('data_changes')
      .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      // No cascade: indicators are archived, never deleted, and the record must outlive any mistake.
      .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id'))
      .addColumn('period', 'text')
      .addColumn('action', 'text', (c) =>
        c.notNull().check(sql`action in ('deleted', 'corrected', 'edited', 'archived', 'unarchived')`),
      )
      .addColumn('old_value', 'double precision')
      .addColumn('new_value', 'double precision')
      .addColumn('fields', 'text')
      .addColumn('reason', 'text')
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('api', 'import')`))
      .addColumn('changed_by', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .execute();
    // The indicator page lists its changes newest first.
    await db.schema
      .createIndex('data_changes_indicator_idx')
      .on('data_changes')
      .columns(['indicator_id', 'id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('data_changes').execute();
    await db.schema.alterTable('indicators').dropColumn('archived_by').execute();
    await db.schema.alterTable('indicators').dropColumn('archived_at').execute();
  },
});
