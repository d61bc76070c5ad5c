/**
 * The current language for formatting: `Intl` number formats and date-fns locales follow it, so a
 * value reads "1.234,5" in Recife and "1,234.5" in English, and a date "qui 3 dez 2026".
 */
import type { Locale } from 'date-fns';
import { enGB, es, ptBR } from 'date-fns/locale';
import { isLanguage, type Language } from '../../../shared/languages.ts';
import { i18next } from './i18n.ts';

const DATE_LOCALES: Record<Language, Locale> = { en: enGB, 'pt-BR': ptBR, es };

export function currentLanguage(): Language {
  const language = i18next.language;
  return isLanguage(language) ? language : 'en';
}

/** The date-fns locale to pass as `{ locale }` to `format`. */
export function dateLocale(): Locale {
  return DATE_LOCALES[currentLanguage()];
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.NumberFormat` for the current language and these options. */
export function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const language = currentLanguage();
  const key = `${language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    numberFormats.set(key, format);
  }
  return format;
}
