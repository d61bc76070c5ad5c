/**
 * A real StatRoom server for the data benchmark, in its own process (`node --import tsx
 * server/index.ts`) so that client and server do not share an event loop, over a database that
 * the benchmark has already filled with the demo government.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '../../server/db/database.ts';
import { freePort } from '../../test/helpers/process.ts';
import { sleep } from '../stats.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface DataBenchServer {
  url: string;
  token: string;
  /** The server process, to read its memory from /proc. */
  pid: number;
  stop(): Promise<void>;
}

export async function startServer(
  config: DatabaseConfig,
  env: Record<string, string> = {},
): Promise<DataBenchServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: config.databaseUrl ?? '',
      SQLITE_PATH: config.sqlitePath ?? '',
      STATROOM_DEMO: 'off',
      SESSION_SECRET: 'bench-secret-0123456789abcdef-0123',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      CLIENT_DIR: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (attempt > 300) throw new Error('server did not start');
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      await sleep(100);
    }
  }
  const signIn = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench Analyst', role: 'analyst' }),
  });
  const { token } = (await signIn.json()) as { token: string };
  return {
    url,
    token,
    pid: child.pid as number,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
