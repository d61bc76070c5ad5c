/**
 * A commitment's history in plain words: what happened ("Kept open in the meeting of Mon 9 Mar
 * 2026"), and each field's change ("Due date: Sun 1 Mar 2020 → Wed 1 Apr 2020"), with agency and
 * meeting ids turned into names and dates.
 */
import { format, isValid, parseISO } from 'date-fns';
import type { HistoryEntry, HistoryField, ReviewOutcome } from '../../../../shared/ledger.ts';

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

export function formatDay(day: string): string {
  const date = parseISO(day);
  return isValid(date) ? format(date, 'EEE d MMM yyyy') : day;
}

export function formatInstant(ms: number): string {
  return format(new Date(ms), 'd MMM yyyy, HH:mm');
}

const FIELD_LABELS: Record<HistoryField, string> = {
  text: 'Text',
  ownerAgencyId: 'Owner agency',
  ownerPerson: 'Owner',
  dueDate: 'Due date',
  status: 'Status',
  goalId: 'Goal',
  indicatorId: 'Indicator',
  dropReason: 'Reason for dropping',
  escalated: 'On the chair’s agenda',
};

const OUTCOME_WORDS: Record<ReviewOutcome, string> = {
  done: 'Marked done',
  kept_open: 'Kept open',
  dropped: 'Dropped',
  escalated: 'Escalated to the chair',
};

function where(meetingId: string | null, names: HistoryNames): string {
  if (meetingId === null) return 'between meetings';
  const date = names.meetingDate(meetingId);
  return date ? `in the meeting of ${formatDay(date)}` : 'in a meeting';
}

function value(field: HistoryField, raw: string | null, names: HistoryNames): string {
  if (raw === null || raw === '') return field === 'ownerPerson' ? 'nobody named' : 'none';
  switch (field) {
    case 'ownerAgencyId':
      return names.agencyName(raw) ?? raw;
    case 'dueDate':
      return formatDay(raw);
    case 'escalated':
      return raw === 'true' ? 'yes' : 'no';
    case 'text':
    case 'dropReason':
      return `“${raw}”`;
    default:
      return raw;
  }
}

/** What a new commitment said: its owner and due date, and its first wording if it changed since. */
function madeDetails(entry: HistoryEntry, names: HistoryNames): string[] {
  const to = (field: HistoryField) => entry.changes.find((change) => change.field === field)?.to ?? null;
  const agency = to('ownerAgencyId');
  const person = to('ownerPerson');
  const owner = [agency ? value('ownerAgencyId', agency, names) : null, person || null]
    .filter(Boolean)
    .join(' · ');
  const due = to('dueDate');
  const first = to('text');
  return [
    ...(owner ? [`Owner: ${owner}`] : []),
    ...(due ? [`Due date: ${formatDay(due)}`] : []),
    ...(first && first !== names.currentText ? [`First worded: ${value('text', first, names)}`] : []),
  ];
}

export function describeHistoryEntry(entry: HistoryEntry, names: HistoryNames): HistoryLine {
  const place = where(entry.meetingId, names);
  const action =
    entry.action === 'created'
      ? 'Made'
      : entry.action === 'reviewed' && entry.review
        ? OUTCOME_WORDS[entry.review]
        : 'Changed';
  const headline = `${action} ${place}`;
  if (entry.action === 'created') return { headline, details: madeDetails(entry, names) };
  const details = entry.changes.map(
    (change) =>
      `${FIELD_LABELS[change.field]}: ${value(change.field, change.from, names)} → ${value(change.field, change.to, names)}`,
  );
  return { headline, details: details.length > 0 ? details : ['No field changed'] };
}
