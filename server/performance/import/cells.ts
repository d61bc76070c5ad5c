/** Reading typed values out of CSV cells, each failure named after its column. */

import { reason } from '../../../shared/errorReasons.ts';
import type { ErrorReason } from '../../../shared/errors.ts';
import { type ImportRowError, MAX_ABS_VALUE } from '../../../shared/performance.ts';
import { dateRangeCheck, isValidDate } from '../../../shared/periods.ts';
import type { CsvRow } from './csvImport.ts';
import { DEFAULT_FORMAT, fieldDate, fieldNumber } from './fieldFormats.ts';

export const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** The most of a cell an error message repeats: a file of huge bad cells gets a small answer. */
export const MAX_QUOTED_CELL_CHARS = 80;

/** A cell quoted in an error message, cut to 80 characters with its full length named. */
export function quoteCell(value: string): string {
  if (value.length <= MAX_QUOTED_CELL_CHARS) return `"${value}"`;
  let end = MAX_QUOTED_CELL_CHARS;
  // Never cut a character in two (a UTF-16 surrogate pair).
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `"${value.slice(0, end)}…" (${value.length.toLocaleString('en')} characters)`;
}

/** Collects a row's errors while reading its cells. */
export class CellReader {
  readonly errors: ImportRowError[] = [];
  constructor(private readonly row: CsvRow) {}

  private fail(column: string, message: string, why: ErrorReason): void {
    this.errors.push({ row: this.row.line, field: column, message, reason: why });
  }

  /** A non-empty text cell. */
  text(column: string): string {
    const value = this.row.cell(column) ?? '';
    if (value === '') this.fail(column, `${column} is empty`, reason('cellEmpty', { column }));
    return value;
  }

  /** A cell that may be empty or absent; `undefined` when the column is absent. */
  optionalText(column: string): string | undefined {
    return this.row.cell(column);
  }

  identifier(column: string): string {
    const value = this.text(column);
    if (value !== '' && !IDENTIFIER.test(value))
      this.fail(
        column,
        `${quoteCell(value)} is not a valid id`,
        reason('cellNotAnId', { value: quoteCell(value) }),
      );
    return value;
  }

  number(column: string): number {
    const value = this.row.cell(column) ?? '';
    const format = this.row.format ?? DEFAULT_FORMAT;
    const decimal = value === '' ? null : fieldNumber(value, format);
    if (decimal === null) {
      const convention = format.decimalComma ? ' (this file writes decimals with a comma: 1.234,5)' : '';
      this.fail(
        column,
        value === '' ? `${column} is empty` : `${quoteCell(value)} is not a number${convention}`,
        value === ''
          ? reason('cellEmpty', { column })
          : reason(format.decimalComma ? 'cellNotANumberDecimalComma' : 'cellNotANumber', {
              value: quoteCell(value),
            }),
      );
      return Number.NaN;
    }
    const number = Number(decimal);
    // "1e999" is written like a number but is Infinity; "1e308" is finite but no measurement.
    if (!Number.isFinite(number) || Math.abs(number) > MAX_ABS_VALUE) {
      this.fail(
        column,
        `${quoteCell(value)} is out of range: values must be between -${MAX_ABS_VALUE.toExponential()} and ${MAX_ABS_VALUE.toExponential()}`,
        reason('cellOutOfRange', {
          value: quoteCell(value),
          min: `-${MAX_ABS_VALUE.toExponential()}`,
          max: MAX_ABS_VALUE.toExponential(),
        }),
      );
      return Number.NaN;
    }
    return number;
  }

  /** `true`/`false` (also `yes`/`no`, `1`/`0`), or `undefined` when the cell is empty or the column absent. */
  optionalBoolean(column: string): boolean | undefined {
    const value = this.row.cell(column)?.toLowerCase();
    if (value === undefined || value === '') return undefined;
    if (['true', 'yes', '1'].includes(value)) return true;
    if (['false', 'no', '0'].includes(value)) return false;
    this.fail(
      column,
      `${quoteCell(value)} is not true or false`,
      reason('cellNotBoolean', { value: quoteCell(value) }),
    );
    return undefined;
  }

  /** A number, or `undefined` when the cell is empty or the column absent. */
  optionalNumber(column: string): number | undefined {
    const value = this.row.cell(column);
    if (value === undefined || value === '') return undefined;
    return this.number(column);
  }

  /** A date, `yyyy-mm-dd` or `dd/mm/yyyy`, returned as `yyyy-mm-dd`. */
  date(column: string): string {
    const text = this.text(column);
    if (text === '') return text;
    const read = fieldDate(text);
    if ('problem' in read) {
      this.fail(column, read.problem, read.reason);
      return text;
    }
    const value = read.value;
    if (!isValidDate(value))
      this.fail(
        column,
        `${quoteCell(text)} is not a date (YYYY-MM-DD or DD/MM/YYYY)`,
        reason('cellNotADate', { value: quoteCell(text) }),
      );
    else {
      const outOfRange = dateRangeCheck(value);
      if (outOfRange) this.fail(column, `${column}: ${outOfRange.message}`, outOfRange.reason);
    }
    return value;
  }

  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const value = this.text(column);
    if (value !== '' && !(allowed as readonly string[]).includes(value)) {
      this.fail(
        column,
        `${quoteCell(value)} is not one of ${allowed.join(', ')}`,
        reason('cellNotOneOf', { value: quoteCell(value), options: allowed.join(', ') }),
      );
    }
    return value as T;
  }

  /** Adds an error found by a check across cells, with the reason the client translates. */
  reject(column: string | null, message: string, why: ErrorReason): void {
    this.errors.push({ row: this.row.line, field: column, message, reason: why });
  }
}
