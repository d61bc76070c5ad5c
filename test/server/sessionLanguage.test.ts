/**
 * A person's language is kept on the server: chosen once (`PUT /api/session/language`), it comes
 * back with every sign-in of the same person and with who-am-I, on either database, after a restart.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openStorage } from '../../server/db/storage.ts';
import { silentLogger } from '../../server/logger.ts';
import { LANGUAGES } from '../../shared/languages.ts';
import { ROLES } from '../../shared/roles.ts';
import { startTestServer, TEST_SESSION_SECRET, type TestServer } from '../helpers/server.ts';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function chooseLanguage(url: string, token: string | null, body: unknown): Promise<Response> {
  return fetch(`${url}/api/session/language`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...(token ? bearer(token) : {}) },
    body: JSON.stringify(body),
  });
}

async function whoAmI(url: string, token: string): Promise<{ principal: { id: string }; language: unknown }> {
  const response = await fetch(`${url}/api/session`, { headers: bearer(token) });
  expect(response.status).toBe(200);
  return (await response.json()) as { principal: { id: string }; language: unknown };
}

async function signInAt(url: string, name: string, role: string) {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, role }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { principal: { id: string }; token: string; language: unknown };
}

describe('a person’s language on SQLite', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  test('null until chosen, in the sign-in answer and in who-am-I', async () => {
    const signIn = await signInAt(server.url, 'Nova Pessoa', 'viewer');
    expect(signIn.language).toBeNull();
    expect(await whoAmI(server.url, signIn.token)).toEqual({ principal: signIn.principal, language: null });
  });

  test('set, then read back after a new sign-in of the same name (same principal id)', async () => {
    const first = await signInAt(server.url, 'Maria Souza', 'viewer');
    const put = await chooseLanguage(server.url, first.token, { language: 'pt-BR' });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ language: 'pt-BR' });
    expect((await whoAmI(server.url, first.token)).language).toBe('pt-BR');

    // Another sign-in, another role, on "another computer": the same person, the same language.
    const again = await signInAt(server.url, 'Maria Souza', 'analyst');
    expect(again.principal.id).toBe(first.principal.id);
    expect(again.language).toBe('pt-BR');
    expect((await whoAmI(server.url, again.token)).language).toBe('pt-BR');

    // Changed again: the last choice wins; someone else's stays their own.
    expect((await chooseLanguage(server.url, again.token, { language: 'es' })).status).toBe(200);
    expect((await signInAt(server.url, 'Maria Souza', 'viewer')).language).toBe('es');
    expect((await signInAt(server.url, 'Someone Else', 'viewer')).language).toBeNull();
  });

  test('every role may choose, and every language of LANGUAGES can be stored', async () => {
    for (const [index, role] of ROLES.entries()) {
      const { token } = await server.signIn(`Role ${role}`, role);
      const language = LANGUAGES[index % LANGUAGES.length];
      expect((await chooseLanguage(server.url, token, { language })).status, role).toBe(200);
    }
    const { token } = await server.signIn('Polyglot', 'viewer');
    for (const language of LANGUAGES) {
      expect((await chooseLanguage(server.url, token, { language })).status, language).toBe(200);
      expect((await whoAmI(server.url, token)).language).toBe(language);
    }
  });

  test.each([
    ['an unknown code', { language: 'xx' }],
    ['a number', { language: 42 }],
    ['null', { language: null }],
    ['a 10 kB string', { language: 'x'.repeat(10_000) }],
    ['no language at all', {}],
  ])('refuses %s with invalid_payload and keeps the last choice', async (_what, body) => {
    const { token } = await server.signIn('Careful Person', 'viewer');
    expect((await chooseLanguage(server.url, token, { language: 'es' })).status).toBe(200);
    const response = await chooseLanguage(server.url, token, body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: { code: string; message: string } };
    expect(answer.error.code).toBe('invalid_payload');
    expect(answer.error.message).toMatch(/^language:/);
    // The answer names the field, not the 10 kB it was sent.
    expect(answer.error.message.length).toBeLessThan(300);
    expect((await whoAmI(server.url, token)).language).toBe('es');
  });

  test('refused when signed out (no token, or a tampered one)', async () => {
    const signedOut = await chooseLanguage(server.url, null, { language: 'es' });
    expect(signedOut.status).toBe(401);
    expect(((await signedOut.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    const { token } = await server.signIn('Tampered', 'viewer');
    const tampered = await chooseLanguage(server.url, `${token.slice(0, -2)}xx`, { language: 'es' });
    expect(tampered.status).toBe(401);
    expect((await whoAmI(server.url, token)).language).toBeNull();
  });

  test('survives a server restart on the same SQLite file', async () => {
    const own = await startTestServer();
    try {
      const before = await signInAt(own.url, 'Restart Person', 'analyst');
      expect((await chooseLanguage(own.url, before.token, { language: 'es' })).status).toBe(200);
      await own.app.close();

      const app = await createApp({
        storage: openStorage(own.database.config),
        logger: silentLogger(),
        sessionSecret: TEST_SESSION_SECRET,
      });
      try {
        await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
        const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
        // The old token is still valid (same secret) and a new sign-in finds the choice too.
        expect((await whoAmI(url, before.token)).language).toBe('es');
        expect((await signInAt(url, 'Restart Person', 'viewer')).language).toBe('es');
      } finally {
        await app.close();
      }
    } finally {
      await own.database.cleanup();
    }
  });
});

describe('a person’s language on PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dialect: 'postgres' });
  });
  afterAll(() => server.close());

  test('set, changed, read back by a new sign-in; an unknown language refused', async () => {
    const first = await signInAt(server.url, 'Pedro Pg', 'viewer');
    expect(first.language).toBeNull();
    expect((await chooseLanguage(server.url, first.token, { language: 'pt-BR' })).status).toBe(200);
    expect((await chooseLanguage(server.url, first.token, { language: 'es' })).status).toBe(200);
    const again = await signInAt(server.url, 'Pedro Pg', 'analyst');
    expect(again.principal.id).toBe(first.principal.id);
    expect(again.language).toBe('es');
    const refused = await chooseLanguage(server.url, again.token, { language: 'xx' });
    expect(refused.status).toBe(400);
    expect((await whoAmI(server.url, again.token)).language).toBe('es');
  });
});
