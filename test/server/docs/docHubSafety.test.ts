/**
 * Updates that must never reach storage or other clients: ones Yjs cannot apply, ones outside the
 * document's declared shape, ones past its size limit, and random corruptions of real updates.
 * And the other side of it: one bad row already stored never stops a document from loading.
 */
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { openStorage, type Storage } from '../../../server/db/storage.ts';
import { createDocHub, type DocHub, type DocHubLimits } from '../../../server/docs/docHub.ts';
import { silentLogger } from '../../../server/logger.ts';
import { meetingDocName } from '../../../shared/docNames.ts';
import { addAgendaItem, readAgenda, setAttendee, updateAgendaItem } from '../../../shared/meetingDoc.ts';
import { forwardReferencingUpdate } from '../../helpers/badUpdates.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { TestConnection } from '../../helpers/hubConnection.ts';
import { waitFor } from '../../helpers/yjsClients.ts';

describe('DocHub refuses what would break a document', () => {
  let database: TestDatabase;
  let storage: Storage;
  let hub: DocHub;
  let registry: Registry;
  let counter = 0;
  const name = () => meetingDocName(`safety-${++counter}`);

  function startHub(limits: DocHubLimits = {}): DocHub {
    registry = new Registry();
    hub = createDocHub({
      store: storage.docStore,
      logger: silentLogger(),
      metrics: registry,
      unloadDelayMs: 0,
      ...limits,
    });
    return hub;
  }
  const connection = (id: string, docName: string) => new TestConnection(id, () => hub, docName);
  const metricValue = async (metric: string) =>
    (await registry.getSingleMetric(metric)?.get())?.values[0]?.value ?? 0;
  const storedRows = async (docName: string) => storage.docStore.load(docName);

  /** A writer and a reader, both synced, on a document holding one agenda item. */
  async function room(docName: string) {
    const writer = connection('writer', docName);
    const reader = connection('reader', docName);
    await hub.join(writer, docName, 'write');
    await hub.join(reader, docName, 'write');
    writer.syncStep1();
    reader.syncStep1();
    writer.edit((doc) => addAgendaItem(doc, { title: 'Budget review' }));
    await waitFor(() => writer.synced && reader.synced && readAgenda(reader.doc).length === 1, 'room ready');
    await hub.flush();
    return { writer, reader };
  }

  /** Unloads the document, then joins it afresh and returns what a new client sees. */
  async function reloaded(docName: string, ...leaving: TestConnection[]): Promise<Y.Doc> {
    for (const conn of leaving) hub.leave(conn, docName);
    await waitFor(() => !hub.isLoaded(docName), 'unloaded');
    const fresh = connection(`fresh-${counter}`, docName);
    await hub.join(fresh, docName, 'write');
    fresh.syncStep1();
    await waitFor(() => fresh.synced, 'fresh client synced');
    return fresh.doc;
  }

  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
    storage = openStorage(database.config);
    await migrateToLatest(storage.db);
  });
  afterEach(async () => {
    await hub?.shutdown();
    await storage.close();
    await database.cleanup();
  });

  test.each(['origin', 'rightOrigin'] as const)(
    'an update that decodes but cannot be applied (%s pointing forward) is refused: nothing stored, relayed or changed',
    async (via) => {
      const docName = name();
      startHub();
      const { writer, reader } = await room(docName);
      const rowsBefore = (await storedRows(docName)).length;
      const readerMessages = reader.received.length;

      writer.sendUpdate(forwardReferencingUpdate({ via }));
      await hub.flush();

      expect(writer.errors.map((error) => error.code)).toEqual(['invalid_payload']);
      expect(writer.errors[0]?.message).toMatch(/later clock of its own client/);
      expect((await storedRows(docName)).length).toBe(rowsBefore);
      expect(reader.received.length).toBe(readerMessages);
      expect(writer.closedWith).toBeNull();
      // The document goes on, and loads again after it leaves memory.
      writer.edit((doc) => addAgendaItem(doc, { title: 'After the bad update' }));
      await waitFor(() => readAgenda(reader.doc).length === 2, 'later edits flow');
      const titles = readAgenda(await reloaded(docName, writer, reader)).map((item) => item.title);
      expect(titles).toEqual(['Budget review', 'After the bad update']);
    },
  );

  test('a stored update that cannot be applied is set aside at load, and the rest of the document loads', async () => {
    const docName = name();
    const good = new Y.Doc();
    addAgendaItem(good, { title: 'Kept' });
    await storage.docStore.append([{ docName, data: Y.encodeStateAsUpdate(good) }]);
    const [badId] = await storage.docStore.append([{ docName, data: forwardReferencingUpdate() }]);
    startHub();

    const reader = connection('reader', docName);
    await hub.join(reader, docName, 'write');
    reader.syncStep1();
    await waitFor(() => reader.synced, 'synced');
    expect(readAgenda(reader.doc).map((item) => item.title)).toEqual(['Kept']);
    expect(await metricValue('statroom_doc_updates_set_aside_total')).toBe(1);
    const setAside = await storage.db.kysely.selectFrom('doc_updates_set_aside').selectAll().execute();
    expect(setAside.map((row) => [Number(row.original_id), row.doc_name])).toEqual([[badId, docName]]);
    expect(setAside[0]?.reason).toMatch(/later clock/);
    const bad = Buffer.from(forwardReferencingUpdate());
    expect((await storedRows(docName)).some((row) => Buffer.from(row.data).equals(bad))).toBe(false);
  });

  test('an update creating a root the document does not declare, or using a root as another type, is refused', async () => {
    const docName = name();
    startHub();
    const { writer, reader } = await room(docName);
    const rowsBefore = (await storedRows(docName)).length;

    writer.edit((doc) => doc.getArray('hacked').push(['x']));
    writer.edit((doc) => doc.getArray('attendance').push(['not a map']));
    await hub.flush();
    expect(writer.errors.map((error) => error.code)).toEqual(['invalid_payload', 'invalid_payload']);
    expect(writer.errors[0]?.message).toMatch(/no root named "hacked"/);
    expect(writer.errors[1]?.message).toMatch(/"attendance" used as another type/);
    expect((await storedRows(docName)).length).toBe(rowsBefore);
    expect(readAgenda(reader.doc).map((item) => item.title)).toEqual(['Budget review']);
  });

  test('an update that would take the document past its size limit is refused with too_large', async () => {
    const docName = name();
    startHub({ maxDocBytes: 20_000 });
    const { writer, reader } = await room(docName);
    const id = readAgenda(writer.doc)[0]?.id as string;
    writer.edit((doc) => updateAgendaItem(doc, id, { title: 'A'.repeat(200) }));
    await waitFor(() => readAgenda(reader.doc)[0]?.title.length === 200, 'a small edit passes');

    writer.edit((doc) => setAttendee(doc, 'big', { name: 'B', agency: 'x'.repeat(100), present: true }));
    const huge = new Y.Doc();
    huge.clientID = writer.doc.clientID + 1;
    Y.applyUpdate(huge, Y.encodeStateAsUpdate(writer.doc));
    const before = Y.encodeStateVector(huge);
    for (let index = 0; index < 300; index++)
      addAgendaItem(huge, { title: `Padding ${index} ${'p'.repeat(80)}` });
    writer.sendUpdate(Y.encodeStateAsUpdate(huge, before));
    await hub.flush();
    expect(writer.errors.map((error) => error.code)).toEqual(['too_large']);
    expect(readAgenda(reader.doc)).toHaveLength(1);
  });

  test('random corruptions of real updates never break the document, the server or the other clients', async () => {
    const docName = name();
    startHub();
    const { writer, reader } = await room(docName);
    const random = mulberry32(20261203);
    const source = new Y.Doc();
    const samples: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => samples.push(update));
    for (let index = 0; index < 20; index++) {
      const id = addAgendaItem(source, { title: `Item ${index}` });
      updateAgendaItem(source, id, { timeboxMinutes: 5 + index });
      setAttendee(source, `p${index}`, { name: `Person ${index}`, agency: 'SDS', present: index % 2 === 0 });
    }
    let sent = 0;
    for (let round = 0; round < 3_000; round++) {
      const corrupted = new Uint8Array(samples[Math.floor(random() * samples.length)] as Uint8Array);
      const flips = 1 + Math.floor(random() * 3);
      for (let flip = 0; flip < flips; flip++)
        corrupted[Math.floor(random() * corrupted.length)] = Math.floor(random() * 256);
      writer.sendUpdate(corrupted);
      sent++;
    }
    await hub.flush();
    expect(sent).toBe(3_000);
    expect(
      writer.errors.every((error) => error.code === 'invalid_payload' || error.code === 'too_large'),
    ).toBe(true);
    expect(await metricValue('statroom_doc_apply_failures_total')).toBe(0);
    // Whatever was accepted is consistent: the reader converged with the server, and a fresh load
    // sets nothing aside.
    const fresh = await reloaded(docName, writer, reader);
    expect(Y.encodeStateVector(fresh)).toEqual(Y.encodeStateVector(reader.doc));
    expect(await metricValue('statroom_doc_updates_set_aside_total')).toBe(0);
    expect(readAgenda(fresh).map((item) => item.title)).toContain('Budget review');
  });
});

/** A tiny seeded PRNG (the demo generator's), so a failing corruption can be replayed. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
