/**
 * What `npm start` runs: the production bundle (`dist/server/index.js`, made by `npm run build`,
 * which the test command runs first). Every other process test starts the TypeScript sources
 * through tsx; this one checks that the bundle is a whole, working server: it serves the built
 * client, signs people in, carries a document over both transports, shuts down cleanly on SIGTERM
 * and finds its edits in the SQLite file after a restart.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { BUILT_SERVER_ENTRY } from '../helpers/process.ts';
import { processTestScope, startWriterAndReader } from '../helpers/processScope.ts';
import { SocketIoDocClient, sharedNotes, waitFor } from '../helpers/yjsClients.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('the built server (npm start)', { timeout: 60_000 }, () => {
  const scope = processTestScope();

  test('serves the app, relays edits on both transports, and keeps them across a restart', async () => {
    expect(existsSync(`${repoRoot}/${BUILT_SERVER_ENTRY}`), 'run `npm run build` first').toBe(true);
    const { first, sqlitePath, token, docName, writerDoc, reader } = await startWriterAndReader(
      scope,
      'built',
    );

    const page = await fetch(`${first.url}/meetings`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const notes = await sharedNotes(writerDoc.doc, [reader.doc]);
    notes.text.insert(0, 'Water agency: publish the backlog weekly');
    await waitFor(
      () => notes.textOf(reader.doc) === 'Water agency: publish the backlog weekly',
      'the stock client received the edit',
    );

    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    expect(first.output()).not.toMatch(/"level":(50|60)/);

    const restarted = await scope.start(sqlitePath, 'built');
    const client = await SocketIoDocClient.connect(restarted.url, { token });
    scope.onCleanup(() => client.close());
    const restored = await client.joinSynced(docName);
    expect(notes.textOf(restored.doc)).toBe('Water agency: publish the backlog weekly');
  });
});
