/**
 * The languages StatRoom speaks: English, Brazilian Portuguese (Pernambuco's monitoring meetings)
 * and Spanish (Chile's delivery unit). The client translates; the server stores each person's choice.
 */
export const LANGUAGES = ['en', 'pt-BR', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language named in itself, so a person who cannot read the current one still finds theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  es: 'Español',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The best of our languages for a browser's preferences (`navigator.languages`): an exact tag first,
 * then the same base language ("pt-PT" → "pt-BR", "es-CL" → "es"), else English.
 */
export function matchLanguage(preferences: readonly string[]): Language {
  for (const tag of preferences) {
    const exact = LANGUAGES.find((language) => language.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const base = tag.split('-')[0]?.toLowerCase();
    const sameBase = LANGUAGES.find((language) => language.split('-')[0] === base);
    if (sameBase) return sameBase;
  }
  return DEFAULT_LANGUAGE;
}
