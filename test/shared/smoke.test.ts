import { expect, test } from 'vitest';
import { parseDocName } from '../../shared/docNames.ts';
test('parses doc names', () => {
  expect(parseDocName('meeting:abc')).toEqual({ kind: 'meeting', id: 'abc' });
});
