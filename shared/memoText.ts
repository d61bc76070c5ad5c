/**
 * The memo's words and formats, in one place: every string a reader of the memo sees (page,
 * Markdown, CSV), and how dates, times, durations and numbers are written. `MEMO_TEXT` is English
 * (the server's downloads and the default everywhere); the client builds a `MemoLanguage` from its
 * `memo` catalogue so that a reader in Recife or Santiago gets the memo in their language. Times are
 * in UTC for now.
 */
import { format, isValid, type Locale, parseISO } from 'date-fns';

export const MEMO_TEXT = {
  heading: 'Meeting memo',
  draft: 'Draft memo — the meeting is not closed',
  objective: 'Objective',
  date: 'Date',
  time: 'Time',
  duration: 'Duration',
  notStarted: 'Not started',
  timeRange: (start: string, end: string) => `${start}–${end} UTC`,
  timeFrom: (start: string) => `From ${start} UTC (still running)`,
  sections: {
    attendance: 'Attendance',
    decisions: 'Decisions',
    newCommitments: 'New commitments',
    review: 'Review of previous commitments',
    time: 'Time per item',
    corrections: 'Data corrections since the meeting',
  },
  present: 'Present',
  absent: 'Absent',
  nobody: 'Nobody',
  empty: {
    attendance: 'No attendance was recorded.',
    decisions: 'No decisions were recorded.',
    newCommitments: 'No commitments were made.',
    review: 'No previous commitments were open.',
    time: 'The agenda was empty.',
    corrections: 'None of the data shown in the meeting has been corrected since.',
  },
  outsideAgenda: 'Outside the agenda',
  decisionNotes: 'Decided',
  columns: {
    commitment: 'Commitment',
    owner: 'Owner',
    due: 'Due',
    goal: 'Goal',
    outcome: 'Outcome',
    followUp: 'Follow-up',
    item: 'Item',
    box: 'Time box',
    spent: 'Spent',
    delta: 'Over / under',
    total: 'Total',
  },
  outcome: {
    done: 'Done',
    keptOpen: (date: string) => `Kept open — new due date ${date}`,
    dropped: (reason: string) => `Dropped — ${reason}`,
    escalated: 'Escalated to the chair',
    notReviewed: 'Not reviewed',
  },
  commitmentLine: (owner: string, due: string) => `${owner}; due ${due}`,
  carried: (times: number) => `carried ${times}×`,
  overdue: 'overdue',
  minutes: (minutes: number) => `${minutes} min`,
  hoursMinutes: (hours: number, minutes: number) => `${hours} h ${minutes} min`,
  boxExtended: (box: string, extension: string) => `${box} (+${extension} extended)`,
  over: (minutes: string) => `${minutes} over`,
  under: (minutes: string) => `${minutes} under`,
  onTime: 'on time',
  notReached: 'not reached',
  noSpent: '—',
  correction: (indicator: string, period: string, pinned: string, current: string, on: string) =>
    `${indicator}, ${period}: ${pinned} → ${current}, corrected on ${on}`,
  removed: (indicator: string, period: string, pinned: string) =>
    `${indicator}, ${period}: ${pinned} → removed since`,
  csvHeader: ['kind', 'text', 'owner agency', 'owner person', 'due date', 'goal', 'outcome', 'times carried'],
  csvKind: { new: 'new', reviewed: 'reviewed' },
  fallbackSlug: 'meeting',
  page: {
    meetings: 'Meetings',
    print: 'Print / Save as PDF',
    markdown: 'Download Markdown',
    csv: 'Download CSV',
    csvHint: 'Commitments, new and reviewed',
    presentCount: (count: number) => `Present (${count})`,
    absentCount: (count: number) => `Absent (${count})`,
  },
} as const;

/** `MEMO_TEXT`'s shape with any text: its strings as `string`, its phrases as functions. */
type Words<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : T extends readonly string[]
      ? readonly string[]
      : { readonly [K in keyof T]: Words<T[K]> };

/** The memo's words in one language. */
export type MemoWords = Words<typeof MEMO_TEXT>;

/** A language the memo is written in: its words, and how it writes days and numbers. */
export interface MemoLanguage {
  text: MemoWords;
  /** Day and month names ("terça-feira 8 dezembro 2026"); date-fns's English when absent. */
  dateLocale?: Locale | undefined;
  /** A data value: "1,234.5" in English, "1.234,5" in Portuguese. */
  number(value: number): string;
}

// ── formatting (UTC) ──────────────────────────────────────────────────────────────────────────

/** A calendar day `YYYY-MM-DD` as "20 Jan 2027"; anything else is shown as it is. */
export function formatDay(day: string, pattern = 'd MMM yyyy', locale?: Locale): string {
  // A local-midnight date is exact for a whole day in any time zone.
  const date = parseISO(day.slice(0, 10));
  if (!isValid(date)) return day;
  return locale ? format(date, pattern, { locale }) : format(date, pattern);
}

export const utcTime = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

export function formatMinutes(totalMinutes: number, text: MemoWords = MEMO_TEXT): string {
  const minutes = Math.max(0, Math.round(totalMinutes));
  if (minutes < 60) return text.minutes(minutes);
  return text.hoursMinutes(Math.floor(minutes / 60), minutes % 60);
}

export function formatDelta(deltaMinutes: number, text: MemoWords = MEMO_TEXT): string {
  if (deltaMinutes === 0) return text.onTime;
  const amount = formatMinutes(Math.abs(deltaMinutes), text);
  return deltaMinutes > 0 ? text.over(amount) : text.under(amount);
}

const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 4 });
export const formatNumber = (value: number): string => NUMBER.format(value);

/** The memo in English: what the server's downloads are written in. */
export const ENGLISH_MEMO: MemoLanguage = { text: MEMO_TEXT, number: formatNumber };
