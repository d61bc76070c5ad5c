/**
 * Helpers for translation tests: the catalogues as flat `key → text` maps, a browser person who
 * reads a given language, and the English that is left on a page that should be translated.
 */
import type { BrowserContext } from 'playwright-core';
import { catalogues as en } from '../../client/src/i18n/locales/en/index.ts';
import { catalogues as es } from '../../client/src/i18n/locales/es/index.ts';
import { catalogues as ptBR } from '../../client/src/i18n/locales/pt-BR/index.ts';
import type { Language } from '../../shared/languages.ts';

export const CATALOGUES = { en, 'pt-BR': ptBR, es } as const;

/** `{ common: { nav: { label: 'Main' } } }` → `{ 'common:nav.label': 'Main' }`. */
export function flatten(catalogues: object): Map<string, string> {
  const flat = new Map<string, string>();
  const walk = (node: object, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'string') flat.set(path, value);
      else if (typeof value === 'object' && value !== null) walk(value, path);
    }
  };
  for (const [namespace, tree] of Object.entries(catalogues))
    walk(tree as object, `${namespace}:`.slice(0, -1));
  return new Map([...flat].map(([path, text]) => [path.replace('.', ':'), text]));
}

/** Pages in this context start in `language` (the choice a person makes with the switch). */
export async function readIn(context: BrowserContext, language: Language): Promise<void> {
  await context.addInitScript((chosen) => localStorage.setItem('statroom.language', chosen), language);
}

/**
 * English catalogue texts found in `pageText` that `language` translates differently: pieces between
 * placeholders of at least two words, so that a name or a number never reads as a leftover.
 */
export function englishLeftovers(pageText: string, language: Exclude<Language, 'en'>): string[] {
  const english = flatten(CATALOGUES.en);
  const translated = flatten(CATALOGUES[language]);
  const found = new Set<string>();
  for (const [key, text] of english) {
    if (translated.get(key) === text) continue;
    for (const piece of text.split(/\{\{[^}]*\}\}/)) {
      const trimmed = piece.trim();
      if (trimmed.includes(' ') && trimmed.length >= 8 && pageText.includes(trimmed)) found.add(trimmed);
    }
  }
  return [...found];
}
