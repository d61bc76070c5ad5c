/**
 * The streamed CSV import, independent of HTTP, in two phases that never hold the event loop:
 *
 * 1. **Read**: rows are parsed as the bytes arrive and validated one by one, in slices of a few
 *    milliseconds with `setImmediate` between them (a 1,000,000-row file would otherwise stall
 *    every live meeting for seconds). Reading stops at the byte limit or past the row cap: the rest
 *    of the body is left unread. Every bad row is reported with its line number, up to a cap.
 * 2. **Write**: only when no row was bad, the rows are written in short transactions of
 *    `importer.rowsPerTransaction` rows, in the importer's write order (writeOrder.ts), yielding
 *    between them. A crash midway leaves part of the file written; importing the same file again
 *    is safe, because rows upsert by key.
 *
 * Parsing is csv-parse's streaming parser: RFC 4180 quoting (commas, quotes and newlines inside
 * quoted cells, as spreadsheets export them), a BOM from Excel, line numbers per record, and
 * backpressure, so a large file never sits whole in memory as text.
 */
import { type Readable, Transform } from 'node:stream';
import { setImmediate as nextMacrotask, setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'csv-parse';
import { reason as errorReason } from '../../../shared/errorReasons.ts';
import type { ErrorReason } from '../../../shared/errors.ts';
import {
  type ImportEvent,
  type ImportRowError,
  type ImportRowWarning,
  MAX_IMPORT_BYTES,
} from '../../../shared/performance.ts';
import { AppError } from '../../http/errors.ts';
import { ErrorList } from './errorList.ts';
import {
  type CsvFormat,
  DEFAULT_FORMAT,
  type Delimiter,
  delimiterName,
  detectDelimiter,
  formatOf,
  normalizeColumnName,
} from './fieldFormats.ts';
import { WriteOrder } from './writeOrder.ts';

export const PROGRESS_EVERY_ROWS = 500;
export const MAX_REPORTED_ERRORS = 200;
/** The most data rows a file may hold: what a file of the byte limit holds in practice. */
export const MAX_ROWS = 1_000_000;
/** The longest record the parser collects (characters): far past any real row, bounding one row's memory. */
export const MAX_RECORD_CHARS = 1_048_576;
/** Reading and validating run for about this long (ms) before the event loop gets a turn. */
export const READ_SLICE_MS = 4;
/**
 * The parser turns each piece of input into records in one synchronous call (~20 µs a row here):
 * a 64 KiB socket read would hold the event loop for ~50 ms, a 4 KiB piece for ~3.
 */
export const PARSE_PIECE_BYTES = 4 * 1024;

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** One data row: its cells by (canonical) column name, trimmed. */
export interface CsvRow {
  /** 1-based line number in the file; the header is line 1. */
  line: number;
  /** How the file writes numbers (decimal comma or point); the comma-separated default when absent. */
  format?: CsvFormat;
  /** The cell's trimmed text; `undefined` when the file has no such column. */
  cell(column: string): string | undefined;
}

export interface CsvImporter<Row> {
  requiredColumns: readonly string[];
  /**
   * Other names a header may give a column, written as `normalizeColumnName` leaves them
   * (`id_indicador` → `indicator_id`). Every header is matched ignoring case, accents and spaces.
   */
  columnAliases?: Readonly<Record<string, string>>;
  /** Columns a file may have besides the required ones (named as known, not "not recognised", in header errors). */
  optionalColumns?: readonly string[];
  /** How many rows one `write` takes: its transaction must stay short (see docs/architecture.md). */
  rowsPerTransaction: number;
  /** Loads what validation needs (known ids…); called once, after the header is read. */
  prepare(columns: ReadonlySet<string>): Promise<void>;
  /** A valid row, or the reasons it is not. */
  validate(row: CsvRow): Row | ImportRowError[];
  /** Rows with the same key are written together (writeOrder.ts); without it, in file order. */
  writeGroup?(row: Row): string;
  /** Writes some valid rows in one transaction; only called once every row of the file is valid. */
  write(rows: Row[]): Promise<ImportCounts>;
  /** Rows that are valid but worth a second look (a value far outside its series), found while validating. */
  warnings?(): ImportRowWarning[];
}

export type Emit = (event: ImportEvent) => Promise<void> | void;
export type FinalEvent = Extract<ImportEvent, { type: 'done' | 'failed' }>;

export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
}

