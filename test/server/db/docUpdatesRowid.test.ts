/**
 * Migration `003_doc_updates_rowid` on a real SQLite file: the update log without AUTOINCREMENT, so
 * an append writes the pages that hold the edit and nothing else, and a database made before the
 * migration keeps every row and id through it.
 */
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { type Db, openDatabase } from '../../../server/db/database.ts';
import { createMigrator, migrateToLatest } from '../../../server/db/migrate.ts';
import { createKyselyDocStore } from '../../../server/docs/kyselyDocStore.ts';
import { createTestDatabase } from '../../helpers/databases.ts';

async function openSqlite(cleanups: Array<() => Promise<void>>): Promise<Db> {
  const database = await createTestDatabase('sqlite');
  cleanups.push(() => database.cleanup());
  const db = openDatabase(database.config);
  cleanups.push(() => db.close());
  return db;
}

/** Frames in the WAL right now. */
function walFrames(db: Db): number {
  const rows = db.sqlite?.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
  return rows[0]?.log ?? 0;
}

/**
 * A second connection holding a read transaction open: the WAL cannot restart from its start
 * while a reader may need its frames, so frames are only ever added and can be counted.
 */
function pinWal(db: Db): () => void {
  const reader = new SQLite(db.sqlite?.name as string, { readonly: true });
  reader.exec('BEGIN');
  reader.prepare('SELECT count(*) FROM doc_updates').get();
  return () => {
    reader.exec('COMMIT');
    reader.close();
  };
}

const update = (docName: string, byte: number) => ({ docName, data: new Uint8Array(48).fill(byte) });

describe('doc_updates ids (SQLite)', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  test('an append writes the log page and its index page to the WAL, not a sequence page', async () => {
    const db = await openSqlite(cleanups);
    await migrateToLatest(db);
    const store = createKyselyDocStore(db);
    // Let the first appends allocate the pages of five documents' index entries.
    for (let i = 0; i < 10; i++) await store.append([update(`meeting:d${i % 5}`, i)]);
    const unpin = pinWal(db);
    cleanups.push(async () => unpin());

    const before = walFrames(db);
    const appends = 100;
    for (let i = 0; i < appends; i++) await store.append([update(`meeting:d${i % 5}`, i)]);
    const framesPerAppend = (walFrames(db) - before) / appends;

    // Two pages per commit (the table's and the index's), plus a page split now and then. With
    // AUTOINCREMENT every commit also rewrote sqlite_sequence: 3 per append.
    expect(framesPerAppend).toBeGreaterThanOrEqual(2);
    expect(framesPerAppend).toBeLessThan(2.5);
    const sequence = await sql<{
      name: string;
    }>`SELECT name FROM sqlite_sequence WHERE name = 'doc_updates'`.execute(db.kysely);
    expect(sequence.rows).toEqual([]);
  });

  test('a database made before the migration keeps its rows, ids and index, and new ids follow', async () => {
    const db = await openSqlite(cleanups);
    const migrator = createMigrator(db);
    const before = await migrator.migrateTo('002_performance');
    expect(before.error).toBeUndefined();
    const store = createKyselyDocStore(db);
    for (let i = 0; i < 6; i++) await store.append([update(i % 2 === 0 ? 'meeting:a' : 'meeting:b', i)]);
    // A compaction-like gap: AUTOINCREMENT kept counting past the deleted rows.
    await db.kysely.deleteFrom('doc_updates').where('id', 'in', [2, 3]).execute();
    const rowsBefore = await db.kysely.selectFrom('doc_updates').selectAll().orderBy('id').execute();

    await migrateToLatest(db);

    const rowsAfter = await db.kysely.selectFrom('doc_updates').selectAll().orderBy('id').execute();
    expect(rowsAfter).toEqual(rowsBefore);
    expect((await store.load('meeting:a')).map((row) => row.data[0])).toEqual([0, 4]);
    const indexes = await sql<{ name: string }>`SELECT name FROM pragma_index_list('doc_updates')`.execute(
      db.kysely,
    );
    expect(indexes.rows.map((row) => row.name)).toEqual(['doc_updates_doc_name_id']);
    const ddl = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE name = 'doc_updates'`.execute(
      db.kysely,
    );
    expect(ddl.rows[0]?.sql).not.toMatch(/autoincrement/i);

    await store.append([update('meeting:a', 9)]);
    const newest = await db.kysely
      .selectFrom('doc_updates')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(newest.id).toBe(Math.max(...rowsBefore.map((row) => row.id)) + 1);
    expect((await store.load('meeting:a')).map((row) => row.data[0])).toEqual([0, 4, 9]);
  });
});
