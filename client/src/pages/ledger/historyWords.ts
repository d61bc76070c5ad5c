/**
 * A commitment's history in plain words: what happened ("Kept open in the meeting of Mon 9 Mar
 * 2026"), and each field's change ("Due date: Sun 1 Mar 2020 → Wed 1 Apr 2020"), with agency and
 * meeting ids turned into names and dates, in the reader's language (`t` of the `ledger` namespace).
 */
import { format, isValid, parseISO } from 'date-fns';
import type { TFunction } from 'i18next';
import type { HistoryEntry, HistoryField } from '../../../../shared/ledger.ts';
import { dateLocale } from '../../i18n/locale.ts';

export interface HistoryNames {
  agencyName(id: string): string | undefined;
  /** Its text now: a first wording is shown only when it has since been reworded. */
  currentText?: string;
  /** The meeting's date (`YYYY-MM-DD`), once known. */
  meetingDate(id: string): string | undefined;
}

export interface HistoryLine {
  headline: string;
  details: string[];
}

type LedgerT = TFunction<'ledger'>;

export function formatDay(day: string): string {
  const date = parseISO(day);
  return isValid(date) ? format(date, 'EEE d MMM yyyy', { locale: dateLocale() }) : day;
}

export function formatInstant(ms: number): string {
  return format(new Date(ms), 'd MMM yyyy, HH:mm', { locale: dateLocale() });
}

const STATUS_VALUES = ['open', 'done', 'dropped'] as const;
const isStatus = (raw: string): raw is (typeof STATUS_VALUES)[number] =>
  (STATUS_VALUES as readonly string[]).includes(raw);

function where(meetingId: string | null, names: HistoryNames, t: LedgerT): string {
  if (meetingId === null) return t('history.betweenMeetings');
  const date = names.meetingDate(meetingId);
  return date ? t('history.inMeetingOf', { date: formatDay(date) }) : t('history.inAMeeting');
}

function value(field: HistoryField, raw: string | null, names: HistoryNames, t: LedgerT): string {
  if (raw === null || raw === '')
    return field === 'ownerPerson' ? t('history.nobodyNamed') : t('history.noValue');
  switch (field) {
    case 'ownerAgencyId':
      return names.agencyName(raw) ?? raw;
    case 'dueDate':
      return formatDay(raw);
    case 'escalated':
      return raw === 'true' ? t('history.yes') : t('history.no');
    case 'status':
      return isStatus(raw) ? t(`history.statusValue.${raw}`) : raw;
    case 'text':
    case 'dropReason':
      return t('history.quoted', { text: raw });
    default:
      return raw;
  }
}

/** What a new commitment said: its owner and due date, and its first wording if it changed since. */
function madeDetails(entry: HistoryEntry, names: HistoryNames, t: LedgerT): string[] {
  const to = (field: HistoryField) => entry.changes.find((change) => change.field === field)?.to ?? null;
  const agency = to('ownerAgencyId');
  const person = to('ownerPerson');
  const owner = [agency ? value('ownerAgencyId', agency, names, t) : null, person || null]
    .filter(Boolean)
    .join(' · ');
  const due = to('dueDate');
  const first = to('text');
  return [
    ...(owner ? [t('history.owner', { owner })] : []),
    ...(due ? [t('history.dueDate', { date: formatDay(due) })] : []),
    ...(first && first !== names.currentText
      ? [t('history.firstWorded', { text: value('text', first, names, t) })]
      : []),
  ];
}

export function describeHistoryEntry(entry: HistoryEntry, names: HistoryNames, t: LedgerT): HistoryLine {
  const place = where(entry.meetingId, names, t);
  const action =
    entry.action === 'created'
      ? t('history.made')
      : entry.action === 'reviewed' && entry.review
        ? t(`history.outcome.${entry.review}`)
        : t('history.changed');
  const headline = t('history.headline', { action, place });
  if (entry.action === 'created') return { headline, details: madeDetails(entry, names, t) };
  const details = entry.changes.map((change) =>
    t('history.change', {
      field: t(`history.field.${change.field}`),
      from: value(change.field, change.from, names, t),
      to: value(change.field, change.to, names, t),
    }),
  );
  return { headline, details: details.length > 0 ? details : [t('history.noChange')] };
}
