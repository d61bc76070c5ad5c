/**
 * The servers under comparison, each in its own process so that its memory can be read from /proc:
 * the reference `@y/websocket-server@0.1.1` (in memory, no persistence) and StatRoom
 * as `npm start` runs it (the bundle `dist/server/index.js`, which `npm run bench` builds first;
 * SQLite, persisting every update before relaying it), the latter reached either
 * through its `/yjs` endpoint (stock y-websocket clients, like the reference) or through Socket.IO
 * (the browser's transport).
 *
 * `BENCH_CPU_PROF_DIR=/some/dir` runs the servers with `--cpu-prof` (one profile per process, written
 * at exit) to see where its time goes. `BENCH_GC_TRACE_DIR=/some/dir` runs them with V8's
 * `--trace-gc --trace-gc-nvp` and writes each process's trace to a file there: one line per
 * collection, with its pause and what survived it (`new_space_survived`, `promoted`).
 * `BENCH_SERVER_B_FLAGS="--some-flag …"` starts build B (BENCH_SERVER_B) with those Node or V8 flags.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, serverEntryArgs } from '../../test/helpers/process.ts';
import { sleep } from '../stats.ts';
import type { ClientSpec } from './clients.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BenchServer {
  name: string;
  pid: number;
  /** Creates a document clients may join; returns its name. */
  createDoc(index: number): Promise<string>;
  /** How clients reach its documents, as data: the clients run in the load generator's worker threads. */
  clients: ClientSpec;
  stop(): Promise<void>;
}

export type StatRoomTransport = 'y-websocket' | 'socket.io';

async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`server at ${url} did not start`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/** The reference has no SIGTERM handler, and a process killed by a signal writes no profile. */
function exitOnTermWhenProfiling(): string[] {
  return process.env.BENCH_CPU_PROF_DIR
    ? ['--import', 'data:text/javascript,process.on("SIGTERM",()=>process.exit(0))']
    : [];
}

