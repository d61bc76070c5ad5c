/**
 * `checkUpdateRoots`, the check the server runs on each client update before applying it: every
 * update the real mutations produce passes, an update that adds a root or reuses a declared root as
 * another type is caught, and no decodable input makes the check throw.
 */
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DocKind } from '../../shared/docNames.ts';
import { checkUpdateRoots, DOC_SHAPES, getRoot, keepsShape } from '../../shared/docShapes.ts';
import {
  addAgendaItem,
  getAgendaItem,
  meetingDocRoots,
  moveAgendaItem,
  removeAgendaItem,
  removeAttendee,
  setAttendee,
  updateAgendaItem,
  upgradeMeetingDoc,
} from '../../shared/meetingDoc.ts';
import { firstParagraphText } from '../../shared/richNotes.ts';

const check = (update: Uint8Array) => checkUpdateRoots(DocKind.meeting, update);

/** The update a client holding `doc` would send after `write`. */
function updateOf(write: (doc: Y.Doc) => void, doc = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(doc);
  write(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** A session of real edits on one replica; returns every update it emitted, one per transaction. */
function realSession(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  // A schema version 1 document, so the upgrade's own writes are among the updates.
  const legacy = addAgendaItem(doc, { title: 'Stored by version 1' });
  doc.transact(() => {
    const item = doc.getMap<Y.Map<unknown>>('agenda').get(legacy) as Y.Map<unknown>;
    item.delete('indicators');
    item.set('indicatorIds', ['ind-9']);
    doc.getMap('meta').set('schemaVersion', 1);
  });
  upgradeMeetingDoc(doc);
  const ids = ['A', 'B', 'C'].map((title) => addAgendaItem(doc, { title }));
  const [a, b, c] = ids as [string, string, string];
  addAgendaItem(doc, { title: 'First' }, 0);
  updateAgendaItem(doc, a, { title: 'A renamed', timeboxMinutes: 20, presenterAgency: 'SDS' });
  updateAgendaItem(doc, a, { indicatorIds: ['ind-1', 'ind-2'] });
  updateAgendaItem(doc, a, { indicatorIds: ['ind-2'] });
  // Enough moves between the same neighbours to renumber the whole agenda.
  for (let round = 0; round < 60; round++) moveAgendaItem(doc, round % 2 === 0 ? c : b, 1);
  const notes = firstParagraphText(getAgendaItem(doc, b)?.notes ?? new Y.XmlFragment()) as Y.XmlText;
  notes.insert(0, 'Burglaries down 9%.');
  notes.delete(0, 4);
  notes.format(0, 3, { bold: true });
  setAttendee(doc, 'u1', { name: 'Ana', agency: 'SDS', present: true });
  setAttendee(doc, 'u1', { name: 'Ana', agency: 'SDS', present: false });
  removeAttendee(doc, 'u1');
  const undo = new Y.UndoManager(meetingDocRoots(doc), { trackedOrigins: new Set(['remove']) });
  doc.transact(() => removeAgendaItem(doc, c), 'remove');
  undo.undo();
  removeAgendaItem(doc, a);
  return { doc, updates };
}

describe('checkUpdateRoots', () => {
  test('passes every update the real mutation functions produce, one by one and merged', () => {
    const { doc, updates } = realSession();
    expect(updates.length).toBeGreaterThan(70);
    for (const [index, update] of updates.entries())
      expect(check(update), `update ${index}`).toEqual({
        undeclared: [],
        wrongType: [],
      });
    expect(keepsShape(check(Y.mergeUpdates(updates)))).toBe(true);
    expect(keepsShape(check(Y.encodeStateAsUpdate(doc)))).toBe(true);
  });

  test('finds a root the kind does not declare, once per root', () => {
    const update = updateOf((doc) => {
      doc.getMap('evil').set('a', 1);
      doc.getMap('evil').set('b', new Y.Map());
      doc.getText('scratch').insert(0, 'x');
      addAgendaItem(doc, { title: 'A real item alongside' });
    });
    const result = check(update);
    expect(result.undeclared.sort()).toEqual(['evil', 'scratch']);
    expect(result.wrongType).toEqual([]);
    expect(keepsShape(result)).toBe(false);
  });

  test('finds a declared map root used as a list, and nothing else in the same update', () => {
    for (const root of Object.keys(DOC_SHAPES.meeting)) {
      const asArray = check(updateOf((doc) => doc.getArray(root).push(['x', 1, new Y.Map()])));
      expect(asArray).toEqual({ undeclared: [], wrongType: [root] });
      const asText = check(updateOf((doc) => doc.getText(root).insert(0, 'garbage')));
      expect(asText).toEqual({ undeclared: [], wrongType: [root] });
    }
  });

  test('a list item appended to a root the doc already has is still caught', () => {
    // The second push continues the first (it has an origin), so it alone names no root; the first
    // one, refused, is what it needs to apply at all.
    const doc = new Y.Doc();
    const first = updateOf((d) => d.getArray('agenda').push(['x']), doc);
    const second = updateOf((d) => d.getArray('agenda').push(['y']), doc);
    expect(check(first).wrongType).toEqual(['agenda']);
    expect(check(second)).toEqual({ undeclared: [], wrongType: [] });
  });

  test('nested values of the wrong type are for readers, not for this check', () => {
    const update = updateOf((doc) => getRoot(doc, DocKind.meeting, 'agenda').set('bad', 'a string'));
    expect(check(update)).toEqual({ undeclared: [], wrongType: [] });
  });

  test('an update that decodes but cannot be applied (origin at a later clock) does not throw here', () => {
    // One item of client 7 at clock 0 whose origin is client 7's clock 5: it decodes, and applying throws.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1); // one client
    encoding.writeVarUint(encoder, 1); // one struct
    encoding.writeVarUint(encoder, 7); // client
    encoding.writeVarUint(encoder, 0); // clock
    encoding.writeUint8(encoder, 0x80 | 4); // has an origin; string content
    encoding.writeVarUint(encoder, 7);
    encoding.writeVarUint(encoder, 5);
    encoding.writeVarString(encoder, 'x');
    encoding.writeVarUint(encoder, 0); // empty delete set
    const update = encoding.toUint8Array(encoder);
    expect(() => Y.decodeUpdate(update)).not.toThrow();
    expect(check(update)).toEqual({ undeclared: [], wrongType: [] });
  });

  test('never throws on bytes that Y.decodeUpdate accepts (mutated real updates)', () => {
    const { updates } = realSession();
    const hostile = updateOf((doc) => {
      doc.getArray('agenda').push(['x']);
      doc.getMap('evil').set('a', new Y.Text('t'));
    });
    const seeds = [...updates, hostile, Y.mergeUpdates(updates)];
    const gen = prng.create(14);
    let decodable = 0;
    for (let round = 0; round < 4000; round++) {
      const bytes = Uint8Array.from(prng.oneOf(gen, seeds));
      const edits = prng.uint32(gen, 1, 4);
      for (let edit = 0; edit < edits; edit++)
        bytes[prng.uint32(gen, 0, bytes.length - 1)] = prng.uint32(gen, 0, 255);
      const candidate = prng.bool(gen) ? bytes : bytes.subarray(0, prng.uint32(gen, 1, bytes.length));
      try {
        Y.decodeUpdate(candidate);
      } catch {
        continue;
      }
      decodable += 1;
      expect(() => check(candidate)).not.toThrow();
    }
    // The mutations must leave enough decodable inputs for the property to mean something.
    expect(decodable).toBeGreaterThan(200);
  });
});
