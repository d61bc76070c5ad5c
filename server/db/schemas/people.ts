/** Tables about people themselves (accounts are not stored yet: a principal id names a person). */
import type { Language } from '../../../shared/languages.ts';

/** What one person chose for themselves; no row until they choose something. */
export interface PersonSettingsTable {
  principal_id: string;
  language: Language;
  /** ISO-8601 timestamp of their last language choice. */
  language_set_at: string;
}

export interface PeopleTables {
  person_settings: PersonSettingsTable;
}
