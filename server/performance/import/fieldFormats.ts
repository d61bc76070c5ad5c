/**
 * Spreadsheets from the field: what Excel writes outside the English-speaking world. A file saved
 * in Brazil or Chile separates cells with semicolons (the comma is the decimal separator there),
 * writes `1.234,5` for 1234.5, dates as `dd/mm/yyyy` and months as `mm/yyyy`; its headers may be
 * `Período` or `Indicator ID`. Everything here turns such cells into the canonical forms the
 * import validates (`1234.5`, `2026-03-18`, `2026-03`), or says what it found.
 */

import { reason } from '../../../shared/errorReasons.ts';
import type { ErrorReason } from '../../../shared/errors.ts';
import type { Frequency } from '../../../shared/performance.ts';
import { isValidDate, periodOfDate } from '../../../shared/periods.ts';

export type Delimiter = ',' | ';' | '\t';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** How a file writes its cells, decided from its header line. */
export interface CsvFormat {
  delimiter: Delimiter;
  /** `1.234,5` is 1234.5 in this file (semicolon files, as Excel saves them where `,` is the decimal mark). */
  decimalComma: boolean;
}

export const DEFAULT_FORMAT: CsvFormat = { delimiter: ',', decimalComma: false };

export function delimiterName(delimiter: Delimiter): string {
  return delimiter === ',' ? '"," (comma)' : delimiter === ';' ? '";" (semicolon)' : 'tab';
}

/**
 * The delimiter of a header line: whichever of comma, semicolon and tab it holds most of outside
 * quotes (a comma when it holds none: a one-column header, refused later by name).
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as Delimiter)) {
      counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
    }
  }
  let best: Delimiter = ',';
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

export function formatOf(delimiter: Delimiter): CsvFormat {
  return { delimiter, decimalComma: delimiter === ';' };
}

/** `Indicator ID`, ` indicator-id `, `INDICATOR_ID` → `indicator_id`; `Período` → `periodo`. */
export function normalizeColumnName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

// Plain decimal notation only: `Number()` alone would also take "0x1A", "Infinity" or "".
const DECIMAL_POINT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const POINT_GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?(\d+(,\d*)?|,\d+)$/;
const COMMA_GROUPED = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;

/** The cell in the file's convention: `1.234,5` / `421,7` with a decimal comma, `1,234.5` / `421.7` without. */
function numberIn(text: string, decimalComma: boolean): string | null {
  if (decimalComma) {
    if (DECIMAL_COMMA.test(text)) return text.replace(',', '.');
    if (COMMA_GROUPED.test(text)) return text.replaceAll('.', '').replace(',', '.');
    return null;
  }
  if (DECIMAL_POINT.test(text)) return text;
  if (POINT_GROUPED.test(text)) return text.replaceAll(',', '');
  return null;
}

/**
 * A number cell as plain decimal text (`"1234.5"`), or `null` when it is none. The file's
 * convention decides a cell that reads both ways (`1,234` is 1.234 in a decimal-comma file, 1234
 * otherwise); a cell only the other convention reads (`421.7` in a semicolon file) is taken so.
 */
export function fieldNumber(text: string, format: CsvFormat): string | null {
  return numberIn(text, format.decimalComma) ?? numberIn(text, !format.decimalComma);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const MONTH_YEAR = /^(\d{1,2})[/.-](\d{4})$/;

const pad = (part: string) => part.padStart(2, '0');

export type FieldResult = { value: string } | { problem: string; reason: ErrorReason };

/**
 * A date cell: `yyyy-mm-dd` as is, `dd/mm/yyyy` (also `d/m/yyyy`, `dd.mm.yyyy`, `dd-mm-yyyy`) turned
 * into it. A day-month order that only reads as month/day (`03/18/2026`) is refused, not guessed.
 * Returns the text unchanged when it is no date form at all (the caller names the formats).
 */
export function fieldDate(text: string): FieldResult {
  if (ISO_DATE.test(text)) return { value: text };
  const match = DAY_MONTH_YEAR.exec(text);
  if (!match) return { value: text };
  const [, day = '', month = '', year = ''] = match;
  if (Number(month) > 12 && Number(day) <= 12) {
    return {
      problem: `"${text}" reads as mm/dd/yyyy (month ${Number(day)}, day ${Number(month)}): write dates as dd/mm/yyyy or yyyy-mm-dd`,
      reason: reason('cellDateMonthFirst', { value: `"${text}"`, month: Number(day), day: Number(month) }),
    };
  }
  return { value: `${year}-${pad(month)}-${pad(day)}` };
}

/**
 * A period cell for an indicator of `frequency`: the canonical `2026-W12` / `2026-03` as is; for a
 * monthly indicator also `mm/yyyy` (`03/2026`); for either, a date (`dd/mm/yyyy`, `yyyy-mm-dd`)
 * stands for the period that contains it, as Excel turns a typed `2026-03` into `01/03/2026`.
 * Anything else comes back unchanged, for the caller to refuse with the expected format.
 */
export function fieldPeriod(text: string, frequency: Frequency): FieldResult {
  if (frequency === 'monthly') {
    const month = MONTH_YEAR.exec(text);
    if (month) return { value: `${month[2]}-${pad(month[1] ?? '')}` };
  }
  if (!ISO_DATE.test(text) && !DAY_MONTH_YEAR.test(text)) return { value: text };
  const date = fieldDate(text);
  if ('problem' in date) return date;
  if (!isValidDate(date.value))
    return {
      problem: `"${text}" is not a real date`,
      reason: reason('cellNotARealDate', { value: `"${text}"` }),
    };
  return { value: periodOfDate(date.value, frequency) };
}
