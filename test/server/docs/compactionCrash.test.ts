/**
 * Compaction under SIGKILL, end to end: a real server process compacting often
 * (`STATROOM_COMPACT_THRESHOLD=1`, so a document is compacted each time it passes 10 rows) takes a
 * stream of edits from a stock y-websocket writer and is SIGKILLed at random moments, five times.
 * The document holds about 600 kB of notes, so each compaction writes that much and takes a while:
 * a good share of the kills land in one. Everything a stock y-websocket reader had received must be
 * there after each restart.
 */
import { afterEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  getAgendaItem,
  readAgenda,
  readAttendance,
  setAttendee,
} from '../../../shared/meetingDoc.ts';
import { firstParagraphText, notesText } from '../../../shared/richNotes.ts';
import {
  createDataDir,
  type DataDir,
  type ServerProcess,
  signInTo,
  spawnServer,
} from '../../helpers/process.ts';
import {
  connectYWebsocket,
  createMeetingDoc,
  sleep,
  waitFor,
  type YWebsocketClient,
} from '../../helpers/yjsClients.ts';

const COMPACT_THRESHOLD = 1;
const ENV = { STATROOM_COMPACT_THRESHOLD: String(COMPACT_THRESHOLD) };
const ROUNDS = 5;
const PADDING = ' — decided: weekly data from every agency, reviewed at the next stocktake';
/** Notes typed before the stream: 6 × 100 kB, each under the message size limit. */
const NOTES_CHUNKS = 6;
const NOTES_CHUNK = 'Minutes of the stocktake. '.repeat(4_000);

/** The edits a copy holds: attendance entries `edit-<n>`, one per edit. */
const editsIn = (doc: Y.Doc) =>
  readAttendance(doc)
    .map((entry) => entry.key)
    .filter((key) => key.startsWith('edit-'));

/** The writer's own entry is rewritten by every edit: the number of the last edit it saw. */
const lastRewriteIn = (doc: Y.Doc) =>
  Number(readAttendance(doc).find((entry) => entry.key === 'writer')?.agency ?? -1);

const notesLength = (doc: Y.Doc) =>
  notesText(readAgenda(doc).find((item) => item.title === 'Minutes')?.notes ?? new Y.XmlFragment()).length;

function metric(text: string, name: string): number {
  const line = text
    .split('\n')
    .find((candidate) => candidate.startsWith(`${name} `) || candidate.startsWith(`${name}{`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('compaction and SIGKILL', { timeout: 300_000 }, () => {
  let dataDir: DataDir | null = null;
  let servers: ServerProcess[] = [];
  let clients: YWebsocketClient[] = [];
  afterEach(async () => {
    for (const client of clients) client.destroy();
    for (const server of servers) {
      if (server.child.exitCode !== null || server.child.signalCode !== null) continue;
      server.child.kill('SIGKILL');
      await server.exited;
    }
    dataDir?.cleanup();
    dataDir = null;
    servers = [];
    clients = [];
  });

  async function start(sqlitePath: string): Promise<ServerProcess> {
    const server = await spawnServer(sqlitePath, undefined, 'source', ENV);
    servers.push(server);
    return server;
  }
  function connect(server: ServerProcess, docName: string, token: string): YWebsocketClient {
    const client = connectYWebsocket(`ws://127.0.0.1:${server.port}/yjs`, docName, token);
    clients.push(client);
    return client;
  }

  test('SIGKILL at random moments while compactions run: every edit the reader had received survives', async () => {
    dataDir = createDataDir();
    let server = await start(dataDir.sqlitePath);
    const token = await signInTo(server.url, 'Ana Analyst', 'analyst');
    const docName = await createMeetingDoc(server.url, token);
    const received = new Set<string>();
    let lastRewriteReceived = -1;
    let next = 0;
    let compactions = 0;
    const killPoints: number[] = [];

    for (let round = 0; round <= ROUNDS; round++) {
      if (round > 0) server = await start(dataDir.sqlitePath);
      const writer = connect(server, docName, token);
      const reader = connect(server, docName, token);
      await Promise.all([writer.synced, reader.synced]);
      if (round === 0) {
        const itemId = addAgendaItem(writer.doc, { title: 'Minutes' });
        for (let chunk = 0; chunk < NOTES_CHUNKS; chunk++) {
          const notes = getAgendaItem(writer.doc, itemId)?.notes;
          const text = notes ? firstParagraphText(notes) : null;
          text?.insert(text.length, NOTES_CHUNK);
          await sleep(50);
        }
        await waitFor(
          () => notesLength(reader.doc) === NOTES_CHUNKS * NOTES_CHUNK.length,
          'the notes reached the reader',
          60_000,
        );
      }

      // Whatever any reader had received before a kill is in the restarted server's copy.
      const restored = new Set(editsIn(reader.doc));
      expect([...received].filter((edit) => !restored.has(edit))).toEqual([]);
      expect(lastRewriteIn(reader.doc)).toBeGreaterThanOrEqual(lastRewriteReceived);
      expect(notesLength(reader.doc)).toBe(NOTES_CHUNKS * NOTES_CHUNK.length);
      if (round > 0) {
        // Rows left by the killed process: compaction kept them bounded, far below the edits made.
        const text = await (await fetch(`${server.url}/metrics`)).text();
        expect(metric(text, 'statroom_doc_store_rows')).toBeLessThanOrEqual(COMPACT_THRESHOLD * 10 + 30);
      }
      if (round === ROUNDS) break;

      // Stream edits; the server dies once the reader has seen a random number of them.
      const killAfter = 30 + Math.floor(Math.random() * 300);
      killPoints.push(killAfter);
      const seenAtStart = restored.size;
      let killing: Promise<void> | null = null;
      let killed = false;
      const killWhenDue = () => {
        if (killing || editsIn(reader.doc).length - seenAtStart < killAfter) return;
        killing = (async () => {
          const text = await (await fetch(`${server.url}/metrics`)).text();
          compactions += metric(text, 'statroom_doc_compactions_total');
          server.child.kill('SIGKILL');
          killed = true;
          await server.exited;
        })();
      };
      reader.doc.getMap('attendance').observe(killWhenDue);
      // The writer goes on until the kill: it lands among edits, commits and compactions.
      while (!killed && next < 20_000) {
        const edit = next++;
        writer.doc.transact(() => {
          setAttendee(writer.doc, `edit-${edit}`, {
            name: `Edit ${edit}${PADDING}`,
            agency: 'Budget',
            present: true,
          });
          // Garbage for the compaction to collect: the same entry rewritten by every edit.
          setAttendee(writer.doc, 'writer', {
            name: 'The writer',
            agency: String(edit),
            present: edit % 2 === 0,
          });
        });
        await new Promise((resolve) => setImmediate(resolve));
      }
      await killing;
      // Let what the server had sent before it died reach the reader, then note all of it.
      await sleep(200);
      for (const edit of editsIn(reader.doc)) received.add(edit);
      lastRewriteReceived = lastRewriteIn(reader.doc);
      writer.destroy();
      reader.destroy();
    }

    console.info(
      `compaction crash: ${next} edits written, ${received.size} received before ${ROUNDS} SIGKILLs ` +
        `(after ${killPoints.join(', ')} edits), ${compactions} compactions seen`,
    );
    expect(received.size).toBeGreaterThanOrEqual(killPoints.reduce((sum, count) => sum + count, 0));
    // The kills fell among compactions: the busy bound compacts every ~30 rows while edits stream.
    expect(compactions).toBeGreaterThanOrEqual(ROUNDS);
  });
});
