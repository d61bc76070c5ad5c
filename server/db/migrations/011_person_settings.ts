/**
 * `011_person_settings`: what a person chose for themselves, kept on the server so that it follows
 * them to another computer (the meeting room's). One row per principal id, created when they first
 * choose; for now the language they read, and when they set it.
 *
 * The languages are written out here rather than imported from `shared/languages.ts`: a migration
 * must build the same table on every install, whenever it runs. A language added later needs its
 * own migration to widen the check (and `test/server/sessionLanguage.test.ts` stores every one of
 * `LANGUAGES`, so forgetting fails a test).
 */
import { type Kysely, sql } from 'kysely';
import type { MigrationFactory } from './index.ts';

const LANGUAGES_011 = ['en', 'pt-BR', 'es'];

export const personSettingsMigration: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('person_settings')
      .addColumn('principal_id', 'text', (c) => c.primaryKey())
      .addColumn('language', 'text', (c) =>
        c.notNull().check(sql`language in (${sql.join(LANGUAGES_011.map((code) => sql.lit(code)))})`),
      )
      .addColumn('language_set_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('person_settings').execute();
  },
});
