/**
 * The memo as files: a Markdown document with the page's sections, and a CSV of its commitments
 * (new and reviewed). Both are made from the same model as the page (`buildMemo`).
 */
import type { MeetingRecord } from './meetingRecord.ts';
import { buildMemo, type Memo, type MemoAttendee, type MemoCommitment } from './memo.ts';
import { ENGLISH_MEMO, type MemoLanguage, type MemoWords } from './memoText.ts';

// ── Markdown ──────────────────────────────────────────────────────────────────────────────────

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * User text as literal Markdown: every character that could start emphasis, code, a link, raw HTML,
 * a heading or a table cell is backslash-escaped (CommonMark allows it before any punctuation).
 */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~&]/g, '\\$&');
}

/** Text that starts a block (a list item, a quoted line) must not read as another list or a rule. */
function escapeBlockStart(line: string): string {
  return line.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** One line of text for a list item or a table cell: its line breaks kept as `<br>`. */
export function mdInline(text: string): string {
  return escapeBlockStart(escapeInline(text.trim())).replace(LINE_BREAK, '<br>');
}

/** For a heading: a heading cannot break, so line breaks become spaces. */
const mdHeading = (text: string): string =>
  escapeBlockStart(escapeInline(text.replace(LINE_BREAK, ' ').trim()));

function mdQuote(text: string): string[] {
  return text
    .trim()
    .split(LINE_BREAK)
    .map((line) => (line.trim() ? `> ${escapeBlockStart(escapeInline(line.trimEnd()))}  ` : '>'));
}

function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(header.map(mdInline)),
    line(header.map(() => '---')),
    ...rows.map((row) => line(row.map(mdInline))),
  ];
}

const attendeeText = (attendee: MemoAttendee) =>
  attendee.agency ? `${attendee.name} (${attendee.agency})` : attendee.name;

const commitmentLine = (commitment: MemoCommitment, text: MemoWords) =>
  `- ${mdInline(commitment.text)} — ${mdInline(text.commitmentLine(commitment.owner, commitment.due))}`;

function section(title: string, body: string[], empty: string): string[] {
  return ['', `## ${mdHeading(title)}`, '', ...(body.length ? body : [mdInline(empty)])];
}

function markdownSections(memo: Memo, text: MemoWords): string[] {
  const { columns, sections, empty } = text;
  const { present, absent } = memo.attendance;
  const attendance =
    present.length || absent.length
      ? [
          `**${text.present}:** ${mdInline(present.map(attendeeText).join(', ') || text.nobody)}  `,
          `**${text.absent}:** ${mdInline(absent.map(attendeeText).join(', ') || text.nobody)}`,
        ]
      : [];
  const decisions = memo.decisions.flatMap((group) => [
    `### ${mdHeading(group.title)}`,
    '',
    ...(group.decided ? [...mdQuote(group.decided), ''] : []),
    ...group.commitments.map((commitment) => commitmentLine(commitment, text)),
    ...(group.commitments.length ? [''] : []),
  ]);
  if (decisions.at(-1) === '') decisions.pop();
  const commitments = memo.newCommitments.length
    ? mdTable(
        [columns.commitment, columns.owner, columns.due, columns.goal],
        memo.newCommitments.map((c) => [c.text, c.owner, c.due, c.goal]),
      )
    : [];
  const review = memo.review.length
    ? mdTable(
        [columns.commitment, columns.owner, columns.outcome, columns.followUp],
        memo.review.map((r) => [r.text, r.owner, r.outcome, r.followUp]),
      )
    : [];
  const { rows, total } = memo.time;
  const time = rows.length
    ? mdTable(
        [columns.item, columns.box, columns.spent, columns.delta],
        [
          ...rows.map((row) => [row.title, row.box, row.spent, row.delta]),
          [columns.total, total.box, total.spent, total.delta],
        ],
      )
    : [];
  return [
    ...section(sections.attendance, attendance, empty.attendance),
    ...section(sections.decisions, decisions, empty.decisions),
    ...section(sections.newCommitments, commitments, empty.newCommitments),
    ...section(sections.review, review, empty.review),
    ...section(sections.time, time, empty.time),
    ...section(
      sections.corrections,
      memo.corrections.map((correction) => `- ${mdInline(correction.text)}`),
      empty.corrections,
    ),
  ];
}

/** The memo as a Markdown document (CommonMark with GitHub tables), in `language` (English by default). */
export function memoMarkdown(record: MeetingRecord, language: MemoLanguage = ENGLISH_MEMO): string {
  const memo = buildMemo(record, language);
  const { header } = memo;
  const { text } = language;
  const facts: [string, string | null][] = [
    [text.objective, header.objective],
    [text.date, header.date],
    [text.time, header.time ?? text.notStarted],
    [text.duration, header.duration],
  ];
  const lines = [
    `# ${mdHeading(`${text.heading}: ${header.title}`)}`,
    '',
    ...(memo.draft ? [`> **${mdInline(text.draft)}**`, ''] : []),
    ...facts
      .filter((fact): fact is [string, string] => fact[1] !== null && fact[1] !== '')
      .map(([label, value]) => `**${mdInline(label)}:** ${mdInline(value)}  `),
    ...markdownSections(memo, text),
  ];
  return `${lines.map((line) => line.replace(/ +$/, (spaces) => (spaces.length >= 2 ? '  ' : ''))).join('\n')}\n`;
}

// ── CSV ───────────────────────────────────────────────────────────────────────────────────────

/**
 * One RFC 4180 field. A value a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or
 * carriage return before one) gets a leading `'` so it is shown as text (OWASP "CSV injection");
 * a field holding a comma, quote or line break is quoted, its quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const csvRow = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** New and reviewed commitments, one per row, with a header row; CRLF line ends. */
export function memoCommitmentsCsv(record: MeetingRecord, language: MemoLanguage = ENGLISH_MEMO): string {
  const memo = buildMemo(record, language);
  const { text } = language;
  const row = (kind: string, c: MemoCommitment, outcome: string, timesCarried: number) =>
    csvRow([kind, c.text, c.agency, c.person, c.dueDate, c.goal, outcome, String(timesCarried)]);
  return [
    csvRow(text.csvHeader),
    ...memo.newCommitments.map((c) => row(text.csvKind.new, c, '', 0)),
    ...memo.review.map((r) => row(text.csvKind.reviewed, r, r.outcome, r.timesCarried)),
  ].join('');
}
