/** A person's language, kept per principal id so that it follows them from computer to computer. */
import { isLanguage, type Language } from '../../shared/languages.ts';
import type { Db } from '../db/database.ts';

/** Their saved language, or null while they have never chosen one. */
export async function personLanguage(db: Db, principalId: string): Promise<Language | null> {
  const row = await db.kysely
    .selectFrom('person_settings')
    .select('language')
    .where('principal_id', '=', principalId)
    .executeTakeFirst();
  // The column is checked on write; a row from a newer release with a language we do not know
  // reads as no choice rather than as one this client cannot show.
  return row && isLanguage(row.language) ? row.language : null;
}

export async function setPersonLanguage(db: Db, principalId: string, language: Language): Promise<void> {
  const row = { principal_id: principalId, language, language_set_at: new Date().toISOString() };
  await db.kysely
    .insertInto('person_settings')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('principal_id').doUpdateSet({ language, language_set_at: row.language_set_at }),
    )
    .execute();
}
