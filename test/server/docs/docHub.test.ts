/**
 * The DocHub on a real SQLite file: loading, storing before relaying, permissions, presence,
 * backpressure, unloading and shutdown. Connections are in-process (`TestConnection`); the store is
 * the real one, wrapped where a test must hold a load or a commit open.
 */
import * as encoding from 'lib0/encoding';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Db } from '../../../server/db/database.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { openStorage, type Storage } from '../../../server/db/storage.ts';
import { createDocHub, type DocHub, type DocHubLimits } from '../../../server/docs/docHub.ts';
import type { DocStore } from '../../../server/docs/docStore.ts';
import { silentLogger } from '../../../server/logger.ts';
import { meetingDocName } from '../../../shared/docNames.ts';
import {
  addAgendaItem,
  MEETING_SCHEMA_VERSION,
  readAgenda,
  schemaVersionOf,
} from '../../../shared/meetingDoc.ts';
import type { Role } from '../../../shared/roles.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { gate } from '../../helpers/gate.ts';
import { TestConnection } from '../../helpers/hubConnection.ts';
import { waitFor } from '../../helpers/yjsClients.ts';

describe('DocHub', () => {
  let database: TestDatabase;
  let storage: Storage;
  let db: Db;
  let store: DocStore;
  let hub: DocHub;
  let registry: Registry;
  let counter = 0;
  const name = () => meetingDocName(`hub-${++counter}`);

  function startHub(limits: DocHubLimits = {}, wrapped: DocStore = store): DocHub {
    registry = new Registry();
    hub = createDocHub({
      store: wrapped,
      logger: silentLogger(),
      metrics: registry,
      unloadDelayMs: 0,
      ...limits,
    });
    return hub;
  }
  const connection = (id: string, docName: string, role: Role = 'analyst') =>
    new TestConnection(id, () => hub, docName, role);

  async function storedDoc(docName: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    for (const row of await store.load(docName)) Y.applyUpdate(doc, row.data);
    return doc;
  }
  const storedTitles = async (docName: string) =>
    readAgenda(await storedDoc(docName)).map((item) => item.title);
  const metricValue = async (metric: string, labels: Record<string, string> = {}) =>
    (await registry.getSingleMetric(metric)?.get())?.values.find((value) =>
      Object.entries(labels).every(([key, label]) => value.labels[key] === label),
    )?.value ?? 0;

  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
    storage = openStorage(database.config);
    db = storage.db;
    await migrateToLatest(db);
    store = storage.docStore;
  });
  afterEach(async () => {
    await hub?.shutdown();
    await storage.close();
    await database.cleanup();
  });

  test('concurrent joins share one load, and nobody hears anything before it completes', async () => {
    const docName = name();
    const seed = new Y.Doc();
    addAgendaItem(seed, { title: 'Stored before the server started' });
    await store.append([{ docName, data: Y.encodeStateAsUpdate(seed) }]);
    const loadGate = gate();
    let loads = 0;
    startHub(
      {},
      {
        ...store,
        load: async (doc) => {
          loads++;
          await loadGate.opened;
          return store.load(doc);
        },
      },
    );
    const joiners = Array.from({ length: 5 }, (_, index) => connection(`c${index}`, docName));
    const joins = joiners.map((conn) => hub.join(conn, docName, 'write'));
    // Sent while loading: queued, answered after the load.
    for (const conn of joiners) conn.syncStep1();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(joiners.every((conn) => conn.received.length === 0)).toBe(true);
    expect(hub.isLoaded(docName)).toBe(false);

    loadGate.open();
    await Promise.all(joins);
    expect(loads).toBe(1);
    await waitFor(() => joiners.every((conn) => conn.synced), 'every joiner synced');
    for (const conn of joiners)
      expect(readAgenda(conn.doc).map((item) => item.title)).toEqual(['Stored before the server started']);
  });

  test('the schema upgrade runs on load and is stored', async () => {
    const docName = name();
    startHub();
    await hub.join(connection('a', docName), docName, 'write');
    await hub.flush();
    expect(schemaVersionOf(await storedDoc(docName))).toBe(MEETING_SCHEMA_VERSION);
  });

  test('an update is applied, then stored, then relayed: nobody sees it before its commit', async () => {
    const docName = name();
    const commitGate = gate();
    let holdCommits = false;
    startHub(
      {},
      {
        ...store,
        append: async (rows) => {
          if (holdCommits) await commitGate.opened;
          return store.append(rows);
        },
      },
    );
    const writer = connection('writer', docName);
    const reader = connection('reader', docName);
    await hub.join(writer, docName, 'write');
    await hub.join(reader, docName, 'read');
    writer.syncStep1();
    reader.syncStep1();
    await waitFor(() => writer.synced && reader.synced, 'both synced');
    await hub.flush();

    holdCommits = true;
    const before = reader.received.length;
    writer.edit((doc) => addAgendaItem(doc, { title: 'Not yet committed' }));
    // A late joiner's sync step 2 also waits: it would hold the uncommitted edit.
    const late = connection('late', docName);
    await hub.join(late, docName, 'read');
    late.syncStep1();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reader.received.length).toBe(before);
    expect(late.synced).toBe(false);

    commitGate.open();
    await waitFor(() => readAgenda(reader.doc).length === 1 && late.synced, 'relay after commit');
    expect(await storedTitles(docName)).toEqual(['Not yet committed']);
    expect(readAgenda(late.doc).map((item) => item.title)).toEqual(['Not yet committed']);
  });

  test('updates applied in one callback are stored in one transaction', async () => {
    const docName = name();
    const batches: number[] = [];
    startHub(
      {},
      {
        ...store,
        append: (rows) => {
          batches.push(rows.length);
          return store.append(rows);
        },
      },
    );
    await hub.join(connection('x', docName), docName, 'write');
    await hub.flush();
    batches.length = 0;
    await hub.change(docName, (doc) => {
      addAgendaItem(doc, { title: 'One' });
      addAgendaItem(doc, { title: 'Two' });
    });
    const writers = [connection('a', docName), connection('b', docName)];
    for (const writer of writers) await hub.join(writer, docName, 'write');
    for (const [index, writer] of writers.entries())
      writer.edit((doc) => addAgendaItem(doc, { title: `By ${index}` }));
    await hub.flush();
    expect(batches).toEqual([1, 2]);
  });

  test("a read connection's update is refused, the document unchanged; its no-op sync step 2 is not", async () => {
    const docName = name();
    startHub();
    const writer = connection('w', docName);
    const viewer = connection('v', docName, 'viewer');
    await hub.join(writer, docName, 'write');
    await hub.join(viewer, docName, 'read');
    writer.syncStep1();
    viewer.syncStep1();
    writer.edit((doc) => addAgendaItem(doc, { title: 'Agreed' }));
    await waitFor(() => viewer.synced && readAgenda(viewer.doc).length === 1, 'viewer has the item');

    // What every client sends back after the server's sync step 1: nothing new, so no refusal.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep2(encoder, viewer.doc, Y.encodeStateVector(viewer.doc));
    hub.receive(viewer, docName, encoding.toUint8Array(encoder));
    await hub.flush();
    expect(viewer.errors).toEqual([]);

    viewer.edit((doc) => addAgendaItem(doc, { title: 'Sneaked in by a viewer' }));
    await hub.flush();
    expect(viewer.errors.map((error) => error.code)).toEqual(['forbidden']);
    expect(await storedTitles(docName)).toEqual(['Agreed']);
    expect(readAgenda(writer.doc).map((item) => item.title)).toEqual(['Agreed']);
    expect(await metricValue('statroom_doc_updates_refused_total', { reason: 'forbidden' })).toBe(1);
  });

  test("presence shows the session's identity, and a leaving connection's disappears at once", async () => {
    const docName = name();
    startHub();
    const leaving = connection('vera', docName, 'viewer');
    const staying = connection('staying', docName);
    await hub.join(leaving, docName, 'read');
    await hub.join(staying, docName, 'write');
    leaving.publishPresence({
      user: { name: 'The Governor', role: 'analyst', color: '#123456' },
      itemId: 'x',
    });
    await waitFor(() => staying.awareness.getStates().has(leaving.doc.clientID), 'presence arrives');
    const shown = staying.awareness.getStates().get(leaving.doc.clientID) as {
      user: { name: string; role: string };
      itemId: string;
    };
    expect(shown.user).toMatchObject({ name: 'Person vera', role: 'viewer' });
    expect(shown.itemId).toBe('x');

    hub.disconnect(leaving);
    await waitFor(() => !staying.awareness.getStates().has(leaving.doc.clientID), 'presence removed');
  });

  test('a burst of presence changes reaches the others as a few batches, never echoed to its sender', async () => {
    const docName = name();
    startHub({ presence: { intervalMs: 200 } });
    const watcher = connection('watcher', docName);
    await hub.join(watcher, docName, 'read');
    const publishers = Array.from({ length: 10 }, (_, index) => connection(`p${index}`, docName));
    for (const publisher of publishers) await hub.join(publisher, docName, 'write');
    const before = watcher.receivedOfType(1);
    const first = publishers[0] as TestConnection;
    const firstBefore = first.receivedOfType(1);

    for (const [index, publisher] of publishers.entries())
      publisher.publishPresence({ itemId: `item-${index}` });
    await waitFor(() => watcher.awareness.getStates().size === 10, 'every presence arrives');
    // The first change at once, the nine others together once the interval is over.
    expect(watcher.receivedOfType(1) - before).toBe(2);
    expect(first.receivedOfType(1) - firstBefore).toBe(1);
    expect(first.awareness.getStates().size).toBe(10);
  });

  test('a document is unloaded after its last connection leaves, after the final commit', async () => {
    const docName = name();
    startHub();
    const conn = connection('a', docName);
    await hub.join(conn, docName, 'write');
    conn.edit((doc) => addAgendaItem(doc, { title: 'Written just before leaving' }));
    hub.leave(conn, docName);
    await waitFor(() => !hub.isLoaded(docName), 'unloaded');
    expect(hub.loadedCount()).toBe(0);
    expect(await storedTitles(docName)).toEqual(['Written just before leaving']);
  });

  test('a connection whose outgoing buffer passes the limit is dropped; a first sync is not falling behind', async () => {
    const docName = name();
    await store.append([{ docName, data: bigAgenda(100) }]);
    startHub({ maxBufferedBytes: 1000 });
    const writer = connection('w', docName);
    const fresh = connection('fresh', docName);
    await hub.join(writer, docName, 'write');
    await hub.join(fresh, docName, 'write');
    // The whole document (over the limit) stays in the fresh connection's buffer: still fine.
    fresh.sendBuffered = true;
    fresh.syncStep1();
    await waitFor(() => fresh.synced, 'fresh synced');
    expect(fresh.buffered).toBeGreaterThan(1000);
    writer.edit((doc) => addAgendaItem(doc, { title: 'Small edit' }));
    await hub.flush();
    expect(fresh.closedWith).toBeNull();

    const slow = connection('slow', docName);
    await hub.join(slow, docName, 'write');
    slow.buffered = 5000;
    writer.edit((doc) => addAgendaItem(doc, { title: 'Another' }));
    await waitFor(() => slow.closedWith !== null, 'slow connection dropped');
    expect(slow.closedWith).toMatch(/backpressure/);
    expect(writer.closedWith).toBeNull();
    expect(hub.isJoined(slow, docName)).toBe(false);
    expect(await metricValue('statroom_doc_backpressure_disconnects_total')).toBe(1);
  });

  test('hub.change stores and relays a server-side change', async () => {
    const docName = name();
    startHub();
    const conn = connection('a', docName);
    await hub.join(conn, docName, 'read');
    conn.syncStep1();
    const id = await hub.change(docName, (doc) =>
      addAgendaItem(doc, { title: 'Carried over by the server' }),
    );
    expect(readAgenda(await storedDoc(docName)).map((item) => item.id)).toEqual([id]);
    await waitFor(() => readAgenda(conn.doc).length === 1, 'relayed to the reader');
  });

  test('a failing commit keeps the updates and retries; nothing is relayed before it succeeds', async () => {
    const docName = name();
    let failures = 2;
    startHub(
      {},
      {
        ...store,
        append: async (rows) => {
          if (failures-- > 0) throw new Error('disk full');
          return store.append(rows);
        },
      },
    );
    const writer = connection('w', docName);
    const reader = connection('r', docName);
    failures = 0;
    await hub.join(writer, docName, 'write');
    await hub.join(reader, docName, 'read');
    reader.syncStep1();
    await waitFor(() => reader.synced, 'reader synced');
    await hub.flush();
    failures = 2;
    writer.edit((doc) => addAgendaItem(doc, { title: 'Survives two failed commits' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readAgenda(reader.doc)).toEqual([]);
    await waitFor(() => readAgenda(reader.doc).length === 1, 'relayed after the retry', 5_000);
    expect(await storedTitles(docName)).toEqual(['Survives two failed commits']);
  });

  test('shutdown stores what is pending and closes every connection', async () => {
    const docName = name();
    startHub();
    const conn = connection('a', docName);
    await hub.join(conn, docName, 'write');
    conn.edit((doc) => addAgendaItem(doc, { title: 'Typed as the server stopped' }));
    await hub.shutdown();
    expect(conn.closedWith).not.toBeNull();
    expect(hub.loadedCount()).toBe(0);
    expect(await storedTitles(docName)).toEqual(['Typed as the server stopped']);
  });
});

/** A meeting document with an agenda of `items` items, encoded. */
function bigAgenda(items: number): Uint8Array {
  const doc = new Y.Doc();
  for (let index = 0; index < items; index++) addAgendaItem(doc, { title: `Item ${index}` });
  return Y.encodeStateAsUpdate(doc);
}
