/**
 * The README's script example must keep working: this runs the exact code block from README.md
 * with plain Node against a real server.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addAgendaItem } from '../shared/meetingDoc.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function readmeScriptExample(): string {
  const readme = readFileSync(`${repoRoot}/README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('## Joining a meeting document from a script'));
  const match = /```js\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error('README has no script example');
  return match[1];
}

function runModule(
  code: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // --input-type=module resolves imports from the working directory: this repository's node_modules.
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    // A script that never exits must not outlive the test run.
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (exitCode) => {
      clearTimeout(watchdog);
      resolve({ code: exitCode, output });
    });
  });
}

describe('README', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  test('the y-websocket script example reads a meeting agenda with the stock client', async () => {
    const { token } = await server.signIn('Ana Lima', 'analyst');
    const created = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title: 'Health weekly', scheduledFor: '2026-12-03' }),
    });
    const { meeting } = (await created.json()) as { meeting: { docName: string } };
    await server.app.hub.change(meeting.docName, (doc) => {
      addAgendaItem(doc, { title: 'Follow-up of open commitments', kind: 'follow_up' });
      addAgendaItem(doc, { title: 'Waiting times in emergency rooms' });
    });

    const result = await runModule(readmeScriptExample(), { STATROOM_URL: server.url });
    expect(result.output).toContain('Health weekly: 2 agenda items');
    expect(result.code).toBe(0);
  });
});
