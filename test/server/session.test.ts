import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe('development sign-in', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  test('issues a token that identifies the caller', async () => {
    const { token, principal } = await server.signIn('Ana Lima', 'analyst');
    expect(principal).toEqual({ id: 'dev-ana-lima', name: 'Ana Lima', role: 'analyst' });
    const me = await fetch(`${server.url}/api/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toEqual({ principal, language: null });
  });

  test('rejects an unknown role naming the field', async () => {
    const response = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'X', role: 'emperor' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_payload');
    expect(body.error.message).toMatch(/^role:/);
  });

  test('a tampered token is not a session', async () => {
    const { token } = await server.signIn('Bo', 'viewer');
    const tampered = `${token.slice(0, -2)}xx`;
    const me = await fetch(`${server.url}/api/session`, { headers: { authorization: `Bearer ${tampered}` } });
    expect(me.status).toBe(401);
  });
});
