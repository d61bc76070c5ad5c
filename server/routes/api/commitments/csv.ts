/**
 * The ledger as CSV (RFC 4180: CRLF rows, fields quoted when they hold a comma, quote or line
 * break, quotes doubled). The repository has a CSV parser but no writer, and quoting is these few
 * lines. Cells that a spreadsheet would run as a formula are neutralised (OWASP "CSV injection").
 */
import type { CommitmentRow } from '../../../../shared/commitmentRows.ts';

export const COMMITMENT_CSV_HEADER = [
  'id',
  'objective',
  'agency',
  'owner',
  'text',
  'due date',
  'status',
  'overdue',
  'times carried',
  'made in meeting',
  'created at',
  'closed at',
] as const;

/** Excel reads a UTF-8 file without this mark as the local code page, garbling accented names. */
export const UTF8_BOM = '\uFEFF';

/** A leading quote makes a spreadsheet show `=HYPERLINK(…)` as text instead of running it. */
function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
  const safe = neutralised(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function commitmentCsvValues(row: CommitmentRow): string[] {
  return [
    row.id,
    row.objectiveName ?? row.objectiveId,
    row.ownerAgencyName ?? row.ownerAgencyId,
    row.ownerPerson,
    row.text,
    row.dueDate,
    row.status,
    row.overdue ? 'yes' : 'no',
    String(row.timesCarried),
    row.madeInMeetingDate ?? '',
    row.createdAt,
    row.closedAt ?? '',
  ];
}