/**
 * How the write phase shares the database: after writing for `burstMs`, it leaves the database
 * alone for `restMs`. On SQLite that is room for the WAL checkpoint worker to copy the WAL in full
 * and let it restart between two commits; without it a long import leaves the worker no choice but
 * a RESTART checkpoint, which holds every writer (the live documents too) back for up to a second.
 */
export interface WritePacing {
  burstMs: number;
  restMs: number;
}

export const SQLITE_WRITE_PACING: WritePacing = { burstMs: 50, restMs: 25 };

/**
 * A chunk whose transaction found SQLite's write lock taken (the checkpoint worker's RESTART) has
 * rolled back whole: it is tried again after a pause, without blocking the event loop meanwhile.
 */
export const BUSY_RETRY_MS = 50;
export const BUSY_RETRIES = 100;

const isBusy = (error: unknown) =>
  typeof (error as { code?: unknown })?.code === 'string' &&
  (error as { code: string }).code.startsWith('SQLITE_BUSY');

export interface ImportOutcome {
  final: FinalEvent;
  /** Reading stopped at the byte limit: the caller answers 413 if it has sent nothing yet. */
  tooLarge: boolean;
}

/** The limits every import runs under; an object, so that a test file can lower them for itself. */
export const importLimits: ImportLimits = { maxBytes: MAX_IMPORT_BYTES, maxRows: MAX_ROWS };

interface ReadResult<Row> {
  rows: WriteOrder<Row>;
  rowsRead: number;
  errors: ErrorList;
  tooLarge: boolean;
}

class TooLarge extends Error {}

const rowError = (row: number, field: string | null, message: string, why: ErrorReason): ImportRowError => ({
  row,
  field,
  message,
  reason: why,
});

/** csv-parse's messages may quote a whole field: keep the start. */
const MAX_PARSE_MESSAGE_CHARS = 200;

export function tooLargeMessage(maxBytes: number): string {
  return `The file is larger than ${formatBytes(maxBytes)}, the most an import reads: split it into smaller files`;
}

export const tooLargeReason = (maxBytes: number): ErrorReason =>
  errorReason('fileTooLarge', { max: formatBytes(maxBytes) });

const formatBytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MiB`;

/**
 * Runs an import over a byte stream, emitting progress; returns the final `done` or `failed` for
 * the caller to send. The source may be left unread past a limit; the caller closes it.
 */
export async function runCsvImport<Row>(
  source: Readable,
  importer: CsvImporter<Row>,
  emit: Emit,
  options: {
    limits?: ImportLimits;
    pacing?: WritePacing | null;
    onWriteError?: (error: unknown) => void;
  } = {},
): Promise<ImportOutcome> {
  const read = await readRows(source, importer, emit, options.limits ?? importLimits);
  const { rowsRead, errors } = read;
  if (errors.count > 0) {
    const final: FinalEvent = {
      type: 'failed',
      rowsRead,
      errors: errors.reported,
      truncated: errors.truncated,
    };
    return { final, tooLarge: read.tooLarge };
  }
  const written = await writeRows(importer, read.rows, options.pacing ?? null);
  if (written.ok) {
    const warnings = importer.warnings?.().slice(0, MAX_REPORTED_ERRORS) ?? [];
    const final: FinalEvent = {
      type: 'done',
      rowsRead,
      ...written.counts,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
    return { final, tooLarge: false };
  }
  options.onWriteError?.(written.error);
  const reason = written.error instanceof AppError ? written.error.message : 'the import could not be saved';
  const message =
    written.rowsWritten === 0
      ? `Nothing was imported: ${reason}`
      : `The import stopped after writing ${written.rowsWritten.toLocaleString('en')} of ${read.rows.size.toLocaleString('en')} rows: ${reason}. Importing the same file again is safe: rows already written count as unchanged.`;
  return {
    final: {
      type: 'failed',
      rowsRead,
      errors: [
        rowError(
          0,
          null,
          message,
          written.rowsWritten === 0
            ? errorReason('importNotSaved')
            : errorReason('importStopped', { written: written.rowsWritten, total: read.rows.size }),
        ),
      ],
      truncated: false,
      rowsWritten: written.rowsWritten,
    },
    tooLarge: false,
  };
}

async function readRows<Row>(
  source: Readable,
  importer: CsvImporter<Row>,
  emit: Emit,
  limits: ImportLimits,
): Promise<ReadResult<Row>> {
  const errors = new ErrorList(MAX_REPORTED_ERRORS);
  const pieces = smallPieces(PARSE_PIECE_BYTES);
  // The delimiter is read off the header line before the parser exists.
  const sniffer = new HeaderSniffer();
  let parser: ReturnType<typeof parse> | null = null;
  /** Ends reading with an error: the parser once there is one, else the header sniffer. */
  const fail = (error: Error) => (parser ?? sniffer).destroy(error);
  const stopReading = () => {
    source.unpipe(pieces);
    source.pause();
  };
  let bytes = 0;
  let tooLarge = false;
  // Registered before `pipe`, so the chunk that passes the limit never reaches the parser.
  const countBytes = (chunk: Buffer | string) => {
    bytes += chunk.length;
    if (bytes <= limits.maxBytes || tooLarge) return;
    tooLarge = true;
    stopReading();
    fail(new TooLarge());
  };
  source.on('data', countBytes);
  // A request that breaks off mid-file must end the parse too, or the loop below would hang.
  const onSourceError = (error: Error) => fail(error);
  source.on('error', onSourceError);
  source.pipe(pieces).pipe(sniffer);

  const rows = new WriteOrder<Row>(importer.writeGroup?.bind(importer));
  let header: Map<string, number> | null = null;
  let headerOk = false;
  let rowsRead = 0;
  let sliceStart = performance.now();
  let format: CsvFormat = DEFAULT_FORMAT;
  try {
    format = formatOf(await sniffer.delimiter);
    parser = parse({
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      max_record_size: MAX_RECORD_CHARS,
      delimiter: format.delimiter,
    });
    sniffer.pipe(parser);
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      // Checking the clock every few dozen rows costs nothing next to validating them.
      if (rowsRead % 64 === 0 && performance.now() - sliceStart > READ_SLICE_MS) {
        await nextMacrotask();
        sliceStart = performance.now();
      }
      if (!header) {
        const read = readHeader(record, importer, format.delimiter, info.lines);
        header = read.columns;
        for (const error of read.errors) errors.add(error);
        headerOk = read.errors.length === 0;
        if (headerOk) await importer.prepare(new Set(header.keys()));
        continue;
      }
      rowsRead += 1;
      if (rowsRead > limits.maxRows) {
        errors.addStop(
          rowError(
            info.lines,
            null,
            `A file may hold at most ${limits.maxRows.toLocaleString('en')} rows: reading stopped at line ${info.lines.toLocaleString('en')}`,
            errorReason('tooManyRows', { max: limits.maxRows, line: info.lines }),
          ),
        );
        break;
      }
      if (rowsRead % PROGRESS_EVERY_ROWS === 0) await emit({ type: 'progress', rowsRead });
      // Past a fatal header problem, the rest of the file is only counted.
      if (!headerOk) continue;
      if (record.length !== header.size) {
        errors.add(
          rowError(
            info.lines,
            null,
            `Expected ${header.size} values, found ${record.length}`,
            errorReason('wrongValueCount', { expected: header.size, found: record.length }),
          ),
        );
        continue;
      }
      const columns = header;
      const result = importer.validate({
        line: info.lines,
        format,
        cell: (column) => {
          const index = columns.get(column);
          return index === undefined ? undefined : record[index];
        },
      });
      if (Array.isArray(result)) {
        for (const error of result) errors.add(error);
        // Nothing will be written: let the valid rows go.
        rows.clear();
      } else if (errors.count === 0) rows.add(result);
    }
  } catch (error) {
    if (tooLarge)
      errors.addStop(rowError(0, null, tooLargeMessage(limits.maxBytes), tooLargeReason(limits.maxBytes)));
    else {
      const parseError = error as { lines?: number; message?: string };
      const message = (parseError.message ?? 'parse error').slice(0, MAX_PARSE_MESSAGE_CHARS);
      errors.addStop(
        rowError(
          parseError.lines ?? rowsRead + 2,
          null,
          `Unreadable CSV: ${message}`,
          errorReason('unreadableCsv'),
        ),
      );
    }
  } finally {
    source.off('data', countBytes);
    source.off('error', onSourceError);
    if (!source.readableEnded) stopReading();
    sniffer.destroy();
    parser?.destroy();
  }
  if (!header && !tooLarge)
    errors.add(rowError(1, null, 'The file is empty: expected a header line', errorReason('fileEmpty')));
  return { rows, rowsRead, errors, tooLarge };
}

/**
 * The header: each name matched ignoring case, accents and spaces, through the importer's aliases.
 * A required column missing is reported with what the header was split into, and at which
 * delimiter, so a file split wrong (or in another language) says so.
 */
function readHeader(
  record: string[],
  importer: CsvImporter<unknown>,
  delimiter: Delimiter,
  line: number,
): { columns: Map<string, number>; errors: ImportRowError[] } {
  const columns = new Map<string, number>();
  const unknown: string[] = [];
  const errors: ImportRowError[] = [];
  const known = new Set<string>([...importer.requiredColumns, ...(importer.optionalColumns ?? [])]);
  const aliases = importer.columnAliases ?? {};
  record.forEach((name, index) => {
    const normalized = normalizeColumnName(name);
    // Own keys only: a header "constructor" is no alias.
    const column = Object.hasOwn(aliases, normalized) ? (aliases[normalized] as string) : normalized;
    if (!known.has(column)) unknown.push(name);
    const earlier = columns.get(column);
    if (earlier !== undefined) {
      errors.push(
        rowError(
          line,
          column,
          `Columns ${quoteHeader(record[earlier] ?? '')} and ${quoteHeader(name)} both name ${column}`,
          errorReason('duplicateColumn', {
            first: quoteHeader(record[earlier] ?? ''),
            second: quoteHeader(name),
            column,
          }),
        ),
      );
    } else columns.set(column, index);
  });
  const missing = importer.requiredColumns.filter((column) => !columns.has(column));
  for (const column of missing)
    errors.push(
      rowError(line, column, `Missing column "${column}"`, errorReason('missingColumn', { column })),
    );
  if (missing.length > 0) {
    const names = record.map(quoteHeader).join(', ');
    const split =
      record.length === 1
        ? `The header line could not be split at ${delimiterName(delimiter)}: it reads as the single column ${names}`
        : `The header line, split at ${delimiterName(delimiter)}, holds ${record.length} columns: ${names}`;
    const notRecognised =
      unknown.length > 0 && record.length > 1
        ? `; not recognised: ${unknown.map(quoteHeader).join(', ')}`
        : '';
    const expected = importer.requiredColumns.join(', ');
    const count = record.length;
    errors.push(
      rowError(
        line,
        null,
        `${split}${notRecognised}. Expected the columns ${expected}, separated by commas or semicolons`,
        count === 1
          ? errorReason('headerSingleColumn', { columns: names, expected })
          : notRecognised
            ? errorReason('headerUnrecognised', {
                columnCount: count,
                columns: names,
                unrecognised: unknown.map(quoteHeader).join(', '),
                expected,
              })
            : errorReason('headerMissingColumns', { columnCount: count, columns: names, expected }),
      ),
    );
  }
  return { columns, errors };
}

const MAX_HEADER_NAME_CHARS = 60;
const quoteHeader = (name: string) =>
  name.length > MAX_HEADER_NAME_CHARS ? `"${name.slice(0, MAX_HEADER_NAME_CHARS)}…"` : `"${name}"`;

/** The most of the file read to find the header line's delimiter. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Holds the first bytes back until the header line is whole (or 64 KiB have come, or the file
 * ends), resolves `delimiter` from it, then passes everything through unchanged.
 */
class HeaderSniffer extends Transform {
  readonly delimiter: Promise<Delimiter>;
  private head: Buffer[] = [];
  private headBytes = 0;
  private decided = false;
  private resolve: (delimiter: Delimiter) => void = () => {};
  private reject: (error: Error) => void = () => {};

  constructor() {
    super();
    this.delimiter = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // Rejected only when reading fails before the header is whole; awaited by then.
    this.delimiter.catch(() => {});
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    if (this.decided) {
      this.push(chunk);
      callback();
      return;
    }
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (chunk.includes(0x0a) || this.headBytes >= SNIFF_BYTES) this.decide();
    callback();
  }

  override _flush(callback: () => void): void {
    if (!this.decided) this.decide();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.decided) {
      this.decided = true;
      this.reject(error ?? new Error('The file ended before its header line'));
    }
    callback(error);
  }

  private decide(): void {
    this.decided = true;
    const head = Buffer.concat(this.head);
    this.head = [];
    const text = head.toString('utf8').replace(/^\uFEFF/, '');
    const newline = text.indexOf('\n');
    this.resolve(detectDelimiter(newline === -1 ? text : text.slice(0, newline)));
    this.push(head);
  }
}

/** Cuts the byte stream into pieces of at most `size` bytes (csv-parse keeps a row split across two). */
function smallPieces(size: number): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      for (let start = 0; start < chunk.length; start += size) this.push(chunk.subarray(start, start + size));
      callback();
    },
  });
}

async function writeChunk<Row>(importer: CsvImporter<Row>, chunk: Row[]): Promise<ImportCounts> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await importer.write(chunk);
    } catch (error) {
      if (!isBusy(error) || attempt === BUSY_RETRIES) throw error;
      await sleep(BUSY_RETRY_MS);
    }
  }
}

type WriteResult = { ok: true; counts: ImportCounts } | { ok: false; error: unknown; rowsWritten: number };

/** Writes the rows in short transactions, letting the event loop run between them. */
async function writeRows<Row>(
  importer: CsvImporter<Row>,
  rows: WriteOrder<Row>,
  pacing: WritePacing | null,
): Promise<WriteResult> {
  const counts: ImportCounts = { inserted: 0, updated: 0, unchanged: 0 };
  let rowsWritten = 0;
  let burstStart = performance.now();
  try {
    for (const chunk of rows.batches(importer.rowsPerTransaction)) {
      const written = await writeChunk(importer, chunk);
      counts.inserted += written.inserted;
      counts.updated += written.updated;
      counts.unchanged += written.unchanged;
      rowsWritten += chunk.length;
      // No transaction is open here: on SQLite the live documents' writes share this connection.
      if (pacing && performance.now() - burstStart > pacing.burstMs) {
        await sleep(pacing.restMs);
        burstStart = performance.now();
      } else await nextMacrotask();
    }
    return { ok: true, counts };
  } catch (error) {
    return { ok: false, error, rowsWritten };
  }
}
