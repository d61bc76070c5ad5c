/**
 * Group commit through the intake journal, on a real SQLite file: an update is in the journal when
 * `append` returns, in the database after the group commit or a flush, and after a crash exactly
 * once, whichever side of a commit the crash fell on.
 */
import { statSync, truncateSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { type Db, openDatabase } from '../../../server/db/database.ts';
import { startGroupCommitWorker } from '../../../server/db/groupCommitWorker.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import {
  createUpdateIntake,
  type UpdateIntake,
  type UpdateIntakeOptions,
} from '../../../server/db/updateIntake.ts';
import { createKyselyDocStore } from '../../../server/docs/kyselyDocStore.ts';
import { silentLogger } from '../../../server/logger.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { gate } from '../../helpers/gate.ts';
import { typedUpdates } from '../../helpers/typedUpdates.ts';
import { waitFor } from '../../helpers/yjsClients.ts';

const DEAD_PID = 4_194_305;
const update = (index: number) => ({ docName: `meeting:${index % 3}`, data: new Uint8Array([index, 1, 2]) });
const updates = (from: number, count: number) => Array.from({ length: count }, (_, i) => update(from + i));

describe('update intake (SQLite)', () => {
  let database: TestDatabase;
  const opened: Db[] = [];

  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterEach(async () => {
    for (const db of opened.splice(0)) if (db.sqlite?.open) await db.close();
    await database.cleanup();
  });

  async function open(): Promise<Db> {
    const db = openDatabase(database.config);
    opened.push(db);
    await migrateToLatest(db);
    return db;
  }
  const journalPath = (db: Db) => `${db.sqlite?.name}-intake`;
  /** By default a long delay: nothing reaches SQLite unless the test flushes. */
  const intakeOn = (db: Db, commitDelayMs = 60_000, options: Partial<UpdateIntakeOptions> = {}) =>
    createUpdateIntake(db.sqlite!, {
      journalPath: journalPath(db),
      logger: silentLogger(),
      commitDelayMs,
      ...options,
    });
  const storedBytes = (db: Db) =>
    db
      .sqlite!.prepare('SELECT data FROM doc_updates ORDER BY id')
      .all()
      .map((row) => [...(row as { data: Buffer }).data]);
  /**
   * A crash: the connection goes away without the intake being flushed or closed, and the
   * journal's lock names a process that is gone (a pid above Linux's largest).
   */
  const crash = (db: Db) => {
    db.sqlite!.close();
    writeFileSync(`${journalPath(db)}.lock`, String(DEAD_PID));
  };

  test('an append is in the journal at once and in SQLite after a flush, with the sequence it reached', async () => {
    const db = await open();
    const intake = intakeOn(db);
    intake.append(updates(0, 4));
    expect(statSync(journalPath(db)).size).toBeGreaterThan(4 * 3);
    expect(storedBytes(db)).toEqual([]);
    expect(intake.queued()).toBe(4);
    await intake.flush();
    expect(storedBytes(db)).toEqual(updates(0, 4).map((u) => [...u.data]));
    expect(db.sqlite!.prepare('SELECT last_seq FROM doc_intake_state').get()).toEqual({ last_seq: 4 });
    expect(intake.commits()).toEqual({ done: 1, onWorker: 0, failed: 0 });
    await intake.close();
  });

  test('the group commit comes on its own after the delay', async () => {
    const db = await open();
    const intake = intakeOn(db, 20);
    intake.append(updates(0, 2));
    intake.append(updates(2, 1));
    await waitFor(() => storedBytes(db).length === 3, 'committed by the timer');
    // By the worker thread, on its own connection; this one reads what it committed.
    await waitFor(() => intake.commits().onWorker === 1, 'the worker answered');
    expect(intake.queued()).toBe(0);
    expect(db.sqlite!.prepare('SELECT last_seq FROM doc_intake_state').get()).toEqual({ last_seq: 3 });
    await intake.close();
  });

  test('when the worker has stopped, the timed commits run on this thread', async () => {
    const db = await open();
    const worker = startGroupCommitWorker(db.sqlite!);
    await worker.close();
    const intake = intakeOn(db, 5, { commitWorker: worker });
    intake.append(updates(0, 2));
    await waitFor(() => storedBytes(db).length === 2, 'committed on this thread');
    expect(intake.commits()).toMatchObject({ done: 1, onWorker: 0 });
    await intake.close();
  });

  test('a flush while the worker commits stores every update once', async () => {
    const db = await open();
    const intake = intakeOn(db, 1);
    for (let round = 0; round < 20; round++) {
      intake.append(updates(round * 5, 5));
      // Now and then the flush lands while the worker holds the same batch.
      if (round % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
      if (round % 2 === 0) await intake.flush();
    }
    await intake.flush();
    expect(storedBytes(db)).toEqual(updates(0, 100).map((u) => [...u.data]));
    await intake.close();
  });

  test('after a crash, the next start commits what only the journal held, once', async () => {
    const first = await open();
    const intake = intakeOn(first);
    intake.append(updates(0, 3));
    await intake.flush();
    intake.append(updates(3, 2));
    crash(first);

    const second = await open();
    const reopened = intakeOn(second);
    expect(reopened.recovered).toBe(2);
    expect(storedBytes(second)).toEqual(updates(0, 5).map((u) => [...u.data]));
    // Appends go on from the recovered sequence; a crash now recovers only what follows it.
    reopened.append(updates(5, 1));
    crash(second);

    const third = await open();
    const again = intakeOn(third);
    expect(again.recovered).toBe(1);
    expect(storedBytes(third)).toEqual(updates(0, 6).map((u) => [...u.data]));
    await again.close();

    const fourth = await open();
    expect(intakeOn(fourth).recovered).toBe(0);
    expect(storedBytes(fourth)).toHaveLength(6);
  });

  test('a recovery SQLite refuses keeps the journal, lets go of its lock, and succeeds later', async () => {
    const first = await open();
    intakeOn(first).append(updates(0, 3));
    crash(first);

    const second = await open();
    second.sqlite!.exec('ALTER TABLE doc_intake_state RENAME TO doc_intake_state_away');
    expect(() => intakeOn(second)).toThrow(/doc_intake_state/);
    second.sqlite!.exec('ALTER TABLE doc_intake_state_away RENAME TO doc_intake_state');
    expect(intakeOn(second).recovered).toBe(3);
    expect(storedBytes(second)).toEqual(updates(0, 3).map((u) => [...u.data]));
  });

  test('a record torn by the crash is dropped and the others recovered', async () => {
    const first = await open();
    const intake = intakeOn(first);
    intake.append(updates(0, 3));
    crash(first);
    truncateSync(journalPath(first), statSync(journalPath(first)).size - 2);

    const second = await open();
    expect(intakeOn(second).recovered).toBe(2);
    expect(storedBytes(second)).toEqual(updates(0, 2).map((u) => [...u.data]));
  });

  test('a failing commit keeps the updates queued and counted, and the next one stores them', async () => {
    const db = await open();
    const intake = intakeOn(db, 1, { flushTimeoutMs: 200 });
    // A real failure from SQLite: the table the commit writes its sequence to is gone.
    db.sqlite!.exec('ALTER TABLE doc_intake_state RENAME TO doc_intake_state_away');
    intake.append(updates(0, 2));
    await waitFor(() => intake.commits().failed >= 1, 'a failed commit');
    expect(intake.queued()).toBe(2);
    expect(storedBytes(db)).toEqual([]);
    await expect(intake.flush()).rejects.toThrow(/could not be committed/);
    db.sqlite!.exec('ALTER TABLE doc_intake_state_away RENAME TO doc_intake_state');
    await intake.flush();
    expect(storedBytes(db)).toEqual(updates(0, 2).map((u) => [...u.data]));
    expect(intake.commits().done).toBe(1);
    await intake.close();
  });

  test("a compaction's row count includes the updates still in the journal", async () => {
    const db = await open();
    const intake = intakeOn(db);
    const store = createKyselyDocStore(db, { intake });
    const typed = typedUpdates('abcdefghij').map((data) => ({ docName: 'meeting:typed', data }));
    store.appendNow?.(typed.slice(0, 5));
    await intake.flush();
    // Five more, journaled and queued when the compaction counts.
    store.appendNow?.(typed.slice(5));
    const { replacedRows, rowsAfter } = await store.compact('meeting:typed');
    expect(replacedRows).toBe(5);
    await intake.flush();
    const stored = (await store.load('meeting:typed')).updates;
    expect(rowsAfter).toBe(stored.length);
    const doc = new Y.Doc();
    for (const update of stored) Y.applyUpdate(doc, update);
    expect(doc.getText('notes').toString()).toBe('abcdefghij');
    await intake.close();
  });

  test('an open Kysely transaction holds back the commit, never the append', async () => {
    const db = await open();
    const intake: UpdateIntake = intakeOn(db, 1);
    const release = gate();
    const inside = gate();
    const transaction = db.kysely.transaction().execute(async (trx) => {
      await trx.selectFrom('doc_updates').select('id').execute();
      inside.open();
      await release.opened;
    });
    await inside.opened;
    intake.append(updates(0, 2));
    let flushed = false;
    const flushing = intake.flush().then(() => {
      flushed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(flushed).toBe(false);
    expect(intake.queued()).toBe(2);
    release.open();
    await transaction;
    await flushing;
    expect(storedBytes(db)).toHaveLength(2);
    await intake.close();
  });
});
