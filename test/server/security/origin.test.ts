/** The origin rule on its own (server/auth/origin.ts): every case a browser or a script can present. */
import type { IncomingMessage } from 'node:http';
import { describe, expect, test } from 'vitest';
import { findToken } from '../../../server/auth/authenticate.ts';
import {
  checkRequestOrigin,
  createOriginCheck,
  normalizeOrigin,
  type RequestOrigin,
  sameHostOrigins,
} from '../../../server/auth/origin.ts';

const PUBLIC = new Set(['https://statroom.example.gov']);
const fromBrowser = (facts: Partial<RequestOrigin>): RequestOrigin => ({
  origin: undefined,
  secFetchSite: undefined,
  host: '127.0.0.1:3000',
  originRequired: false,
  ...facts,
});
const fakeRequest = (headers: Record<string, string>, url = '/') =>
  ({ headers, url }) as unknown as IncomingMessage;

describe('checkRequestOrigin', () => {
  test("the request's own host, over http or https, and the configured origins pass", () => {
    expect(checkRequestOrigin(fromBrowser({ origin: 'http://127.0.0.1:3000' }), PUBLIC).ok).toBe(true);
    expect(checkRequestOrigin(fromBrowser({ origin: 'https://127.0.0.1:3000' }), PUBLIC).ok).toBe(true);
    expect(checkRequestOrigin(fromBrowser({ origin: 'https://statroom.example.gov' }), PUBLIC).ok).toBe(true);
  });

  test('another port of the same host, another host, "null" and garbage are refused', () => {
    for (const origin of [
      'http://127.0.0.1:3001',
      'http://127.0.0.1',
      'http://localhost:3000',
      'https://statroom.example.gov.evil.test',
      'null',
      'not a url',
      'file://',
    ]) {
      const verdict = checkRequestOrigin(fromBrowser({ origin }), PUBLIC);
      expect(verdict.ok, origin).toBe(false);
    }
  });

  test('without Origin: a WebSocket is refused; otherwise Sec-Fetch-Site decides', () => {
    expect(checkRequestOrigin(fromBrowser({ originRequired: true }), PUBLIC).ok).toBe(false);
    expect(checkRequestOrigin(fromBrowser({ secFetchSite: 'same-site' }), PUBLIC).ok).toBe(false);
    expect(checkRequestOrigin(fromBrowser({ secFetchSite: 'cross-site' }), PUBLIC).ok).toBe(false);
    expect(checkRequestOrigin(fromBrowser({ secFetchSite: 'same-origin' }), PUBLIC).ok).toBe(true);
    expect(checkRequestOrigin(fromBrowser({ secFetchSite: 'none' }), PUBLIC).ok).toBe(true);
    // A script (curl with a cookie jar) sends neither header.
    expect(checkRequestOrigin(fromBrowser({}), PUBLIC).ok).toBe(true);
  });

  test('a refusal names the origin, cut short', () => {
    const verdict = checkRequestOrigin(fromBrowser({ origin: `http://${'a'.repeat(5000)}.test` }), PUBLIC);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message.length).toBeLessThan(400);
  });
});

describe('normalizeOrigin and sameHostOrigins', () => {
  test('origins compare by scheme, host and port only', () => {
    expect(normalizeOrigin('HTTPS://StatRoom.Example.gov:443/')).toBe('https://statroom.example.gov');
    expect(normalizeOrigin('http://localhost:5173')).toBe('http://localhost:5173');
    expect(normalizeOrigin('https://statroom.example.gov/app')).toBeNull();
    expect(normalizeOrigin('https://user@statroom.example.gov')).toBeNull();
    expect(normalizeOrigin('ws://statroom.example.gov')).toBeNull();
  });

  test('a Host header that is not a host gives no origin', () => {
    expect(sameHostOrigins('[::1]:3000')).toEqual(['http://[::1]:3000', 'https://[::1]:3000']);
    expect(sameHostOrigins('evil.test@127.0.0.1')).toEqual([]);
    expect(sameHostOrigins('a b')).toEqual([]);
    expect(sameHostOrigins(undefined)).toEqual([]);
  });
});

describe('createOriginCheck', () => {
  const check = createOriginCheck(['https://statroom.example.gov/']);
  const foreign = { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3001' };

  test('only the session cookie is checked', () => {
    expect(check(fakeRequest(foreign), 'cookie').ok).toBe(false);
    for (const source of ['bearer', 'query', 'handshake'] as const) {
      expect(check(fakeRequest(foreign), source).ok, source).toBe(true);
    }
  });

  test('an upgrade to WebSocket needs an Origin', () => {
    expect(check(fakeRequest({ host: '127.0.0.1:3000', upgrade: 'websocket' }), 'cookie').ok).toBe(false);
    expect(check(fakeRequest({ host: '127.0.0.1:3000' }), 'cookie').ok).toBe(true);
  });

  test('a configured origin that is not one is refused when the app is built', () => {
    expect(() => createOriginCheck(['statroom.example.gov'])).toThrow(/origin/);
  });
});

describe('findToken', () => {
  test('names where the token came from, by precedence', () => {
    const cookie = 'statroom_session=c';
    expect(findToken(fakeRequest({ cookie }), 'h')).toEqual({ token: 'h', source: 'handshake' });
    expect(findToken(fakeRequest({ cookie, authorization: 'Bearer b' }))).toEqual({
      token: 'b',
      source: 'bearer',
    });
    expect(findToken(fakeRequest({ cookie }, '/x?token=q'))).toEqual({ token: 'q', source: 'query' });
    expect(findToken(fakeRequest({ cookie: `a=1; ${cookie}` }))).toEqual({ token: 'c', source: 'cookie' });
  });

  test('a malformed cookie or request target is no token, not an exception', () => {
    expect(findToken(fakeRequest({ cookie: 'statroom_session=%E0%A4%A' }))).toBeUndefined();
    expect(findToken(fakeRequest({}, 'http://['))).toBeUndefined();
  });
});
