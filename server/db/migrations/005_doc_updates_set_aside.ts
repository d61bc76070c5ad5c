/**
 * `005_doc_updates_set_aside`: stored updates that cannot be applied are moved here when a document
 * loads (kept for inspection, never replayed), so that one bad row never stops a document loading.
 * SQLite also drops the intake journal's state table: updates are committed one transaction each.
 */
import { type Kysely, sql } from 'kysely';
import type { MigrationFactory } from './index.ts';

export const docUpdatesSetAsideMigration: MigrationFactory = (dialect) => ({
  async up(db: Kysely<unknown>) {
    const postgres = dialect === 'postgres';
    await db.schema
      .createTable('doc_updates_set_aside')
      .addColumn('id', postgres ? 'bigserial' : 'integer', (column) => column.primaryKey())
      // Its id in doc_updates, which SQLite may hand out again once the row has moved here.
      .addColumn('original_id', 'bigint', (column) => column.notNull())
      .addColumn('doc_name', 'text', (column) => column.notNull())
      .addColumn('data', postgres ? 'bytea' : 'blob', (column) => column.notNull())
      .addColumn('reason', 'text', (column) => column.notNull())
      .addColumn('set_aside_at', 'text', (column) => column.notNull())
      .execute();
    if (!postgres) await sql`DROP TABLE IF EXISTS doc_intake_state`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('doc_updates_set_aside').execute();
  },
});
