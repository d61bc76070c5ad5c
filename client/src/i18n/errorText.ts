/**
 * A server error in the reader's language. English readers get the server's own message (it names
 * the field and value); other languages get the reason's translation, else the code's.
 */
import type { ErrorReason } from '../../../shared/errors.ts';
import { i18next } from './i18n.ts';
import { currentLanguage } from './locale.ts';

export interface ServerError {
  code: string;
  message: string;
  reason?: ErrorReason | undefined;
}

/** Keys built at run time from the wire: checked with `exists`, so the typed `t` is bypassed. */
const translate = (key: string, params?: Record<string, string | number>): string =>
  String(i18next.t(key as never, params as never));

/**
 * A field path from the API (`timeboxMinutes`, `items.0.title`) in words, from its last named
 * segment; an unknown field keeps its API name.
 */
function fieldInWords(path: string): string {
  const name =
    path
      .split('.')
      .filter((segment) => !/^\d+$/.test(segment))
      .pop() ?? path;
  const key = `errors:field.${name}`;
  return i18next.exists(key) ? translate(key) : path;
}

export function errorText(error: ServerError): string {
  if (currentLanguage() === 'en') return error.message;
  const reasonKey = error.reason ? `errors:reason.${error.reason.key}` : null;
  if (reasonKey && i18next.exists(reasonKey)) {
    const params = { ...error.reason?.params };
    if (typeof params.field === 'string') params.field = fieldInWords(params.field);
    return translate(reasonKey, params);
  }
  const codeKey = `errors:code.${error.code}`;
  return translate(i18next.exists(codeKey) ? codeKey : 'errors:code.internal');
}
