/**
 * Stored sizes on /metrics: through a real app (documents written by the hub, /metrics read over
 * HTTP, checked against the SQLite file itself), and the scrape-time reading's cache on a real store.
 */
import { Registry } from 'prom-client';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../../../server/db/database.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { openStorage, type Storage } from '../../../server/db/storage.ts';
import type { DocStore } from '../../../server/docs/docStore.ts';
import { createKyselyDocStore } from '../../../server/docs/kyselyDocStore.ts';
import { registerStoreMetrics } from '../../../server/docs/storeMetrics.ts';
import { meetingDocName } from '../../../shared/docNames.ts';
import { addAgendaItem } from '../../../shared/meetingDoc.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { sleep } from '../../helpers/yjsClients.ts';

/** Every sample of one metric in Prometheus text: label value (or '') → value. */
function samples(text: string, metric: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = new RegExp(`^${metric}(?:\\{[a-z]+="([^"]*)"\\})? (\\S+)$`).exec(line);
    if (match) found.set(match[1] ?? '', Number(match[2]));
  }
  return found;
}

describe('stored sizes on /metrics', { timeout: 60_000 }, () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  test('/metrics shows bytes, rows and documents per kind, and the largest documents by name', async () => {
    const server: TestServer = await startTestServer();
    cleanups.push(() => server.close());
    const { hub } = server.app;
    // Seven meetings of growing size: a few changes each, the last ones with many items.
    const names = Array.from({ length: 7 }, (_, index) => meetingDocName(`sizes-${index}`));
    for (const [index, docName] of names.entries()) {
      for (let change = 0; change <= index; change++)
        await hub.change(docName, (doc) => {
          for (let item = 0; item <= index * 3; item++)
            addAgendaItem(doc, { title: `Item ${index}.${item}` });
        });
    }
    await hub.flush();

    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();

    // What the file itself holds, read on a connection of our own.
    const db = openDatabase(server.database.config);
    cleanups.push(() => db.close());
    const fileStore = createKyselyDocStore(db);
    const stored = await Promise.all(
      names.map(async (docName) => {
        const rows = await fileStore.load(docName);
        return { docName, rows: rows.length, bytes: rows.reduce((sum, row) => sum + row.data.byteLength, 0) };
      }),
    );
    const total = (field: 'rows' | 'bytes') => stored.reduce((sum, doc) => sum + doc[field], 0);
    expect(total('rows')).toBeGreaterThan(names.length);

    expect(samples(text, 'statroom_doc_store_documents')).toEqual(new Map([['meeting', 7]]));
    expect(samples(text, 'statroom_doc_store_rows')).toEqual(new Map([['meeting', total('rows')]]));
    expect(samples(text, 'statroom_doc_store_bytes')).toEqual(new Map([['meeting', total('bytes')]]));
    const largest = [...stored].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
    expect(samples(text, 'statroom_doc_store_largest_bytes')).toEqual(
      new Map(largest.map((doc) => [doc.docName, doc.bytes])),
    );
    expect(largest[0]?.docName).toBe(names[6]);
    expect(text).toMatch(/# HELP statroom_doc_store_bytes /);
  });

  describe('the reading behind the gauges', () => {
    let database: TestDatabase;
    let storage: Storage;

    async function countingStore(): Promise<{ store: DocStore; reads: () => number; fail: () => void }> {
      database = await createTestDatabase('sqlite');
      storage = openStorage(database.config);
      await migrateToLatest(storage.db);
      cleanups.push(async () => {
        await storage.close();
        await database.cleanup();
      });
      const real = storage.docStore;
      let reads = 0;
      let failNext = false;
      const store: DocStore = {
        ...real,
        async sizes(largest) {
          reads++;
          if (failNext) {
            failNext = false;
            throw new Error('database unavailable (on purpose)');
          }
          return real.sizes(largest);
        },
      };
      return {
        store,
        reads: () => reads,
        fail: () => {
          failNext = true;
        },
      };
    }

    test('one reading serves a storm of scrapes; a later scrape reads again and shows new rows', async () => {
      const { store, reads } = await countingStore();
      const registry = new Registry();
      registerStoreMetrics(registry, store, { cacheMs: 300 });
      await store.append([{ docName: 'meeting:a', data: new Uint8Array(100) }]);

      const scrapes = await Promise.all(Array.from({ length: 20 }, () => registry.metrics()));
      expect(reads()).toBe(1);
      for (const text of scrapes)
        expect(samples(text, 'statroom_doc_store_bytes')).toEqual(new Map([['meeting', 100]]));

      await store.append([{ docName: 'ledger:x', data: new Uint8Array(40) }]);
      // Within the cache time: the earlier reading.
      expect(samples(await registry.metrics(), 'statroom_doc_store_bytes').get('ledger')).toBeUndefined();
      expect(reads()).toBe(1);
      await sleep(350);
      const text = await registry.metrics();
      expect(reads()).toBe(2);
      expect(samples(text, 'statroom_doc_store_bytes')).toEqual(
        new Map([
          ['meeting', 100],
          ['ledger', 40],
        ]),
      );
      expect(samples(text, 'statroom_doc_store_documents')).toEqual(
        new Map([
          ['meeting', 1],
          ['ledger', 1],
        ]),
      );
    });

    test('only the largest documents are labelled, and one drops out when a compaction shrinks it', async () => {
      const { store } = await countingStore();
      const registry = new Registry();
      registerStoreMetrics(registry, store, { cacheMs: 0, largest: 3 });
      const ids = await store.append(
        Array.from({ length: 6 }, (_, index) => ({
          docName: `meeting:d${index}`,
          data: new Uint8Array(10 * (index + 1)),
        })),
      );
      expect(samples(await registry.metrics(), 'statroom_doc_store_largest_bytes')).toEqual(
        new Map([
          ['meeting:d5', 60],
          ['meeting:d4', 50],
          ['meeting:d3', 40],
        ]),
      );
      await store.replace('meeting:d5', ids[5] as number, new Uint8Array(5));
      expect(samples(await registry.metrics(), 'statroom_doc_store_largest_bytes')).toEqual(
        new Map([
          ['meeting:d4', 50],
          ['meeting:d3', 40],
          ['meeting:d2', 30],
        ]),
      );
    });

    test('a failed reading leaves /metrics answering without sizes, and the next scrape reads again', async () => {
      const { store, reads, fail } = await countingStore();
      const registry = new Registry();
      registerStoreMetrics(registry, store, { cacheMs: 60_000 });
      await store.append([{ docName: 'meeting:a', data: new Uint8Array(7) }]);
      fail();
      const failed = await registry.metrics();
      expect(samples(failed, 'statroom_doc_store_bytes')).toEqual(new Map());
      const text = await registry.metrics();
      expect(reads()).toBe(2);
      expect(samples(text, 'statroom_doc_store_bytes')).toEqual(new Map([['meeting', 7]]));
    });
  });
});
