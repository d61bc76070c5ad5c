/**
 * For tests that start server processes (`process.ts`): one scope per describe block that cleans
 * up after every test, and the usual opening of such a test, a writer and a reader on a document.
 */
import { afterEach } from 'vitest';
import {
  createDataDir,
  type DataDir,
  type ServerEntry,
  type ServerProcess,
  signInTo,
  spawnServer,
} from './process.ts';
import { connectYWebsocket, createMeetingDoc, SocketIoDocClient } from './yjsClients.ts';

/** What a test that starts server processes uses; see `processTestScope`. */
export interface ProcessTestScope {
  /** A new data folder, removed after the test. */
  newDataDir(): DataDir;
  /** Starts a server process on `sqlitePath`; any still running after the test is SIGKILLed. */
  start(sqlitePath: string, entry?: ServerEntry): Promise<ServerProcess>;
  /** Runs after the test (closing clients), before the processes are killed. */
  onCleanup(cleanup: () => void): void;
}

/**
 * For a describe block whose tests start server processes: registers an `afterEach` that closes
 * the test's clients, kills every process it started that is still running and removes its data
 * folders, so that a failing test leaves nothing behind for the next one.
 */
export function processTestScope(): ProcessTestScope {
  let dataDirs: DataDir[] = [];
  let servers: ServerProcess[] = [];
  let cleanups: Array<() => void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups) cleanup();
    for (const server of servers) {
      if (server.child.exitCode !== null || server.child.signalCode !== null) continue;
      server.child.kill('SIGKILL');
      await server.exited;
    }
    for (const dataDir of dataDirs) dataDir.cleanup();
    dataDirs = [];
    servers = [];
    cleanups = [];
  });
  return {
    newDataDir() {
      const dataDir = createDataDir();
      dataDirs.push(dataDir);
      return dataDir;
    },
    async start(sqlitePath, entry) {
      const server = await spawnServer(sqlitePath, undefined, entry);
      servers.push(server);
      return server;
    },
    onCleanup(cleanup) {
      cleanups.push(cleanup);
    },
  };
}

/**
 * A fresh server process on a new data folder with one meeting document, a Socket.IO writer and a
 * stock y-websocket reader on it, both synced; the scope closes them and kills the process.
 */
export async function startWriterAndReader(scope: ProcessTestScope, entry: ServerEntry = 'source') {
  const dataDir = scope.newDataDir();
  const first = await scope.start(dataDir.sqlitePath, entry);
  const token = await signInTo(first.url, 'Ana Analyst', 'analyst');
  const docName = await createMeetingDoc(first.url, token);
  const writer = await SocketIoDocClient.connect(first.url, { token });
  scope.onCleanup(() => writer.close());
  const writerDoc = await writer.joinSynced(docName);
  const reader = connectYWebsocket(`ws://127.0.0.1:${first.port}/yjs`, docName, token);
  scope.onCleanup(() => reader.destroy());
  await reader.synced;
  return { first, sqlitePath: dataDir.sqlitePath, token, docName, writer, writerDoc, reader };
}
