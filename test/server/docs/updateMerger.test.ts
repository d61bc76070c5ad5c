import { afterEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createUpdateMerger, mergeInChunks, type UpdateMerger } from '../../../server/docs/updateMerger.ts';
import { typedUpdates } from '../../helpers/typedUpdates.ts';

const textOf = (update: Uint8Array): string => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('notes').toString();
};

describe('update merger (worker thread)', () => {
  let merger: UpdateMerger | undefined;
  afterEach(async () => {
    await merger?.close();
    merger = undefined;
  });

  test('merges in the worker exactly as Y.mergeUpdates does here', async () => {
    merger = createUpdateMerger();
    const updates = typedUpdates('commitments carried forward');
    const merged = await merger.merge(updates);
    expect(Buffer.from(merged).equals(Buffer.from(Y.mergeUpdates(updates)))).toBe(true);
    expect(textOf(merged)).toBe('commitments carried forward');
  });

  test('a thousand updates merge by chunks, in the worker and here, into the same document', async () => {
    merger = createUpdateMerger();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const notes = doc.getText('notes');
    // Inserts all over the text, and deletes: the merge must keep every item's place.
    for (let index = 0; index < 1000; index++) {
      notes.insert((index * 7919) % (notes.length + 1), String.fromCharCode(97 + (index % 26)));
      if (index % 10 === 9) notes.delete((index * 31) % notes.length, 1);
    }
    const inWorker = await merger.merge(updates);
    expect(Buffer.from(inWorker).equals(Buffer.from(mergeInChunks(updates)))).toBe(true);
    expect(textOf(inWorker)).toBe(notes.toString());
    expect(Buffer.from(Y.encodeStateVectorFromUpdate(inWorker))).toEqual(
      Buffer.from(Y.encodeStateVectorFromUpdate(Y.mergeUpdates(updates))),
    );
  });

  test('concurrent merges each get their own answer', async () => {
    merger = createUpdateMerger();
    const texts = ['housing', 'transit', 'public safety', 'parks'];
    const merged = await Promise.all(texts.map((text) => (merger as UpdateMerger).merge(typedUpdates(text))));
    expect(merged.map(textOf)).toEqual(texts);
  });

  test('a bad update rejects its merge and the worker keeps serving', async () => {
    merger = createUpdateMerger();
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01]);
    await expect(merger.merge([garbage, ...typedUpdates('ok')])).rejects.toThrow(/merging updates failed/);
    expect(textOf(await merger.merge(typedUpdates('still here')))).toBe('still here');
  });

  test('after close, merges are refused', async () => {
    merger = createUpdateMerger();
    await merger.merge(typedUpdates('x'));
    await merger.close();
    await expect(merger.merge(typedUpdates('y'))).rejects.toThrow(/closed/);
  });
});
