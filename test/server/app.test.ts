import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe('the app serves the built client', () => {
  let server: TestServer;
  let clientDir: string;
  beforeAll(async () => {
    clientDir = mkdtempSync(join(tmpdir(), 'statroom-client-'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>StatRoom test shell</title>');
    // A relative folder, as CLIENT_DIR usually is: the server must still find index.html.
    server = await startTestServer({ deps: { clientDir: relative(process.cwd(), clientDir) } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(clientDir, { recursive: true, force: true });
  });

  test('a deep link falls back to index.html', async () => {
    const response = await fetch(`${server.url}/meetings/abc/prep`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('StatRoom test shell');
  });

  test('unknown API routes answer with a JSON error, not the page', async () => {
    const response = await fetch(`${server.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  test('healthz and metrics answer', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('statroom_docs_loaded 0');
    // A file database: its WAL is checkpointed off the event loop, and /metrics says how it goes.
    expect(metrics).toMatch(/^statroom_sqlite_wal_checkpoints \d+$/m);
    expect(metrics).toContain('statroom_sqlite_wal_restarts{how="forced"} 0');
    // Nothing refused, nothing set aside, nothing failed to apply on a fresh server.
    expect(metrics).toMatch(/^statroom_doc_updates_set_aside_total 0$/m);
    expect(metrics).toMatch(/^statroom_doc_apply_failures_total 0$/m);
  });
});
