/**
 * Compaction in the DocHub on a real SQLite file: it garbage-collects (the stored document shrinks to
 * about its encoded state), it runs when quiet, past the busy bound, and at unload, and it never
 * loses an edit: not one racing it, not when it fails. The store is the real one, wrapped where a
 * test must count, hold or fail a replace.
 */
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { openStorage, type Storage } from '../../../server/db/storage.ts';
import { createDocHub, type DocHub, type DocHubLimits } from '../../../server/docs/docHub.ts';
import type { DocStore } from '../../../server/docs/docStore.ts';
import { silentLogger } from '../../../server/logger.ts';
import { meetingDocName } from '../../../shared/docNames.ts';
import {
  addAgendaItem,
  getAgendaItem,
  readAgenda,
  readAttendance,
  removeAgendaItem,
  setAttendee,
} from '../../../shared/meetingDoc.ts';
import { firstParagraphText } from '../../../shared/richNotes.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { gate } from '../../helpers/gate.ts';
import { TestConnection } from '../../helpers/hubConnection.ts';
import { sleep, waitFor } from '../../helpers/yjsClients.ts';

/** Every root of a meeting document as plain JSON: two copies with equal content give equal JSON. */
const contentOf = (doc: Y.Doc) => ({
  meta: doc.getMap('meta').toJSON(),
  agenda: doc.getMap('agenda').toJSON(),
  attendance: doc.getMap('attendance').toJSON(),
});

const titlesOf = (doc: Y.Doc) => readAgenda(doc).map((item) => item.title);

/** The real store, with each replace seen (and held or failed) by the test. */
interface WatchedStore extends DocStore {
  /** Replaces that completed. */
  compactions: number;
  /** Calls to replace, completed or not. */
  replaceCalls: number;
  /** Bytes of every update appended, for comparing with what compaction leaves. */
  appendedBytes: number;
  /** Set by a test: runs before each replace reaches the real store; may wait or throw. */
  beforeReplace: ((docName: string, upToId: number) => Promise<void> | void) | null;
}

function watched(store: DocStore): WatchedStore {
  const watchedStore: WatchedStore = {
    ...store,
    compactions: 0,
    replaceCalls: 0,
    appendedBytes: 0,
    beforeReplace: null,
    async append(updates) {
      for (const update of updates) watchedStore.appendedBytes += update.data.byteLength;
      return store.append(updates);
    },
    async replace(docName, upToId, state) {
      watchedStore.replaceCalls++;
      await watchedStore.beforeReplace?.(docName, upToId);
      await store.replace(docName, upToId, state);
      watchedStore.compactions++;
    },
  };
  return watchedStore;
}

