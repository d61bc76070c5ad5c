/**
 * The ledger as CSV: RFC 4180 (CRLF rows), each field written by the memo export's `csvCell`, which
 * quotes what needs it and neutralises cells a spreadsheet would run as a formula (OWASP "CSV
 * injection"). The dependencies hold a CSV parser but no writer, and a writer is those few lines.
 */
import type { CommitmentRow } from '../../../../shared/commitmentRows.ts';
import { csvCell } from '../../../../shared/memoExport.ts';

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

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
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
