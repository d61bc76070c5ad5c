/**
 * Removal records: written with the removal, read by another replica, restored there with its
 * notes, indicators and place, a patch on top; then the record is gone.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { readAgendaRemoval, removeAgendaItemBy, restoreAgendaItem } from '../../shared/agendaRemoval.ts';
import { addAgendaItem, getAgendaItem, readAgenda, removeAgendaItem } from '../../shared/meetingDoc.ts';

const ANA = { id: 'user-ana', name: 'Ana Lima' };

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Writes notes whichever shared type they are (plain or rich text). */
function writeNotes(doc: Y.Doc, id: string, text: string): void {
  const notes: unknown = getAgendaItem(doc, id)?.notes;
  if (notes instanceof Y.Text) notes.insert(0, text);
  else if (notes instanceof Y.XmlFragment) notes.insert(0, [new Y.XmlText(text)]);
  else throw new Error('no notes to write');
}

describe('agenda removal records', () => {
  test('the other replica reads who removed it and restores it, notes, indicators and place included', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const first = addAgendaItem(a, { title: 'First' });
    const middle = addAgendaItem(a, {
      title: 'Burglaries',
      timeboxMinutes: 25,
      indicatorIds: ['ind-1', 'ind-2'],
    });
    addAgendaItem(a, { title: 'Last' });
    writeNotes(a, middle, 'Ask about the east zone.');
    const notesBefore = getAgendaItem(a, middle)?.notes.toString();
    exchange(a, b);

    expect(removeAgendaItemBy(a, middle, ANA, 1_000)).toBe(true);
    exchange(a, b);
    expect(readAgenda(b).map((item) => item.title)).toEqual(['First', 'Last']);
    const record = readAgendaRemoval(b, middle);
    expect(record?.by).toEqual(ANA);
    expect(record?.fields.title).toBe('Burglaries');

    expect(restoreAgendaItem(b, middle, { title: 'Burglaries: east zone first' })).toBe(true);
    exchange(a, b);
    for (const doc of [a, b]) {
      expect(readAgenda(doc).map((item) => item.id)).toEqual([first, middle, expect.any(String)]);
      const item = getAgendaItem(doc, middle);
      expect(item?.title).toBe('Burglaries: east zone first');
      expect(item?.timeboxMinutes).toBe(25);
      expect(item?.indicatorIds).toEqual(['ind-1', 'ind-2']);
      expect(item?.notes.toString()).toBe(notesBefore);
      expect(item?.notes.toString()).toContain('Ask about the east zone.');
      expect(readAgendaRemoval(doc, middle)).toBeNull();
    }
    // Already back: a second Restore (a stale notice elsewhere) changes nothing.
    expect(restoreAgendaItem(a, middle)).toBe(false);
  });

  test('a removal without a record, or a malformed record, cannot be restored', () => {
    const doc = new Y.Doc();
    const id = addAgendaItem(doc, { title: 'Plain removal' });
    removeAgendaItem(doc, id);
    expect(readAgendaRemoval(doc, id)).toBeNull();
    expect(restoreAgendaItem(doc, id)).toBe(false);

    const other = addAgendaItem(doc, { title: 'Tampered' });
    removeAgendaItemBy(doc, other, ANA);
    const stored = doc.getMap('meta').get(`removed:${other}`);
    if (!(stored instanceof Y.Map)) throw new Error('no record written');
    stored.set('record', { itemId: other, by: { name: '' } });
    expect(readAgendaRemoval(doc, other)).toBeNull();
    expect(restoreAgendaItem(doc, other)).toBe(false);
  });

  test('only the newest twenty records are kept', () => {
    const doc = new Y.Doc();
    const ids = Array.from({ length: 25 }, (_, index) => addAgendaItem(doc, { title: `Item ${index}` }));
    for (const [index, id] of ids.entries()) removeAgendaItemBy(doc, id, ANA, 1_000 + index);
    const kept = ids.filter((id) => readAgendaRemoval(doc, id) !== null);
    expect(kept).toEqual(ids.slice(5));
  });
});
