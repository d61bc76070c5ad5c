/**
 * Hocuspocus 3.4.4 persisting to SQLite, as the cold-load benchmark runs it in a process of its own.
 * The storage is `@hocuspocus/extension-sqlite`'s, table and queries included, on better-sqlite3
 * through `@hocuspocus/extension-database`: the sqlite extension needs the `sqlite3` native module,
 * which here builds only from source (about 9 minutes and 121 packages on a clean install). Both
 * store what Hocuspocus hands `onStoreDocument`: `Y.encodeStateAsUpdate` of the loaded document.
 *
 * Settings are Hocuspocus's defaults (store debounced 2 s, at most 10 s; on the last disconnect it
 * stores at once, then unloads). Env: PORT, SQLITE_PATH. Over IPC it answers `loaded` with the
 * number of documents held in memory, so the benchmark knows when a document is cold.
 */
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import BetterSqlite3 from 'better-sqlite3';

const db = new BetterSqlite3(process.env.SQLITE_PATH as string);
// The sqlite extension's schema and queries, verbatim.
db.exec(`CREATE TABLE IF NOT EXISTS "documents" (
  "name" varchar(255) NOT NULL,
  "data" blob NOT NULL,
  UNIQUE(name)
)`);
const select = db.prepare<{ name: string }, { data: Buffer }>(
  'SELECT data FROM "documents" WHERE name = $name ORDER BY rowid DESC',
);
const upsert = db.prepare<{ name: string; data: Buffer }>(
  'INSERT INTO "documents" ("name", "data") VALUES ($name, $data) ON CONFLICT(name) DO UPDATE SET data = $data',
);

const server = new Server({
  port: Number(process.env.PORT),
  address: '127.0.0.1',
  quiet: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => select.get({ name: documentName })?.data ?? null,
      store: async ({ documentName, state }) => {
        upsert.run({ name: documentName, data: state });
      },
    }),
  ],
});
await server.listen();

process.on('message', (message) => {
  if (message === 'loaded') process.send?.({ loaded: server.hocuspocus.getDocumentsCount() });
});
process.send?.({ listening: true });
function stop(): void {
  void server.destroy().finally(() => {
    db.close();
    process.exit(0);
  });
}
process.on('SIGTERM', stop);
// The benchmark died: do not outlive it.
process.on('disconnect', stop);
