/**
 * The agenda fields' rules in the words people read. The shared zod schema stays the authority
 * (`agendaItemFieldsSchema`); these only phrase its verdict for the form.
 */
import { agendaItemFieldsSchema } from '../../../../shared/meetingDoc.ts';
import type { ParseResult } from './useDraftField.ts';

export const TIMEBOX_MIN = 1;
export const TIMEBOX_MAX = 180;

export function parseTitle(text: string): ParseResult<string> {
  const result = agendaItemFieldsSchema.shape.title.safeParse(text);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    error: text.trim() ? 'Keep the title under 200 characters' : 'The title cannot be empty',
  };
}

export function parsePresenter(text: string): ParseResult<string> {
  const result = agendaItemFieldsSchema.shape.presenterAgency.safeParse(text);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: 'Keep the agency under 120 characters' };
}

export function parseTimebox(text: string): ParseResult<number> {
  const trimmed = text.trim();
  const minutes = trimmed === '' ? Number.NaN : Number(trimmed);
  const result = agendaItemFieldsSchema.shape.timeboxMinutes.safeParse(minutes);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    error: `Time box must be a whole number of minutes from ${TIMEBOX_MIN} to ${TIMEBOX_MAX}`,
  };
}
