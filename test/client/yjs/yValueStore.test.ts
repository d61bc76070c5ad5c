/**
 * The store behind `useYValue`: one snapshot until the roots change, and a change that lands
 * between the render (the first snapshot) and the subscription is not lost. Before the fix the
 * meeting page could show an empty agenda for good when the sync arrived while it mounted.
 */
import { describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { createYValueStore } from '../../../client/src/yjs/yValueStore.ts';

const titles = (doc: Y.Doc) => doc.getArray<string>('items').toArray();
const roots = (doc: Y.Doc) => [doc.getArray<string>('items') as Y.AbstractType<unknown>];
const storeOf = (doc: Y.Doc) =>
  createYValueStore(
    doc,
    () => roots,
    () => titles,
  );

/** The server's copy with `items`, as the update a sync would apply. */
function serverUpdate(items: string[]): Uint8Array {
  const server = new Y.Doc();
  server.getArray<string>('items').push(items);
  return Y.encodeStateAsUpdate(server);
}

describe('yValueStore', () => {
  test('the same snapshot until a root changes, then the new value', () => {
    const doc = new Y.Doc();
    const store = storeOf(doc);
    const notify = vi.fn();
    const unsubscribe = store.subscribe(notify);
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    doc.getMap('elsewhere').set('x', 1);
    expect(notify).not.toHaveBeenCalled();
    expect(store.getSnapshot()).toBe(first);

    doc.getArray<string>('items').push(['Follow-up review']);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).toEqual(['Follow-up review']);
    unsubscribe();
    doc.getArray<string>('items').push(['Problem solving']);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  test('a sync applied between the first snapshot and the subscription is seen', () => {
    const doc = new Y.Doc();
    const store = storeOf(doc);
    expect(store.getSnapshot()).toEqual([]);
    // The sync lands after the render read the empty document and before React subscribed.
    Y.applyUpdate(doc, serverUpdate(['Follow-up review', 'Problem solving']));
    const notify = vi.fn();
    store.subscribe(notify);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).toEqual(['Follow-up review', 'Problem solving']);
  });

  test('nothing changed before the subscription: no extra notification, the same snapshot', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, serverUpdate(['Follow-up review']));
    const store = storeOf(doc);
    const first = store.getSnapshot();
    const notify = vi.fn();
    store.subscribe(notify);
    expect(notify).not.toHaveBeenCalled();
    expect(store.getSnapshot()).toBe(first);
  });
});
