import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { diffText, transformPosition } from '../../../client/src/yjs/textDiff.ts';

/** Applies an edit the way the textarea binding does, to a real Y.Text. */
function applyToYText(before: string, after: string): { text: string; ops: number } {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, before);
  let ops = 0;
  text.observe((event) => {
    ops = event.delta.filter((op) => op.retain === undefined).length;
  });
  const edit = diffText(before, after);
  if (edit) {
    doc.transact(() => {
      if (edit.deleteCount > 0) text.delete(edit.index, edit.deleteCount);
      if (edit.insert) text.insert(edit.index, edit.insert);
    });
  }
  return { text: text.toString(), ops };
}

describe('diffText', () => {
  test.each([
    ['', 'hello'],
    ['hello', ''],
    ['hello world', 'hello brave world'],
    ['aa', 'aaa'],
    ['abcabc', 'abc'],
    ['the cat sat', 'the dog sat'],
    ['line one\nline two', 'line one\nline 2'],
    ['emoji 😀 here', 'emoji 😃 here'],
  ])('%j → %j reproduces the new text', (before, after) => {
    expect(applyToYText(before, after).text).toBe(after);
  });

  test('typing one character is one insert, not a rewrite of the text', () => {
    expect(diffText('meeting notes', 'meeting nnotes')).toEqual({ index: 9, deleteCount: 0, insert: 'n' });
    expect(applyToYText('meeting notes', 'meeting notes!').ops).toBe(1);
  });

  test('never splits a surrogate pair', () => {
    const edit = diffText('a😀b', 'a😃b');
    expect(edit).toEqual({ index: 1, deleteCount: 2, insert: '😃' });
  });

  test('no change, no edit', () => {
    expect(diffText('same', 'same')).toBeNull();
  });
});

describe('transformPosition', () => {
  test('an insert before the caret pushes it right; after it leaves it', () => {
    expect(transformPosition(5, [{ insert: 'abc' }])).toBe(8);
    expect(transformPosition(5, [{ retain: 7 }, { insert: 'abc' }])).toBe(5);
  });

  test('an insert exactly at the caret goes before it (the caret sticks to the next character)', () => {
    expect(transformPosition(5, [{ retain: 5 }, { insert: 'xy' }])).toBe(7);
  });

  test('a delete before the caret pulls it left, a delete around it moves it to the start of the gap', () => {
    expect(transformPosition(10, [{ retain: 2 }, { delete: 3 }])).toBe(7);
    expect(transformPosition(4, [{ retain: 2 }, { delete: 5 }])).toBe(2);
    expect(transformPosition(1, [{ retain: 2 }, { delete: 5 }])).toBe(1);
  });

  test('matches a real remote edit on a Y.Text', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'Agenda: burglaries');
    const caret = text.toString().indexOf('burglaries');
    let moved = -1;
    text.observe((event) => {
      moved = transformPosition(caret, event.delta);
    });
    doc.transact(() => {
      text.delete(0, 'Agenda: '.length);
      text.insert(0, 'Item 2 — ');
    });
    expect(text.toString().slice(moved)).toBe('burglaries');
  });
});
