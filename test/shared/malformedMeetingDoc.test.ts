/**
 * A meeting document that a hostile or buggy client has written wrong values into, through a real
 * second Y.Doc's update (what such a client sends): every reader must skip the malformed values
 * and return sane ones, and neither the schema upgrade (it runs on load) nor the mutations may throw.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  agendaItemFieldsSchema,
  attendeeSchema,
  getAgendaItem,
  MEETING_SCHEMA_VERSION,
  meetingDocRoots,
  moveAgendaItem,
  readAgenda,
  readAttendance,
  removeAgendaItem,
  removeAttendee,
  schemaVersionOf,
  setAttendee,
  totalTimeboxMinutes,
  updateAgendaItem,
  upgradeMeetingDoc,
} from '../../shared/meetingDoc.ts';

type Write = (hostile: Y.Doc) => void;

const ROOTS = ['meta', 'agenda', 'attendance'] as const;
/** The key each root's entry is written under: a new item, the schema version, a new attendee. */
const ENTRY_KEY = { meta: 'schemaVersion', agenda: 'bad-item', attendance: 'bad-attendee' } as const;

/** Wrong values for any slot, each built fresh (a Yjs type can be inserted only once). */
const WRONG_VALUES: Record<string, () => unknown> = {
  'a string': () => 'x',
  'a number': () => 42,
  NaN: () => Number.NaN,
  Infinity: () => Number.POSITIVE_INFINITY,
  '1e308': () => 1e308,
  '-1e308': () => -1e308,
  'a plain array': () => ['ind-1', 3],
  'a Y.Array': () => Y.Array.from(['x', 1]),
  'a Y.Text': () => new Y.Text('x'),
  'a Y.Map with garbage fields': () =>
    garbageMap({
      title: new Y.Map(),
      kind: 7,
      order: Number.NaN,
      notes: 'not a Y.Text',
      timeboxMinutes: Number.POSITIVE_INFINITY,
      indicators: new Y.Array(),
      name: 5,
      present: 'yes',
    }),
};

