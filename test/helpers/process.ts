/**
 * A StatRoom server in its own process, for tests that must SIGKILL or SIGTERM it: from source
 * (`node --import tsx server/index.ts`) or, for the test of what `npm start` runs, the production
 * bundle (`node dist/server/index.js`, made by `npm run build`). Storage is a SQLite file in a
 * temporary folder that survives restarts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** At least 32 characters: a shorter SESSION_SECRET is refused at start. */
export const PROCESS_SESSION_SECRET = 'process-test-secret-0123456789abcdef';

/** A port that was free a moment ago (index.ts listens on a fixed port, not 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Everything the process wrote to stderr and stdout (logs at warn and above). */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface DataDir {
  sqlitePath: string;
  cleanup(): void;
}

export function createDataDir(): DataDir {
  const dir = mkdtempSync(join(tmpdir(), 'statroom-proc-'));
  return {
    sqlitePath: join(dir, 'statroom.sqlite'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** How the server process is started: from the TypeScript sources, or the built bundle. */
export type ServerEntry = 'source' | 'built';

export const BUILT_SERVER_ENTRY = 'dist/server/index.js';

/** Node's arguments for each way of starting the server (the bench starts the built one too). */
export const serverEntryArgs: Record<ServerEntry, string[]> = {
  source: ['--import', 'tsx', 'server/index.ts'],
  built: ['--enable-source-maps', BUILT_SERVER_ENTRY],
};

export async function spawnServer(
  sqlitePath: string,
  port?: number,
  entry: ServerEntry = 'source',
  /** Settings on top of the defaults below (e.g. `SECURE_COOKIES`). */
  env: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  const chosenPort = port ?? (await freePort());
  const child = spawn(process.execPath, serverEntryArgs[entry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(chosenPort),
      SQLITE_PATH: sqlitePath,
      DATABASE_URL: '',
      SESSION_SECRET: PROCESS_SESSION_SECRET,
      STATROOM_DEMO: 'off',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const url = `http://127.0.0.1:${chosenPort}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, url, port: chosenPort, output: () => output, exited };
}

/** Signs in through the real development sign-in of a running process. */
export async function signInTo(url: string, name: string, role: 'analyst' | 'viewer'): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, role }),
  });
  if (response.status !== 201) throw new Error(`sign-in failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}
