/**
 * The WAL checkpointer (`server/db/walCheckpointer.ts`), which takes SQLite's checkpoints and their
 * fsyncs off the event loop that commits document updates. It lives beside `database.ts`; its tests
 * live here, with the document store it serves. Real SQLite files, a real worker thread.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { openStorage } from '../../../server/db/storage.ts';
import { startWalCheckpointer } from '../../../server/db/walCheckpointer.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { waitFor } from '../../helpers/yjsClients.ts';

const update = (index: number) => new Uint8Array(200).fill(index % 251);
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

describe('WAL checkpointer', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function openSqlite(
    options: { restartFrames?: number; restartTries?: number; intervalMs?: number } = {},
  ) {
    const database: TestDatabase = await createTestDatabase('sqlite');
    cleanups.push(() => database.cleanup());
    const storage = openStorage({
      ...database.config,
      walCheckpointIntervalMs: options.intervalMs ?? 60_000,
      walCheckpointRestartFrames: options.restartFrames,
      walCheckpointRestartTries: options.restartTries,
    });
    const db = { ...storage.db, checkpointer: storage.checkpointer, close: () => storage.close() };
    let closed = false;
    cleanups.push(async () => {
      if (!closed) await db.close();
    });
    await migrateToLatest(db);
    const path = database.config.sqlitePath as string;
    return {
      db,
      path,
      store: storage.docStore,
      close: async () => {
        closed = true;
        await db.close();
      },
    };
  }

  const countRows = (db: { sqlite: SQLite.Database | null }, docName: string): number => {
    const row = db.sqlite
      ?.prepare('SELECT count(*) AS count FROM doc_updates WHERE doc_name = ?')
      .get(docName);
    return (row as { count: number } | undefined)?.count ?? 0;
  };

  test('commits never checkpoint; the worker does, and the WAL then restarts from its start', async () => {
    const { db, store } = await openSqlite();
    const sqlite = db.sqlite as SQLite.Database;
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

    // Far past the 1000 pages at which a commit would otherwise checkpoint (each row adds frames).
    for (let index = 0; index < 1500; index++) {
      await store.append([{ docName: 'meeting:wal', data: update(index) }]);
    }
    const grown = await db.checkpointer?.checkpointNow();
    expect(grown?.walFrames).toBeGreaterThan(1000);
    expect(grown?.checkpointedFrames).toBe(grown?.walFrames);

    // Everything was copied, so the next commit writes from the WAL's start again.
    await store.append([{ docName: 'meeting:wal', data: update(0) }]);
    const restarted = await db.checkpointer?.checkpointNow();
    expect(restarted?.walFrames).toBeLessThan(10);
    expect(countRows(db, 'meeting:wal')).toBe(1501);
  });

  /** Starts from a restarted WAL (the migrations wrote to it), then takes it past 600 frames. */
  async function walPastTheLimit(options: { restartTries?: number } = {}) {
    const opened = await openSqlite({ restartFrames: 600, ...options });
    const { db, store } = opened;
    await db.checkpointer?.checkpointNow();
    await store.append([{ docName: 'meeting:small', data: update(0) }]);
    await db.checkpointer?.checkpointNow();
    for (let index = 0; index < 50; index++) {
      await store.append([{ docName: 'meeting:small', data: update(index) }]);
    }
    const under = await db.checkpointer?.checkpointNow();
    expect(under?.restart).toBe('none');
    expect(under?.restartTries).toBe(0);
    for (let index = 0; index < 400; index++) {
      await store.append([{ docName: 'meeting:busy', data: update(index) }]);
    }
    return opened;
  }

  test('past the limit under steady commits, the WAL restarts between two of them', async () => {
    // Under writes that never pause, one passive checkpoint rarely lets the WAL restart (some commit
    // lands during its fsync). The worker tries again until one try has no commit in its way.
    const { db, store } = await walPastTheLimit();
    let committing = true;
    let commits = 0;
    const writer = (async () => {
      while (committing) {
        await store.append([{ docName: 'meeting:steady', data: update(commits++) }]);
        await new Promise((resolve) => setTimeout(resolve, 4));
      }
    })();
    const over = await db.checkpointer?.checkpointNow();
    const committedDuringCheckpoint = commits;
    committing = false;
    await writer;
    expect(committedDuringCheckpoint).toBeGreaterThan(0);
    expect(over?.restart).toBe('between-commits');
    expect(over?.restartTries).toBeGreaterThan(0);
    expect(db.checkpointer?.restarts()).toEqual({ 'between-commits': 1, forced: 0 });
    await store.append([{ docName: 'meeting:steady', data: update(0) }]);
    const after = await db.checkpointer?.checkpointNow();
    expect(after?.walFrames).toBeLessThan(600);
    expect(after?.restart).toBe('none');
    expect(countRows(db, 'meeting:steady')).toBe(commits + 1);
    expect(countRows(db, 'meeting:busy')).toBe(400);
  });

  test('past the limit with no tries left, a RESTART checkpoint holds writers back once', async () => {
    const { db, store } = await walPastTheLimit({ restartTries: 0 });
    const over = await db.checkpointer?.checkpointNow();
    expect(over?.restart).toBe('forced');
    expect(db.checkpointer?.restarts()).toEqual({ 'between-commits': 0, forced: 1 });
    expect(over?.busy).toBe(false);
    await store.append([{ docName: 'meeting:busy', data: update(0) }]);
    const after = await db.checkpointer?.checkpointNow();
    expect(after?.walFrames).toBeLessThan(10);
    expect(countRows(db, 'meeting:busy')).toBe(401);
    expect(countRows(db, 'meeting:small')).toBe(51);
  });

  test('closing runs a last checkpoint, and the data is all in the database file', async () => {
    const { store, path, close } = await openSqlite();
    for (let index = 0; index < 300; index++) {
      await store.append([{ docName: 'meeting:closed', data: update(index) }]);
    }
    await close();
    // The last connection to close checkpoints everything and removes the WAL.
    expect(existsSync(`${path}-wal`)).toBe(false);
    const reopened = new SQLite(path, { readonly: true });
    const row = reopened
      .prepare("SELECT count(*) AS count FROM doc_updates WHERE doc_name = 'meeting:closed'")
      .get() as { count: number };
    reopened.close();
    expect(row.count).toBe(300);
  });

  test('a script that closes its database exits once the last checkpoint is done', async () => {
    // The worker does not keep a process alive by itself, but closing must wait for it: a script with
    // nothing else to do must neither exit before `close()` resolves nor cut the last checkpoint off.
    // (The checkpoint first: a worker still starting up would keep the process alive anyway.)
    const { path, close } = await openSqlite();
    await close();
    const script = `${dirname(path)}/closes.mts`;
    writeFileSync(
      script,
      `import { openStorage } from ${JSON.stringify(`${repoRoot}server/db/storage.ts`)};
      const storage = openStorage({ sqlitePath: ${JSON.stringify(path)} });
      const store = storage.docStore;
      for (let i = 0; i < 100; i++) await store.append([{ docName: 'meeting:script', data: new Uint8Array([i]) }]);
      await storage.checkpointer?.checkpointNow();
      await store.append([{ docName: 'meeting:script', data: new Uint8Array([0]) }]);
      await storage.close();
      console.log('closed');`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(output.trim()).toBe('closed');
    expect(code).toBe(0);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  test('if the worker fails, SQLite checkpoints by itself again, and commits go on', async () => {
    const { db, path } = await openSqlite();
    // The app's own worker has its file open by now, so moving the file below fails only ours.
    await db.checkpointer?.checkpointNow();
    const sqlite = new SQLite(path);
    cleanups.push(async () => {
      sqlite.close();
    });
    sqlite.pragma('journal_mode = WAL');
    const failures: Error[] = [];
    // The worker opens the file by name; moved away before it starts, the worker cannot open it.
    const checkpointer = startWalCheckpointer(sqlite, { onFailure: (error) => failures.push(error) });
    renameSync(path, `${path}.moved`);
    cleanups.push(async () => {
      renameSync(`${path}.moved`, path);
      await checkpointer.stop();
    });
    await waitFor(() => failures.length > 0, 'the worker failure reported');
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await expect(checkpointer.checkpointNow()).rejects.toThrow(/not running/);
    sqlite
      .prepare("INSERT INTO doc_updates (doc_name, data, created_at) VALUES ('meeting:x', x'00', 'now')")
      .run();
    expect(sqlite.prepare('SELECT count(*) AS count FROM doc_updates').get()).toEqual({ count: 1 });
  });
});
