/**
 * A live meeting kept busy while something else loads the server: stock y-websocket clients on
 * `/yjs` (`disableBc: true`), one writer typing into an agenda item's shared notes at a steady
 * rate and readers timing each edit from the writer's keystroke to their own copy.
 */
import type * as Y from 'yjs';
import { addAgendaItem, getAgendaItem } from '../../shared/meetingDoc.ts';
import { firstParagraphText } from '../../shared/richNotes.ts';
import { type BenchClient, connectYWebsocket } from '../docs/clients.ts';
import { sleep } from '../stats.ts';

export interface RelaySample {
  /** When the writer made the edit (performance.now() in this process). */
  sentAt: number;
  latencyMs: number;
}

export interface LiveMeeting {
  /** Every edit seen by every reader so far. */
  samples: RelaySample[];
  /** Stops typing, waits for the last edits to arrive, disconnects. */
  stop(): Promise<void>;
}

const EDIT = /e(\d+)\|/g;

export async function startLiveMeeting(options: {
  wsBase: string;
  docName: string;
  token: string;
  readers: number;
  editsPerSecond: number;
}): Promise<LiveMeeting> {
  const connect = () => connectYWebsocket(options.wsBase, options.docName, { token: options.token });
  const writer = await connect();
  const itemId = addAgendaItem(writer.doc, { title: 'Live notes during an import' });
  const readers: BenchClient[] = [];
  for (let i = 0; i < options.readers; i++) readers.push(await connect());

  const sentAt: number[] = [];
  const samples: RelaySample[] = [];
  for (const reader of readers) {
    const notes = await notesOf(reader.doc, itemId);
    notes.observe((event) => {
      const now = performance.now();
      for (const delta of event.delta) {
        if (typeof delta.insert !== 'string') continue;
        for (const match of delta.insert.matchAll(EDIT)) {
          const start = sentAt[Number(match[1])];
          if (start !== undefined) samples.push({ sentAt: start, latencyMs: now - start });
        }
      }
    });
  }

  const notes = await notesOf(writer.doc, itemId);
  const interval = 1000 / options.editsPerSecond;
  const origin = performance.now();
  let seq = 0;
  let typing = true;
  // Paced against the clock, so a late tick does not shift every later edit.
  const typed = (async () => {
    while (typing) {
      const due = origin + seq * interval;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      sentAt[seq] = performance.now();
      notes.insert(notes.length, `e${seq}|`);
      seq++;
    }
  })();

  return {
    samples,
    async stop() {
      typing = false;
      await typed;
      const expected = seq * readers.length;
      const deadline = performance.now() + 10_000;
      while (samples.length < expected && performance.now() < deadline) await sleep(20);
      for (const client of [writer, ...readers]) client.close();
    },
  };
}

async function notesOf(doc: Y.Doc, itemId: string): Promise<Y.Text> {
  const deadline = performance.now() + 10_000;
  for (;;) {
    const notes = getAgendaItem(doc, itemId)?.notes;
    const text = notes ? firstParagraphText(notes) : null;
    if (text) return text;
    if (performance.now() > deadline) throw new Error('the agenda item never reached a reader');
    await sleep(10);
  }
}
