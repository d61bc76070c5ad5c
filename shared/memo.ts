/**
 * A meeting's memo, made from its record (`shared/meetingRecord.ts`) by pure functions, so the page,
 * the Markdown download and the CSV download (`shared/memoExport.ts`) always say the same thing.
 * Every string a reader sees is in `MEMO_TEXT`, ready to be translated; dates are English and UTC
 * until the i18n issue gives them a locale and a time zone.
 */
import type { ReviewOutcome } from './ledger.ts';
import type { MeetingRecord } from './meetingRecord.ts';
import { formatDay, formatDelta, formatMinutes, formatNumber, MEMO_TEXT, utcTime } from './memoText.ts';

export { MEMO_TEXT };

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

function header(record: MeetingRecord): MemoHeader {
  const { startedAt, closedAt } = record.live;
  let time: string | null = null;
  if (startedAt !== null)
    time =
      closedAt === null
        ? MEMO_TEXT.timeFrom(utcTime(startedAt))
        : MEMO_TEXT.timeRange(utcTime(startedAt), utcTime(closedAt));
  return {
    objective: record.names.objective,
    title: record.meeting.title,
    date: formatDay(record.meeting.scheduledFor, 'EEEE d MMMM yyyy'),
    time,
    duration:
      startedAt !== null && closedAt !== null ? formatMinutes((closedAt - startedAt) / MINUTE_MS) : null,
  };
}

function commitmentOf(record: MeetingRecord, commitment: MeetingRecord['made'][number]): MemoCommitment {
  const agency = record.names.agencies[commitment.ownerAgencyId] ?? commitment.ownerAgencyId;
  const person = commitment.ownerPerson.trim();
  return {
    id: commitment.id,
    text: commitment.text,
    agency,
    person,
    owner: person ? `${agency}, ${person}` : agency,
    dueDate: commitment.dueDate,
    due: formatDay(commitment.dueDate),
    goal: record.names.goals[commitment.goalId] ?? commitment.goalId,
  };
}

function decisions(record: MeetingRecord): MemoDecisionGroup[] {
  const made = record.made.map((commitment) => ({
    itemId: commitment.madeInItemId,
    memo: commitmentOf(record, commitment),
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
    groups.push({ itemId: null, title: MEMO_TEXT.outsideAgenda, decided: null, commitments: elsewhere });
  return groups;
}

function outcomeText(review: MeetingRecord['followUp'][number]['review']): string {
  if (!review) return MEMO_TEXT.outcome.notReviewed;
  switch (review.outcome) {
    case 'done':
      return MEMO_TEXT.outcome.done;
    case 'kept_open':
      return MEMO_TEXT.outcome.keptOpen(formatDay(review.newDueDate ?? ''));
    case 'dropped':
      return MEMO_TEXT.outcome.dropped(review.reason ?? '');
    case 'escalated':
      return MEMO_TEXT.outcome.escalated;
  }
}

function reviewRows(record: MeetingRecord): MemoReviewRow[] {
  return record.followUp.map((entry) => {
    const notes = [
      entry.timesCarried > 0 ? MEMO_TEXT.carried(entry.timesCarried) : '',
      entry.overdue ? MEMO_TEXT.overdue : '',
    ].filter(Boolean);
    return {
      ...commitmentOf(record, entry.commitment),
      // The due date the meeting reviewed against (a later review may have moved it since).
      dueDate: entry.dueDateThen,
      due: formatDay(entry.dueDateThen),
      outcomeKind: entry.review?.outcome ?? null,
      outcome: outcomeText(entry.review),
      timesCarried: entry.timesCarried,
      overdue: entry.overdue,
      followUp: notes.join(' · '),
    };
  });
}

function timeRows(record: MeetingRecord): Memo['time'] {
  let boxTotal = 0;
  let spentTotal = 0;
  const rows = record.agenda.map((item): MemoTimeRow => {
    const spentMinutes = Math.round(item.spentMs / MINUTE_MS);
    const extension = Math.round(Math.max(0, item.allowedMs - item.timeboxMinutes * MINUTE_MS) / MINUTE_MS);
    const reached = item.spentMs > 0;
    boxTotal += item.timeboxMinutes;
    spentTotal += spentMinutes;
    const box = formatMinutes(item.timeboxMinutes);
    return {
      id: item.id,
      title: item.title,
      box: extension > 0 ? MEMO_TEXT.boxExtended(box, formatMinutes(extension)) : box,
      spent: reached ? formatMinutes(spentMinutes) : MEMO_TEXT.noSpent,
      deltaMinutes: reached ? spentMinutes - item.timeboxMinutes : 0,
      delta: reached ? formatDelta(spentMinutes - item.timeboxMinutes) : MEMO_TEXT.notReached,
    };
  });
  const deltaMinutes = spentTotal - boxTotal;
  return {
    rows,
    total: {
      box: formatMinutes(boxTotal),
      spent: formatMinutes(spentTotal),
      deltaMinutes,
      delta: formatDelta(deltaMinutes),
    },
  };
}

function correctionRows(record: MeetingRecord): MemoCorrection[] {
  const year = record.meeting.scheduledFor.slice(0, 4);
  return record.pinned.flatMap((series) => {
    const indicator = record.names.indicators[series.indicatorId]?.name ?? series.indicatorId;
    return series.corrections.map((correction) => {
      const pinned = formatNumber(correction.pinned);
      const text =
        correction.current === null || correction.correctedAt === null
          ? MEMO_TEXT.removed(indicator, correction.period, pinned)
          : MEMO_TEXT.correction(
              indicator,
              correction.period,
              pinned,
              formatNumber(correction.current),
              formatDay(
                correction.correctedAt,
                correction.correctedAt.startsWith(year) ? 'd MMM' : 'd MMM yyyy',
              ),
            );
      return { indicatorId: series.indicatorId, indicator, period: correction.period, text };
    });
  });
}

/** Everything the memo page shows, in the order it shows it. */
export function buildMemo(record: MeetingRecord): Memo {
  const attendees = record.attendance.map((attendee) => ({
    present: attendee.present,
    memo: { name: attendee.name, agency: record.names.agencies[attendee.agency] ?? attendee.agency },
  }));
  return {
    draft: record.live.phase !== 'closed',
    header: header(record),
    attendance: {
      present: attendees.filter((entry) => entry.present).map((entry) => entry.memo),
      absent: attendees.filter((entry) => !entry.present).map((entry) => entry.memo),
    },
    decisions: decisions(record),
    newCommitments: record.made.map((commitment) => commitmentOf(record, commitment)),
    review: reviewRows(record),
    time: timeRows(record),
    corrections: correctionRows(record),
  };
}

/** `citizen-security-stocktake-2026-12-01.md`: ASCII only, safe in a Content-Disposition header. */
export function memoFileName(record: MeetingRecord, suffix: string): string {
  const slug = record.meeting.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(record.meeting.scheduledFor) ? record.meeting.scheduledFor : '';
  return `${[slug || MEMO_TEXT.fallbackSlug, day].filter(Boolean).join('-')}${suffix}`;
}
