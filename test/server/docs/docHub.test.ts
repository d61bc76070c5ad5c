/**
 * The DocHub on its own, over the real SQLite store, with in-test connections that record what
 * the hub sends them (a transport is just something that implements HubConnection). The store is
 * wrapped, not replaced, where a test must hold a load or a commit open.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { type Db, openDatabase } from '../../../server/db/database.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { createDocHub, type DocHub, type DocHubLimits } from '../../../server/docs/docHub.ts';
import type { DocStore } from '../../../server/docs/docStore.ts';
import type { HubConnection } from '../../../server/docs/hubConnection.ts';
import { createKyselyDocStore } from '../../../server/docs/kyselyDocStore.ts';
import { silentLogger } from '../../../server/logger.ts';
import { meetingDocName } from '../../../shared/docNames.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import {
  addAgendaItem,
  MEETING_SCHEMA_VERSION,
  readAgenda,
  schemaVersionOf,
} from '../../../shared/meetingDoc.ts';
import type { Principal } from '../../../shared/roles.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { gate } from '../../helpers/gate.ts';
import { waitFor } from '../../helpers/yjsClients.ts';

/** Resolves once the event loop has finished the current turn (its check phase has run). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A connection that keeps a replica of the document from what the hub sends, like a real client. */
class TestConnection implements HubConnection {
  readonly transport = 'socketio' as const;
  readonly principal: Principal;
  readonly received: Uint8Array[] = [];
  readonly errors: Array<{ code: ErrorCode; message: string }> = [];
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  closedWith: string | null = null;
  buffered = 0;
  /** Whether the replica has applied the server's sync step 2. */
  synced = false;

  constructor(
    readonly id: string,
    private readonly hub: () => DocHub,
    readonly docName: string,
  ) {
    this.principal = { id, name: `Person ${id}`, role: 'analyst' };
    this.awareness.setLocalState(null);
  }

  send(_docName: string, message: Uint8Array): void {
    this.received.push(message);
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === 0) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, 0);
      const syncType = syncProtocol.readSyncMessage(decoder, reply, this.doc, 'server');
      if (syncType === syncProtocol.messageYjsSyncStep2) this.synced = true;
    } else if (type === 1) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), 'server');
    }
  }
  bufferedBytes(): number {
    return this.buffered;
  }
  reportError(_docName: string, code: ErrorCode, message: string): void {
    this.errors.push({ code, message });
  }
  close(reason: string): void {
    this.closedWith = reason;
  }

  syncStep1(): void {
    this.deliver((encoder) => {
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeSyncStep1(encoder, this.doc);
    });
  }
  /** Applies `change` to the replica and sends the resulting update to the hub. */
  edit(change: (doc: Y.Doc) => void): void {
    const before = Y.encodeStateVector(this.doc);
    change(this.doc);
    const update = Y.encodeStateAsUpdate(this.doc, before);
    this.deliver((encoder) => {
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
    });
  }
  publishPresence(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state);
    this.deliver((encoder) => {
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
      );
    });
  }
  private deliver(write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    write(encoder);
    this.hub().receive(this, this.docName, encoding.toUint8Array(encoder));
  }
}

