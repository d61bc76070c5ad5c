/**
 * What `npm start` runs: the production bundle (`dist/server/index.js`, made by `npm run build`,
 * which the test command runs first). Every other process test starts the TypeScript sources
 * through tsx; this one checks that the bundle is a whole, working server: it serves the built
 * client, signs people in, carries a document over both transports, shuts down cleanly on SIGTERM
 * and finds its edits in the SQLite file after a restart.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import {
  BUILT_SERVER_ENTRY,
  createDataDir,
  type DataDir,
  type ServerProcess,
  signInTo,
  spawnServer,
} from '../helpers/process.ts';
import { connectYWebsocket, createMeetingDoc, SocketIoDocClient, waitFor } from '../helpers/yjsClients.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('the built server (npm start)', { timeout: 60_000 }, () => {
  let dataDir: DataDir | undefined;
  let server: ServerProcess | undefined;
  const cleanups: Array<() => void> = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    dataDir?.cleanup();
  });

  test('serves the app, relays edits on both transports, and keeps them across a restart', async () => {
    expect(existsSync(`${repoRoot}/${BUILT_SERVER_ENTRY}`), 'run `npm run build` first').toBe(true);
    dataDir = createDataDir();
    server = await spawnServer(dataDir.sqlitePath, undefined, 'built');

    const page = await fetch(`${server.url}/meetings`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const token = await signInTo(server.url, 'Ana Analyst', 'analyst');
    const docName = await createMeetingDoc(server.url, token);
    const writer = await SocketIoDocClient.connect(server.url, { token });
    cleanups.push(() => writer.close());
    const writerDoc = await writer.joinSynced(docName);
    const reader = connectYWebsocket(`ws://127.0.0.1:${server.port}/yjs`, docName, token);
    cleanups.push(() => reader.destroy());
    await reader.synced;

    writerDoc.doc.getText('notes').insert(0, 'Water agency: publish the backlog weekly');
    await waitFor(
      () => reader.doc.getText('notes').toString() === 'Water agency: publish the backlog weekly',
      'the stock client received the edit',
    );

    const first = server;
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    expect(first.output()).not.toMatch(/"level":(50|60)/);

    server = await spawnServer(dataDir.sqlitePath, undefined, 'built');
    const client = await SocketIoDocClient.connect(server.url, { token });
    cleanups.push(() => client.close());
    const restored = await client.joinSynced(docName);
    expect(restored.doc.getText('notes').toString()).toBe('Water agency: publish the backlog weekly');
  });
});
