/**
 * The one i18next instance. English is bundled and ready on import (so any module can format or
 * translate at once); Portuguese and Spanish are separate chunks, fetched when a person picks them.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/languages.ts';
import { NAMESPACES } from './catalogue.ts';
import { catalogues as english } from './locales/en/index.ts';

type Catalogues = Record<string, Record<string, unknown>>;

const loaders: Record<Exclude<Language, 'en'>, () => Promise<Catalogues>> = {
  'pt-BR': () => import('./locales/pt-BR/index.ts').then((module) => module.catalogues),
  es: () => import('./locales/es/index.ts').then((module) => module.catalogues),
};

void i18next.use(initReactI18next).init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['en', 'pt-BR', 'es'],
  // "pt-BR" must not also look up a "pt" that does not exist.
  load: 'currentOnly',
  ns: [...NAMESPACES],
  defaultNS: 'common',
  resources: { en: english },
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  initAsync: false,
});

/**
 * Portuguese and Spanish have a "many" plural (1 000 000 "de itens"); a catalogue may leave it out,
 * and then reads its "other" form rather than falling back to English.
 */
function withManyForms(node: object): object {
  const entries = Object.entries(node);
  const filled: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    filled[key] = typeof value === 'object' && value !== null ? withManyForms(value) : value;
    const base = key.endsWith('_other') ? key.slice(0, -'_other'.length) : null;
    if (base !== null && !(`${base}_many` in node)) filled[`${base}_many`] = value;
  }
  return filled;
}

/** Loads `language`'s catalogues if need be, switches to it and labels the page with it. */
export async function applyLanguage(language: Language): Promise<void> {
  if (language !== 'en' && !i18next.hasResourceBundle(language, 'common')) {
    const catalogues = await loaders[language]();
    for (const [namespace, resources] of Object.entries(catalogues))
      i18next.addResourceBundle(language, namespace, withManyForms(resources), true, true);
  }
  await i18next.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export { i18next };