describe('DocHub', () => {
  let database: TestDatabase;
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
  const connection = (id: string, docName: string) => new TestConnection(id, () => hub, docName);

  async function storedDoc(docName: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    for (const update of (await store.load(docName)).updates) Y.applyUpdate(doc, update);
    return doc;
  }

  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
    db = openDatabase(database.config);
    await migrateToLatest(db);
    store = createKyselyDocStore(db);
  });
  afterEach(async () => {
    await hub?.shutdown();
    await db.close();
    await database.cleanup();
  });

  test('concurrent joins share one load, and nobody hears anything before it completes', async () => {
    const docName = name();
    const seed = new Y.Doc();
    addAgendaItem(seed, { title: 'Stored before the server started' });
    await store.appendBatch([{ docName, data: Y.encodeStateAsUpdate(seed) }]);

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
    for (const conn of joiners) {
      expect(readAgenda(conn.doc).map((item) => item.title)).toEqual(['Stored before the server started']);
    }
  });

  test('the schema upgrade runs on load and is persisted', async () => {
    const docName = name();
    startHub();
    const conn = connection('a', docName);
    await hub.join(conn, docName, 'write');
    await hub.flush();
    expect(schemaVersionOf(await storedDoc(docName))).toBe(MEETING_SCHEMA_VERSION);
  });

  test('an update is relayed only after its transaction committed (asynchronous store)', async () => {
    const docName = name();
    const commitGate = gate();
    let holdCommits = false;
    startHub(
      {},
      {
        ...store,
        // Like PostgreSQL: every append goes through the asynchronous batch.
        appendNow: undefined,
        appendBatch: async (rows) => {
          if (holdCommits) await commitGate.opened;
          return store.appendBatch(rows);
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
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reader.received.length).toBe(before);
    expect(readAgenda(reader.doc)).toEqual([]);

    commitGate.open();
    await waitFor(() => readAgenda(reader.doc).length === 1, 'relay after commit');
    expect(readAgenda(await storedDoc(docName)).map((item) => item.title)).toEqual(['Not yet committed']);
  });

  test('a synchronous store commits each client update before relaying it, before receive returns', async () => {
    const docName = name();
    const seenAtCommit: number[] = [];
    let reader: TestConnection | undefined;
    const appendNow = store.appendNow?.bind(store);
    expect(appendNow).toBeDefined();
    startHub(
      {},
      {
        ...store,
        appendNow: (rows) => {
          seenAtCommit.push(reader?.received.length ?? -1);
          return (appendNow as NonNullable<typeof appendNow>)(rows);
        },
      },
    );
    const writer = connection('writer', docName);
    reader = connection('reader', docName);
    await hub.join(writer, docName, 'write');
    await hub.join(reader, docName, 'read');
    writer.syncStep1();
    reader.syncStep1();
    await waitFor(() => writer.synced && reader?.synced === true, 'both synced');
    await hub.flush();
    seenAtCommit.length = 0;
    const before = reader.received.length;
    const rowsBefore = await store.countRows(docName);

    writer.edit((doc) => addAgendaItem(doc, { title: 'Committed, then relayed' }));
    // No await since the edit: the commit and the relay happened on the receive call itself.
    expect(seenAtCommit).toEqual([before]);
    expect(reader.received.length).toBe(before + 1);
    expect(await store.countRows(docName)).toBe(rowsBefore + 1);
    // The server's own copy has the edit too (applied after the relay), once: stored once, and a
    // client joining now gets it in its sync step 2.
    expect(await hub.change(docName, (doc) => readAgenda(doc).map((item) => item.title))).toEqual([
      'Committed, then relayed',
    ]);
    await hub.flush();
    expect(await store.countRows(docName)).toBe(rowsBefore + 1);
    const late = connection('late', docName);
    await hub.join(late, docName, 'read');
    late.syncStep1();
    await waitFor(() => readAgenda(late.doc).length === 1, 'a late joiner has the edit');
  });

  test('edits handled in one event-loop turn: the first committed at once, the rest in one transaction', async () => {
    const docName = name();
    const commits: number[] = [];
    const appendNow = store.appendNow?.bind(store) as NonNullable<DocStore['appendNow']>;
    startHub(
      {},
      {
        ...store,
        appendNow: (rows) => {
          commits.push(rows.length);
          return appendNow(rows);
        },
      },
    );
    const writers = [0, 1, 2, 3, 4].map((index) => connection(`writer-${index}`, docName));
    const reader = connection('reader', docName);
    for (const writer of writers) await hub.join(writer, docName, 'write');
    await hub.join(reader, docName, 'read');
    reader.syncStep1();
    await waitFor(() => reader.synced, 'the reader synced');
    await hub.flush();
    await nextTurn();
    commits.length = 0;
    const relayedBefore = reader.received.length;

    // As when five clients' messages are read in one turn (after the process was held up).
    writers.forEach((writer, index) => {
      writer.edit((doc) => doc.getArray('edits').push([`edit ${index}`]));
    });
    expect(commits).toEqual([1]);
    expect(reader.received.length).toBe(relayedBefore + 1);

    await nextTurn();
    expect(commits).toEqual([1, 4]);
    expect(reader.received.length).toBe(relayedBefore + 5);
    expect(reader.doc.getArray('edits').length).toBe(5);
    expect((await storedDoc(docName)).getArray('edits').length).toBe(5);

    // The next turn's first edit takes the fast path again.
    writers[0]?.edit((doc) => doc.getArray('edits').push(['next turn']));
    expect(commits).toEqual([1, 4, 1]);
  });

  test('with an asynchronous store, updates from one callback are stored in one transaction', async () => {
    const docName = name();
    const batches: number[] = [];
    startHub(
      {},
      {
        ...store,
        appendNow: undefined,
        appendBatch: async (rows) => {
          batches.push(rows.length);
          return store.appendBatch(rows);
        },
      },
    );
    const writer = connection('w', docName);
    await hub.join(writer, docName, 'write');
    await hub.flush();
    batches.length = 0;
    for (let index = 0; index < 20; index++) writer.edit((doc) => doc.getText('notes').insert(0, `${index}`));
    await hub.flush();
    expect(batches).toEqual([20]);
  });

  test("a read connection's update is refused, the document unchanged; its no-op sync step 2 is not", async () => {
    const docName = name();
    startHub();
    const writer = connection('w', docName);
    const viewer = connection('v', docName);
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
    expect(readAgenda(await storedDoc(docName)).map((item) => item.title)).toEqual(['Agreed']);
    expect(readAgenda(writer.doc).map((item) => item.title)).toEqual(['Agreed']);
    const refused = await registry.getSingleMetric('statroom_doc_updates_refused_total')?.get();
    expect(refused?.values.find((value) => value.labels.reason === 'forbidden')?.value).toBe(1);
  });

  test("a leaving connection's awareness disappears for the others at once", async () => {
    const docName = name();
    startHub();
    const leaving = connection('leaving', docName);
    const staying = connection('staying', docName);
    await hub.join(leaving, docName, 'read');
    await hub.join(staying, docName, 'write');
    leaving.publishPresence({ user: 'Vera Viewer' });
    await waitFor(() => staying.awareness.getStates().has(leaving.doc.clientID), 'presence arrives');

    hub.disconnect(leaving);
    await waitFor(() => !staying.awareness.getStates().has(leaving.doc.clientID), 'presence removed');
  });

  test('a burst of presence changes reaches the others as a few batches, never echoed to its sender', async () => {
    const docName = name();
    startHub({ awarenessIntervalMs: 200 });
    const watcher = connection('watcher', docName);
    await hub.join(watcher, docName, 'read');
    const publishers = Array.from({ length: 10 }, (_, index) => connection(`p${index}`, docName));
    for (const publisher of publishers) await hub.join(publisher, docName, 'write');
    const awarenessMessages = (conn: TestConnection) =>
      conn.received.filter((message) => decoding.readVarUint(decoding.createDecoder(message)) === 1).length;
    const before = awarenessMessages(watcher);
    const firstPublisherBefore = awarenessMessages(publishers[0] as TestConnection);

    for (const [index, publisher] of publishers.entries())
      publisher.publishPresence({ user: `Person ${index}` });
    await waitFor(() => watcher.awareness.getStates().size === 10, 'every presence arrives');

    // The first change at once, the nine others together once the interval is over.
    expect(awarenessMessages(watcher) - before).toBe(2);
    // The first publisher's own state is not sent back to it; the batch with the others' is.
    expect(awarenessMessages(publishers[0] as TestConnection) - firstPublisherBefore).toBe(1);
    expect(publishers[0]?.awareness.getStates().size).toBe(10);
  });

  test('a document is unloaded after its last connection leaves, after the final flush', async () => {
    const docName = name();
    startHub();
    const conn = connection('a', docName);
    await hub.join(conn, docName, 'write');
    conn.edit((doc) => addAgendaItem(doc, { title: 'Written just before leaving' }));
    hub.leave(conn, docName);
    await waitFor(() => !hub.isLoaded(docName), 'unloaded');
    expect(hub.loadedCount()).toBe(0);
    expect(readAgenda(await storedDoc(docName)).map((item) => item.title)).toEqual([
      'Written just before leaving',
    ]);
  });

  test('a connection whose outgoing buffer passes the limit is dropped', async () => {
    const docName = name();
    startHub({ maxBufferedBytes: 1000 });
    const writer = connection('w', docName);
    const slow = connection('slow', docName);
    await hub.join(writer, docName, 'write');
    await hub.join(slow, docName, 'write');
    slow.buffered = 5000;
    writer.edit((doc) => doc.getText('notes').insert(0, 'anything'));
    await waitFor(() => slow.closedWith !== null, 'slow connection dropped');
    expect(slow.closedWith).toMatch(/backpressure/);
    expect(writer.closedWith).toBeNull();
    expect(hub.isJoined(slow, docName)).toBe(false);
    const dropped = await registry.getSingleMetric('statroom_doc_backpressure_disconnects_total')?.get();
    expect(dropped?.values[0]?.value).toBe(1);
  });

  test('hub.change persists and relays a server-side change', async () => {
    const docName = name();
    startHub();
    const conn = connection('a', docName);
    await hub.join(conn, docName, 'read');
    conn.syncStep1();
    const id = await hub.change(docName, (doc) =>
      addAgendaItem(doc, { title: 'Carried over by the server' }),
    );
    expect(typeof id).toBe('string');
    expect(readAgenda(await storedDoc(docName)).map((item) => item.id)).toEqual([id]);
    await waitFor(() => readAgenda(conn.doc).length === 1, 'relayed to the reader');
  });

  /** The store, counting the compactions the hub starts. */
  function countingCompactions(): { store: DocStore; started: () => number } {
    let started = 0;
    return {
      store: {
        ...store,
        compact: (doc, upToId) => {
          started++;
          return store.compact(doc, upToId);
        },
      },
      started: () => started,
    };
  }

  test('a document edited without a pause stays under the busy bound, and is compacted once quiet', async () => {
    const docName = name();
    const threshold = 50;
    const busyThreshold = 300;
    startHub({ compactThreshold: threshold, compactBusyThreshold: busyThreshold, compactIdleMs: 200 });
    const writer = connection('w', docName);
    await hub.join(writer, docName, 'write');
    let mostRows = 0;
    for (let index = 0; index < 1000; index++) {
      writer.edit((doc) => doc.getArray<number>('numbers').push([index]));
      if (index % 7 === 0) {
        await hub.flush();
        mostRows = Math.max(mostRows, await store.countRows(docName));
      }
    }
    await hub.flush();
    // Compacted mid-burst whenever it passed the busy bound (plus the edits of one merge at most).
    expect(mostRows).toBeGreaterThan(threshold);
    expect(mostRows).toBeLessThanOrEqual(busyThreshold + 8);
    // Quiet now: the compaction that waited for it brings the document under the threshold.
    await waitFor(async () => (await store.countRows(docName)) <= threshold, 'compacted once quiet');
    hub.leave(writer, docName);
    await waitFor(() => !hub.isLoaded(docName), 'unloaded');

    const reader = connection('r', docName);
    await hub.join(reader, docName, 'read');
    reader.syncStep1();
    await waitFor(() => reader.synced, 'reader synced');
    expect(reader.doc.getArray<number>('numbers').toArray()).toEqual(
      Array.from({ length: 1000 }, (_, i) => i),
    );
  });

  /** Joins a writer and pushes 0…count-1 to the document's numbers, one committed edit at a time. */
  async function writeNumbers(docName: string, count: number): Promise<TestConnection> {
    const writer = connection('w', docName);
    await hub.join(writer, docName, 'write');
    for (let index = 0; index < count; index++) {
      writer.edit((doc) => doc.getArray<number>('numbers').push([index]));
      await hub.flush();
    }
    return writer;
  }
  const storedNumbers = async (docName: string) =>
    (await storedDoc(docName)).getArray<number>('numbers').toArray();

  test('past the threshold, a document is compacted only once nobody has edited it for a while', async () => {
    const docName = name();
    const counting = countingCompactions();
    startHub({ compactThreshold: 5, compactIdleMs: 1_000 }, counting.store);
    await writeNumbers(docName, 20);
    // Twenty edits, none a second after the one before: nothing compacted yet.
    expect(counting.started()).toBe(0);
    expect(await store.countRows(docName)).toBeGreaterThanOrEqual(20);
    await waitFor(() => counting.started() === 1, 'the compaction after the quiet second');
    await waitFor(async () => (await store.countRows(docName)) === 1, 'compacted into one row');
    expect(await storedNumbers(docName)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  test('a document past the threshold is compacted when it unloads, before it leaves memory', async () => {
    const docName = name();
    const counting = countingCompactions();
    // An idle wait that never ends within the test: only the unload can compact.
    startHub({ compactThreshold: 5, compactIdleMs: 600_000 }, counting.store);
    const writer = await writeNumbers(docName, 20);
    expect(counting.started()).toBe(0);
    hub.leave(writer, docName);
    await waitFor(() => !hub.isLoaded(docName), 'unloaded');
    expect(counting.started()).toBe(1);
    expect(await store.countRows(docName)).toBe(1);
    expect(await storedNumbers(docName)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  test('a slow compaction holds back no edit, and flush waits for it', async () => {
    const docName = name();
    const compaction = gate();
    let compactions = 0;
    startHub(
      { compactThreshold: 5 },
      {
        ...store,
        compact: async (doc, upToId) => {
          compactions++;
          await compaction.opened;
          return store.compact(doc, upToId);
        },
      },
    );
    const writer = connection('w', docName);
    const reader = connection('r', docName);
    await hub.join(writer, docName, 'write');
    await hub.join(reader, docName, 'read');
    reader.syncStep1();
    await waitFor(() => reader.synced, 'reader synced');
    const numbers = () => reader.doc.getArray<number>('numbers').toArray();

    // One edit per batch until the document passes the threshold and a compaction starts (and hangs).
    let sent = 0;
    while (compactions === 0) {
      writer.edit((doc) => doc.getArray<number>('numbers').push([sent]));
      sent++;
      await waitFor(() => numbers().length === sent, `edit ${sent} relayed`);
    }
    // Edits made while it hangs are still committed and relayed, batch after batch.
    for (let index = 0; index < 5; index++) {
      writer.edit((doc) => doc.getArray<number>('numbers').push([sent]));
      sent++;
      await waitFor(() => numbers().length === sent, `edit ${sent} relayed during the compaction`);
    }
    expect(compactions).toBe(1);

    let flushed = false;
    const flushing = hub.flush().then(() => {
      flushed = true;
    });
    for (let tick = 0; tick < 5; tick++) await new Promise((resolve) => setImmediate(resolve));
    expect(flushed).toBe(false);
    compaction.open();
    await flushing;
    expect(await store.countRows(docName)).toBeLessThanOrEqual(5 + 2);
    expect((await storedDoc(docName)).getArray<number>('numbers').toArray()).toEqual(
      Array.from({ length: sent }, (_, i) => i),
    );
  });

  test('edits committed while a compaction merges are compacted next, so rows stay bounded', async () => {
    const docName = name();
    const mergeAllowed = gate();
    let merges = 0;
    startHub(
      { compactThreshold: 5, compactIdleMs: 50 },
      createKyselyDocStore(db, {
        mergeUpdates: async (rows) => {
          merges++;
          if (merges === 1) await mergeAllowed.opened;
          return Y.mergeUpdates(rows);
        },
      }),
    );
    const writer = connection('w', docName);
    await hub.join(writer, docName, 'write');
    let sent = 0;
    // Past the threshold: the first compaction reads its rows and waits to merge them.
    while (merges === 0) {
      writer.edit((doc) => doc.getArray<number>('numbers').push([sent++]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Twelve more rows arrive meanwhile: that compaction will not remove them.
    for (let index = 0; index < 12; index++)
      writer.edit((doc) => doc.getArray<number>('numbers').push([sent++]));
    mergeAllowed.open();
    await hub.flush();
    // Still past the threshold after the first compaction: due again, once quiet.
    await waitFor(async () => (await store.countRows(docName)) <= 5, 'compacted again');
    expect(merges).toBeGreaterThanOrEqual(2);
    expect((await storedDoc(docName)).getArray<number>('numbers').toArray()).toEqual(
      Array.from({ length: sent }, (_, i) => i),
    );
  });

  test('shutdown writes what is pending and closes every connection', async () => {
    const docName = name();
    startHub();
    const conn = connection('a', docName);
    await hub.join(conn, docName, 'write');
    conn.edit((doc) => addAgendaItem(doc, { title: 'Typed as the server stopped' }));
    await hub.shutdown();
    expect(conn.closedWith).not.toBeNull();
    expect(hub.loadedCount()).toBe(0);
    expect(readAgenda(await storedDoc(docName)).map((item) => item.title)).toEqual([
      'Typed as the server stopped',
    ]);
  });
});
