/**
 * Issue 14 item 7: a page on another port of the same host gets our SameSite=Lax cookie sent with
 * its WebSockets. Real server, real `ws` and socket.io-client: with the cookie, only our own origin
 * (the request's host, or PUBLIC_ORIGIN) opens `/yjs` or a Socket.IO connection; tokens a
 * cross-site page cannot read (Bearer, `?token=`, `auth.token`) need no Origin.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { createMeetingDoc } from '../../helpers/yjsClients.ts';
import { closeAll, errorCode, sessionCookie, tryHandshake, tryUpgrade } from './probes.ts';

const PUBLIC_ORIGIN = 'https://statroom.example.gov';

describe('live transports with the session cookie', () => {
  let server: TestServer;
  let token: string;
  let docName: string;
  let cookie: string;
  /** Another port of the same host: the tester's attacking page. */
  let foreignOrigin: string;
  let yjsUrl: string;

  beforeAll(async () => {
    server = await startTestServer({ deps: { publicOrigins: [PUBLIC_ORIGIN] } });
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
    cookie = sessionCookie(token);
    docName = await createMeetingDoc(server.url, token);
    foreignOrigin = `http://127.0.0.1:${server.port + 1}`;
    yjsUrl = `ws://127.0.0.1:${server.port}/yjs/${encodeURIComponent(docName)}`;
  });
  afterEach(() => closeAll());
  afterAll(() => server.close());

  describe('/yjs upgrade', () => {
    test('a foreign Origin with the cookie is refused with 403 forbidden', async () => {
      const result = await tryUpgrade(yjsUrl, { cookie, origin: foreignOrigin });
      expect(result.opened).toBe(false);
      if (result.opened) return;
      expect(result.status).toBe(403);
      expect(errorCode(result.body)).toBe(ErrorCode.forbidden);
    });

    test('the cookie without any Origin is refused (browsers always send one)', async () => {
      const result = await tryUpgrade(yjsUrl, { cookie });
      expect(result).toMatchObject({ opened: false, status: 403 });
    });

    test('Origin "null" (a sandboxed frame) with the cookie is refused', async () => {
      const result = await tryUpgrade(yjsUrl, { cookie, origin: 'null' });
      expect(result).toMatchObject({ opened: false, status: 403 });
    });

    test('the same origin, or PUBLIC_ORIGIN, with the cookie opens', async () => {
      expect(await tryUpgrade(yjsUrl, { cookie, origin: server.url })).toEqual({ opened: true });
      expect(await tryUpgrade(yjsUrl, { cookie, origin: PUBLIC_ORIGIN })).toEqual({ opened: true });
      // Spelled differently (case, default port, trailing slash), still the same origin.
      expect(await tryUpgrade(yjsUrl, { cookie, origin: 'HTTPS://statroom.example.gov:443' })).toEqual({
        opened: true,
      });
    });

    test('?token= or a Bearer header opens without Origin, and from any origin', async () => {
      expect(await tryUpgrade(`${yjsUrl}?token=${token}`)).toEqual({ opened: true });
      expect(await tryUpgrade(`${yjsUrl}?token=${token}`, { origin: foreignOrigin })).toEqual({
        opened: true,
      });
      expect(await tryUpgrade(yjsUrl, { authorization: `Bearer ${token}` })).toEqual({ opened: true });
    });

    test('an invalid ?token= does not fall back to the cookie', async () => {
      const result = await tryUpgrade(`${yjsUrl}?token=forged`, { cookie, origin: foreignOrigin });
      expect(result).toMatchObject({ opened: false, status: 401 });
    });
  });

  describe('Socket.IO handshake', () => {
    test('a foreign Origin with the cookie gets connect_error forbidden', async () => {
      const result = await tryHandshake(server.url, { headers: { cookie, origin: foreignOrigin } });
      expect(result).toMatchObject({
        connected: false,
        code: ErrorCode.forbidden,
        data: { error: { code: ErrorCode.forbidden } },
      });
    });

    test('the cookie over WebSocket without Origin is refused', async () => {
      const result = await tryHandshake(server.url, { headers: { cookie } });
      expect(result).toMatchObject({ connected: false, code: ErrorCode.forbidden });
    });

    test('long-polling without Origin: refused when the browser says same-site, accepted when same-origin', async () => {
      const sameSite = await tryHandshake(server.url, {
        transport: 'polling',
        headers: { cookie, 'sec-fetch-site': 'same-site' },
      });
      expect(sameSite).toMatchObject({ connected: false, code: ErrorCode.forbidden });
      // A same-origin GET carries no Origin in Chromium: the app's own polling must keep working.
      const sameOrigin = await tryHandshake(server.url, {
        transport: 'polling',
        headers: { cookie, 'sec-fetch-site': 'same-origin' },
      });
      expect(sameOrigin.connected).toBe(true);
    });

    test('the same origin with the cookie connects and joins the document', async () => {
      const result = await tryHandshake(server.url, { headers: { cookie, origin: server.url } });
      expect(result.connected).toBe(true);
      if (!result.connected) return;
      expect(await result.join(docName)).toEqual({ ok: true, permission: 'write' });
    });

    test('auth.token needs no Origin and is not checked against it', async () => {
      expect((await tryHandshake(server.url, { token })).connected).toBe(true);
      const fromElsewhere = await tryHandshake(server.url, { token, headers: { origin: foreignOrigin } });
      expect(fromElsewhere.connected).toBe(true);
    });
  });
});
