/**
 * The two load scenarios of issues 2 and 14, driven by the same client code for every server (stock
 * y-websocket clients; StatRoom's Socket.IO row uses the Socket.IO client of `clients.ts`). Latency is edit-to-reader: the writer stamps each
 * edit with its sequence number, every reader records when it sees it; writer and readers live in
 * this process, so one clock measures both ends.
 */
import { performance } from 'node:perf_hooks';
import { sleep } from '../stats.ts';
import type { BenchClient } from './clients.ts';
import type { BenchServer } from './servers.ts';

/** Edits mark attendees present, one new entry each: a meeting document accepts only its declared roots. */
const EDITS_ROOT = 'attendance';
const editsOf = (client: BenchClient) =>
  client.doc.getMap<{ name: string; agency: string; present: boolean }>(EDITS_ROOT);
const mark = (client: BenchClient, key: string) =>
  editsOf(client).set(key, { name: key, agency: 'Bench', present: true });

function disconnectAll(clients: BenchClient[]): void {
  for (const client of clients) client.close();
}

/** Records each reader's latency for every measured edit it sees (warm-up edits are not). */
function observeEdits(reader: BenchClient, sentAt: Map<string, number>, latencies: number[]): () => number {
  let seen = 0;
  editsOf(reader).observe((event) => {
    const now = performance.now();
    for (const key of event.keysChanged) {
      const start = sentAt.get(key);
      if (start === undefined) continue;
      latencies.push(now - start);
      seen++;
    }
  });
  return () => seen;
}

/**
 * Edits sent before the measured ones and not recorded: right after start, the servers and the
 * clients compile their hot paths (V8's JIT), and on a 2-core machine shared by both sides that put
 * stalls of 20–250 ms into the first 40 or so edits of every server, reference included: 2% of a
 * fan-out's samples, enough to decide its p99 by itself, and a cost a server pays once per process,
 * not per meeting. The pause after lets the warm-up's deliveries finish first.
 */
export const WARM_UP_SECONDS = 2;
const SETTLE_MS = 500;

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

/** Calls `send(seq)` `count` times, the n-th at `startAt + n × intervalMs` (performance.now() time). */
async function paced(
  count: number,
  intervalMs: number,
  startAt: number,
  send: (seq: number) => void,
): Promise<void> {
  for (let seq = 0; seq < count; seq++) {
    const wait = startAt + seq * intervalMs - performance.now();
    if (wait > 1) await sleep(wait);
    send(seq);
  }
}

/** Moments of a scenario the runner samples the server at (CPU time, memory). */
export interface ScenarioHooks {
  /** Every client is connected and synced; the first edit is about to be sent. */
  editsStarting(): void;
  /** Half-way through the edits, under full load. */
  halfway(): void;
  /** Every edit was delivered (or the wait timed out); clients are still connected. */
  editsDelivered(): void;
}

export interface FanOutResult {
  latencies: number[];
  expected: number;
}

/** One writer and `readers` readers on one document; `edits` edits sent at `rate` per second. */
export async function fanOut(
  server: BenchServer,
  options: { readers: number; edits: number; rate: number },
  hooks: ScenarioHooks,
): Promise<FanOutResult> {
  const docName = await server.createDoc(0);
  const writer = await server.connect(docName);
  const readers: BenchClient[] = [];
  for (let i = 0; i < options.readers; i++) readers.push(await server.connect(docName));
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const seenCounters = readers.map((reader) => observeEdits(reader, sentAt, latencies));
  const interval = 1000 / options.rate;
  await paced(Math.round(WARM_UP_SECONDS * options.rate), interval, performance.now(), (seq) =>
    mark(writer, `w${seq}`),
  );
  await sleep(SETTLE_MS);
  hooks.editsStarting();
  await paced(options.edits, interval, performance.now(), (seq) => {
    if (seq === Math.floor(options.edits / 2)) hooks.halfway();
    const key = `e${seq}`;
    sentAt.set(key, performance.now());
    mark(writer, key);
  });
  const expected = options.edits * options.readers;
  await waitUntil(() => seenCounters.reduce((sum, seen) => sum + seen(), 0) >= expected, 30_000);
  hooks.editsDelivered();
  disconnectAll([writer, ...readers]);
  return { latencies, expected };
}

export interface ManyRoomsResult {
  latencies: number[];
  expected: number;
  connections: number;
}

/**
 * `docs` documents with `clientsPerDoc` clients each (one writer, the rest readers); every writer
 * edits at `editsPerSecond` for `durationSeconds`, writers staggered so load is even.
 */
export async function manyRooms(
  server: BenchServer,
  options: { docs: number; clientsPerDoc: number; editsPerSecond: number; durationSeconds: number },
  hooks: ScenarioHooks,
): Promise<ManyRoomsResult> {
  const rooms: Array<{ writer: BenchClient; readers: BenchClient[] }> = [];
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const seenCounters: Array<() => number> = [];
  for (let d = 0; d < options.docs; d++) {
    const docName = await server.createDoc(d + 1);
    const writer = await server.connect(docName);
    const readers: BenchClient[] = [];
    for (let r = 1; r < options.clientsPerDoc; r++) {
      const reader = await server.connect(docName);
      seenCounters.push(observeEdits(reader, sentAt, latencies));
      readers.push(reader);
    }
    rooms.push({ writer, readers });
  }
  const editsPerWriter = Math.floor(options.editsPerSecond * options.durationSeconds);
  const interval = 1000 / options.editsPerSecond;
  // Writers are staggered across the interval so that the load is even.
  const offset = (roomIndex: number) => (roomIndex / rooms.length) * interval;
  const warmUpStart = performance.now();
  await Promise.all(
    rooms.map(({ writer }, roomIndex) =>
      paced(WARM_UP_SECONDS * options.editsPerSecond, interval, warmUpStart + offset(roomIndex), (seq) =>
        mark(writer, `r${roomIndex}w${seq}`),
      ),
    ),
  );
  await sleep(SETTLE_MS);
  hooks.editsStarting();
  const start = performance.now();
  let halfwayReported = false;
  await Promise.all(
    rooms.map(({ writer }, roomIndex) =>
      paced(editsPerWriter, interval, start + offset(roomIndex), (seq) => {
        const key = `r${roomIndex}e${seq}`;
        sentAt.set(key, performance.now());
        mark(writer, key);
        // Read the server's memory half-way through, under full load.
        if (!halfwayReported && performance.now() - start > (options.durationSeconds * 1000) / 2) {
          halfwayReported = true;
          hooks.halfway();
        }
      }),
    ),
  );
  const expected = editsPerWriter * rooms.length * (options.clientsPerDoc - 1);
  await waitUntil(() => seenCounters.reduce((sum, seen) => sum + seen(), 0) >= expected, 30_000);
  hooks.editsDelivered();
  disconnectAll(rooms.flatMap((room) => [room.writer, ...room.readers]));
  return { latencies, expected, connections: rooms.length * options.clientsPerDoc };
}
