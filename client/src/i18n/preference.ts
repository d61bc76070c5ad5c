/**
 * Which language a person reads: their saved choice (kept on the server per person, so it follows
 * them to the room's computer), else this browser's last choice, else the browser's own languages.
 */
import { isLanguage, type Language, matchLanguage } from '../../../shared/languages.ts';
import { api } from '../api/http.ts';
import { applyLanguage } from './i18n.ts';
import { currentLanguage } from './locale.ts';

const STORAGE_KEY = 'statroom.language';

function rememberHere(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private windows may refuse storage; the choice still holds for this page.
  }
}

/** The language to start in before anyone is known. */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // No storage: the browser's languages decide.
  }
  return matchLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
}

/** Switches to a signed-in person's saved language (null: they never chose one). */
export async function adoptPersonLanguage(language: Language | null): Promise<void> {
  if (!language || language === currentLanguage()) return;
  rememberHere(language);
  await applyLanguage(language);
}

/** A person picks a language: it applies at once, here, and for them everywhere once saved. */
export async function chooseLanguage(language: Language, signedIn: boolean): Promise<void> {
  rememberHere(language);
  await applyLanguage(language);
  if (signedIn) await api.put('/api/session/language', { language });
}
