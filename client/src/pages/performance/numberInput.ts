/**
 * Numbers as analysts type them, in their language's convention: "1234.5" or "1,234.5" in English,
 * "1234,5" or "1.234,5" in Portuguese and Spanish. A text only the other convention reads ("61.5"
 * typed in Portuguese) is taken so, as the CSV import does with a cell.
 */
import { numberFormat } from '../../i18n/locale.ts';

const DECIMAL_COMMA = /^[+-]?(\d+(,\d*)?|,\d+)$/;
const COMMA_GROUPED = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;

/** Whether the reader's language writes 1.5 as "1,5". */
export function usesDecimalComma(): boolean {
  return (
    numberFormat()
      .formatToParts(1.5)
      .find((part) => part.type === 'decimal')?.value === ','
  );
}

/** Digits with an optional sign and decimal point; commas or spaces as thousands separators. */
function parsePointDecimal(text: string): number | null {
  const cleaned = text.trim().replace(/[\s,](?=\d{3}(\D|$))/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** Digits with a decimal comma; points or spaces as thousands separators. */
function parseCommaDecimal(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, '');
  const plain = DECIMAL_COMMA.test(cleaned)
    ? cleaned.replace(',', '.')
    : COMMA_GROUPED.test(cleaned)
      ? cleaned.replaceAll('.', '').replace(',', '.')
      : null;
  if (plain === null) return null;
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}

/** Parses what an analyst typed, or null when it is not a number. */
export function parseValue(text: string): number | null {
  if (!usesDecimalComma()) return parsePointDecimal(text);
  return parseCommaDecimal(text) ?? parsePointDecimal(text);
}

/** A stored value as an analyst would type it back: "1234.5", "1234,5" (no grouping, every digit). */
export function valueText(value: number): string {
  const text = String(value);
  return usesDecimalComma() ? text.replace('.', ',') : text;
}
