/**
 * The streamed, all-or-nothing CSV import, independent of HTTP: rows are parsed as the bytes
 * arrive, each is validated as it comes (progress is reported every few hundred rows), and only a
 * file without a single bad row is handed to the importer's `commit`, which writes it in one
 * transaction. Every bad row is reported with its line number, up to a cap.
 *
 * Parsing is csv-parse's streaming parser: RFC 4180 quoting (commas, quotes and newlines inside
 * quoted cells, as spreadsheets export them), a BOM from Excel, line numbers per record, and
 * backpressure, so a 100,000-row file never sits whole in memory as text.
 */
import { parse } from 'csv-parse';
import type { ImportEvent, ImportRowError } from '../../../shared/performance.ts';
import { AppError } from '../../http/errors.ts';

export const PROGRESS_EVERY_ROWS = 500;
export const MAX_REPORTED_ERRORS = 200;
export const MAX_ROWS = 1_000_000;

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** One data row: its cells by (lower-case) column name, trimmed. */
export interface CsvRow {
  /** 1-based line number in the file; the header is line 1. */
  line: number;
  /** The cell's trimmed text; `undefined` when the file has no such column. */
  cell(column: string): string | undefined;
}

export interface CsvImporter<Row> {
  requiredColumns: readonly string[];
  /** Loads what validation needs (known ids…); called once, after the header is read. */
  prepare(columns: ReadonlySet<string>): Promise<void>;
  /** A valid row, or the reasons it is not. */
  validate(row: CsvRow): Row | ImportRowError[];
  /** Writes every row in one transaction; only called when no row was bad. */
  commit(rows: Row[]): Promise<ImportCounts>;
}

export type Emit = (event: ImportEvent) => Promise<void> | void;

function rowError(row: number, field: string | null, message: string): ImportRowError {
  return { row, field, message };
}

/** Runs an import over a byte stream, emitting progress and exactly one final `done` or `failed`. */
export async function runCsvImport<Row>(
  source: NodeJS.ReadableStream,
  importer: CsvImporter<Row>,
  emit: Emit,
  onCommitError: (error: unknown) => void = () => {},
): Promise<ImportEvent> {
  const errors: ImportRowError[] = [];
  let errorCount = 0;
  const report = (error: ImportRowError) => {
    errorCount += 1;
    if (errors.length < MAX_REPORTED_ERRORS) errors.push(error);
  };

  const parser = parse({
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
  });
  // A request that breaks off mid-file must end the parse too, or the loop below would hang.
  source.on('error', (error: Error) => parser.destroy(error));
  source.pipe(parser);

  const rows: Row[] = [];
  let header: Map<string, number> | null = null;
  let headerOk = false;
  let rowsRead = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!header) {
        header = new Map(record.map((name, index) => [name.toLowerCase(), index]));
        const missing = importer.requiredColumns.filter((column) => !header?.has(column));
        for (const column of missing) report(rowError(info.lines, column, `Missing column "${column}"`));
        headerOk = missing.length === 0;
        if (headerOk) await importer.prepare(new Set(header.keys()));
        continue;
      }
      rowsRead += 1;
      if (rowsRead % PROGRESS_EVERY_ROWS === 0) await emit({ type: 'progress', rowsRead });
      // Past a fatal header problem or the row cap, the rest of the file is only read and counted.
      if (!headerOk) continue;
      if (rowsRead > MAX_ROWS) {
        if (rowsRead === MAX_ROWS + 1)
          report(rowError(info.lines, null, `A file may hold at most ${MAX_ROWS} rows`));
        continue;
      }
      if (record.length !== header.size) {
        report(rowError(info.lines, null, `Expected ${header.size} values, found ${record.length}`));
        continue;
      }
      const columns = header;
      const result = importer.validate({
        line: info.lines,
        cell: (column) => {
          const index = columns.get(column);
          return index === undefined ? undefined : record[index];
        },
      });
      if (Array.isArray(result)) for (const error of result) report(error);
      else if (errorCount === 0) rows.push(result);
    }
  } catch (error) {
    const parseError = error as { lines?: number; message?: string };
    report(
      rowError(
        parseError.lines ?? rowsRead + 2,
        null,
        `Unreadable CSV: ${parseError.message ?? 'parse error'}`,
      ),
    );
  }
  if (!header) report(rowError(1, null, 'The file is empty: expected a header line'));

  let final: ImportEvent;
  if (errorCount > 0) {
    final = { type: 'failed', rowsRead, errors, truncated: errorCount > errors.length };
  } else {
    try {
      final = { type: 'done', rowsRead, ...(await importer.commit(rows)) };
    } catch (error) {
      // The transaction rolled back, so nothing changed: say so rather than leave the stream hanging.
      onCommitError(error);
      const message = error instanceof AppError ? error.message : 'The import could not be saved';
      final = {
        type: 'failed',
        rowsRead,
        errors: [rowError(0, null, `Nothing was imported: ${message}`)],
        truncated: false,
      };
    }
  }
  await emit(final);
  return final;
}
