/**
 * The memo page's words come from the `memo` catalogue: in English they are MEMO_TEXT word for word
 * (so the page says what the server's downloads say), and in Portuguese and Spanish the whole memo,
 * its Markdown and its CSV read in that language, with its day names and number format.
 */
import type { TFunction } from 'i18next';
import { afterAll, describe, expect, test } from 'vitest';
import { applyLanguage, i18next } from '../../../client/src/i18n/i18n.ts';
import { memoLanguage } from '../../../client/src/pages/memo/memoLanguage.ts';
import type { Language } from '../../../shared/languages.ts';
import { buildMemo, MEMO_TEXT, memoFileName } from '../../../shared/memo.ts';
import { memoCommitmentsCsv, memoMarkdown } from '../../../shared/memoExport.ts';
import { emptyRecord, fullRecord } from '../../shared/memoRecord.ts';

async function wordsIn(language: Language) {
  await applyLanguage(language);
  return memoLanguage(i18next.getFixedT(language, 'memo') as TFunction<'memo'>);
}

/** Every text of `a` and `b` side by side; a phrase is called with the same sample arguments. */
function compare(a: unknown, b: unknown, path: string, out: Array<[string, unknown, unknown]>): void {
  if (typeof a === 'function' && typeof b === 'function') {
    const args = Array.from({ length: a.length }, (_, index) => `«${index}»`);
    out.push([path, a(...args), b(...args)]);
  } else if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      compare(a[key as keyof typeof a], b[key as keyof typeof b], `${path}.${key}`, out);
  } else out.push([path, a, b]);
}

describe('the memo in the reader’s language', () => {
  afterAll(() => applyLanguage('en'));

  test('English from the catalogue is MEMO_TEXT, every text and phrase', async () => {
    const english = await wordsIn('en');
    const pairs: Array<[string, unknown, unknown]> = [];
    compare(english.text, MEMO_TEXT, 'memo', pairs);
    expect(pairs.length).toBeGreaterThan(60);
    for (const [path, fromCatalogue, fromShared] of pairs) expect(fromCatalogue, path).toEqual(fromShared);
    for (const record of [fullRecord(), emptyRecord()]) {
      expect(buildMemo(record, english)).toEqual(buildMemo(record));
      expect(memoMarkdown(record, english)).toBe(memoMarkdown(record));
      expect(memoCommitmentsCsv(record, english)).toBe(memoCommitmentsCsv(record));
    }
  });

  test('Portuguese: headings, dates, durations, outcomes, numbers and the CSV header', async () => {
    const portuguese = await wordsIn('pt-BR');
    const memo = buildMemo(fullRecord(), portuguese);
    expect(memo.header).toMatchObject({
      date: 'terça-feira 1 dezembro 2026',
      time: 'das 09:00 às 10:45 UTC',
      duration: '1 h 45 min',
    });
    const markdown = memoMarkdown(fullRecord(), portuguese);
    expect(markdown).toContain('# Ata da reunião: ');
    expect(markdown).toContain('## Presença');
    expect(markdown).toContain('## Revisão dos compromissos anteriores');
    expect(markdown).toContain('Fora da pauta');
    // 1250.5 → "1.250,5": Portuguese groups thousands with a point and writes a decimal comma.
    expect(markdown).toContain('1.250,5 → 1.300');
    expect(markdown).not.toMatch(/Attendance|Decisions|Time box|Outcome/);
    const csv = memoCommitmentsCsv(fullRecord(), portuguese);
    expect(csv.split('\r\n')[0]).toBe(
      'tipo,texto,órgão responsável,pessoa responsável,prazo,meta,resultado,vezes prorrogado',
    );
    expect(memoFileName(fullRecord(), '.md', portuguese)).toMatch(/\.md$/);
  });

  test('Spanish: the draft of a meeting not started', async () => {
    const spanish = await wordsIn('es');
    const markdown = memoMarkdown(emptyRecord(), spanish);
    expect(markdown).toContain('Borrador del acta — la reunión no está cerrada');
    expect(markdown).toContain('**Horario:** No iniciada');
    expect(markdown).toContain('No se registraron decisiones.');
  });
});
