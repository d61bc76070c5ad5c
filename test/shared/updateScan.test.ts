/**
 * `scanUpdate` must accept and refuse exactly what `Y.decodeUpdate` accepts and refuses, and report
 * the same roots and forward references as the structs `Y.decodeUpdate` builds: the server's checks
 * before applying a client update rely on it, and a difference either refuses a good edit or lets
 * through bytes that Yjs then throws on. Compared on real updates of every content type, on every
 * truncation of them, and on thousands of seeded byte mutations.
 */
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { type ForwardReference, type RootUse, scanUpdate } from '../../shared/updateScan.ts';
import { forwardReferencingUpdate } from '../helpers/badUpdates.ts';

type Outcome =
  | { threw: true }
  | { threw: false; roots: RootUse[]; forwardReference: ForwardReference | null };

/** What the checks used to read from `Y.decodeUpdate`'s structs. */
function fromDecodeUpdate(update: Uint8Array): Outcome {
  let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return { threw: true };
  }
  const roots: RootUse[] = [];
  let forwardReference: ForwardReference | null = null;
  const forward = (item: Y.Item, ref: unknown) =>
    ref instanceof Y.ID && ref.client === item.id.client && ref.clock >= item.id.clock;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (forwardReference === null) {
      if (forward(struct, struct.origin)) forwardReference = 'origin';
      else if (forward(struct, struct.rightOrigin)) forwardReference = 'right origin';
      else if (forward(struct, struct.parent)) forwardReference = 'parent';
    }
    if (typeof struct.parent === 'string') {
      const use = { name: struct.parent, mapEntry: struct.parentSub !== null };
      if (!roots.some((seen) => seen.name === use.name && seen.mapEntry === use.mapEntry)) roots.push(use);
    }
  }
  return { threw: false, roots, forwardReference };
}

function fromScan(update: Uint8Array): Outcome {
  try {
    return { threw: false, ...scanUpdate(update) };
  } catch {
    return { threw: true };
  }
}

/** Updates of every content type and reference shape Yjs writes, from three clients. */
function realUpdates(): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const map = doc.getMap('agenda');
  const list = doc.getArray<unknown>('commitments');
  const text = doc.getText('notes');
  const xml = doc.getXmlFragment('rich');
  doc.transact(() => {
    map.set('title', 'Weekly stat: road safety');
    map.set('values', {
      n: 1,
      f: 1.5,
      big: 2n ** 60n,
      no: false,
      yes: true,
      none: null,
      bytes: new Uint8Array([1, 2]),
    });
    map.set('nested', new Y.Map());
    map.set('undefined', undefined);
  });
  list.push(['a', 2, [3, 'four'], { five: 5 }]);
  list.insert(1, ['between']);
  list.delete(0, 2);
  text.insert(0, 'Héllo 👋 wörld');
  text.format(0, 5, { bold: true });
  text.insertEmbed(3, { image: 'chart.png' });
  text.delete(2, 3);
  const element = new Y.XmlElement('p');
  xml.insert(0, [element, new Y.XmlText('plain')]);
  element.setAttribute('class', 'lead');
  // An XmlHook is a type Yjs can hold in XML, though its typings leave it out.
  element.insert(0, [new Y.XmlText('inside'), new Y.XmlHook('widget') as unknown as Y.XmlElement]);
  (map.get('nested') as Y.Map<unknown>).set('deep', new Y.Array());
  map.set('subdoc', new Y.Doc({ guid: 'sub-1' }));
  map.delete('title');
  updates.push(Y.encodeStateAsUpdate(doc));
  // Another client editing after it: items with origins and right origins in someone else's items.
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(other);
  other.getText('notes').insert(4, 'xyz');
  other.getArray('commitments').insert(0, ['first']);
  updates.push(Y.encodeStateAsUpdate(other, before));
  // Garbage-collected content and skips appear in merged and diffed updates.
  updates.push(Y.mergeUpdates(updates.slice(0, 4)));
  updates.push(Y.diffUpdate(Y.encodeStateAsUpdate(doc), Y.encodeStateVector(new Y.Doc())));
  updates.push(forwardReferencingUpdate({ via: 'origin' }), forwardReferencingUpdate({ via: 'rightOrigin' }));
  return updates;
}

/** An item whose parent is given by ID: `refClock` of its own client. */
function parentByIdUpdate(refClock: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, 77);
  encoding.writeVarUint(encoder, 3);
  encoding.writeUint8(encoder, 4); // a string, no origins: the parent follows
  encoding.writeVarUint(encoder, 0); // parent by ID
  encoding.writeVarUint(encoder, 77);
  encoding.writeVarUint(encoder, refClock);
  encoding.writeVarString(encoder, 'x');
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

describe('scanUpdate against Y.decodeUpdate', () => {
  const updates = [...realUpdates(), parentByIdUpdate(9), parentByIdUpdate(1)];

  test('real updates: the same roots and references, and they pass', () => {
    for (const update of updates) expect(fromScan(update)).toEqual(fromDecodeUpdate(update));
    const all = updates.map(fromScan);
    expect(all.every((outcome) => !outcome.threw)).toBe(true);
    expect(all.map((outcome) => (outcome.threw ? null : outcome.forwardReference))).toContain('parent');
    expect(all.map((outcome) => (outcome.threw ? null : outcome.forwardReference))).toContain('right origin');
  });

  test('every truncation is refused or accepted alike', () => {
    let refused = 0;
    for (const update of updates) {
      for (let length = 0; length < update.length; length++) {
        const cut = update.subarray(0, length);
        const expected = fromDecodeUpdate(cut);
        expect(fromScan(cut), `length ${length} of ${update.length}`).toEqual(expected);
        if (expected.threw) refused++;
      }
    }
    expect(refused).toBeGreaterThan(100);
  });

  test('seeded byte mutations give the same verdicts', () => {
    const gen = prng.create(0x5eed);
    let refused = 0;
    let accepted = 0;
    for (let round = 0; round < 4000; round++) {
      const base = prng.oneOf(gen, updates);
      const mutated = base.slice();
      const flips = prng.int32(gen, 1, 3);
      for (let flip = 0; flip < flips; flip++) {
        mutated[prng.int32(gen, 0, mutated.length - 1)] = prng.uint32(gen, 0, 255);
      }
      const expected = fromDecodeUpdate(mutated);
      expect(fromScan(mutated), `round ${round}`).toEqual(expected);
      if (expected.threw) refused++;
      else accepted++;
    }
    expect(refused).toBeGreaterThan(100);
    expect(accepted).toBeGreaterThan(100);
  });
});
