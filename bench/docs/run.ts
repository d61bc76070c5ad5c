/**
 * `npm run bench`: the document platform against the reference y-websocket server, same clients,
 * same run. Prints edit-to-reader latency (p50/p99) and server memory for each scenario, and the
 * ratio StatRoom / reference (target: p99 ratio ≤ 1.0 while persisting every update).
 *
 * `npm run bench -- --quick` runs smaller scenarios (for a smoke check, not for figures).
 */
import { formatMs, type LatencySummary, sleep, summarize } from '../stats.ts';
import { fanOut, manyRooms } from './scenarios.ts';
import { type BenchServer, memoryOf, startReference, startStatRoom } from './servers.ts';

// Every stock y-websocket provider adds a process 'exit' listener; hundreds are expected here.
process.setMaxListeners(0);

const quick = process.argv.includes('--quick');
const FAN_OUT = quick ? { readers: 10, edits: 200, rate: 100 } : { readers: 50, edits: 2000, rate: 100 };
const MANY_ROOMS = quick
  ? { docs: 20, clientsPerDoc: 3, editsPerSecond: 2, durationSeconds: 5 }
  : { docs: 200, clientsPerDoc: 3, editsPerSecond: 2, durationSeconds: 30 };

interface ScenarioFigures {
  latency: LatencySummary;
  delivered: string;
  rssMiB: number;
  peakMiB: number;
}

async function measure(
  start: () => Promise<BenchServer>,
): Promise<{ name: string; fanOut: ScenarioFigures; manyRooms: ScenarioFigures }> {
  const fanServer = await start();
  const fan = await fanOut(fanServer, FAN_OUT);
  const fanMemory = memoryOf(fanServer.pid);
  await fanServer.stop();
  await sleep(500);

  // A fresh process for the second scenario, so the first one's documents do not count.
  const roomsServer = await start();
  let loadedMemory = { rssMiB: 0, peakMiB: 0 };
  const rooms = await manyRooms(roomsServer, MANY_ROOMS, () => {
    loadedMemory = memoryOf(roomsServer.pid);
  });
  const finalMemory = memoryOf(roomsServer.pid);
  await roomsServer.stop();
  return {
    name: fanServer.name,
    fanOut: {
      latency: summarize(fan.latencies),
      delivered: `${fan.latencies.length}/${fan.expected}`,
      ...fanMemory,
    },
    manyRooms: {
      latency: summarize(rooms.latencies),
      delivered: `${rooms.latencies.length}/${rooms.expected}`,
      rssMiB: loadedMemory.rssMiB,
      peakMiB: finalMemory.peakMiB,
    },
  };
}

function row(label: string, figures: ScenarioFigures): string {
  const { p50, p99 } = figures.latency;
  return `  ${label.padEnd(58)} p50 ${formatMs(p50).padStart(10)}  p99 ${formatMs(p99).padStart(10)}  delivered ${figures.delivered.padStart(13)}  RSS ${figures.rssMiB.toFixed(0).padStart(4)} MiB (peak ${figures.peakMiB.toFixed(0)})`;
}

const ratio = (ours: number, theirs: number) => (theirs > 0 ? (ours / theirs).toFixed(2) : 'n/a');

async function main(): Promise<void> {
  console.log(`StatRoom document benchmark${quick ? ' (quick)' : ''} — ${new Date().toISOString()}`);
  console.log(`fan-out: 1 writer + ${FAN_OUT.readers} readers, ${FAN_OUT.edits} edits at ${FAN_OUT.rate}/s`);
  console.log(
    `many rooms: ${MANY_ROOMS.docs} docs × ${MANY_ROOMS.clientsPerDoc} clients, writers at ${MANY_ROOMS.editsPerSecond} edits/s for ${MANY_ROOMS.durationSeconds} s`,
  );
  const reference = await measure(startReference);
  const ours = await measure(startStatRoom);

  for (const scenario of ['fanOut', 'manyRooms'] as const) {
    console.log(`\n${scenario === 'fanOut' ? 'Fan-out' : 'Many rooms'}`);
    console.log(row(reference.name, reference[scenario]));
    console.log(row(ours.name, ours[scenario]));
    const a = ours[scenario];
    const b = reference[scenario];
    console.log(
      `  ratio StatRoom/reference: p50 ${ratio(a.latency.p50, b.latency.p50)}  p99 ${ratio(a.latency.p99, b.latency.p99)}  RSS ${ratio(a.rssMiB, b.rssMiB)}   (target p99 ≤ 1.00)`,
    );
  }
}

await main();
process.exit(0);
