/**
 * `npm run dev`: the server (restarted by `node --watch` when its code changes) and the Vite dev
 * server (hot reload; it proxies `/api`, `/socket.io` and `/yjs` to the server, see vite.config.ts)
 * together in one terminal. Ctrl-C or SIGTERM stops both; if either dies, the other is stopped too,
 * so a crashed server never leaves a client that silently talks to nothing.
 *
 * Plain child processes rather than a dependency such as `concurrently`: two children, one policy.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** How long a child may take to stop cleanly (the server flushes its documents) before SIGKILL. */
const STOP_GRACE_MS = 10_000;

const serverPort = process.env.PORT ?? '3000';
const env = {
  ...process.env,
  STATROOM_DEV_API: process.env.STATROOM_DEV_API ?? `http://localhost:${serverPort}`,
  // Vite's proxy sends /api on with the server's own Host, so the page's origin (Vite's) must be
  // named for cookie-authenticated writes to pass the server's origin check (server/auth/origin.ts).
  PUBLIC_ORIGIN: process.env.PUBLIC_ORIGIN ?? 'http://localhost:5173,http://127.0.0.1:5173',
};

interface Named {
  name: string;
  child: ChildProcess;
  exited: boolean;
}

function start(name: string, args: string[]): Named {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  const named: Named = { name, child, exited: false };
  child.on('exit', (code, signal) => {
    named.exited = true;
    onChildExit(named, code, signal);
  });
  child.on('error', (error) => {
    console.error(`[dev] could not start the ${name}: ${error.message}`);
    named.exited = true;
    onChildExit(named, 1, null);
  });
  return named;
}

const children = [
  start('server', ['--import', 'tsx', '--watch', 'server/index.ts']),
  start('Vite dev server', [fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url))]),
];

let stopping = false;
let exitCode = 0;

function stopAll(signal: NodeJS.Signals): void {
  for (const { child, exited } of children) if (!exited) child.kill(signal);
  // A child that ignores the signal must not keep the terminal hostage.
  setTimeout(() => {
    for (const { child, exited } of children) if (!exited) child.kill('SIGKILL');
  }, STOP_GRACE_MS).unref();
}

function onChildExit(named: Named, code: number | null, signal: NodeJS.Signals | null): void {
  if (!stopping) {
    stopping = true;
    exitCode = code ?? 1;
    console.error(`[dev] the ${named.name} exited (${signal ?? `code ${code}`}); stopping the other process`);
    stopAll('SIGTERM');
  }
  if (children.every((each) => each.exited)) process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    exitCode = 0;
    stopAll(signal);
  });
}
