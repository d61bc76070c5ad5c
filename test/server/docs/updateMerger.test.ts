import { afterEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createUpdateMerger, type UpdateMerger } from '../../../server/docs/updateMerger.ts';
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
