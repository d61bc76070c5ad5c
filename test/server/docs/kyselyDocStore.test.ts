/**
 * The DocStore over Kysely on both engines, each on a fresh database: the log's append and load, the
 * compaction's replace, setting unapplicable rows aside, and the sizes /metrics shows.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '../../../server/db/database.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { openStorage, type Storage } from '../../../server/db/storage.ts';
import type { DocStore, StoredRow } from '../../../server/docs/docStore.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/databases.ts';
import { gate } from '../../helpers/gate.ts';
import { typedUpdates } from '../../helpers/typedUpdates.ts';

function textOf(rows: StoredRow[]): string {
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row.data);
  return doc.getText('notes').toString();
}

const hex = (data: Uint8Array) => Buffer.from(data).toString('hex');
const bytes = (length: number, fill: number) => new Uint8Array(length).fill(fill);

/**
 * Opens a Kysely transaction that inserts a row for `docName` and stays open across an await until
 * `rollBack()`; it then throws, so everything that ran inside it is undone. `ended` resolves with
 * that error.
 */
function transactionHeldOpen(db: Db, docName: string) {
  const held = gate();
  const opened = gate();
  const ended = db.kysely
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto('doc_updates')
        .values({ doc_name: docName, data: Buffer.from([0]), created_at: 'now' })
        .execute();
      opened.open();
      await held.opened;
      throw new Error('rolled back on purpose');
    })
    .catch((error: unknown) => error);
  return { opened: opened.opened, rollBack: () => held.open(), ended };
}

