/**
 * Long names keep their distinctive end: split at the last spaced dash, else at a trailing
 * parenthesis, else before the last words; short names are not split.
 */
import { describe, expect, test } from 'vitest';
import { splitNameEnd } from '../../../client/src/components/nameEnd.ts';

describe('splitNameEnd', () => {
  test.each([
    ['Fire and rescue response time — Agreste', 'Fire and rescue response time', ' — Agreste'],
    ['Fire and rescue response time — whole state', 'Fire and rescue response time', ' — whole state'],
    ['Beds — ICU — São Francisco valley', 'Beds — ICU', ' — São Francisco valley'],
    ['Response time - Sertão', 'Response time', ' - Sertão'],
    ['Hospital beds occupied in the region (capital)', 'Hospital beds occupied in the region', ' (capital)'],
    [
      'Evening visits to youth centres across the metropolitan region',
      'Evening visits to youth centres across the',
      ' metropolitan region',
    ],
    ['Short name', 'Short name', ''],
    ['Well-being index', 'Well-being index', ''],
  ])('%s', (name, head, tail) => {
    const split = splitNameEnd(name);
    expect(split).toEqual({ head, tail });
    expect(split.head + split.tail).toBe(name);
  });
});