function garbageMap(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

const ITEM_FIELDS = ['title', 'kind', 'presenterAgency', 'timeboxMinutes', 'notes', 'order', 'indicators'];

/** Every way the table breaks the document, by name. */
const ATTACKS: Array<[string, Write]> = [
  ...ROOTS.flatMap(
    (root): Array<[string, Write]> => [
      [`${root} root used as a Y.Array`, (h) => h.getArray(root).push(['x', 42, new Y.Map()])],
      [`${root} root used as a Y.Text`, (h) => h.getText(root).insert(0, 'garbage')],
      ...Object.entries(WRONG_VALUES).map(([name, value]): [string, Write] => [
        `${root} entry is ${name}`,
        (h) => h.getMap(root).set(ENTRY_KEY[root], value()),
      ]),
    ],
  ),
  ...ITEM_FIELDS.flatMap((field) => [
    ...Object.entries(WRONG_VALUES).map(([name, value]): [string, Write] => [
      `an item's ${field} is ${name}`,
      (h) => targetItem(h).set(field, value()),
    ]),
    [`an item has no ${field}`, (h: Y.Doc) => targetItem(h).delete(field)] as [string, Write],
  ]),
  ['an item has extra fields', (h) => targetItem(h).set('extra', garbageMap({ a: Number.NaN }))],
  [
    "an item's indicator places are malformed",
    (h) => {
      const indicators = new Y.Map<unknown>();
      targetItem(h).set('indicators', indicators);
      indicators.set('ind-nan', Number.NaN);
      indicators.set('ind-map', new Y.Map());
      indicators.set('ind-text', 'first');
      indicators.set('x'.repeat(500), 1);
      indicators.set('ind-ok', 2);
    },
  ],
  [
    "an item's legacy indicator list is malformed",
    (h) => {
      targetItem(h).delete('indicators');
      targetItem(h).set('indicatorIds', [1, null, 'x'.repeat(500), 'ind-ok']);
    },
  ],
];

/** A well-formed item made with the real mutation, for the attack to corrupt one field of. */
function targetItem(hostile: Y.Doc): Y.Map<unknown> {
  const agenda = hostile.getMap<unknown>('agenda');
  const existing = agenda.get('target');
  if (existing instanceof Y.Map) return existing;
  const id = addAgendaItem(hostile, { title: 'Target', timeboxMinutes: 5 });
  const made = agenda.get(id) as Y.Map<unknown>;
  // Re-keyed so a later step of the same attack finds it.
  const copy = new Y.Map<unknown>();
  hostile.transact(() => {
    for (const [key, value] of made.entries())
      copy.set(key, value instanceof Y.AbstractType ? value.clone() : value);
    agenda.delete(id);
    agenda.set('target', copy);
  });
  return copy;
}

/** The victim: a schema version 1 document (so the upgrade has work to do on load) with one good item. */
function victim(): Y.Doc {
  const doc = new Y.Doc();
  const id = addAgendaItem(doc, { title: 'Fine', timeboxMinutes: 15 });
  doc.transact(() => {
    const item = doc.getMap<Y.Map<unknown>>('agenda').get(id) as Y.Map<unknown>;
    item.delete('indicators');
    item.set('indicatorIds', ['ind-1']);
    doc.getMap('meta').set('schemaVersion', 1);
  });
  setAttendee(doc, 'u-ana', { name: 'Ana', agency: 'SDS', present: true });
  return doc;
}

/** The hostile client: synced with the victim, it writes, and its update is applied to the victim. */
function attack(target: Y.Doc, write: Write): Uint8Array {
  const hostile = new Y.Doc();
  Y.applyUpdate(hostile, Y.encodeStateAsUpdate(target));
  const before = Y.encodeStateVector(hostile);
  write(hostile);
  const update = Y.encodeStateAsUpdate(hostile, before);
  Y.applyUpdate(target, update);
  return update;
}

/** What every reader returns must be well formed, and the good content must still be there. */
function expectSaneReads(doc: Y.Doc, fineTitle = 'Fine'): void {
  const agenda = readAgenda(doc);
  for (const item of agenda) {
    const { id, order, notes, ...fields } = item;
    expect(agendaItemFieldsSchema.safeParse(fields).success, `item ${id}`).toBe(true);
    expect(Number.isFinite(order)).toBe(true);
    expect(notes).toBeInstanceOf(Y.XmlFragment);
    expect(getAgendaItem(doc, id)?.title).toBe(item.title);
  }
  const orders = agenda.map((item) => item.order);
  expect(orders).toEqual([...orders].sort((a, b) => a - b));
  expect(new Set(agenda.map((item) => item.id)).size).toBe(agenda.length);
  const fine = agenda.filter((item) => item.title === fineTitle);
  expect(fine).toHaveLength(1);
  expect(fine[0]?.timeboxMinutes).toBe(15);
  expect(fine[0]?.indicatorIds).toEqual(['ind-1']);
  expect(totalTimeboxMinutes(doc)).toBe(agenda.reduce((sum, item) => sum + item.timeboxMinutes, 0));
  // Every key present, however malformed its value, reads as an item or as nothing.
  for (const key of doc.getMap('agenda').keys()) getAgendaItem(doc, key);
  const attendance = readAttendance(doc);
  for (const row of attendance) expect(attendeeSchema.safeParse(row).success).toBe(true);
  expect(attendance.map((row) => row.key)).toContain('u-ana');
  const version = schemaVersionOf(doc);
  if (version !== undefined) expect(Number.isSafeInteger(version) && version >= 0).toBe(true);
}

/** The page's own work on the damaged document: every mutation, an observer and undo. */
function expectMutationsWork(doc: Y.Doc): void {
  const undo = new Y.UndoManager(meetingDocRoots(doc), { trackedOrigins: new Set(['remove']) });
  let observed = 0;
  const observer = () => {
    observed += 1;
    readAgenda(doc);
  };
  for (const root of meetingDocRoots(doc)) root.observeDeep(observer);

  const fine = readAgenda(doc).find((item) => item.title === 'Fine')?.id as string;
  const added = addAgendaItem(doc, { title: 'Added first' }, 0);
  expect(readAgenda(doc)[0]?.id).toBe(added);
  expect(updateAgendaItem(doc, fine, { title: 'Fine renamed', indicatorIds: ['ind-1'] })).toBe(true);
  expect(moveAgendaItem(doc, fine, 99)).toBe(true);
  expect(readAgenda(doc).at(-1)?.id).toBe(fine);
  expect(moveAgendaItem(doc, fine, 0)).toBe(true);
  expect(readAgenda(doc)[0]?.id).toBe(fine);
  // Mutations on entries that are not items refuse instead of throwing.
  for (const key of doc.getMap('agenda').keys()) {
    if (getAgendaItem(doc, key)) continue;
    updateAgendaItem(doc, key, { title: 'x' });
    moveAgendaItem(doc, key, 0);
  }
  doc.transact(() => removeAgendaItem(doc, added), 'remove');
  expect(getAgendaItem(doc, added)).toBeNull();
  undo.undo();
  expect(getAgendaItem(doc, added)?.title).toBe('Added first');
  setAttendee(doc, 'u-bia', { name: 'Bia', agency: 'SEE', present: false });
  removeAttendee(doc, 'u-bia');
  expect(observed).toBeGreaterThan(0);
  expectSaneReads(doc, 'Fine renamed');
  for (const root of meetingDocRoots(doc)) root.unobserveDeep(observer);
  undo.destroy();
}

describe.each(ATTACKS)('a meeting document where %s', (_name, write) => {
  test('applied to a loaded document: readers, the upgrade and the mutations never throw', () => {
    const doc = victim();
    readAgenda(doc); // the roots already exist as Y.Maps here, as on a page that is open
    attack(doc, write);
    expectSaneReads(doc);
    expect(() => upgradeMeetingDoc(doc)).not.toThrow();
    expectSaneReads(doc);
    expectMutationsWork(doc);
  });

  test("received on a client's first sync, before any root is read", () => {
    const source = victim();
    attack(source, write);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    expectSaneReads(doc);
    expect(() => upgradeMeetingDoc(doc)).not.toThrow();
    expectSaneReads(doc);
    expectMutationsWork(doc);
  });
});

describe('malformed values that are not the whole item', () => {
  test('a bad indicator pick is dropped, the item and its good picks stay', () => {
    const doc = victim();
    upgradeMeetingDoc(doc);
    attack(doc, ATTACKS.find(([name]) => name.includes('indicator places'))?.[1] as Write);
    expect(getAgendaItem(doc, 'target')?.indicatorIds).toEqual(['ind-ok']);
    // Picking it again places a malformed pick anew instead of leaving it invisible.
    updateAgendaItem(doc, 'target', { indicatorIds: ['ind-ok', 'ind-nan'] });
    expect(getAgendaItem(doc, 'target')?.indicatorIds).toEqual(['ind-ok', 'ind-nan']);
  });

  test('the upgrade keeps the good legacy picks of a malformed legacy list', () => {
    const doc = victim();
    attack(doc, ATTACKS.find(([name]) => name.includes('legacy indicator'))?.[1] as Write);
    expect(upgradeMeetingDoc(doc)).toBe(true);
    expect(schemaVersionOf(doc)).toBe(MEETING_SCHEMA_VERSION);
    expect(getAgendaItem(doc, 'target')?.indicatorIds).toEqual(['ind-ok']);
  });

  test('items with huge orders still move, and the orders stay finite and distinct', () => {
    const doc = victim();
    upgradeMeetingDoc(doc);
    attack(doc, (h) => {
      targetItem(h).set('order', 1.7e308);
      const id = addAgendaItem(h, { title: 'Low' });
      (h.getMap('agenda').get(id) as Y.Map<unknown>).set('order', -1.7e308);
    });
    expect(readAgenda(doc).map((item) => item.title)).toEqual(['Low', 'Fine', 'Target']);
    const fine = readAgenda(doc)[1]?.id as string;
    moveAgendaItem(doc, fine, 3);
    moveAgendaItem(doc, 'target', 0);
    addAgendaItem(doc, { title: 'End' });
    expect(readAgenda(doc).map((item) => item.title)).toEqual(['Target', 'Low', 'Fine', 'End']);
    const orders = readAgenda(doc).map((item) => item.order);
    expect(orders.every(Number.isFinite)).toBe(true);
    expect(new Set(orders).size).toBe(orders.length);
  });

  test('a schema version that is not a whole number is treated as missing, and the upgrade runs', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 1.5, -1, '2']) {
      const doc = victim();
      attack(doc, (h) => h.getMap('meta').set('schemaVersion', bad));
      expect(schemaVersionOf(doc)).toBeUndefined();
      expect(upgradeMeetingDoc(doc)).toBe(true);
      expect(schemaVersionOf(doc)).toBe(MEETING_SCHEMA_VERSION);
    }
  });
});
