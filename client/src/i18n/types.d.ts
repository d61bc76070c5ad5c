/** Typed keys and interpolation values for `t()`, from the English catalogues. */
import 'i18next';
import type { catalogues } from './locales/en/index.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof catalogues;
  }
}
