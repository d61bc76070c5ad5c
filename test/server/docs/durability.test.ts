/**
 * Persist-before-relay, end to end: a real server process is SIGKILLed while clients edit, and
 * every edit a client had received from it must still be there after a restart on the same file.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { processTestScope, startWriterAndReader } from '../../helpers/processScope.ts';
import { SocketIoDocClient, waitFor, type YWebsocketClient } from '../../helpers/yjsClients.ts';

const EDITS = 'edits';

// Each test starts a server process twice (tsx compiles on start): allow for a busy machine.
describe('durability of a server process', { timeout: 120_000 }, () => {
  const scope = processTestScope();

  async function readBack(url: string, token: string, docName: string): Promise<string[]> {
    const client = await SocketIoDocClient.connect(url, { token });
    scope.onCleanup(() => client.close());
    const joined = await client.joinSynced(docName);
    return joined.doc.getArray<string>(EDITS).toArray();
  }

  function observeReader(reader: YWebsocketClient): () => string[] {
    return () => reader.doc.getArray<string>(EDITS).toArray();
  }

  test('SIGKILL after a burst: every relayed edit survives the restart', async () => {
    const { first, sqlitePath, token, docName, writer, writerDoc, reader } =
      await startWriterAndReader(scope);
    const seen = observeReader(reader);

    const edits = writerDoc.doc.getArray<string>(EDITS);
    for (let index = 0; index < 300; index++) {
      edits.push([`edit-${index}`]);
      if (index % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await waitFor(() => seen().length === 300, 'the reader received the burst');

    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    reader.destroy();
    writer.close();

    const server = await scope.start(sqlitePath);
    const restored = await readBack(server.url, token, docName);
    expect(restored).toEqual(Array.from({ length: 300 }, (_, index) => `edit-${index}`));
  });

  test('SIGKILL in the middle of a stream: whatever the reader had received is stored', async () => {
    const { first, sqlitePath, token, docName, writer, writerDoc, reader } =
      await startWriterAndReader(scope);
    const seen = observeReader(reader);

    // Kill the server the moment the reader has received 100 edits, while the writer keeps going.
    let receivedAtKill: string[] | null = null;
    const killed = new Promise<void>((resolve) => {
      reader.doc.getArray<string>(EDITS).observe(() => {
        if (receivedAtKill === null && seen().length >= 100) {
          first.child.kill('SIGKILL');
          receivedAtKill = seen();
          resolve();
        }
      });
    });
    const edits = writerDoc.doc.getArray<string>(EDITS);
    let index = 0;
    while (receivedAtKill === null && index < 5000) {
      edits.push([`edit-${index++}`]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await killed;
    await first.exited;
    reader.destroy();
    writer.close();

    const server = await scope.start(sqlitePath);
    const restored = new Set(await readBack(server.url, token, docName));
    const lost = (receivedAtKill as string[] | null)?.filter((edit) => !restored.has(edit)) ?? [
      '(none seen)',
    ];
    expect(lost).toEqual([]);
  });

  test('SIGTERM flushes and exits 0', async () => {
    const {
      first,
      sqlitePath,
      token,
      docName,
      writer,
      writerDoc,
      reader: watcher,
    } = await startWriterAndReader(scope);

    writerDoc.doc.getText('notes').insert(0, 'Decided: weekly data from every agency');
    await waitFor(() => watcher.doc.getText('notes').length > 0, 'edit reached the server');
    first.child.kill('SIGTERM');
    const exit = await first.exited;
    expect(exit.code).toBe(0);
    expect(first.output()).not.toMatch(/unsaved updates/);
    watcher.destroy();
    writer.close();

    const server = await scope.start(sqlitePath);
    const client = await SocketIoDocClient.connect(server.url, { token });
    scope.onCleanup(() => client.close());
    const joined = await client.joinSynced(docName);
    expect(joined.doc.getText('notes').toString()).toBe('Decided: weekly data from every agency');
    expect(Y.encodeStateVector(joined.doc).length).toBeGreaterThan(1);
  });
});
