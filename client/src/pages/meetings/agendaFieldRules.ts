/**
 * The agenda fields' rules in the words people read (in their language, at the time of parsing). The
 * shared zod schema stays the authority (`agendaItemFieldsSchema`); these only phrase its verdict.
 */
import { agendaItemFieldsSchema } from '../../../../shared/meetingDoc.ts';
import { i18next } from '../../i18n/i18n.ts';
import type { ParseResult } from './useDraftField.ts';

export const TIMEBOX_MIN = 1;
export const TIMEBOX_MAX = 180;

export function parseTitle(text: string): ParseResult<string> {
  const result = agendaItemFieldsSchema.shape.title.safeParse(text);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    error: text.trim() ? i18next.t('meetings:rules.titleTooLong') : i18next.t('meetings:rules.titleEmpty'),
  };
}

export function parsePresenter(text: string): ParseResult<string> {
  const result = agendaItemFieldsSchema.shape.presenterAgency.safeParse(text);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: i18next.t('meetings:rules.presenterTooLong') };
}

export function parseTimebox(text: string): ParseResult<number> {
  const trimmed = text.trim();
  const minutes = trimmed === '' ? Number.NaN : Number(trimmed);
  const result = agendaItemFieldsSchema.shape.timeboxMinutes.safeParse(minutes);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    error: i18next.t('meetings:rules.timebox', { min: TIMEBOX_MIN, max: TIMEBOX_MAX }),
  };
}
