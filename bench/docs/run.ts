/**
 * `npm run bench`: the document platform against the reference y-websocket server. Prints, for each
 * scenario, edit-to-reader latency (p50/p99/max) and server memory for the reference and for
 * StatRoom through both of its transports, then the ratio StatRoom / reference (target: p99 ≤ 1.0
 * while persisting every update before relaying it), and what each number means.
 *
 * Each server runs in a fresh process per scenario, and the servers of one scenario run back to back,
 * so that a change in the machine's load hurts the rows of one scenario as evenly as possible; the
 * 1-minute load average before and after each row is printed, because on a shared machine it, more
 * than the code, can decide a p99.
 *
 *   npm run bench                          full run (about 4 minutes)
 *   npm run bench -- --quick               small scenarios: a smoke check, not figures
 *   npm run bench -- --only=manyRooms      one scenario (fanOut | manyRooms)
 *   npm run bench -- --servers=ref,ws      some rows (ref | ws | sio)
 */
import { cpus, loadavg } from 'node:os';
import { formatMs, type LatencySummary, sleep, summarize } from '../stats.ts';
import { fanOut, manyRooms } from './scenarios.ts';
import { type BenchServer, memoryOf, startReference, startStatRoom } from './servers.ts';

// Every stock y-websocket provider adds a process 'exit' listener; hundreds are expected here.
process.setMaxListeners(0);

const argument = (name: string): string | undefined =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);

const quick = process.argv.includes('--quick');
const FAN_OUT = quick ? { readers: 10, edits: 200, rate: 100 } : { readers: 50, edits: 2000, rate: 100 };
const MANY_ROOMS = quick
  ? { docs: 20, clientsPerDoc: 3, editsPerSecond: 2, durationSeconds: 5 }
  : { docs: 200, clientsPerDoc: 3, editsPerSecond: 2, durationSeconds: 30 };

const SERVERS = {
  ref: startReference,
  ws: () => startStatRoom('y-websocket'),
  sio: () => startStatRoom('socket.io'),
} satisfies Record<string, () => Promise<BenchServer>>;
type ServerKey = keyof typeof SERVERS;

const SCENARIOS = {
  fanOut: {
    title: `Fan-out: 1 writer + ${FAN_OUT.readers} readers on one document, ${FAN_OUT.edits} edits at ${FAN_OUT.rate}/s`,
    async run(server: BenchServer): Promise<ScenarioFigures> {
      const result = await fanOut(server, FAN_OUT);
      return { ...figures(result.latencies, result.expected), ...memoryOf(server.pid) };
    },
  },
  manyRooms: {
    title: `Many rooms: ${MANY_ROOMS.docs} documents × ${MANY_ROOMS.clientsPerDoc} clients (1 writer), each writer ${MANY_ROOMS.editsPerSecond} edits/s for ${MANY_ROOMS.durationSeconds} s`,
    async run(server: BenchServer): Promise<ScenarioFigures> {
      let underLoad = { rssMiB: 0, peakMiB: 0 };
      const result = await manyRooms(server, MANY_ROOMS, () => {
        underLoad = memoryOf(server.pid);
      });
      return {
        ...figures(result.latencies, result.expected),
        rssMiB: underLoad.rssMiB,
        peakMiB: memoryOf(server.pid).peakMiB,
      };
    },
  },
} as const;
type ScenarioKey = keyof typeof SCENARIOS;

interface ScenarioFigures {
  latency: LatencySummary;
  delivered: string;
  rssMiB: number;
  peakMiB: number;
}

interface Row {
  key: ServerKey;
  name: string;
  figures: ScenarioFigures;
  loadBefore: number;
  loadAfter: number;
}

function figures(latencies: number[], expected: number): Pick<ScenarioFigures, 'latency' | 'delivered'> {
  return { latency: summarize(latencies), delivered: `${latencies.length}/${expected}` };
}

function pickList<K extends string>(value: string | undefined, all: readonly K[]): K[] {
  if (!value) return [...all];
  const picked = value.split(',').filter((item): item is K => (all as readonly string[]).includes(item));
  if (picked.length === 0) throw new Error(`expected some of ${all.join(', ')}; got "${value}"`);
  return picked;
}

