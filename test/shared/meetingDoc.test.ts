/**
 * The meeting document's mutations, on two replicas that swap updates by hand (no server):
 * after any concurrent edits and a full exchange they must be identical byte for byte.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  getAgendaItem,
  MAX_INDICATORS_PER_ITEM,
  MEETING_SCHEMA_VERSION,
  meetingDocRoots,
  moveAgendaItem,
  readAgenda,
  readAttendance,
  removeAgendaItem,
  schemaVersionOf,
  setAttendee,
  totalTimeboxMinutes,
  updateAgendaItem,
  upgradeMeetingDoc,
} from '../../shared/meetingDoc.ts';
import { appendNotesText, firstParagraphText, notesText, paragraphsOf } from '../../shared/richNotes.ts';

function replicas(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  // Fixed client ids make the concurrent cases reproducible.
  a.clientID = 1;
  b.clientID = 2;
  return [a, b];
}

/** A full exchange, as two clients of one server would end up doing. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

function expectConverged(a: Y.Doc, b: Y.Doc): void {
  expect(Buffer.from(Y.encodeStateAsUpdate(a)).equals(Buffer.from(Y.encodeStateAsUpdate(b)))).toBe(true);
  const view = (doc: Y.Doc) => readAgenda(doc).map((item) => ({ ...item, notes: notesText(item.notes) }));
  expect(view(a)).toEqual(view(b));
}

const ids = (doc: Y.Doc) => readAgenda(doc).map((item) => item.id);
const titles = (doc: Y.Doc) => readAgenda(doc).map((item) => item.title);
/** The text an item's notes start with, where these tests type. */
const textOf = (doc: Y.Doc, id: string) => {
  const notes = getAgendaItem(doc, id)?.notes;
  return notes ? firstParagraphText(notes) : null;
};

/** Both replicas start from the same agenda: A, B, C, D. */
function sharedAgenda(): { a: Y.Doc; b: Y.Doc; items: string[] } {
  const [a, b] = replicas();
  const items = ['A', 'B', 'C', 'D'].map((title) => addAgendaItem(a, { title }));
  exchange(a, b);
  return { a, b, items };
}

