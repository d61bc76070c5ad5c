/**
 * Issue 14 item 7: a `text/plain` form and a no-cors fetch from another port of the same host
 * carried the session cookie and wrote. With the cookie, `/api` writes are accepted only from our
 * own origin (or, with no Origin, unless the browser says the request is cross-site); Bearer
 * tokens, which a foreign page cannot read, are not checked, and reads are unchanged.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { errorCode, type RawResponse, rawRequest, sessionCookie } from './probes.ts';

describe('HTTP writes with the session cookie', () => {
  let server: TestServer;
  let token: string;
  let cookie: string;
  let foreignOrigin: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
    cookie = sessionCookie(token);
    foreignOrigin = `http://127.0.0.1:${server.port + 1}`;
  });
  afterAll(() => server.close());

  const createAgency = (code: string, headers: Record<string, string>) =>
    rawRequest(server.url, '/api/agencies', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ code, name: `Agency ${code}` }),
    });

  async function agencyCodes(): Promise<string[]> {
    const response = await rawRequest(server.url, '/api/agencies', { headers: { cookie } });
    return (JSON.parse(response.body) as { agencies: Array<{ code: string }> }).agencies.map((a) => a.code);
  }

  function expectForbidden(response: RawResponse): void {
    expect(response.status).toBe(403);
    expect(errorCode(response.body)).toBe(ErrorCode.forbidden);
  }

  test('a foreign Origin is refused with 403 forbidden and nothing is written', async () => {
    expectForbidden(await createAgency('EVIL1', { cookie, origin: foreignOrigin }));
    expect(await agencyCodes()).not.toContain('EVIL1');
  });

  test("the tester's text/plain form post of a CSV import is refused before the route reads it", async () => {
    const response = await rawRequest(server.url, '/api/imports/indicators', {
      method: 'POST',
      headers: {
        cookie,
        origin: foreignOrigin,
        'sec-fetch-site': 'same-site',
        'content-type': 'text/plain',
      },
      body: 'id,name\nevil,Evil\n',
    });
    expectForbidden(response);
  });

  test('no Origin but a same-site or cross-site Sec-Fetch-Site is refused', async () => {
    expectForbidden(await createAgency('EVIL2', { cookie, 'sec-fetch-site': 'same-site' }));
    expectForbidden(await createAgency('EVIL3', { cookie, 'sec-fetch-site': 'cross-site' }));
    expect(await agencyCodes()).not.toContain('EVIL2');
  });

  test('signing out from a foreign page is refused too', async () => {
    const response = await rawRequest(server.url, '/api/session', {
      method: 'DELETE',
      headers: { cookie, origin: foreignOrigin },
    });
    expectForbidden(response);
  });

  test('the same origin, a script with no Origin, and a Bearer token from anywhere write', async () => {
    expect((await createAgency('SAME', { cookie, origin: server.url })).status).toBe(201);
    expect((await createAgency('SCRIPT', { cookie })).status).toBe(201);
    expect(
      (await createAgency('BEARER', { authorization: `Bearer ${token}`, origin: foreignOrigin })).status,
    ).toBe(201);
    expect(await agencyCodes()).toEqual(expect.arrayContaining(['SAME', 'SCRIPT', 'BEARER']));
  });

  test('reads with the cookie from a foreign Origin are unchanged (without CORS the page cannot read them)', async () => {
    const response = await rawRequest(server.url, '/api/agencies', {
      headers: { cookie, origin: foreignOrigin },
    });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('without a valid session a write is still unauthenticated, whatever the Origin', async () => {
    const response = await createAgency('NOBODY', { origin: foreignOrigin });
    expect(response.status).toBe(401);
    expect(errorCode(response.body)).toBe(ErrorCode.unauthenticated);
  });
});
