/**
 * `004_doc_intake_state`: on SQLite, the last intake-journal sequence committed to `doc_updates`
 * (`updateIntake.ts`), written in the same transaction as the rows it covers, so that after a crash
 * the journal's newer records, and only those, are inserted. PostgreSQL has no intake journal.
 */
import { type Kysely, sql } from 'kysely';
import type { MigrationFactory } from './index.ts';

export const docIntakeStateMigration: MigrationFactory = (dialect) => ({
  async up(db: Kysely<unknown>) {
    if (dialect !== 'sqlite') return;
    await sql`CREATE TABLE doc_intake_state (
      id integer PRIMARY KEY CHECK (id = 1),
      last_seq integer NOT NULL
    )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    if (dialect === 'sqlite') await sql`DROP TABLE doc_intake_state`.execute(db);
  },
});