describe('compaction', { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let storage: Storage;
  let store: DocStore;
  let watchedStore: WatchedStore;
  let hub: DocHub | undefined;
  let counter = 0;
  const name = () => meetingDocName(`compaction-${++counter}`);

  function startHub(limits: DocHubLimits): DocHub {
    watchedStore = watched(store);
    hub = createDocHub({
      store: watchedStore,
      logger: silentLogger(),
      metrics: new Registry(),
      unloadDelayMs: 0,
      ...limits,
    });
    return hub;
  }
  const theHub = (): DocHub => {
    if (!hub) throw new Error('no hub');
    return hub;
  };

  /** A writer joined and synced (it holds the server's schema upgrade before it edits). */
  async function syncedWriter(docName: string, id = 'writer'): Promise<TestConnection> {
    const conn = new TestConnection(id, theHub, docName);
    await theHub().join(conn, docName, 'write');
    conn.syncStep1();
    await waitFor(() => conn.synced, `${id} synced`);
    return conn;
  }

  async function storedDoc(docName: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    for (const row of await store.load(docName)) Y.applyUpdate(doc, row.data);
    return doc;
  }
  const storedRows = async (docName: string) => (await store.load(docName)).length;
  const storedBytes = async (docName: string) =>
    (await store.load(docName)).reduce((sum, row) => sum + row.data.byteLength, 0);

  async function leaveAndUnload(conn: TestConnection, docName: string): Promise<void> {
    theHub().leave(conn, docName);
    await waitFor(() => !theHub().isLoaded(docName), 'the document unloaded');
  }

  /** A fresh connection joining (the document loads from what is stored) and its synced copy. */
  async function freshJoin(docName: string): Promise<Y.Doc> {
    const conn = await syncedWriter(docName, `fresh-${++counter}`);
    return conn.doc;
  }

  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
    storage = openStorage(database.config);
    await migrateToLatest(storage.db);
    store = storage.docStore;
  });
  afterEach(async () => {
    await hub?.shutdown();
    hub = undefined;
    await storage.close();
    await database.cleanup();
  });

  test('compaction garbage-collects: 2,000 rewrites of one attendee shrink to the encoded state of what is alive', async () => {
    const docName = name();
    startHub({ compactThreshold: 100, compactIdleMs: 200 });
    const writer = await syncedWriter(docName);
    const itemIds: string[] = [];
    for (let index = 0; index < 2_000; index++) {
      writer.edit((doc) =>
        setAttendee(doc, 'a', {
          name: `Ana Analyst ${index}`,
          agency: `Agency ${index % 7}`,
          present: index % 2 === 0,
        }),
      );
      if (index % 40 === 0) {
        writer.edit((doc) => {
          itemIds.push(addAgendaItem(doc, { title: `Item ${index}` }));
        });
      }
      if (index % 40 === 20) {
        // Type into the newest item's notes, then take an older item away.
        writer.edit((doc) =>
          firstParagraphText(
            getAgendaItem(doc, itemIds.at(-1) as string)?.notes ?? new Y.XmlFragment(),
          )?.insert(0, `notes ${index} `),
        );
        if (itemIds.length > 3) writer.edit((doc) => removeAgendaItem(doc, itemIds.shift() as string));
      }
      // Edits arrive over many callbacks, as from a socket.
      if (index % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await theHub().flush();
    expect(writer.errors).toEqual([]);
    await leaveAndUnload(writer, docName);

    const encodedState = Y.encodeStateAsUpdate(writer.doc).byteLength;
    const bytes = await storedBytes(docName);
    console.info(
      `compaction: ${watchedStore.appendedBytes} bytes of updates appended, ${bytes} stored after ` +
        `${watchedStore.compactions} compactions, encoded state ${encodedState}`,
    );
    expect(await storedRows(docName)).toBe(1);
    expect(bytes).toBeLessThanOrEqual(encodedState * 1.2);
    // Updates merged with Y.mergeUpdates would keep every overwritten attendee: about the sum.
    expect(bytes).toBeLessThan(watchedStore.appendedBytes / 10);

    const joined = await freshJoin(docName);
    expect(contentOf(joined)).toEqual(contentOf(writer.doc));
    expect(readAttendance(joined)).toEqual([
      { key: 'a', name: 'Ana Analyst 1999', agency: `Agency ${1999 % 7}`, present: false },
    ]);
    expect(titlesOf(joined)).toEqual(titlesOf(writer.doc));
    expect(titlesOf(joined)).toEqual(['Item 1880', 'Item 1920', 'Item 1960']);
  });

  test('a document past the threshold is compacted only once it has been quiet', async () => {
    const docName = name();
    const idleMs = 500;
    startHub({
      compactThreshold: 20,
      compactIdleMs: idleMs,
      compactBusyThreshold: 10_000,
      unloadDelayMs: 60_000,
    });
    const writer = await syncedWriter(docName);
    // Forty edits 25 ms apart: past the threshold halfway, never quiet for idleMs until the end.
    for (let index = 0; index < 40; index++) {
      writer.edit((doc) => addAgendaItem(doc, { title: `Typed ${index}` }));
      await sleep(25);
    }
    await theHub().flush();
    const lastStoredAt = performance.now();
    expect(watchedStore.replaceCalls).toBe(0);
    expect(await storedRows(docName)).toBe(41);

    await waitFor(() => watchedStore.compactions === 1, 'the quiet compaction');
    expect(performance.now() - lastStoredAt).toBeGreaterThanOrEqual(idleMs - 50);
    expect(theHub().isLoaded(docName)).toBe(true);
    expect(await storedRows(docName)).toBe(1);
    expect(titlesOf(await storedDoc(docName))).toEqual(titlesOf(writer.doc));
    // Once is enough: nothing new, nothing more.
    await sleep(idleMs * 2);
    expect(watchedStore.replaceCalls).toBe(1);
  });

  test('past the busy bound a document is compacted during a burst, keeping its rows bounded', async () => {
    const docName = name();
    startHub({ compactThreshold: 10, compactIdleMs: 60_000, compactBusyThreshold: 30 });
    const writer = await syncedWriter(docName);
    let mostRows = 0;
    for (let index = 0; index < 100; index++) {
      writer.edit((doc) => addAgendaItem(doc, { title: `Burst ${index}` }));
      await new Promise((resolve) => setImmediate(resolve));
      if (index % 10 === 9) mostRows = Math.max(mostRows, await storedRows(docName));
    }
    await theHub().flush();
    // 101 rows with the upgrade's: a compaction each time they pass 30.
    expect(watchedStore.compactions).toBeGreaterThanOrEqual(3);
    expect(mostRows).toBeLessThanOrEqual(31 + 10);
    expect(await storedRows(docName)).toBeLessThanOrEqual(31);
    expect(titlesOf(await storedDoc(docName))).toEqual(titlesOf(writer.doc));
    expect(titlesOf(writer.doc)).toHaveLength(100);
  });

  test('a document past the threshold is compacted at unload, before it leaves memory; one under it is left alone', async () => {
    const docName = name();
    const small = name();
    startHub({ compactThreshold: 10, compactIdleMs: 60_000, compactBusyThreshold: 1_000 });
    const loadedAtReplace: boolean[] = [];
    watchedStore.beforeReplace = (replaced) => {
      loadedAtReplace.push(theHub().isLoaded(replaced));
    };
    const writer = await syncedWriter(docName);
    const smallWriter = await syncedWriter(small, 'small-writer');
    for (let index = 0; index < 15; index++)
      writer.edit((doc) => addAgendaItem(doc, { title: `Item ${index}` }));
    for (let index = 0; index < 5; index++)
      smallWriter.edit((doc) => addAgendaItem(doc, { title: `Small ${index}` }));
    await theHub().flush();
    expect(watchedStore.replaceCalls).toBe(0);

    await leaveAndUnload(writer, docName);
    expect(loadedAtReplace).toEqual([true]);
    expect(watchedStore.compactions).toBe(1);
    expect(await storedRows(docName)).toBe(1);
    expect(titlesOf(await freshJoin(docName))).toEqual(titlesOf(writer.doc));

    await leaveAndUnload(smallWriter, small);
    expect(watchedStore.replaceCalls).toBe(1);
    expect(await storedRows(small)).toBe(6);
  });

  test('edits racing a compaction all survive, rows appended meanwhile are kept, also after earlier compactions', async () => {
    const docName = name();
    startHub({ compactThreshold: 5, compactIdleMs: 100, compactBusyThreshold: 1_000 });
    const writer = await syncedWriter(docName);
    const written: string[] = [];
    const write = (title: string) => {
      written.push(title);
      writer.edit((doc) => addAgendaItem(doc, { title }));
    };

    for (const [round, before] of [20, 6, 9].entries()) {
      // Typing, then a quiet moment: an ordinary compaction.
      const compactionsBefore = watchedStore.compactions;
      for (let index = 0; index < before; index++) write(`round ${round} before ${index}`);
      await waitFor(() => watchedStore.compactions >= compactionsBefore + 1, 'a quiet compaction');

      // A few more edits; the next compaction is held open while ten more are stored.
      const held = gate();
      const started = gate();
      watchedStore.beforeReplace = async () => {
        watchedStore.beforeReplace = null;
        started.open();
        await held.opened;
      };
      for (let index = 0; index < 6; index++) write(`round ${round} typed ${index}`);
      await started.opened;
      const rowsAtStart = await storedRows(docName);
      for (let index = 0; index < 10; index++) {
        write(`round ${round} during ${index}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await waitFor(async () => (await storedRows(docName)) === rowsAtStart + 10, 'the racing edits stored');
      held.open();
      await waitFor(() => watchedStore.compactions >= compactionsBefore + 2, 'the held compaction');
      expect(titlesOf(await storedDoc(docName))).toEqual(written);
    }
    expect(writer.errors).toEqual([]);

    await leaveAndUnload(writer, docName);
    expect(titlesOf(await storedDoc(docName))).toEqual(written);
    expect(titlesOf(await freshJoin(docName))).toEqual(written);
  });

  test('a failed compaction loses nothing and is tried again: after the next edit, and at unload', async () => {
    const docName = name();
    startHub({ compactThreshold: 5, compactIdleMs: 100, compactBusyThreshold: 1_000 });
    let failures = 0;
    const failOnce = () => {
      watchedStore.beforeReplace = () => {
        watchedStore.beforeReplace = null;
        failures++;
        throw new Error('disk full (on purpose)');
      };
    };
    failOnce();
    const writer = await syncedWriter(docName);
    for (let index = 0; index < 8; index++)
      writer.edit((doc) => addAgendaItem(doc, { title: `Kept ${index}` }));
    await waitFor(() => failures === 1, 'the failed compaction');
    await sleep(300);
    expect(watchedStore.compactions).toBe(0);
    expect(await storedRows(docName)).toBe(9);
    expect(titlesOf(await storedDoc(docName))).toEqual(titlesOf(writer.doc));

    // The next edit's quiet moment tries again.
    writer.edit((doc) => addAgendaItem(doc, { title: 'After the failure' }));
    await waitFor(() => watchedStore.compactions === 1, 'the compaction tried again');
    expect(await storedRows(docName)).toBe(1);
    expect(titlesOf(await storedDoc(docName))).toHaveLength(9);

    // Failing at unload (before the quiet moment): the document still unloads with every row, and
    // compacts on its next load.
    failOnce();
    const replaceCalls = watchedStore.replaceCalls;
    for (let index = 0; index < 8; index++)
      writer.edit((doc) => addAgendaItem(doc, { title: `More ${index}` }));
    await leaveAndUnload(writer, docName);
    expect(failures).toBe(2);
    expect(watchedStore.replaceCalls).toBeGreaterThan(replaceCalls);
    expect(watchedStore.compactions).toBe(1);
    expect(titlesOf(await storedDoc(docName))).toEqual(titlesOf(writer.doc));

    const joined = await freshJoin(docName);
    expect(titlesOf(joined)).toEqual(titlesOf(writer.doc));
    await waitFor(() => watchedStore.compactions === 2, 'compacted after the reload');
    expect(await storedRows(docName)).toBe(1);
    expect(titlesOf(await storedDoc(docName))).toHaveLength(17);
  });
});