describe('meeting document on two replicas', () => {
  test('items added on both sides converge, in a stable order', () => {
    const [a, b] = replicas();
    addAgendaItem(a, { title: 'Follow-up of open commitments', kind: 'follow_up' });
    addAgendaItem(b, { title: 'Burglaries', presenterAgency: 'SDS', timeboxMinutes: 15 });
    exchange(a, b);
    expectConverged(a, b);
    expect(titles(a)).toHaveLength(2);
    expect(totalTimeboxMinutes(b)).toBe(25);
  });

  test('concurrent reorders of the same item converge', () => {
    const { a, b, items } = sharedAgenda();
    const moved = items[0] as string;
    moveAgendaItem(a, moved, 3);
    moveAgendaItem(b, moved, 1);
    exchange(a, b);
    expectConverged(a, b);
    // Last writer wins on `order`; either way each item appears exactly once.
    expect([...ids(a)].sort()).toEqual([...items].sort());
    expect([1, 3]).toContain(ids(a).indexOf(moved));
  });

  test('concurrent reorders of different items keep both moves', () => {
    const { a, b, items } = sharedAgenda();
    const [itemA, , , itemD] = items as [string, string, string, string];
    moveAgendaItem(a, itemD, 0); // D to the top
    moveAgendaItem(b, itemA, 4); // A to the bottom
    exchange(a, b);
    expectConverged(a, b);
    expect(titles(a)).toEqual(['D', 'B', 'C', 'A']);
  });

  test('a moved item keeps its notes typed concurrently', () => {
    const { a, b, items } = sharedAgenda();
    const item = items[1] as string;
    moveAgendaItem(a, item, 4);
    textOf(b, item)?.insert(0, 'Agency will report weekly');
    exchange(a, b);
    expectConverged(a, b);
    expect(notesText(getAgendaItem(a, item)?.notes ?? new Y.XmlFragment())).toBe('Agency will report weekly');
    expect(titles(a).at(-1)).toBe('B');
  });

  test('concurrent delete and edit converge: the item is gone on both', () => {
    const { a, b, items } = sharedAgenda();
    const item = items[2] as string;
    removeAgendaItem(a, item);
    updateAgendaItem(b, item, { title: 'Renamed meanwhile', timeboxMinutes: 20 });
    textOf(b, item)?.insert(0, 'typed into a deleted item');
    exchange(a, b);
    expectConverged(a, b);
    expect(titles(a)).toEqual(['A', 'B', 'D']);
    expect(getAgendaItem(b, item)).toBeNull();
  });

  test('concurrent typing in the same notes keeps both texts', () => {
    const { a, b, items } = sharedAgenda();
    const item = items[0] as string;
    textOf(a, item)?.insert(0, 'Chair: ');
    textOf(b, item)?.insert(0, 'SDS: ');
    exchange(a, b);
    textOf(a, item)?.insert(textOf(a, item)?.length ?? 0, 'data due Friday.');
    textOf(b, item)?.insert(0, '> ');
    exchange(a, b);
    expectConverged(a, b);
    const notes = notesText(getAgendaItem(a, item)?.notes ?? new Y.XmlFragment()) ?? '';
    expect(notes).toContain('Chair: ');
    expect(notes).toContain('SDS: ');
    expect(notes.startsWith('> ')).toBe(true);
    expect(notes.endsWith('data due Friday.')).toBe(true);
  });

  test('many moves between the same neighbours renumber, and the replicas still converge', () => {
    const { a, b, items } = sharedAgenda();
    const [itemA, itemB, itemC] = items as [string, string, string, string];
    // Without renumbering, 60 halvings would exhaust double precision and two orders would collide.
    for (let round = 0; round < 60; round++) {
      const moved = round % 2 === 0 ? itemC : itemB;
      moveAgendaItem(a, moved, 1);
      expect(ids(a)[1]).toBe(moved);
      const orders = readAgenda(a).map((item) => item.order);
      expect(new Set(orders).size).toBe(orders.length);
    }
    moveAgendaItem(b, itemA, 4);
    exchange(a, b);
    expectConverged(a, b);
    expect([...ids(b)].sort()).toEqual([...items].sort());
  });

  test('invalid fields are rejected and change nothing', () => {
    const [a] = replicas();
    const id = addAgendaItem(a, { title: 'Valid' });
    const before = Y.encodeStateAsUpdate(a);
    expect(() => addAgendaItem(a, { title: '   ' })).toThrow(/title/);
    expect(() => addAgendaItem(a, { timeboxMinutes: 0 })).toThrow();
    expect(() => updateAgendaItem(a, id, { timeboxMinutes: 500 })).toThrow();
    expect(() => updateAgendaItem(a, id, { kind: 'karaoke' as never })).toThrow();
    expect(() => setAttendee(a, 'u1', { name: '', agency: 'SDS', present: true })).toThrow();
    expect(Buffer.from(Y.encodeStateAsUpdate(a)).equals(Buffer.from(before))).toBe(true);
    expect(updateAgendaItem(a, 'missing', { title: 'x' })).toBe(false);
    expect(moveAgendaItem(a, 'missing', 0)).toBe(false);
    expect(removeAgendaItem(a, 'missing')).toBe(false);
  });

  test('a malformed item written by a hostile client is skipped by readers', () => {
    const [a] = replicas();
    addAgendaItem(a, { title: 'Fine' });
    const bad = new Y.Map<unknown>();
    bad.set('title', 42);
    a.getMap('agenda').set('bad', bad);
    expect(titles(a)).toEqual(['Fine']);
  });

  test('attendance converges and sorts by name', () => {
    const [a, b] = replicas();
    setAttendee(a, 'u2', { name: 'Zé', agency: 'SDS', present: true });
    setAttendee(b, 'u1', { name: 'Ana', agency: 'SEE', present: false });
    exchange(a, b);
    expect(readAttendance(a).map((row) => row.name)).toEqual(['Ana', 'Zé']);
    expect(Buffer.from(Y.encodeStateAsUpdate(a)).equals(Buffer.from(Y.encodeStateAsUpdate(b)))).toBe(true);
  });
});

