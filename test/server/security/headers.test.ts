/**
 * Issue 14 item 7: standard security headers (helmet) on the app and the API, with a CSP the built
 * client works with, and the `Secure` cookie setting.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { type RawResponse, rawRequest } from './probes.ts';

/** A stand-in for `dist/client`: the server serves it exactly as it serves the build. */
function clientDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'statroom-client-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'export {};');
  return dir;
}

function directives(response: RawResponse): Map<string, string> {
  const header = String(response.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

describe('security headers', () => {
  let server: TestServer;
  let dir: string;

  beforeAll(async () => {
    dir = clientDir();
    server = await startTestServer({ deps: { clientDir: dir } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test.each(['/', '/meetings/abc/prep', '/assets/app.js', '/api/session', '/api/nothing-here', '/healthz'])(
    '%s carries the CSP, nosniff, a Referrer-Policy and no framing',
    async (path) => {
      const response = await rawRequest(server.url, path);
      expect(response.status).toBeLessThan(500);
      const csp = directives(response);
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(csp.get('default-src')).toBe("'self'");
      // The build's scripts are external modules: nothing inline, nothing evaluated.
      expect(csp.get('script-src')).toBe("'self'");
      // recharts sets inline styles.
      expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
      expect(csp.get('connect-src')).toBe(
        `'self' ws://127.0.0.1:${server.port} wss://127.0.0.1:${server.port}`,
      );
      expect(csp.get('object-src')).toBe("'none'");
      // The demo runs on plain http: upgrading its requests would break it.
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-powered-by']).toBeUndefined();
    },
  );

  test('a Host header that is not a host name adds nothing to connect-src', async () => {
    const response = await rawRequest(server.url, '/', {
      headers: { host: "evil; script-src 'unsafe-inline'" },
    });
    expect(directives(response).get('connect-src')).not.toMatch(/evil|ws:/);
    expect(directives(response).get('script-src')).toBe("'self'");
  });
});

describe('the session cookie', () => {
  async function signInCookie(server: TestServer): Promise<string> {
    const response = await rawRequest(server.url, '/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ana Analyst', role: 'analyst' }),
    });
    expect(response.status).toBe(201);
    return String(response.headers['set-cookie']);
  }

  test('is HttpOnly and SameSite=Lax, and not Secure by default (the demo runs on http)', async () => {
    const server = await startTestServer();
    try {
      const cookie = await signInCookie(server);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).not.toMatch(/Secure/);
    } finally {
      await server.close();
    }
  });

  test('is Secure with secureCookies, and signing out clears it with the same attributes', async () => {
    const server = await startTestServer({ deps: { secureCookies: true } });
    try {
      const cookie = await signInCookie(server);
      expect(cookie).toMatch(/; Secure/);
      const token = /statroom_session=([^;]+)/.exec(cookie)?.[1] ?? '';
      const signOut = await rawRequest(server.url, '/api/session', {
        method: 'DELETE',
        headers: { cookie: `statroom_session=${token}`, origin: server.url },
      });
      expect(signOut.status).toBe(204);
      expect(String(signOut.headers['set-cookie'])).toMatch(/statroom_session=;.*Secure/);
    } finally {
      await server.close();
    }
  });
});
