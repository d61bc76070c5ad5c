/**
 * Both load scenarios of issues 2 and 14, as rooms: `docs` documents with `clientsPerDoc` clients
 * each (one writer, the rest readers); every writer edits at `editsPerSecond` for
 * `durationSeconds`, writers staggered so the load is even. Fan-out is one room of 51 clients;
 * many rooms, 200 rooms of 3. The clients run in worker threads (`roomsWorker.ts`), each with its
 * share of the rooms and its own heap, created for the row and gone after it: a collection in one
 * thread stalls only its own clients, as one browser's pause stalls only its own tab, and no row
 * inherits the garbage of the rows before it (figures in docs/architecture.md, Storage).
 *
 * Latency is edit-to-reader: the writer stamps each edit with its sequence number, every reader
 * records when it sees it; a room's writer and readers share a thread, so one clock measures both
 * ends.
 */
import { performance } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import { startWorkerModule } from '../../server/workerThreads.ts';
import { sleep } from '../stats.ts';
import type { RoomsCommand, RoomsReport, RoomsWorkerData } from './roomsWorker.ts';
import type { BenchServer } from './servers.ts';

/**
 * Edits sent before the measured ones and not recorded: right after start, the servers and the
 * clients compile their hot paths (V8's JIT), and on a 2-core machine shared by both sides that put
 * stalls of 20–250 ms into the first 40 or so edits of every server, reference included: 2% of a
 * fan-out's samples, enough to decide its p99 by itself, and a cost a server pays once per process,
 * not per meeting. The pause after lets the warm-up's deliveries finish first.
 */
export const WARM_UP_SECONDS = 2;
const SETTLE_MS = 500;

/** Moments of a scenario the runner samples the server at (CPU time, memory). */
export interface ScenarioHooks {
  /** Every client is connected and synced; the first edit is about to be sent. */
  editsStarting(): void;
  /** Half-way through the edits, under full load. */
  halfway(): void;
  /** Every edit was delivered (or the wait timed out); clients are still connected. */
  editsDelivered(): void;
}

export interface RoomsOptions {
  docs: number;
  clientsPerDoc: number;
  editsPerSecond: number;
  durationSeconds: number;
  /** Worker threads the clients are spread over. */
  threads: number;
}

export interface RoomsResult {
  latencies: number[];
  expected: number;
}

const DELIVERY_TIMEOUT_MS = 30_000;
/** Lead time for a start broadcast to every thread before the first edit is due. */
const START_LEAD_MS = 50;

/** Resolves with each worker's next report of `type`; rejects if one fails or exits first. */
function nextReports<T extends RoomsReport['type']>(
  workers: Worker[],
  type: T,
): Promise<Array<Extract<RoomsReport, { type: T }>>> {
  return Promise.all(
    workers.map(
      (worker) =>
        new Promise<Extract<RoomsReport, { type: T }>>((resolve, reject) => {
          const onMessage = (report: RoomsReport) => {
            if (report.type === 'failed') settle(new Error(`load generator thread: ${report.message}`));
            else if (report.type === type) settle(undefined, report as Extract<RoomsReport, { type: T }>);
          };
          const onExit = (code: number) => settle(new Error(`load generator thread exited with ${code}`));
          const settle = (error?: Error, report?: Extract<RoomsReport, { type: T }>) => {
            worker.off('message', onMessage);
            worker.off('exit', onExit);
            if (report) resolve(report);
            else reject(error);
          };
          worker.on('message', onMessage);
          worker.on('exit', onExit);
        }),
    ),
  );
}

const epochNow = () => performance.timeOrigin + performance.now();

export async function runRooms(
  server: BenchServer,
  options: RoomsOptions,
  hooks: ScenarioHooks,
): Promise<RoomsResult> {
  const docNames: string[] = [];
  for (let d = 0; d < options.docs; d++) docNames.push(await server.createDoc(d + 1));
  const threads = Math.max(1, Math.min(options.threads, options.docs));
  const workers = Array.from({ length: threads }, (_, thread) => {
    const data: RoomsWorkerData = {
      clients: server.clients,
      rooms: docNames
        .map((docName, index) => ({ index, docName }))
        .filter(({ index }) => index % threads === thread),
      roomCount: options.docs,
      clientsPerDoc: options.clientsPerDoc,
      editsPerSecond: options.editsPerSecond,
      durationSeconds: options.durationSeconds,
      warmUpSeconds: WARM_UP_SECONDS,
      deliveryTimeoutMs: DELIVERY_TIMEOUT_MS,
    };
    return startWorkerModule('roomsWorker', import.meta.url, data);
  });
  const broadcast = (command: RoomsCommand) => {
    for (const worker of workers) worker.postMessage(command);
  };
  try {
    await nextReports(workers, 'ready');
    const warmedUp = nextReports(workers, 'warmedUp');
    broadcast({ type: 'warmUp', startAt: epochNow() + START_LEAD_MS });
    await warmedUp;
    await sleep(SETTLE_MS);
    hooks.editsStarting();
    const delivered = nextReports(workers, 'delivered');
    broadcast({ type: 'measure', startAt: epochNow() + START_LEAD_MS });
    // Read the server's memory half-way through, under full load.
    const halfway = setTimeout(() => hooks.halfway(), START_LEAD_MS + (options.durationSeconds * 1000) / 2);
    const reports = await delivered;
    clearTimeout(halfway);
    hooks.editsDelivered();
    return {
      latencies: reports.flatMap((report) => Array.from(report.latencies)),
      expected: reports.reduce((sum, report) => sum + report.expected, 0),
    };
  } finally {
    const closed = nextReports(workers, 'closed').catch(() => undefined);
    broadcast({ type: 'close' });
    await Promise.race([closed, sleep(5_000)]);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
