/**
 * An agenda item's words that every meeting view shows: its kind, and the follow-up item's title,
 * which the server writes in English when it builds an agenda and each reader sees in their language.
 */
import { type AgendaItemKind, FOLLOW_UP_ITEM_TITLE } from '../../../shared/meetingDoc.ts';
import { i18next } from './i18n.ts';

export function agendaKindLabel(kind: AgendaItemKind): string {
  return i18next.t(`common:agendaKind.${kind}`);
}

/** The title as written, except the server's untouched default follow-up title, translated. */
export function agendaItemTitle(title: string): string {
  return title === FOLLOW_UP_ITEM_TITLE ? i18next.t('common:followUpTitle') : title;
}