describe("an item's indicators", () => {
  const indicatorsOf = (doc: Y.Doc, id: string) => getAgendaItem(doc, id)?.indicatorIds;

  test('two analysts picking indicators for one item at once both keep their picks', () => {
    const { a, b, items } = sharedAgenda();
    const item = items[0] as string;
    updateAgendaItem(a, item, { indicatorIds: ['ind-1'] });
    exchange(a, b);
    // Each adds one, from the same starting point, as the picker does (current list + one).
    updateAgendaItem(a, item, { indicatorIds: ['ind-1', 'ind-2'] });
    updateAgendaItem(b, item, { indicatorIds: ['ind-1', 'ind-3'] });
    exchange(a, b);
    expectConverged(a, b);
    expect(indicatorsOf(a, item)).toEqual(['ind-1', 'ind-2', 'ind-3']);
  });

  test('a removal on one side and a pick on the other both hold', () => {
    const { a, b, items } = sharedAgenda();
    const item = items[1] as string;
    updateAgendaItem(a, item, { indicatorIds: ['ind-1', 'ind-2'] });
    exchange(a, b);
    updateAgendaItem(a, item, { indicatorIds: ['ind-2'] });
    updateAgendaItem(b, item, { indicatorIds: ['ind-1', 'ind-2', 'ind-4'] });
    exchange(a, b);
    expectConverged(a, b);
    expect(indicatorsOf(a, item)).toEqual(['ind-2', 'ind-4']);
  });

  test('picks made at once past the limit leave the item readable, capped at the limit', () => {
    const { a, b, items } = sharedAgenda();
    const item = items[2] as string;
    const many = (prefix: string) =>
      Array.from({ length: MAX_INDICATORS_PER_ITEM }, (_, i) => `${prefix}-${i}`);
    updateAgendaItem(a, item, { indicatorIds: many('a') });
    updateAgendaItem(b, item, { indicatorIds: many('b') });
    exchange(a, b);
    expectConverged(a, b);
    expect(indicatorsOf(a, item)).toHaveLength(MAX_INDICATORS_PER_ITEM);
    expect(titles(a)).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('upgradeMeetingDoc', () => {
  test('version 1 → 2: plain indicator arrays become mergeable maps, in the same order', () => {
    const [a] = replicas();
    const id = addAgendaItem(a, { title: 'Stored by schema version 1' });
    // What version 1 stored: the indicators as one plain array value, and version 1 stamped.
    a.transact(() => {
      const item = a.getMap<Y.Map<unknown>>('agenda').get(id) as Y.Map<unknown>;
      item.delete('indicators');
      item.set('indicatorIds', ['ind-9', 'ind-3']);
      a.getMap('meta').set('schemaVersion', 1);
    });
    expect(getAgendaItem(a, id)?.indicatorIds).toEqual(['ind-9', 'ind-3']);
    expect(upgradeMeetingDoc(a)).toBe(true);
    expect(schemaVersionOf(a)).toBe(MEETING_SCHEMA_VERSION);
    expect(getAgendaItem(a, id)?.indicatorIds).toEqual(['ind-9', 'ind-3']);
    const stored = a.getMap<Y.Map<unknown>>('agenda').get(id) as Y.Map<unknown>;
    expect(stored.get('indicators')).toBeInstanceOf(Y.Map);
    expect(stored.has('indicatorIds')).toBe(false);
  });

  test('version 2 → 3: plain-text notes become rich notes, one paragraph per line, and stay mergeable', () => {
    const [a, b] = replicas();
    const id = addAgendaItem(a, { title: 'Stored by schema version 2' });
    const empty = addAgendaItem(a, { title: 'No notes yet' });
    // What version 2 stored: the notes as a Y.Text.
    a.transact(() => {
      const agenda = a.getMap<Y.Map<unknown>>('agenda');
      (agenda.get(id) as Y.Map<unknown>).set(
        'notes',
        new Y.Text('Burglaries down 9%.\n\n- Ask about the east zone'),
      );
      (agenda.get(empty) as Y.Map<unknown>).set('notes', new Y.Text());
      a.getMap('meta').set('schemaVersion', 2);
    });
    // Until the upgrade the item is not readable as rich notes: readers skip it rather than guess.
    expect(getAgendaItem(a, id)).toBeNull();
    expect(upgradeMeetingDoc(a)).toBe(true);
    expect(schemaVersionOf(a)).toBe(MEETING_SCHEMA_VERSION);
    const notes = getAgendaItem(a, id)?.notes;
    expect(notes?.toString()).toBe(
      '<paragraph>Burglaries down 9%.</paragraph><paragraph></paragraph><paragraph>- Ask about the east zone</paragraph>',
    );
    expect(notesText(notes ?? new Y.XmlFragment())).toBe('Burglaries down 9%.\n\n- Ask about the east zone');
    // Empty notes get the one empty paragraph new items start with, so both replicas type into one text.
    exchange(a, b);
    textOf(a, empty)?.insert(0, 'Chair: ');
    textOf(b, empty)?.insert(0, 'SDS: ');
    exchange(a, b);
    expectConverged(a, b);
    expect(getAgendaItem(a, empty)?.notes.length).toBe(1);
    expect(upgradeMeetingDoc(a)).toBe(false);
  });

  test('the memo and the record read rich notes as plain text: lists marked, formatting dropped', () => {
    const [a] = replicas();
    const id = addAgendaItem(a, { title: 'Decision' });
    const notes = getAgendaItem(a, id)?.notes as Y.XmlFragment;
    appendNotesText(notes, 'Move two patrols.');
    const bold = new Y.XmlText();
    const heading = new Y.XmlElement('heading');
    heading.insert(0, [bold]);
    const list = new Y.XmlElement('orderedList');
    const items = ['Fund them', 'Review in January'].map((line) => {
      const item = new Y.XmlElement('listItem');
      item.insert(0, paragraphsOf(line));
      return item;
    });
    list.insert(0, items);
    notes.insert(notes.length, [heading, list]);
    bold.insert(0, 'Next steps', { bold: true });
    expect(notesText(notes)).toBe('Move two patrols.\nNext steps\n1. Fund them\n2. Review in January');
  });

  test('stamps the schema version once and keeps existing content', () => {
    const [a] = replicas();
    addAgendaItem(a, { title: 'Made before versions existed' });
    expect(schemaVersionOf(a)).toBeUndefined();
    expect(upgradeMeetingDoc(a)).toBe(true);
    expect(schemaVersionOf(a)).toBe(MEETING_SCHEMA_VERSION);
    expect(upgradeMeetingDoc(a)).toBe(false);
    expect(titles(a)).toEqual(['Made before versions existed']);
  });

  test('two servers upgrading the same stored document converge', () => {
    const [a, b] = replicas();
    upgradeMeetingDoc(a);
    upgradeMeetingDoc(b);
    exchange(a, b);
    expect(schemaVersionOf(a)).toBe(MEETING_SCHEMA_VERSION);
    expect(Buffer.from(Y.encodeStateAsUpdate(a)).equals(Buffer.from(Y.encodeStateAsUpdate(b)))).toBe(true);
    expect(meetingDocRoots(a)).toHaveLength(3);
  });
});
