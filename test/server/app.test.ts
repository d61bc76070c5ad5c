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
    // Document updates come in through the intake journal; nothing is waiting, nothing failed.
    expect(metrics).toContain('statroom_sqlite_intake_queued_updates 0');
    expect(metrics).toContain('statroom_sqlite_intake_commits{result="failed"} 0');
    expect(metrics).toMatch(/^statroom_sqlite_intake_recovered_updates 0$/m);
    // The timed group commits run on their worker thread.
    expect(metrics).toMatch(/^statroom_sqlite_intake_commit_worker_up 1$/m);
    expect(metrics).toMatch(/^statroom_sqlite_intake_worker_commits \d+$/m);
  });
});