describe.each(DIALECTS)('Kysely doc store on %s', (dialect) => {
  let database: TestDatabase;
  let storage: Storage;
  let db: Db;
  let store: DocStore;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    storage = openStorage(database.config);
    db = storage.db;
    await migrateToLatest(db);
    store = storage.docStore;
  });
  afterEach(async () => {
    await storage.close();
    await database.cleanup();
  });

  const setAsideRows = () =>
    db.kysely.selectFrom('doc_updates_set_aside').selectAll().orderBy('original_id').execute();

  test('a document nobody wrote loads empty', async () => {
    expect(await store.load('meeting:never-written')).toEqual([]);
    expect(await store.append([])).toEqual([]);
  });

  test('append returns increasing ids, one per update in order; each document loads in order, bytes intact', async () => {
    const first = typedUpdates('minutes');
    const second = typedUpdates('agenda');
    // Interleaved: one append holding both documents' updates.
    const rows = first.flatMap((data, index) => [
      { docName: 'meeting:a', data },
      ...(second[index] ? [{ docName: 'meeting:b', data: second[index] as Uint8Array }] : []),
    ]);
    const ids = await store.append(rows);
    expect(ids).toHaveLength(rows.length);
    for (let index = 1; index < ids.length; index++)
      expect(ids[index] as number).toBeGreaterThan(ids[index - 1] as number);

    const loaded = await store.load('meeting:a');
    expect(loaded.map((row) => hex(row.data))).toEqual(first.map(hex));
    expect(loaded.map((row) => row.id)).toEqual(
      ids.filter((_, index) => rows[index]?.docName === 'meeting:a'),
    );
    expect(loaded.every((row) => row.data instanceof Uint8Array && !Buffer.isBuffer(row.data))).toBe(true);
    expect(textOf(await store.load('meeting:b'))).toBe('agenda');

    // A later append's ids come after every earlier one.
    const [later] = await store.append([{ docName: 'meeting:a', data: bytes(3, 7) }]);
    expect(later as number).toBeGreaterThan(Math.max(...ids));
  });

  test('an append is one transaction: one bad row stores nothing', async () => {
    const good = typedUpdates('x')[0] as Uint8Array;
    const bad = { docName: null as unknown as string, data: good };
    await expect(
      store.append([
        { docName: 'meeting:atomic', data: good },
        bad,
        { docName: 'meeting:other', data: good },
      ]),
    ).rejects.toThrow();
    expect(await store.load('meeting:atomic')).toEqual([]);
    expect(await store.load('meeting:other')).toEqual([]);
    // The store is usable afterwards.
    expect(await store.append([{ docName: 'meeting:atomic', data: good }])).toHaveLength(1);
  });

  test('replace swaps the rows up to the cut for one row; rows after the cut and other documents stay', async () => {
    const docName = 'meeting:cut';
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const char of 'before') doc.getText('notes').insert(doc.getText('notes').length, char);
    // Another document's rows between this one's, with ids inside the cut.
    const ids = await store.append(
      updates.flatMap((data, index) => [
        { docName, data },
        { docName: 'meeting:neighbour', data: bytes(5, index) },
      ]),
    );
    const cut = Math.max(...ids);
    const state = Y.encodeStateAsUpdate(doc);
    // Appended after the cut was read (a relayed edit arriving while the compaction runs).
    const from = updates.length;
    for (const char of '+after') doc.getText('notes').insert(doc.getText('notes').length, char);
    const laterIds = await store.append(updates.slice(from).map((data) => ({ docName, data })));

    await store.replace(docName, cut, state);

    const rows = await store.load(docName);
    expect(rows).toHaveLength(1 + laterIds.length);
    expect(rows.filter((row) => hex(row.data) === hex(state))).toHaveLength(1);
    expect(rows.map((row) => row.id)).toEqual(expect.arrayContaining(laterIds));
    expect(textOf(rows)).toBe('before+after');
    expect((await store.load('meeting:neighbour')).map((row) => row.data[0])).toEqual(
      updates.slice(0, from).map((_, index) => index),
    );
  });

  test('ids only grow: a row appended after a replace gets an id above the cut', async () => {
    // The cut is "rows up to id N": a later row with an id ≤ N would be deleted by the next
    // compaction that still holds N, without being in its state.
    const docName = 'meeting:ids-grow';
    await store.append([{ docName: 'meeting:older', data: bytes(4, 1) }]);
    const ids = await store.append(
      Array.from({ length: 6 }, (_, index) => ({ docName, data: bytes(4, index) })),
    );
    const cut = Math.max(...ids);
    await store.replace(docName, cut, bytes(4, 9));
    const [next] = await store.append([{ docName, data: bytes(4, 10) }]);
    expect(next as number).toBeGreaterThan(cut);
    const rows = await store.load(docName);
    expect(rows.map((row) => row.data[0])).toEqual([9, 10]);
    // A second replace with the newest cut leaves one row, whatever ids the first one handed out.
    await store.replace(docName, Math.max(...rows.map((row) => row.id)), bytes(4, 11));
    expect((await store.load(docName)).map((row) => row.data[0])).toEqual([11]);
  });

  test('replace is one transaction: when writing the new row fails, the old rows are all kept', async () => {
    const docName = 'meeting:replace-atomic';
    const updates = typedUpdates('kept');
    const ids = await store.append(updates.map((data) => ({ docName, data })));
    // The delete runs first; the insert then fails on a state that is not bytes.
    await expect(store.replace(docName, Math.max(...ids), null as unknown as Uint8Array)).rejects.toThrow();
    const rows = await store.load(docName);
    expect(rows.map((row) => row.id)).toEqual(ids);
    expect(textOf(rows)).toBe('kept');
  });

  test('setAside moves exactly the named rows out of the log, with the reason, and is idempotent', async () => {
    const docName = 'meeting:bad-rows';
    const ids = await store.append(
      Array.from({ length: 5 }, (_, index) => ({ docName, data: bytes(3, index) })),
    );
    const aside = [ids[1] as number, ids[3] as number];
    await store.setAside(docName, aside, 'an item refers to a later clock');

    expect((await store.load(docName)).map((row) => row.data[0])).toEqual([0, 2, 4]);
    const kept = await setAsideRows();
    expect(
      kept.map((row) => ({
        id: Number(row.original_id),
        doc: row.doc_name,
        byte: row.data[0],
        reason: row.reason,
      })),
    ).toEqual([
      { id: aside[0], doc: docName, byte: 1, reason: 'an item refers to a later clock' },
      { id: aside[1], doc: docName, byte: 3, reason: 'an item refers to a later clock' },
    ]);
    expect(Number.isNaN(Date.parse(kept[0]?.set_aside_at ?? ''))).toBe(false);

    // Again (a load that set them aside crashed before it finished, and the next one retries).
    await store.setAside(docName, aside, 'again');
    expect(await setAsideRows()).toEqual(kept);
    expect((await store.load(docName)).map((row) => row.data[0])).toEqual([0, 2, 4]);
  });

  test("setAside never touches another document's rows, even when handed their ids", async () => {
    const [mine] = await store.append([{ docName: 'meeting:mine', data: bytes(2, 1) }]);
    const [theirs] = await store.append([{ docName: 'meeting:theirs', data: bytes(2, 2) }]);
    await store.setAside('meeting:mine', [mine as number, theirs as number], 'bad');
    expect(await store.load('meeting:mine')).toEqual([]);
    expect((await store.load('meeting:theirs')).map((row) => row.id)).toEqual([theirs]);
    expect((await setAsideRows()).map((row) => Number(row.original_id))).toEqual([mine]);
  });

  test('setAside handles more ids than one IN list takes', async () => {
    const docName = 'meeting:many-bad';
    const ids = await store.append(
      Array.from({ length: 1_300 }, (_, index) => ({ docName, data: bytes(2, index % 256) })),
    );
    const aside = ids.filter((_, index) => index % 2 === 1);
    await store.setAside(docName, aside, 'bad');
    expect((await store.load(docName)).map((row) => row.id)).toEqual(
      ids.filter((_, index) => index % 2 === 0),
    );
    expect(await setAsideRows()).toHaveLength(aside.length);
  });

  test('sizes: rows, bytes and documents per kind, and the largest documents', async () => {
    expect(await store.sizes(5)).toEqual({ kinds: [], largest: [] });
    await store.append([
      { docName: 'meeting:small', data: bytes(10, 1) },
      { docName: 'meeting:big', data: bytes(300, 2) },
      { docName: 'meeting:small', data: bytes(15, 1) },
      { docName: 'ledger:obj-1', data: bytes(120, 3) },
      { docName: 'meeting:big', data: bytes(200, 2) },
      { docName: 'nameless', data: bytes(7, 4) },
    ]);
    const sizes = await store.sizes(2);
    const byKind = [...sizes.kinds].sort((a, b) => a.kind.localeCompare(b.kind));
    expect(byKind).toEqual([
      { kind: 'ledger', documents: 1, rows: 1, bytes: 120 },
      { kind: 'meeting', documents: 2, rows: 4, bytes: 525 },
      { kind: 'unknown', documents: 1, rows: 1, bytes: 7 },
    ]);
    expect(sizes.largest).toEqual([
      { docName: 'meeting:big', rows: 2, bytes: 500 },
      { docName: 'ledger:obj-1', rows: 1, bytes: 120 },
    ]);
    // A compaction shows at once.
    const rows = await store.load('meeting:big');
    await store.replace('meeting:big', Math.max(...rows.map((row) => row.id)), bytes(50, 5));
    expect((await store.sizes(1)).largest).toEqual([{ docName: 'ledger:obj-1', rows: 1, bytes: 120 }]);
  });

  test('an append never joins a transaction someone else has open on the connection', async () => {
    // On SQLite the append has its own path (a prepared statement on the shared connection); it must
    // not land inside a Kysely transaction that is open across an await and then rolls back.
    const [relayed] = typedUpdates('r');
    const transaction = transactionHeldOpen(db, 'meeting:other');
    await transaction.opened;
    const appended = store.append([{ docName: 'meeting:own', data: relayed as Uint8Array }]);
    transaction.rollBack();
    expect(await transaction.ended).toBeInstanceOf(Error);
    expect(await appended).toHaveLength(1);
    expect(await store.load('meeting:other')).toEqual([]);
    expect(textOf(await store.load('meeting:own'))).toBe('r');
  });
});
