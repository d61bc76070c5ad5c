/**
 * The shape every translation must have: the English catalogue's keys, with any text as values.
 * A missing or misspelt key in pt-BR or es fails the type check, not a screen.
 */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

/** The namespaces, one per area of the app; each area's pages call `useTranslation('<area>')`. */
export const NAMESPACES = [
  'common',
  'errors',
  'signin',
  'home',
  'performance',
  'charts',
  'meetings',
  'memo',
  'ledger',
  'room',
  'console',
  'screen',
  'notes',
] as const;
export type Namespace = (typeof NAMESPACES)[number];
