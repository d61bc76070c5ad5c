/**
 * A meeting's memo, made from its record (`shared/meetingRecord.ts`) by pure functions, so the page,
 * the Markdown download and the CSV download (`shared/memoExport.ts`) always say the same thing.
 * Every string a reader sees comes from a `MemoLanguage` (English `MEMO_TEXT` unless another is
 * passed: the client passes the reader's); times are UTC until the memo is given a time zone.
 */
import type { ReviewOutcome } from './ledger.ts';
import type { MeetingRecord } from './meetingRecord.ts';
import {
  ENGLISH_MEMO,
  formatDay,
  formatDelta,
  formatMinutes,
  MEMO_TEXT,
  type MemoLanguage,
  utcTime,
} from './memoText.ts';

export { ENGLISH_MEMO, MEMO_TEXT, type MemoLanguage };

const MINUTE_MS = 60_000;

export interface MemoHeader {
  objective: string | null;
  title: string;
  date: string;
  /** "09:00–10:45 UTC", or null before the meeting started. */
  time: string | null;
  /** "1 h 45 min", or null until the meeting closed. */
  duration: string | null;
}

export interface MemoAttendee {
  name: string;
  agency: string;
}

export interface MemoCommitment {
  id: string;
  text: string;
  agency: string;
  person: string;
  /** Agency and person, as one cell. */
  owner: string;
  dueDate: string;
  due: string;
  goal: string;
}

export interface MemoDecisionGroup {
  itemId: string | null;
  title: string;
  /** The notes of an item of kind `decision`: what was decided, in the room's words. */
  decided: string | null;
  commitments: MemoCommitment[];
}

export interface MemoReviewRow extends MemoCommitment {
  outcomeKind: ReviewOutcome | null;
  /** The outcome in words: "Kept open — new due date 20 Jan 2027". */
  outcome: string;
  timesCarried: number;
  overdue: boolean;
  /** "carried 2× · overdue", or "" when neither. */
  followUp: string;
}

export interface MemoTimeRow {
  id: string;
  title: string;
  box: string;
  spent: string;
  /** Spent minus box, in whole minutes (0 for an item never reached). */
  deltaMinutes: number;
  delta: string;
}

export interface MemoCorrection {
  indicatorId: string;
  indicator: string;
  period: string;
  text: string;
}

export interface Memo {
  draft: boolean;
  header: MemoHeader;
  attendance: { present: MemoAttendee[]; absent: MemoAttendee[] };
  decisions: MemoDecisionGroup[];
  newCommitments: MemoCommitment[];
  review: MemoReviewRow[];
  time: { rows: MemoTimeRow[]; total: Omit<MemoTimeRow, 'id' | 'title'> };
  corrections: MemoCorrection[];
}

// ── the model ─────────────────────────────────────────────────────────────────────────────────

function header(record: MeetingRecord, { text, dateLocale }: MemoLanguage): MemoHeader {
  const { startedAt, closedAt } = record.live;
  let time: string | null = null;
  if (startedAt !== null)
    time =
      closedAt === null
        ? text.timeFrom(utcTime(startedAt))
        : text.timeRange(utcTime(startedAt), utcTime(closedAt));
  return {
    objective: record.names.objective,
    title: record.meeting.title,
    date: formatDay(record.meeting.scheduledFor, 'EEEE d MMMM yyyy', dateLocale),
    time,
    duration:
      startedAt !== null && closedAt !== null
        ? formatMinutes((closedAt - startedAt) / MINUTE_MS, text)
        : null,
  };
}

function commitmentOf(
  record: MeetingRecord,
  commitment: MeetingRecord['made'][number],
  language: MemoLanguage,
): MemoCommitment {
  const agency = record.names.agencies[commitment.ownerAgencyId] ?? commitment.ownerAgencyId;
  const person = commitment.ownerPerson.trim();
  return {
    id: commitment.id,
    text: commitment.text,
    agency,
    person,
    owner: person ? `${agency}, ${person}` : agency,
    dueDate: commitment.dueDate,
    due: formatDay(commitment.dueDate, undefined, language.dateLocale),
    goal: record.names.goals[commitment.goalId] ?? commitment.goalId,
  };
}

function decisions(record: MeetingRecord, language: MemoLanguage): MemoDecisionGroup[] {
  const made = record.made.map((commitment) => ({
    itemId: commitment.madeInItemId,
    memo: commitmentOf(record, commitment, language),
  }));
  const onAgenda = new Set(record.agenda.map((item) => item.id));
  const groups = record.agenda.flatMap((item): MemoDecisionGroup[] => {
    const decided = item.kind === 'decision' && item.notes.trim() ? item.notes.trim() : null;
    const commitments = made.filter((entry) => entry.itemId === item.id).map((entry) => entry.memo);
    return decided || commitments.length
      ? [{ itemId: item.id, title: item.title, decided, commitments }]
      : [];
  });
  const elsewhere = made
    .filter((entry) => entry.itemId === null || !onAgenda.has(entry.itemId))
    .map((entry) => entry.memo);
  if (elsewhere.length)
    groups.push({ itemId: null, title: language.text.outsideAgenda, decided: null, commitments: elsewhere });
  return groups;
}

