/**
 * Issue 14 item 7: an empty or short SESSION_SECRET is refused at start (a real process exits
 * non-zero saying why); SECURE_COOKIES and PUBLIC_ORIGIN reach the running server.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { MIN_SESSION_SECRET_LENGTH, readConfig } from '../../../server/config.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { createDataDir, freePort, serverEntryArgs, signInTo, spawnServer } from '../../helpers/process.ts';
import { rawRequest, sessionCookie } from './probes.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const LONG_SECRET = 's'.repeat(MIN_SESSION_SECRET_LENGTH);

describe('readConfig', () => {
  test('refuses a SESSION_SECRET that is set but empty, or shorter than 32 characters', () => {
    expect(() => readConfig({ SESSION_SECRET: '' })).toThrow(/SESSION_SECRET is set but empty/);
    expect(() => readConfig({ SESSION_SECRET: 'hunter2' })).toThrow(/only 7 characters/);
    expect(() => readConfig({ SESSION_SECRET: LONG_SECRET.slice(1) })).toThrow(/at least 32/);
    // The message never repeats the secret itself.
    expect(() => readConfig({ SESSION_SECRET: 'hunter2' })).not.toThrow(/hunter2/);
  });

  test('takes a long SESSION_SECRET as is; unset, draws a random one at each start', () => {
    expect(readConfig({ SESSION_SECRET: LONG_SECRET }).sessionSecret).toBe(LONG_SECRET);
    const first = readConfig({}).sessionSecret;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(readConfig({}).sessionSecret).not.toBe(first);
  });

  test('SECURE_COOKIES is off unless turned on, and a typo is refused', () => {
    expect(readConfig({}).secureCookies).toBe(false);
    expect(readConfig({ SECURE_COOKIES: 'on' }).secureCookies).toBe(true);
    expect(readConfig({ SECURE_COOKIES: 'off' }).secureCookies).toBe(false);
    expect(() => readConfig({ SECURE_COOKIES: 'yes please' })).toThrow(/SECURE_COOKIES/);
  });

  test('PUBLIC_ORIGIN is a comma-separated list of origins, normalised; anything else is refused', () => {
    expect(readConfig({}).publicOrigins).toEqual([]);
    expect(
      readConfig({ PUBLIC_ORIGIN: ' https://StatRoom.example.gov:443/ , http://localhost:5173' })
        .publicOrigins,
    ).toEqual(['https://statroom.example.gov', 'http://localhost:5173']);
    for (const bad of ['statroom.example.gov', 'https://statroom.example.gov/app', 'ftp://x', '*']) {
      expect(() => readConfig({ PUBLIC_ORIGIN: bad }), bad).toThrow(/PUBLIC_ORIGIN/);
    }
  });
});

/** Starts `server/index.ts` with the given settings and waits for it to exit. */
async function exitOf(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const dataDir = createDataDir();
  try {
    const child = spawn(process.execPath, serverEntryArgs.source, {
      cwd: repoRoot,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(await freePort()),
        SQLITE_PATH: dataDir.sqlitePath,
        DATABASE_URL: '',
        STATROOM_DEMO: 'off',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    // A server that starts anyway is killed after a while: the test then fails on its exit code.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    return { code, output };
  } finally {
    dataDir.cleanup();
  }
}

describe('the server process', { timeout: 60_000 }, () => {
  test('exits non-zero with a clear message when SESSION_SECRET is set but empty or short', async () => {
    const [empty, short] = await Promise.all([
      exitOf({ SESSION_SECRET: '' }),
      exitOf({ SESSION_SECRET: 'short' }),
    ]);
    expect(empty.code).toBe(1);
    expect(empty.output).toMatch(/StatRoom cannot start: SESSION_SECRET is set but empty/);
    expect(short.code).toBe(1);
    expect(short.output).toMatch(/only 5 characters/);
  });

  test('SECURE_COOKIES=on marks the cookie Secure; PUBLIC_ORIGIN may use it, another origin may not', async () => {
    const dataDir = createDataDir();
    const server = await spawnServer(dataDir.sqlitePath, undefined, 'source', {
      SECURE_COOKIES: 'on',
      PUBLIC_ORIGIN: 'https://statroom.example.gov',
    });
    try {
      await checkSecureCookieAndOrigins(server.url);
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
      dataDir.cleanup();
    }
  });
});

/** What a proxied deployment relies on: a Secure cookie, and writes only from PUBLIC_ORIGIN. */
async function checkSecureCookieAndOrigins(url: string): Promise<void> {
  const signIn = await rawRequest(url, '/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ana Analyst', role: 'analyst' }),
  });
  expect(String(signIn.headers['set-cookie'])).toMatch(/; Secure/);

  const cookie = sessionCookie(await signInTo(url, 'Ana Analyst', 'analyst'));
  const write = (code: string, origin: string) =>
    rawRequest(url, '/api/agencies', {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: code }),
    });
  expect((await write('PROXIED', 'https://statroom.example.gov')).status).toBe(201);
  const foreign = await write('FOREIGN', 'https://elsewhere.example.gov');
  expect(foreign.status).toBe(403);
  expect(foreign.body).toContain(ErrorCode.forbidden);
}
