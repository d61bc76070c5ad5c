/**
 * Persist-before-relay, end to end: a real server process is SIGKILLed while clients edit, and
 * every edit a client had received from it must still be there after a restart on the same file.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { processTestScope, startWriterAndReader } from '../../helpers/processScope.ts';
import {
  attendeeKeys,
  markAttendee,
  SocketIoDocClient,
  sharedNotes,
  waitFor,
} from '../../helpers/yjsClients.ts';

/** Each edit is a new attendance entry, keyed by its sequence number (sorts in order). */
const editKey = (index: number) => `edit-${String(index).padStart(4, '0')}`;

// Each test starts a server process twice (tsx compiles on start): allow for a busy machine.
describe('durability of a server process', { timeout: 120_000 }, () => {
  const scope = processTestScope();

  async function readBack(url: string, token: string, docName: string): Promise<string[]> {
    const client = await SocketIoDocClient.connect(url, { token });
    scope.onCleanup(() => client.close());
    const joined = await client.joinSynced(docName);
    return attendeeKeys(joined.doc);
  }

  test('SIGKILL after a burst: every relayed edit survives the restart', async () => {
    const { first, sqlitePath, token, docName, writer, writerDoc, reader } =
      await startWriterAndReader(scope);
    const seen = () => attendeeKeys(reader.doc);

    for (let index = 0; index < 300; index++) {
      markAttendee(writerDoc.doc, editKey(index));
      if (index % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await waitFor(() => seen().length === 300, 'the reader received the burst');

    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    reader.destroy();
    writer.close();

    const server = await scope.start(sqlitePath);
    const restored = await readBack(server.url, token, docName);
    expect(restored).toEqual(Array.from({ length: 300 }, (_, index) => editKey(index)));
  });

  test('SIGKILL in the middle of a stream: whatever the reader had received is stored', async () => {
    const { first, sqlitePath, token, docName, writer, writerDoc, reader } =
      await startWriterAndReader(scope);
    const seen = () => attendeeKeys(reader.doc);

    // Kill the server the moment the reader has received 100 edits, while the writer keeps going.
    let receivedAtKill: string[] | null = null;
    const killed = new Promise<void>((resolve) => {
      reader.doc.on('update', () => {
        if (receivedAtKill === null && seen().length >= 100) {
          first.child.kill('SIGKILL');
          receivedAtKill = seen();
          resolve();
        }
      });
    });
    let index = 0;
    while (receivedAtKill === null && index < 5000) {
      markAttendee(writerDoc.doc, editKey(index++));
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

    const notes = await sharedNotes(writerDoc.doc, [watcher.doc]);
    notes.text.insert(0, 'Decided: weekly data from every agency');
    await waitFor(() => notes.textOf(watcher.doc).length > 0, 'edit reached the server');
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
    expect(notes.textOf(joined.doc)).toBe('Decided: weekly data from every agency');
    expect(Y.encodeStateVector(joined.doc).length).toBeGreaterThan(1);
  });
});
