/**
 * One thread of the many-rooms load generator: the writer and readers of its share of the rooms,
 * driven by the main thread's `RoomsCommand`s. Times are exchanged as epoch milliseconds
 * (`performance.timeOrigin + performance.now()`), so that every thread paces its writers on one
 * schedule; each latency is measured within this thread, on its own clock.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { type BenchClient, type ClientSpec, connectClient } from './clients.ts';
import { disconnectAll, mark, observeEdits, paced, waitUntil } from './edits.ts';

export interface RoomsWorkerData {
  clients: ClientSpec;
  rooms: Array<{ index: number; docName: string }>;
  /** Rooms in the whole scenario: writers are staggered over the interval by their room index. */
  roomCount: number;
  clientsPerDoc: number;
  editsPerSecond: number;
  durationSeconds: number;
  warmUpSeconds: number;
  deliveryTimeoutMs: number;
}

export type RoomsCommand = { type: 'warmUp' | 'measure'; startAt: number } | { type: 'close' };

export type RoomsReport =
  | { type: 'ready' | 'warmedUp' | 'closed' }
  | { type: 'delivered'; latencies: Float64Array; expected: number }
  | { type: 'failed'; message: string };

// Every stock y-websocket provider adds a process 'exit' listener; hundreds are expected here.
process.setMaxListeners(0);

const data = workerData as RoomsWorkerData;
const port = parentPort;
if (!port) throw new Error('roomsWorker runs as a worker thread');
const report = (message: RoomsReport, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const toLocal = (epochMs: number) => epochMs - performance.timeOrigin;
const interval = 1000 / data.editsPerSecond;
const offset = (roomIndex: number) => (roomIndex / data.roomCount) * interval;

const rooms: Array<{ index: number; writer: BenchClient; readers: BenchClient[] }> = [];
const sentAt = new Map<string, number>();
const latencies: number[] = [];
const seenCounters: Array<() => number> = [];

async function connectRooms(): Promise<void> {
  for (const { index, docName } of data.rooms) {
    const writer = await connectClient(data.clients, docName);
    const readers: BenchClient[] = [];
    for (let r = 1; r < data.clientsPerDoc; r++) {
      const reader = await connectClient(data.clients, docName);
      seenCounters.push(observeEdits(reader, sentAt, latencies));
      readers.push(reader);
    }
    rooms.push({ index, writer, readers });
  }
}

async function warmUp(startAt: number): Promise<void> {
  await Promise.all(
    rooms.map(({ index, writer }) =>
      paced(data.warmUpSeconds * data.editsPerSecond, interval, startAt + offset(index), (seq) =>
        mark(writer, `r${index}w${seq}`),
      ),
    ),
  );
}

async function measure(startAt: number): Promise<void> {
  const editsPerWriter = Math.floor(data.editsPerSecond * data.durationSeconds);
  await Promise.all(
    rooms.map(({ index, writer }) =>
      paced(editsPerWriter, interval, startAt + offset(index), (seq) => {
        const key = `r${index}e${seq}`;
        sentAt.set(key, performance.now());
        mark(writer, key);
      }),
    ),
  );
  const expected = editsPerWriter * rooms.length * (data.clientsPerDoc - 1);
  const seen = () => seenCounters.reduce((sum, count) => sum + count(), 0);
  await waitUntil(() => seen() >= expected, data.deliveryTimeoutMs);
  const samples = Float64Array.from(latencies);
  report({ type: 'delivered', latencies: samples, expected }, [samples.buffer]);
}

const fail = (error: unknown) => report({ type: 'failed', message: String(error) });

port.on('message', (command: RoomsCommand) => {
  if (command.type === 'warmUp')
    warmUp(toLocal(command.startAt)).then(() => report({ type: 'warmedUp' }), fail);
  else if (command.type === 'measure') measure(toLocal(command.startAt)).catch(fail);
  else {
    disconnectAll(rooms.flatMap((room) => [room.writer, ...room.readers]));
    report({ type: 'closed' });
    port.close();
  }
});

connectRooms().then(() => report({ type: 'ready' }), fail);
