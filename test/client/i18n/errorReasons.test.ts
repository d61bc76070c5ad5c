/**
 * Every reason the server gives (`shared/errorReasons.ts`) has a text in the English `errors`
 * catalogue (the catalogue test checks that Portuguese and Spanish mirror English), naming only the
 * params its key documents; `errorText` shows it in the reader's language with its params filled in.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { errorText } from '../../../client/src/i18n/errorText.ts';
import { applyLanguage } from '../../../client/src/i18n/i18n.ts';
import { errors as english } from '../../../client/src/i18n/locales/en/errors.ts';
import { ERROR_REASON_KEYS, ERROR_REASONS } from '../../../shared/errorReasons.ts';

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1] as string);
const texts = english.reason as Record<string, string>;

afterAll(() => applyLanguage('en'));

describe('error reasons in the catalogue', () => {
  test('every key has an English text, and the catalogue has no key the server never sends', () => {
    expect(ERROR_REASON_KEYS.length).toBeGreaterThan(50);
    const missing = ERROR_REASON_KEYS.filter((key) => !texts[key]?.trim());
    expect(missing).toEqual([]);
    expect(Object.keys(texts).sort()).toEqual([...ERROR_REASON_KEYS].sort());
  });

  test("each text names only its key's params", () => {
    for (const key of ERROR_REASON_KEYS) {
      const declared: readonly string[] = ERROR_REASONS[key];
      for (const name of placeholders(texts[key] ?? ''))
        expect(declared, `${key} {{${name}}}`).toContain(name);
    }
  });

  test.each(['pt-BR', 'es'] as const)(
    'errorText shows every reason in %s with its params',
    async (language) => {
      await applyLanguage(language);
      for (const key of ERROR_REASON_KEYS) {
        const params = Object.fromEntries(ERROR_REASONS[key].map((name) => [name, `<${name}>`]));
        const text = errorText({
          code: 'invalid_payload',
          message: 'English message',
          reason: { key, params },
        });
        expect(text, key).not.toBe('English message');
        expect(text, key).not.toContain('{{');
        for (const name of placeholders(texts[key] ?? '')) expect(text, key).toContain(`<${name}>`);
      }
    },
  );

  test('a real refusal reads in Portuguese and Spanish, and as the server wrote it in English', async () => {
    const refusal = {
      code: 'invalid_payload',
      message: 'period: 2026-W52 has not ended yet (it ends 2026-12-27): the latest period due is 2026-W48',
      reason: { key: 'periodNotEnded', params: { period: '2026-W52', ends: '2026-12-27', due: '2026-W48' } },
    };
    await applyLanguage('en');
    expect(errorText(refusal)).toBe(refusal.message);
    await applyLanguage('pt-BR');
    expect(errorText(refusal)).toBe(
      'O período 2026-W52 ainda não terminou (termina em 2026-12-27): o último período a informar é 2026-W48',
    );
    await applyLanguage('es');
    expect(errorText(refusal)).toBe(
      'El período 2026-W52 aún no ha terminado (termina el 2026-12-27): el último período por informar es 2026-W48',
    );
    // A key this client does not know yet falls back to the code's text.
    expect(errorText({ ...refusal, reason: { key: 'fromANewerServer' } })).toBe(
      'Los datos enviados no fueron aceptados.',
    );
  });

  test('a field is named in words, from its last named segment; an unknown one keeps its API name', async () => {
    const required = (field: string) =>
      errorText({
        code: 'invalid_payload',
        message: `${field}: required`,
        reason: { key: 'required', params: { field } },
      });
    await applyLanguage('pt-BR');
    expect(required('scheduledFor')).toBe('data: campo obrigatório');
    expect(required('items.0.timeboxMinutes')).toBe('tempo previsto: campo obrigatório');
    expect(required('mystery')).toBe('mystery: campo obrigatório');
    await applyLanguage('en');
    expect(required('scheduledFor')).toBe('scheduledFor: required');
  });
});