function outcomeText(
  review: MeetingRecord['followUp'][number]['review'],
  { text, dateLocale }: MemoLanguage,
): string {
  if (!review) return text.outcome.notReviewed;
  switch (review.outcome) {
    case 'done':
      return text.outcome.done;
    case 'kept_open':
      return text.outcome.keptOpen(formatDay(review.newDueDate ?? '', undefined, dateLocale));
    case 'dropped':
      return text.outcome.dropped(review.reason ?? '');
    case 'escalated':
      return text.outcome.escalated;
  }
}

function reviewRows(record: MeetingRecord, language: MemoLanguage): MemoReviewRow[] {
  const { text } = language;
  return record.followUp.map((entry) => {
    const notes = [
      entry.timesCarried > 0 ? text.carried(entry.timesCarried) : '',
      entry.overdue ? text.overdue : '',
    ].filter(Boolean);
    return {
      ...commitmentOf(record, entry.commitment, language),
      // The due date the meeting reviewed against (a later review may have moved it since).
      dueDate: entry.dueDateThen,
      due: formatDay(entry.dueDateThen, undefined, language.dateLocale),
      outcomeKind: entry.review?.outcome ?? null,
      outcome: outcomeText(entry.review, language),
      timesCarried: entry.timesCarried,
      overdue: entry.overdue,
      followUp: notes.join(' · '),
    };
  });
}

function timeRows(record: MeetingRecord, { text }: MemoLanguage): Memo['time'] {
  let boxTotal = 0;
  let spentTotal = 0;
  const rows = record.agenda.map((item): MemoTimeRow => {
    const spentMinutes = Math.round(item.spentMs / MINUTE_MS);
    const extension = Math.round(Math.max(0, item.allowedMs - item.timeboxMinutes * MINUTE_MS) / MINUTE_MS);
    const reached = item.spentMs > 0;
    boxTotal += item.timeboxMinutes;
    spentTotal += spentMinutes;
    const box = formatMinutes(item.timeboxMinutes, text);
    return {
      id: item.id,
      title: item.title,
      box: extension > 0 ? text.boxExtended(box, formatMinutes(extension, text)) : box,
      spent: reached ? formatMinutes(spentMinutes, text) : text.noSpent,
      deltaMinutes: reached ? spentMinutes - item.timeboxMinutes : 0,
      delta: reached ? formatDelta(spentMinutes - item.timeboxMinutes, text) : text.notReached,
    };
  });
  const deltaMinutes = spentTotal - boxTotal;
  return {
    rows,
    total: {
      box: formatMinutes(boxTotal, text),
      spent: formatMinutes(spentTotal, text),
      deltaMinutes,
      delta: formatDelta(deltaMinutes, text),
    },
  };
}

function correctionRows(record: MeetingRecord, { text, dateLocale, number }: MemoLanguage): MemoCorrection[] {
  const year = record.meeting.scheduledFor.slice(0, 4);
  return record.pinned.flatMap((series) => {
    const indicator = record.names.indicators[series.indicatorId]?.name ?? series.indicatorId;
    return series.corrections.map((correction) => {
      const pinned = number(correction.pinned);
      const line =
        correction.current === null || correction.correctedAt === null
          ? text.removed(indicator, correction.period, pinned)
          : text.correction(
              indicator,
              correction.period,
              pinned,
              number(correction.current),
              formatDay(
                correction.correctedAt,
                correction.correctedAt.startsWith(year) ? 'd MMM' : 'd MMM yyyy',
                dateLocale,
              ),
            );
      return { indicatorId: series.indicatorId, indicator, period: correction.period, text: line };
    });
  });
}

/** Everything the memo page shows, in the order it shows it, in `language` (English by default). */
export function buildMemo(record: MeetingRecord, language: MemoLanguage = ENGLISH_MEMO): Memo {
  const attendees = record.attendance.map((attendee) => ({
    present: attendee.present,
    memo: { name: attendee.name, agency: record.names.agencies[attendee.agency] ?? attendee.agency },
  }));
  return {
    draft: record.live.phase !== 'closed',
    header: header(record, language),
    attendance: {
      present: attendees.filter((entry) => entry.present).map((entry) => entry.memo),
      absent: attendees.filter((entry) => !entry.present).map((entry) => entry.memo),
    },
    decisions: decisions(record, language),
    newCommitments: record.made.map((commitment) => commitmentOf(record, commitment, language)),
    review: reviewRows(record, language),
    time: timeRows(record, language),
    corrections: correctionRows(record, language),
  };
}

/** `citizen-security-stocktake-2026-12-01.md`: ASCII only, safe in a Content-Disposition header. */
export function memoFileName(
  record: MeetingRecord,
  suffix: string,
  language: MemoLanguage = ENGLISH_MEMO,
): string {
  const slug = record.meeting.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(record.meeting.scheduledFor) ? record.meeting.scheduledFor : '';
  return `${[slug || language.text.fallbackSlug, day].filter(Boolean).join('-')}${suffix}`;
}