/** `--cpu-prof` when BENCH_CPU_PROF_DIR is set, V8's GC trace when BENCH_GC_TRACE_DIR is. */
function profileArgs(): string[] {
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  const gcTrace = process.env.BENCH_GC_TRACE_DIR ? ['--trace-gc', '--trace-gc-nvp'] : [];
  return [...gcTrace, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
}

/** `taskset -c` list every server process is started on (`pinServersTo`); null: any core. */
let serverCpus: string | null = null;
export function pinServersTo(cpuList: string | null): void {
  serverCpus = cpuList;
}

/** Spawns a server process; its stdout, where V8 prints the GC trace, goes to a file with BENCH_GC_TRACE_DIR. */
function spawnServer(label: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const traceDir = process.env.BENCH_GC_TRACE_DIR;
  const stdout = traceDir ? openSync(join(traceDir, `${label}-${Date.now()}.log`), 'w') : 'ignore';
  try {
    const nodeArgs = [...profileArgs(), ...args];
    const [file, fileArgs] = serverCpus
      ? ['taskset', ['-c', serverCpus, process.execPath, ...nodeArgs]]
      : [process.execPath, nodeArgs];
    return spawn(file, fileArgs, {
      cwd: repoRoot,
      env,
      stdio: ['ignore', stdout, 'inherit'],
    });
  } finally {
    // The child has its own copy of the descriptor.
    if (typeof stdout === 'number') closeSync(stdout);
  }
}

export async function startReference(burnMicros = 0): Promise<BenchServer> {
  const port = await freePort();
  const burn = burnMicros > 0 ? ['--import', join(repoRoot, 'bench/docs/referenceBurn.mjs')] : [];
  const child = spawnServer(
    burnMicros > 0 ? 'reference-burn' : 'reference',
    [...exitOnTermWhenProfiling(), ...burn, join(repoRoot, 'node_modules/@y/websocket-server/src/server.js')],
    { ...process.env, HOST: '127.0.0.1', PORT: String(port), BENCH_BURN_US: String(burnMicros) },
  );
  const httpUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(httpUrl, child);
  const clients: ClientSpec = { transport: 'y-websocket', wsBase: `ws://127.0.0.1:${port}`, params: {} };
  return {
    name:
      burnMicros > 0
        ? `reference + ${burnMicros} µs of CPU per client message`
        : 'reference (@y/websocket-server 0.1.1, in memory)',
    pid: child.pid as number,
    clients,
    createDoc: async (index) => `bench-${index}`,
    stop: () => stopProcess(child),
  };
}

/**
 * StatRoom as `npm start` runs it: every update applied, committed to SQLite, then relayed. With
 * `storage: 'memory'` its SQLite is `:memory:` (nothing durable): not a product setting, a row that
 * shows how much of the gap to the in-memory reference is the cost of storing every update.
 */
export async function startStatRoom(
  transport: StatRoomTransport,
  storage: 'file' | 'memory' = 'file',
  /** Another build's `index.js` (BENCH_SERVER_B): two builds compared in one run. */
  entry?: string,
): Promise<BenchServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'statroom-bench-'));
  // BENCH_SERVER_B_FLAGS: Node or V8 flags for build B alone (the same build under other flags).
  const flagsB = (process.env.BENCH_SERVER_B_FLAGS ?? '').split(' ').filter((flag) => flag !== '');
  const entryArgs = entry ? [...flagsB, '--enable-source-maps', entry] : serverEntryArgs.built;
  const child = spawnServer(`statroom-${transport}${entry ? '-B' : ''}`, entryArgs, {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    SQLITE_PATH: storage === 'memory' ? ':memory:' : join(dataDir, 'bench.sqlite'),
    STATROOM_DEMO: 'off',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    SESSION_SECRET: 'bench-secret-0123456789abcdef-0123',
  });
  const httpUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${httpUrl}/healthz`, child);
  const signIn = await fetch(`${httpUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench Analyst', role: 'analyst' }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const transportName = transport === 'socket.io' ? 'Socket.IO' : '/yjs y-websocket';
  const clients: ClientSpec =
    transport === 'socket.io'
      ? { transport: 'socket.io', httpUrl, token }
      : { transport: 'y-websocket', wsBase: `ws://127.0.0.1:${port}/yjs`, params: { token } };
  return {
    name:
      storage === 'memory'
        ? `StatRoom (${transportName}, SQLite in memory)`
        : entry
          ? `StatRoom B (${transportName}, ${entry})`
          : `StatRoom (${transportName}, SQLite, every update persisted)`,
    pid: child.pid as number,
    clients,
    async createDoc(index) {
      const response = await fetch(`${httpUrl}/api/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ title: `Bench meeting ${index}`, scheduledFor: '2026-12-01' }),
      });
      if (response.status !== 201) throw new Error(`cannot create meeting: ${await response.text()}`);
      const { meeting } = (await response.json()) as { meeting: { docName: string } };
      return meeting.docName;
    },
    async stop() {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** CPU time (user + system) in seconds from a Linux `/proc/.../stat` file. */
function cpuSecondsFromStat(statPath: string): number {
  // Fields after the parenthesised command name; utime and stime are the 12th and 13th of them.
  const stat = readFileSync(statPath, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  // USER_HZ is 100 on every Linux build this runs on.
  return ticks / 100;
}

/** CPU time a process has used so far, all its threads together, in seconds. */
export function cpuSecondsOf(pid: number): number {
  return cpuSecondsFromStat(`/proc/${pid}/stat`);
}

/**
 * CPU time of the process's main thread alone (the event loop: every edit's decode, apply, commit
 * and relay). The rest of `cpuSecondsOf` is V8's helper threads (garbage collection, compilation)
 * and, for StatRoom, its WAL checkpoint worker thread.
 */
export function mainThreadCpuSecondsOf(pid: number): number {
  return cpuSecondsFromStat(`/proc/${pid}/task/${pid}/stat`);
}

/** Resident and peak resident memory of a process, in MiB (Linux /proc). */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const read = (key: string) =>
    Number(/(\d+) kB/.exec(status.split('\n').find((l) => l.startsWith(key)) ?? '')?.[1] ?? 0) / 1024;
  return { rssMiB: read('VmRSS:'), peakMiB: read('VmHWM:') };
}
