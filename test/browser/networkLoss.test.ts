/**
 * Losing the network in the browser, two ways, on the meeting prep page with a second person
 * watching: Chromium's own offline mode (the page hears `offline`), and a network that dies with no
 * word at all (a TCP proxy in front of the server stops moving bytes; only the heartbeats notice).
 * Either way the page says Offline within 5 s, the other person sees it leave within 10 s, and when
 * the network returns both see each other again and the edits made meanwhile arrive.
 * Run `npx vite build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUILT_CLIENT, launchBrowser, openPerson, type Person } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcpProxy.ts';

const POLL = { timeout: 20_000, interval: 100 };
const OFFLINE_WITHIN_MS = 5_000;
const GONE_WITHIN_MS = 10_000;

const badge = (page: Page) => page.getByTestId('connection-status').textContent();
const present = (page: Page) => page.getByTestId('presence-person').allTextContents();
const rowTitles = (page: Page) => page.getByTestId('agenda-row-title').allTextContents();

async function addItem(page: Page, title: string): Promise<void> {
  const input = page.getByLabel('New agenda item');
  await input.fill(title);
  await input.press('Enter');
  await page.getByTestId('agenda-row').filter({ hasText: title }).waitFor();
}

/** Milliseconds until `condition` holds, polled every 100 ms; throws past `limitMs` plus slack. */
async function msUntil(condition: () => Promise<boolean>, what: string, limitMs: number): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > limitMs + 5_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return performance.now() - started;
}

const shows = (page: Page, name: string) => async () =>
  (await present(page)).some((entry) => entry.includes(name));

describe('losing the network on the meeting prep page', () => {
  let server: TestServer;
  let proxy: TcpProxy;
  let browser: Browser;
  let ana: Person;
  let bruno: Person;
  let prepPath: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    proxy = await startTcpProxy(server.port);
    browser = await launchBrowser();
    ana = await openPerson(browser, server.url, 'Ana Lima', 'analyst');
    // Bruno reaches the server through the proxy: his network can die without a word.
    bruno = await openPerson(browser, proxy.url, 'Bruno Costa', 'analyst');
    for (const person of [ana, bruno]) {
      person.page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
    }
    const created = await ana.context.request.post('/api/meetings', {
      data: { title: 'Citizen security — weekly stocktake', scheduledFor: '2026-12-03' },
    });
    expect(created.status()).toBe(201);
    const { meeting } = (await created.json()) as { meeting: { id: string } };
    prepPath = `/meetings/${meeting.id}/prep`;
    await ana.page.goto(prepPath);
    await bruno.page.goto(prepPath);
    await msUntil(shows(ana.page, 'Bruno Costa'), 'Ana sees Bruno', POLL.timeout);
    await msUntil(shows(bruno.page, 'Ana Lima'), 'Bruno sees Ana', POLL.timeout);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.close();
  });

  test("Chromium's offline mode: Offline at once, gone for the other within 10 s, back with the edits", {
    timeout: 60_000,
  }, async () => {
    await ana.context.setOffline(true);
    const [offlineMs, goneMs] = await Promise.all([
      msUntil(async () => (await badge(ana.page)) === 'Offline', 'Ana offline', OFFLINE_WITHIN_MS),
      msUntil(async () => !(await shows(bruno.page, 'Ana Lima')()), 'Ana gone for Bruno', GONE_WITHIN_MS),
    ]);
    expect(offlineMs).toBeLessThan(OFFLINE_WITHIN_MS);
    expect(goneMs).toBeLessThan(GONE_WITHIN_MS);
    await addItem(ana.page, 'Typed while offline');
    await addItem(bruno.page, 'Added while Ana was offline');

    await ana.context.setOffline(false);
    await expect.poll(() => badge(ana.page), POLL).toBe('Live');
    await expect.poll(() => rowTitles(ana.page), POLL).toContain('Added while Ana was offline');
    await expect.poll(() => rowTitles(bruno.page), POLL).toContain('Typed while offline');
    await expect.poll(shows(bruno.page, 'Ana Lima'), POLL).toBe(true);
    await expect.poll(shows(ana.page, 'Bruno Costa'), POLL).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  test('a network that dies without a word: Offline within 5 s, gone for the other within 10 s, back', {
    timeout: 60_000,
  }, async () => {
    proxy.freeze();
    const [offlineMs, goneMs] = await Promise.all([
      msUntil(async () => (await badge(bruno.page)) === 'Offline', 'Bruno offline', OFFLINE_WITHIN_MS),
      msUntil(async () => !(await shows(ana.page, 'Bruno Costa')()), 'Bruno gone for Ana', GONE_WITHIN_MS),
    ]);
    expect(offlineMs).toBeLessThan(OFFLINE_WITHIN_MS);
    expect(goneMs).toBeLessThan(GONE_WITHIN_MS);
    await addItem(ana.page, 'Added while Bruno was cut off');

    proxy.thaw();
    await expect.poll(() => badge(bruno.page), POLL).toBe('Live');
    await expect.poll(() => rowTitles(bruno.page), POLL).toContain('Added while Bruno was cut off');
    await expect.poll(shows(ana.page, 'Bruno Costa'), POLL).toBe(true);
    await expect.poll(shows(bruno.page, 'Ana Lima'), POLL).toBe(true);
    expect(await rowTitles(bruno.page)).toEqual(await rowTitles(ana.page));
    expect(pageErrors).toEqual([]);
  });
});