async function measure(start: () => Promise<BenchServer>, scenario: ScenarioKey): Promise<Omit<Row, 'key'>> {
  const server = await start();
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const result = await SCENARIOS[scenario].run(server);
    return { name: server.name, figures: result, loadBefore, loadAfter: loadavg()[0] ?? 0 };
  } finally {
    await server.stop();
    // Let the stopped process's sockets and files go before the next one starts.
    await sleep(500);
  }
}

function formatRow(row: Row): string {
  const { latency, delivered, rssMiB, peakMiB } = row.figures;
  return [
    `  ${row.name.padEnd(60)}`,
    `p50 ${formatMs(latency.p50).padStart(9)}`,
    `p99 ${formatMs(latency.p99).padStart(9)}`,
    `max ${formatMs(latency.max).padStart(10)}`,
    `delivered ${delivered.padStart(13)}`,
    `RSS ${rssMiB.toFixed(0).padStart(4)} MiB (peak ${peakMiB.toFixed(0)})`,
    `load ${row.loadBefore.toFixed(1)}→${row.loadAfter.toFixed(1)}`,
  ].join('  ');
}

const ratio = (ours: number, theirs: number) => (theirs > 0 ? (ours / theirs).toFixed(2) : 'n/a');

const EXPLANATION = `
What the numbers are
  latency    edit-to-reader: from the writer's local edit (a Y.Array push in this process) until a
             reader's Y.Doc in this process observes it; one sample per reader per edit, one clock.
             It covers the client's encoding, loopback network, the server (for StatRoom: decode and
             validate, apply, commit to SQLite, then relay) and the reader's decode and apply.
  p50 / p99  median and 99th percentile of all samples; max is the single worst sample.
  delivered  samples seen / expected (every reader must see every edit exactly once).
  RSS        resident memory of the server process: fan-out at the end, many rooms half-way
             through under load; peak is the process's high-water mark (VmHWM).
  ratio      StatRoom row / reference row of the same scenario. Target: p99 ≤ 1.00 for both
             StatRoom rows, with every update committed to SQLite before any client sees it.
  load       1-minute load average before → after the row (this machine has ${cpus().length} cores). Above
             the core count, other processes compete with server and clients, and p99 and max
             measure that contention more than the code; compare rows with similar load.
  Socket.IO  the same server and clients' work, through the browser's transport (one Socket.IO
             connection per client); its client (bench/docs/clients.ts) is not the stock one.`;

async function main(): Promise<void> {
  const serverKeys = pickList(argument('servers'), Object.keys(SERVERS) as ServerKey[]);
  const scenarioKeys = pickList(argument('only'), Object.keys(SCENARIOS) as ScenarioKey[]);
  console.log(
    `StatRoom document benchmark${quick ? ' (quick: not for figures)' : ''} — ${new Date().toISOString()}`,
  );
  console.log(
    `node ${process.version}, ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  for (const scenario of scenarioKeys) {
    const rows: Row[] = [];
    for (const key of serverKeys) rows.push({ key, ...(await measure(SERVERS[key], scenario)) });
    console.log(`\n${SCENARIOS[scenario].title}`);
    for (const row of rows) console.log(formatRow(row));
    const reference = rows.find((row) => row.key === 'ref');
    for (const row of rows) {
      if (!reference || row === reference) continue;
      const a = row.figures.latency;
      const b = reference.figures.latency;
      const met = a.p99 <= b.p99 ? 'met' : 'NOT met';
      console.log(
        `  ratio ${row.key === 'sio' ? 'Socket.IO' : '/yjs'} / reference: p50 ${ratio(a.p50, b.p50)}  p99 ${ratio(a.p99, b.p99)} (target ≤ 1.00: ${met})  RSS ${ratio(row.figures.rssMiB, reference.figures.rssMiB)}`,
      );
    }
  }
  console.log(EXPLANATION);
}

await main();
process.exit(0);
