/**
 * `003_doc_updates_rowid`: on SQLite, the update log's ids without AUTOINCREMENT.
 *
 * AUTOINCREMENT keeps the largest id ever handed out in `sqlite_sequence`, so every append also
 * rewrote that table's page: three pages to the WAL per edit (the log's, its index's and
 * `sqlite_sequence`'s) where two hold the edit. Every edit waits for its commit before it is
 * relayed, so that page was on the path of every edit: 6 `pwrite` calls per commit instead of 4,
 * about 15 µs more per append at a steady 400 appends/s, and a WAL that filled (and had to be
 * restarted: `walCheckpointer.ts`) a third sooner.
 *
 * A plain INTEGER PRIMARY KEY is the rowid: max(id) + 1 at each insert. What the log relies on
 * still holds: a row inserted after a compaction read its rows has a larger id than all of them,
 * because they stay in the table until that compaction deletes them (see `sqliteDocLog.ts`), and
 * loads replay in id order, which is insertion order among the rows that exist. An id freed by a
 * compaction may be handed out again; nothing refers to a row after it is deleted.
 *
 * SQLite cannot alter a column's AUTOINCREMENT, so the table is rebuilt, in one transaction, with
 * its rows and ids. PostgreSQL's `bigserial` ids are unaffected.
 */
import { type Kysely, sql } from 'kysely';
import type { MigrationFactory } from './index.ts';

async function rebuildDocUpdates(db: Kysely<unknown>, idColumn: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`CREATE TABLE doc_updates_rebuilt (
      id ${sql.raw(idColumn)},
      doc_name text NOT NULL,
      data blob NOT NULL,
      created_at text NOT NULL
    )`.execute(trx);
    await sql`INSERT INTO doc_updates_rebuilt (id, doc_name, data, created_at)
      SELECT id, doc_name, data, created_at FROM doc_updates ORDER BY id`.execute(trx);
    // Dropping the table drops its index, and its `sqlite_sequence` row when it had one.
    await sql`DROP TABLE doc_updates`.execute(trx);
    await sql`ALTER TABLE doc_updates_rebuilt RENAME TO doc_updates`.execute(trx);
    await sql`CREATE INDEX doc_updates_doc_name_id ON doc_updates (doc_name, id)`.execute(trx);
  });
}

export const docUpdatesRowidMigration: MigrationFactory = (dialect) => ({
  async up(db: Kysely<unknown>) {
    if (dialect === 'sqlite') await rebuildDocUpdates(db, 'integer PRIMARY KEY');
  },
  async down(db: Kysely<unknown>) {
    if (dialect === 'sqlite') await rebuildDocUpdates(db, 'integer PRIMARY KEY AUTOINCREMENT');
  },
});
