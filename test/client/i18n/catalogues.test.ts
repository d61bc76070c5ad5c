/**
 * The catalogues are complete and consistent: pt-BR and es have every English key (the type check
 * says so too; this also covers keys added with a cast), the same placeholders, no empty text, and
 * no text left in English unless it reads the same in that language.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUES, flatten } from '../../helpers/i18n.ts';

/** Texts that are the same in every language: names, codes and symbols. */
const SAME_EVERYWHERE = new Set(['StatRoom', 'CSV', 'ID', 'OK', '—', '…']);
/** Texts one language writes as English does ("Error" is Spanish too). */
const SAME_IN: Record<'pt-BR' | 'es', Set<string>> = {
  'pt-BR': new Set([
    'Status',
    'Total',
    '{{count}} min',
    '{{minutes}} min',
    '{{hours}} h {{minutes}} min',
    'Item {{position}}',
    '{{count}} item',
  ]),
  es: new Set([
    'Error {{status}}',
    'Total',
    '{{count}} min',
    'Agenda',
    '{{minutes}} min',
    '{{hours}} h {{minutes}} min',
    'no',
  ]),
};

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const hasWords = (text: string) => /\p{L}{2,}/u.test(text.replace(/\{\{[^}]*\}\}/g, ''));

describe('message catalogues', () => {
  const english = flatten(CATALOGUES.en);

  it('English has texts in every namespace that has pages', () => {
    expect(english.size).toBeGreaterThan(50);
    for (const [key, text] of english) expect(text.trim(), key).not.toBe('');
  });

  for (const language of ['pt-BR', 'es'] as const) {
    describe(language, () => {
      const translated = flatten(CATALOGUES[language]);

      it('has exactly the English keys', () => {
        expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      });

      it('keeps every placeholder', () => {
        for (const [key, text] of english) {
          const other = translated.get(key);
          if (other === undefined) continue;
          expect(placeholders(other), `${language} ${key}`).toEqual(placeholders(text));
        }
      });

      it('leaves no English text untranslated', () => {
        const untranslated = [...english]
          .filter(
            ([key, text]) =>
              translated.get(key) === text &&
              hasWords(text) &&
              !SAME_EVERYWHERE.has(text) &&
              !SAME_IN[language].has(text),
          )
          .map(([key, text]) => `${key}: ${text}`);
        expect(untranslated).toEqual([]);
      });
    });
  }
});
