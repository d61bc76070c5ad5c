/**
 * Issue 14 item 7, as the tester did it: a page on another port of 127.0.0.1 (a tiny server in this
 * test) in the signed-in analyst's own browser context, where Chromium sends our SameSite=Lax
 * cookie along. Its text/plain form post of a CSV import, its no-cors fetch and its WebSockets to
 * `/yjs` and `/socket.io` all fail; the app on its own origin keeps working. Run `npx vite build`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readAgenda } from '../../shared/meetingDoc.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { BUILT_CLIENT, launchBrowser, openPerson, type Person } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { SocketIoDocClient } from '../helpers/yjsClients.ts';

interface AttackResults {
  formStatus?: string;
  yjs?: string;
  socketIo?: string;
  done?: boolean;
}

/**
 * The attacking page: a form and a no-cors fetch aimed at the CSV import, a WebSocket to `/yjs`
 * and a raw engine.io WebSocket that asks Socket.IO to connect (`40…`: `40` is connected, `44` a
 * connect error). Each writes what happened into `window.attack`.
 */
function attackPage(target: string, docName: string): string {
  const wsTarget = target.replace(/^http/, 'ws');
  return `<!doctype html><body>
<iframe name="sink"></iframe>
<form id="csv" method="POST" enctype="text/plain" target="sink" action="${target}/api/imports/indicators">
  <input name="id,name,goal_id,unit,direction,frequency,baseline_value,baseline_date,target_value,target_date,threshold_at_risk,threshold_off_track&#10;evil" value="Evil">
</form>
<script>
  const attack = (window.attack = {});
  document.getElementById('csv').submit();
  fetch(${JSON.stringify(`${target}/api/imports/indicators`)}, {
    method: 'POST', mode: 'no-cors', credentials: 'include',
    headers: { 'content-type': 'text/plain' }, body: 'id,name\\nevil2,Evil'
  }).catch(() => {});
  const yjs = new WebSocket(${JSON.stringify(`${wsTarget}/yjs/${encodeURIComponent(docName)}`)});
  yjs.onopen = () => { attack.yjs = 'open'; yjs.close(); };
  yjs.onerror = () => { attack.yjs = attack.yjs || 'refused'; };
  const sio = new WebSocket(${JSON.stringify(`${wsTarget}/socket.io/?EIO=4&transport=websocket`)});
  sio.onmessage = (event) => {
    const text = String(event.data);
    if (text.startsWith('0')) sio.send('40' + JSON.stringify({ protocolVersion: ${PROTOCOL_VERSION} }));
    else if (text.startsWith('40')) attack.socketIo = 'connected';
    else if (text.startsWith('44')) attack.socketIo = 'refused: ' + text.slice(2);
  };
  sio.onerror = () => { attack.socketIo = attack.socketIo || 'refused'; };
</script></body>`;
}

describe('a page on another port of the same host', () => {
  let server: TestServer;
  let attacker: Server;
  let attackerUrl: string;
  let browser: Browser;
  let victim: Person;
  let docName: string;
  let meetingId: string;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    token = (await server.signIn('Setup Analyst', 'analyst')).token;
    browser = await launchBrowser();
    victim = await openPerson(browser, server.url, 'Ana Lima', 'analyst');
    const created = await victim.context.request.post('/api/meetings', {
      data: { title: 'Weekly stocktake', scheduledFor: '2026-12-03' },
    });
    const { meeting } = (await created.json()) as { meeting: { id: string; docName: string } };
    ({ id: meetingId, docName } = meeting);
    attacker = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(attackPage(server.url, docName));
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
    await server?.close();
  });

  test('cannot import, connect or write with the analyst cookie', async () => {
    // What reached the server and what it answered (the page cannot read it, by design).
    let importsArrived = 0;
    const importStatuses: number[] = [];
    server.app.httpServer.on('request', (req, res) => {
      if (!req.url?.startsWith('/api/imports/')) return;
      importsArrived += 1;
      res.on('finish', () => importStatuses.push(res.statusCode));
    });
    const page = await victim.context.newPage();
    await page.goto(attackerUrl);
    await page.waitForFunction(
      () => {
        const attack = (window as unknown as { attack?: AttackResults }).attack;
        return Boolean(attack?.yjs && attack.socketIo);
      },
      undefined,
      { timeout: 20_000 },
    );
    const attack = await page.evaluate(() => (window as unknown as { attack: AttackResults }).attack);
    expect(attack.yjs).toBe('refused');
    expect(attack.socketIo).toMatch(/^refused: .*"forbidden"/);

    // Both the form post and the no-cors fetch reached the server and were turned away.
    await expect.poll(() => importsArrived, { timeout: 20_000 }).toBe(2);
    await expect.poll(() => importStatuses, { timeout: 20_000 }).toEqual([403, 403]);

    const indicators = await victim.context.request.get('/api/indicators');
    expect(await indicators.text()).not.toMatch(/evil/i);
    const reader = await SocketIoDocClient.connect(server.url, { token });
    try {
      expect(readAgenda((await reader.joinSynced(docName)).doc)).toEqual([]);
    } finally {
      reader.close();
    }
    await page.close();
  });

  test('the app on its own origin still connects, edits and writes', async () => {
    const { page } = victim;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // A CSP violation is reported on the console: the built client must cause none.
      if (message.text().includes('Content Security Policy')) errors.push(message.text());
    });
    await page.goto(`/meetings/${meetingId}/prep`);
    await page.getByText('Live', { exact: true }).waitFor({ timeout: 20_000 });

    const input = page.getByLabel('New agenda item');
    await input.fill('Household burglaries');
    await input.press('Enter');
    await page.getByTestId('agenda-row').filter({ hasText: 'Household burglaries' }).waitFor();

    const status = await page.evaluate(async () => {
      const response = await fetch('/api/agencies', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'POL', name: 'Police' }),
      });
      return response.status;
    });
    expect(status).toBe(201);
    expect(errors).toEqual([]);
  });
});
