/**
 * The fan-out scenario of issues 2 and 14 and what every scenario shares, driven by the same client
 * code for every server (stock y-websocket clients; StatRoom's Socket.IO row uses the Socket.IO
 * client of `clients.ts`). Latency is edit-to-reader: the writer stamps each edit with its sequence
 * number, every reader records when it sees it; writer and readers live in one thread, so one clock
 * measures both ends. Many rooms is in `manyRooms.ts`.
 */
import { performance } from 'node:perf_hooks';
import { sleep } from '../stats.ts';
import type { BenchClient } from './clients.ts';
import { disconnectAll, mark, observeEdits, paced, waitUntil } from './edits.ts';
import type { BenchServer } from './servers.ts';

/**
 * Edits sent before the measured ones and not recorded: right after start, the servers and the
 * clients compile their hot paths (V8's JIT), and on a 2-core machine shared by both sides that put
 * stalls of 20–250 ms into the first 40 or so edits of every server, reference included: 2% of a
 * fan-out's samples, enough to decide its p99 by itself, and a cost a server pays once per process,
 * not per meeting. The pause after lets the warm-up's deliveries finish first.
 */
export const WARM_UP_SECONDS = 2;
export const SETTLE_MS = 500;

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
