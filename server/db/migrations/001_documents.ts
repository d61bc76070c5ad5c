/**
 * `001_documents`: the Yjs update log (`doc_updates`) and the meetings' metadata (`meetings`).
 * The only dialect-specific DDL is the auto-increment id and the binary column.
 */
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.ts';

export const documentsMigration: MigrationFactory = (dialect) => ({
  async up(db: Kysely<unknown>) {
    const postgres = dialect === 'postgres';
    await db.schema
      .createTable('doc_updates')
      // Ids only grow, so "rows up to id N" is a stable cut for compaction and loads replay in order.
      .addColumn('id', postgres ? 'bigserial' : 'integer', (column) =>
        postgres ? column.primaryKey() : column.primaryKey().autoIncrement(),
      )
      .addColumn('doc_name', 'text', (column) => column.notNull())
      .addColumn('data', postgres ? 'bytea' : 'blob', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex('doc_updates_doc_name_id')
      .on('doc_updates')
      .columns(['doc_name', 'id'])
      .execute();

    await db.schema
      .createTable('meetings')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('title', 'text', (column) => column.notNull())
      .addColumn('objective_id', 'text')
      .addColumn('scheduled_for', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('created_by', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('meetings_scheduled_for').on('meetings').column('scheduled_for').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('meetings').execute();
    await db.schema.dropTable('doc_updates').execute();
  },
});
