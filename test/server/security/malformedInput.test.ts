/**
 * Issue 14 item 7: a malformed cookie, a malformed token or a path escape is the client's mistake,
 * answered 400/401 (or 404 for a plain unknown path), never 500, on HTTP, on the `/yjs` upgrade and
 * on the Socket.IO handshake.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { createMeetingDoc } from '../../helpers/yjsClients.ts';
import { closeAll, errorCode, rawRequest, tryHandshake, tryUpgrade } from './probes.ts';

/** decodeURIComponent throws on it: the tester's cookie. */
const MALFORMED_COOKIE = 'statroom_session=%E0%A4%A';
const MALFORMED_TOKENS = ['garbage', 'a.b.c', '.', '%E0%A4%A', `${'x'.repeat(5000)}.${'y'.repeat(50)}`].map(
  (token) => ({ token, label: token.length > 20 ? `${token.slice(0, 8)}…(${token.length} chars)` : token }),
);

describe('malformed input is never a 500', () => {
  let server: TestServer;
  let dir: string;
  let yjsUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'statroom-client-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    server = await startTestServer({ deps: { clientDir: dir } });
    const { token } = await server.signIn('Ana Analyst', 'analyst');
    const docName = await createMeetingDoc(server.url, token);
    yjsUrl = `ws://127.0.0.1:${server.port}/yjs/${encodeURIComponent(docName)}`;
  });
  afterEach(() => closeAll());
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('HTTP', () => {
    test.each([
      '/..%2f..%2fetc/passwd',
      '/%2e%2e/',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
      '/..%5c..%5cetc%5cpasswd',
      '/api/%ff',
      '/api/meetings/%ff',
      '/api/meetings/..%2f..%2fagencies',
      '/%ff',
      '/index.html%00',
    ])('the path %s is a 400 invalid_payload', async (path) => {
      const response = await rawRequest(server.url, path);
      expect(response.status).toBe(400);
      expect(errorCode(response.body)).toBe(ErrorCode.invalidPayload);
      expect(response.body).not.toMatch(/root:/);
    });

    test('a plain unknown API path is a 404', async () => {
      const response = await rawRequest(server.url, '/api/no-such-thing');
      expect(response.status).toBe(404);
      expect(errorCode(response.body)).toBe(ErrorCode.notFound);
    });

    test('a malformed cookie is a 401 on a read and on a write', async () => {
      const read = await rawRequest(server.url, '/api/session', { headers: { cookie: MALFORMED_COOKIE } });
      expect(read.status).toBe(401);
      expect(errorCode(read.body)).toBe(ErrorCode.unauthenticated);
      const write = await rawRequest(server.url, '/api/agencies', {
        method: 'POST',
        headers: { cookie: `other=1; ${MALFORMED_COOKIE}`, 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'X', name: 'X' }),
      });
      expect(write.status).toBe(401);
    });

    test.each(MALFORMED_TOKENS)(
      'the token $label is a 401 as a Bearer header, a cookie and ?token=',
      async ({ token: bad }) => {
        for (const [path, headers] of [
          ['/api/session', { authorization: `Bearer ${bad}` }],
          ['/api/session', { cookie: `statroom_session=${bad}` }],
          [`/api/session?token=${bad}`, {}],
        ] as const) {
          const response = await rawRequest(server.url, path, { headers });
          expect(response.status, `${path} ${JSON.stringify(headers).slice(0, 60)}`).toBe(401);
        }
      },
    );
  });

  describe('/yjs upgrade', () => {
    test('a malformed cookie is a 401', async () => {
      const result = await tryUpgrade(yjsUrl, { cookie: MALFORMED_COOKIE, origin: server.url });
      expect(result).toMatchObject({ opened: false, status: 401 });
    });

    test.each(MALFORMED_TOKENS)('the token $label is a 401', async ({ token: bad }) => {
      const result = await tryUpgrade(`${yjsUrl}?token=${encodeURIComponent(bad)}`);
      expect(result).toMatchObject({ opened: false, status: 401 });
    });

    test.each(['/yjs/%ff', '/yjs/..%2f..%2fetc%2fpasswd', '/yjs/%2e%2e', '/%2e%2e/yjs/x', '/yjs/'])(
      'the path %s is refused with a 4xx',
      async (path) => {
        const { token } = await server.signIn('Ana Analyst', 'analyst');
        const result = await tryUpgrade(`ws://127.0.0.1:${server.port}${path}?token=${token}`);
        expect(result.opened).toBe(false);
        if (result.opened) return;
        expect(result.status).toBeGreaterThanOrEqual(400);
        expect(result.status).toBeLessThan(500);
        expect(errorCode(result.body)).not.toBe(ErrorCode.internal);
      },
    );
  });

  describe('Socket.IO handshake', () => {
    test.each(['websocket', 'polling'] as const)(
      'a malformed cookie is unauthenticated (%s)',
      async (transport) => {
        const result = await tryHandshake(server.url, {
          transport,
          headers: { cookie: MALFORMED_COOKIE, origin: server.url },
        });
        expect(result).toMatchObject({ connected: false, code: ErrorCode.unauthenticated });
      },
    );

    test.each(MALFORMED_TOKENS)('the auth token $label is unauthenticated', async ({ token: bad }) => {
      const result = await tryHandshake(server.url, { token: bad });
      expect(result).toMatchObject({ connected: false, code: ErrorCode.unauthenticated });
    });
  });
});
