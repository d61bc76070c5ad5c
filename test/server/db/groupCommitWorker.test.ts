/**
 * The group commit on its worker thread, against a real SQLite file: it stores what it is given
 * once, whichever of the two connections commits a record first; it fails visibly; and the main
 * connection's Kysely transactions live beside it without SQLITE_BUSY_SNAPSHOT.
 */
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type Db, openDatabase } from '../../../server/db/database.ts';
import { prepareGroupCommit } from '../../../server/db/groupCommit.ts';
import { startGroupCommitWorker } from '../../../server/db/groupCommitWorker.ts';
import type { JournalRecord } from '../../../server/db/intakeJournal.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';

const record = (seq: number): JournalRecord => ({
  seq,
  docName: `meeting:${seq % 2}`,
  // A view into a larger buffer, as an update read off a socket is: only its own bytes are stored.
  data: new Uint8Array([0, 0, seq, seq + 1, 0]).subarray(2, 4),
});
const records = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => record(from + index));
const CREATED_AT = '2026-12-01T00:00:00.000Z';

describe('group commit worker (SQLite)', () => {
  let database: TestDatabase;
  let db: Db;

  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
    db = openDatabase(database.config);
    await migrateToLatest(db);
  });
  afterEach(async () => {
    await db.close();
    await database.cleanup();
  });

  const stored = () =>
    db
      .sqlite!.prepare('SELECT doc_name, data FROM doc_updates ORDER BY id')
      .all()
      .map((row) => {
        const { doc_name, data } = row as { doc_name: string; data: Buffer };
        return [doc_name, [...data]];
      });
  const expected = (from: number, to: number) => records(from, to).map((r) => [r.docName, [...r.data]]);

  test('stores a batch on its own connection, and a record only once whichever side commits it first', async () => {
    const worker = startGroupCommitWorker(db.sqlite!);
    const commitHere = prepareGroupCommit(db.sqlite!);
    expect(await worker.commit(records(1, 4), CREATED_AT)).toBe(4);
    expect(stored()).toEqual(expected(1, 4));
    // The same batch again, then one that overlaps it, from the worker and from this thread.
    expect(await worker.commit(records(1, 4), CREATED_AT)).toBe(0);
    expect(commitHere(records(3, 6), CREATED_AT)).toBe(2);
    expect(await worker.commit(records(5, 8), CREATED_AT)).toBe(2);
    expect(stored()).toEqual(expected(1, 8));
    expect(db.sqlite!.prepare('SELECT last_seq FROM doc_intake_state').get()).toEqual({ last_seq: 8 });
    await worker.close();
    expect(worker.alive).toBe(false);
    await expect(worker.commit(records(9, 9), CREATED_AT)).rejects.toThrow(/closed/);
  });

  test('a SQLite error is reported for the batch, and the worker goes on', async () => {
    const worker = startGroupCommitWorker(db.sqlite!);
    expect(await worker.commit(records(1, 1), CREATED_AT)).toBe(1);
    db.sqlite!.exec('ALTER TABLE doc_intake_state RENAME TO doc_intake_state_away');
    await expect(worker.commit(records(2, 3), CREATED_AT)).rejects.toThrow(/doc_intake_state/);
    expect(worker.alive).toBe(true);
    db.sqlite!.exec('ALTER TABLE doc_intake_state_away RENAME TO doc_intake_state');
    expect(await worker.commit(records(2, 3), CREATED_AT)).toBe(2);
    expect(stored()).toEqual(expected(1, 3));
    await worker.close();
  });

  test('a worker that cannot open the database rejects its batch and is no longer alive', async () => {
    const other = await createTestDatabase('sqlite');
    const elsewhere = openDatabase(other.config);
    const path = elsewhere.sqlite!.name;
    await elsewhere.close();
    rmSync(path);
    // Its connection is opened on a file that is gone (`fileMustExist`).
    const worker = startGroupCommitWorker({ name: path, pragma: () => 0 } as never);
    await expect(worker.commit(records(1, 1), CREATED_AT)).rejects.toThrow(/could not open the database/);
    expect(worker.alive).toBe(false);
    await worker.close();
    await other.cleanup();
  });

  test('a Kysely transaction that reads, then writes after the worker committed, still commits', async () => {
    const worker = startGroupCommitWorker(db.sqlite!);
    let workerCommit: Promise<number> | null = null;
    await db.kysely.transaction().execute(async (trx) => {
      await trx.selectFrom('doc_updates').select('id').execute();
      // A deferred transaction would now hold a snapshot that the worker's commit makes stale, and
      // its insert would fail with SQLITE_BUSY_SNAPSHOT. Begun immediate, it holds the write lock
      // and the worker waits for it.
      workerCommit = worker.commit(records(1, 2), CREATED_AT);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await trx
        .insertInto('doc_updates')
        .values({ doc_name: 'meeting:kysely', data: Buffer.from([9]), created_at: CREATED_AT })
        .execute();
    });
    expect(await workerCommit).toBe(2);
    expect(stored()).toEqual([['meeting:kysely', [9]], ...expected(1, 2)]);
    await worker.close();
  });
});
