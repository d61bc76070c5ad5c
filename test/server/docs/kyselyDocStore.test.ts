import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { type Db, openDatabase } from '../../../server/db/database.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import type { DocStore } from '../../../server/docs/docStore.ts';
import { createKyselyDocStore } from '../../../server/docs/kyselyDocStore.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/databases.ts';
import { gate } from '../../helpers/gate.ts';
import { typedUpdates } from '../../helpers/typedUpdates.ts';
import { waitFor } from '../../helpers/yjsClients.ts';

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('notes').toString();
}

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
  let db: Db;
  let store: DocStore;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = openDatabase(database.config);
    await migrateToLatest(db);
    store = createKyselyDocStore(db);
  });
  afterAll(async () => {
    await db.close();
    await database.cleanup();
  });

  test('a document nobody wrote loads empty', async () => {
    expect(await store.load('meeting:never-written')).toEqual({ updates: [], lastId: 0 });
    expect(await store.countRows('meeting:never-written')).toBe(0);
  });

  test('appends a batch for several documents and loads each in order, bytes intact', async () => {
    const first = typedUpdates('minutes');
    const second = typedUpdates('agenda');
    await store.appendBatch([
      ...first.map((data) => ({ docName: 'meeting:a', data })),
      ...second.map((data) => ({ docName: 'meeting:b', data })),
    ]);
    const loaded = await store.load('meeting:a');
    expect(loaded.updates.map((update) => Buffer.from(update).toString('hex'))).toEqual(
      first.map((update) => Buffer.from(update).toString('hex')),
    );
    expect(loaded.lastId).toBeGreaterThan(0);
    expect(textOf((await store.load('meeting:b')).updates)).toBe('agenda');
    expect(await store.countRows('meeting:a')).toBe(first.length);
  });

  test('a batch is one transaction: one bad row stores nothing', async () => {
    const good = typedUpdates('x')[0] as Uint8Array;
    const bad = { docName: null as unknown as string, data: good };
    await expect(store.appendBatch([{ docName: 'meeting:atomic', data: good }, bad])).rejects.toThrow();
    expect(await store.countRows('meeting:atomic')).toBe(0);
  });

  test('compaction merges the rows into one and keeps the content', async () => {
    const updates = typedUpdates('the chair asked for weekly data');
    await store.appendBatch(updates.map((data) => ({ docName: 'meeting:compact', data })));
    const result = await store.compact('meeting:compact');
    expect(result).toEqual({ replacedRows: updates.length, rowsAfter: 1 });
    expect(textOf((await store.load('meeting:compact')).updates)).toBe('the chair asked for weekly data');
    // Other documents are untouched.
    expect(await store.countRows('meeting:b')).toBeGreaterThan(1);
  });

  test('compaction up to an id leaves newer rows alone', async () => {
    const updates = typedUpdates('abcdef');
    await store.appendBatch(updates.slice(0, 4).map((data) => ({ docName: 'meeting:cut', data })));
    const { lastId } = await store.load('meeting:cut');
    await store.appendBatch(updates.slice(4).map((data) => ({ docName: 'meeting:cut', data })));
    expect(await store.compact('meeting:cut', lastId)).toEqual({ replacedRows: 4, rowsAfter: 3 });
    expect(textOf((await store.load('meeting:cut')).updates)).toBe('abcdef');
  });

  test('a large base row is left alone until the rows after it add up to a quarter of it', async () => {
    const docName = 'meeting:tiered';
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const notes = doc.getText('notes');
    notes.insert(0, 'b'.repeat(20_000));
    for (const char of 'minutes') notes.insert(notes.length, char);
    const append = (from: number) =>
      store.appendBatch(updates.slice(from).map((data) => ({ docName, data })));
    await append(0);
    const baseBefore = await db.kysely
      .selectFrom('doc_updates')
      .select(['id', 'data'])
      .where('doc_name', '=', docName)
      .orderBy('id')
      .executeTakeFirstOrThrow();

    // Seven small rows beside a 20 kB one: only they are merged, the base keeps its id and bytes.
    expect(await store.compact(docName)).toEqual({ replacedRows: 7, rowsAfter: 2 });
    const rows = await db.kysely
      .selectFrom('doc_updates')
      .select(['id', 'data'])
      .where('doc_name', '=', docName)
      .execute();
    const base = rows.find((row) => Number(row.id) === Number(baseBefore.id));
    expect(Buffer.from(base?.data ?? []).equals(Buffer.from(baseBefore.data))).toBe(true);
    expect(textOf((await store.load(docName)).updates)).toBe(`${'b'.repeat(20_000)}minutes`);

    // Once the others weigh a quarter of the base, everything becomes one new base.
    const count = updates.length;
    notes.insert(notes.length, 'c'.repeat(6_000));
    await append(count);
    expect(await store.compact(docName)).toEqual({ replacedRows: 3, rowsAfter: 1 });
    expect(textOf((await store.load(docName)).updates)).toBe(
      `${'b'.repeat(20_000)}minutes${'c'.repeat(6_000)}`,
    );
  });

  test('appends go through while a compaction merges, and the rows they add are kept', async () => {
    const updates = typedUpdates('persist then relay');
    const docName = 'meeting:compact-while-appending';
    const mergeAllowed = gate();
    const mergeStarted = gate();
    const slowMergeStore = createKyselyDocStore(db, {
      mergeUpdates: async (rows) => {
        mergeStarted.open();
        await mergeAllowed.opened;
        return Y.mergeUpdates(rows);
      },
    });
    await slowMergeStore.appendBatch(updates.slice(0, 10).map((data) => ({ docName, data })));
    const compaction = slowMergeStore.compact(docName);
    await mergeStarted.opened;
    // The merge is in progress: an append must not wait for it (no transaction is open meanwhile).
    const append = slowMergeStore.appendBatch(updates.slice(10).map((data) => ({ docName, data })));
    const waited = new Promise<'held back'>((resolve) => setTimeout(() => resolve('held back'), 2_000));
    expect(await Promise.race([append.then(() => 'appended' as const), waited])).toBe('appended');
    mergeAllowed.open();
    expect(await compaction).toEqual({ replacedRows: 10, rowsAfter: 1 + updates.length - 10 });
    expect(textOf((await slowMergeStore.load(docName)).updates)).toBe('persist then relay');
  });

  test('a compaction never joins a transaction someone else has open on the connection', async () => {
    // On SQLite compaction reads and writes with its own prepared statements on the shared
    // connection; none of it may run inside a Kysely transaction that is open across an await.
    // Here one opens while the rows are merged, so the compaction's delete-and-insert comes next.
    const docName = 'meeting:compact-beside-a-transaction';
    let transaction: ReturnType<typeof transactionHeldOpen> | undefined;
    const storeWithBusyMerge = createKyselyDocStore(db, {
      mergeUpdates: async (rows) => {
        transaction = transactionHeldOpen(db, 'meeting:rolled-back');
        await transaction.opened;
        return Y.mergeUpdates(rows);
      },
    });
    await storeWithBusyMerge.appendBatch(typedUpdates('kept').map((data) => ({ docName, data })));
    const compaction = storeWithBusyMerge.compact(docName);
    await waitFor(() => transaction !== undefined, 'the merge');
    await transaction?.opened;
    // Let the compaction reach its delete-and-insert while the transaction is still open.
    await new Promise((resolve) => setTimeout(resolve, 50));
    transaction?.rollBack();
    expect(await transaction?.ended).toBeInstanceOf(Error);
    expect(await compaction).toEqual({ replacedRows: 4, rowsAfter: 1 });
    expect(await store.countRows(docName)).toBe(1);
    expect(textOf((await store.load(docName)).updates)).toBe('kept');
    expect(await store.countRows('meeting:rolled-back')).toBe(0);
  });

  test('an append never joins a transaction someone else has open on the connection', async () => {
    // On SQLite the append has its own path (a prepared statement on the shared connection); it must
    // not land inside a Kysely transaction that is open across an await and then rolls back.
    const [relayed] = typedUpdates('r');
    const transaction = transactionHeldOpen(db, 'meeting:other');
    await transaction.opened;
    const appended = store.appendBatch([{ docName: 'meeting:own', data: relayed as Uint8Array }]);
    transaction.rollBack();
    expect(await transaction.ended).toBeInstanceOf(Error);
    await appended;
    expect(await store.countRows('meeting:other')).toBe(0);
    expect(textOf((await store.load('meeting:own')).updates)).toBe('r');
  });
});
