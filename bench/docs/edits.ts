/**
 * What every load scenario does with its clients: edits that mark attendees present, one new entry
 * each (a meeting document accepts only its declared roots), sent at a steady pace, and readers that
 * time each edit they see. Writer and readers of one document live in one thread, so one clock
 * measures both ends.
 */
import { performance } from 'node:perf_hooks';
import { sleep } from '../stats.ts';
import type { BenchClient } from './clients.ts';

const EDITS_ROOT = 'attendance';
const editsOf = (client: BenchClient) =>
  client.doc.getMap<{ name: string; agency: string; present: boolean }>(EDITS_ROOT);

export const mark = (client: BenchClient, key: string) =>
  editsOf(client).set(key, { name: key, agency: 'Bench', present: true });

export function disconnectAll(clients: BenchClient[]): void {
  for (const client of clients) client.close();
}

/** Records each reader's latency for every measured edit it sees (warm-up edits are not). */
export function observeEdits(
  reader: BenchClient,
  sentAt: Map<string, number>,
  latencies: number[],
): () => number {
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

export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

/** Calls `send(seq)` `count` times, the n-th at `startAt + n × intervalMs` (performance.now() time). */
export async function paced(
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
