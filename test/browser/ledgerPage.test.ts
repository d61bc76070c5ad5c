/**
 * The ledger page in the browser, against a real server serving the built client: commitments
 * seeded through the API (test/server/ledger/ledgerFixtures.ts), filtered by agency and overdue
 * (the filters live in the link), sorted, one history opened, the CSV downloaded. A viewer reads
 * the same page on a 1920×1080 screen. Run `npx vite build` first.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BUILT_CLIENT,
  launchBrowser,
  openPerson,
  type Person,
  screenshot,
  VIEWPORTS,
} from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { SocketIoDocClient } from '../helpers/yjsClients.ts';
import { type SeededLedger, seedLedger } from '../server/ledger/ledgerFixtures.ts';

/** Absolute: express's `sendFile` (the SPA fallback) refuses relative paths. */
const POLL = { timeout: 20_000, interval: 100 };
const CSV_HEADER =
  'id,objective,agency,owner,text,due date,status,overdue,times carried,made in meeting,created at,closed at';

const rowTexts = (page: Page) =>
  page.locator('[data-testid="ledger-row"] .ledger-expand__text').allTextContents();
const total = (page: Page) => page.getByTestId('ledger-total').textContent();

describe('the ledger page in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let writer: SocketIoDocClient;
  let seed: SeededLedger;
  let ana: Person;
  let vera: Person;
  let filteredUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    const { token } = await server.signIn('Ana Analyst', 'analyst');
    writer = await SocketIoDocClient.connect(server.url, { token });
    seed = await seedLedger(server, token, writer);
    browser = await launchBrowser();
    ana = await openPerson(browser, server.url, 'Ana Lima', 'analyst', VIEWPORTS.laptop);
    vera = await openPerson(browser, server.url, 'Vera Viewer', 'viewer', VIEWPORTS.desktop);
    for (const person of [ana, vera])
      person.page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
  }, 120_000);

  afterAll(async () => {
    writer?.close();
    await browser?.close();
    await server?.close();
  });

  test('the top navigation leads to every commitment, by due date', async () => {
    const { page } = ana;
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Commitments' }).click();
    await page.waitForURL(/\/commitments$/);
    await expect.poll(() => total(page), POLL).toBe('8 commitments');
    expect(await rowTexts(page)).toEqual([
      'Hire 40 nurses',
      'Patrol the market at night',
      'Hire 40 officers',
      'Fix street lights, 50% of them',
      'Publish the hot-spot map',
      '=HYPERLINK("http://example.com/x","Click, here")',
      'Guard the clinics at night',
      'Audit police overtime',
    ]);
    // Carried three times: marked beyond its colour.
    const stuck = page.locator(`[data-commitment-id="${seed.ids.c1}"] .ledger-carried`);
    expect(await stuck.getAttribute('class')).toContain('is-stuck');
    expect(await stuck.textContent()).toContain('carried 3 times or more');
    await screenshot(page, 'ledger-all-1366');
  });

  test('filtering by agency and overdue keeps the filters in the link', async () => {
    const { page } = ana;
    await page.getByLabel('Agency').selectOption({ label: 'Health Secretariat' });
    await page.getByLabel('Overdue only').check();
    await expect.poll(() => rowTexts(page), POLL).toEqual(['Hire 40 nurses', 'Hire 40 officers']);
    expect(await total(page)).toBe('2 commitments match these filters');
    const url = new URL(page.url());
    expect(url.searchParams.get('agencyId')).toBe(seed.agencies.health);
    expect(url.searchParams.get('overdue')).toBe('true');
    const overdue = page
      .getByTestId('ledger-row')
      .filter({ hasText: 'Hire 40 nurses' })
      .getByTestId('overdue');
    expect(await overdue.textContent()).toMatch(/Overdue by \d+ days/);
    filteredUrl = url.pathname + url.search;

    // Sorted by most carried: nurses (carried once) first either way; then turned around.
    await page.getByRole('button', { name: /^Carried/ }).click();
    await expect.poll(() => page.locator('th[aria-sort]').textContent(), POLL).toContain('Carried');
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('button', { name: /^Carried/ }).click();
    await expect.poll(() => rowTexts(page), POLL).toEqual(['Hire 40 officers', 'Hire 40 nurses']);
    expect(new URL(page.url()).searchParams.get('dir')).toBe('asc');
    await page.goBack();
    await page.goBack();
    await expect.poll(() => rowTexts(page), POLL).toEqual(['Hire 40 nurses', 'Hire 40 officers']);
  });

  test('a shared link opens the same view; a row opens onto its history in plain words', async () => {
    const { page } = vera;
    await page.goto(filteredUrl);
    await expect.poll(() => rowTexts(page), POLL).toEqual(['Hire 40 nurses', 'Hire 40 officers']);
    expect(await page.getByLabel('Overdue only').isChecked()).toBe(true);
    expect(await page.getByLabel('Agency').inputValue()).toBe(seed.agencies.health);

    const expand = page.getByRole('button', { name: /^Hire 40 nurses/ });
    expect(await expand.getAttribute('aria-expanded')).toBe('false');
    await expand.focus();
    await page.keyboard.press('Enter');
    const entries = page.getByTestId('history-entry');
    await expect.poll(() => entries.count(), POLL).toBe(2);
    expect(await expand.getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(() => entries.nth(0).textContent(), POLL)
      .toContain('Made in the meeting of Wed 4 Mar 2026');
    const kept = (await entries.nth(1).textContent()) ?? '';
    expect(kept).toContain('Kept open in the meeting of Wed 11 Mar 2026');
    expect(kept).toContain('by Ana Analyst');
    expect(kept).toContain('Due date: Wed 15 Jan 2020 → Sat 1 Feb 2020');
    expect(await entries.nth(0).textContent()).toContain('Owner: Health Secretariat · Dr. Ana Costa');

    await screenshot(page, 'ledger-1920');
  });

  test('the CSV download carries the same filters', async () => {
    const { page } = ana;
    await page.goto(filteredUrl);
    await expect.poll(() => rowTexts(page), POLL).toEqual(['Hire 40 nurses', 'Hire 40 officers']);
    const link = page.getByTestId('csv-link');
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toContain(`agencyId=${seed.agencies.health}`);
    expect(href).toContain('overdue=true');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^commitments-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Hire 40 nurses');

    await page.getByRole('button', { name: /^Hire 40 officers/ }).click();
    await page.getByTestId('history-entry').first().waitFor();
    await screenshot(page, 'ledger-1366');
    expect(pageErrors).toEqual([]);
  });

  test('the owner search applies after a pause; clearing the filters shows everything again', async () => {
    const { page } = ana;
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => total(page), POLL).toBe('8 commitments');
    await page.getByLabel('Owner').fill('SILVA');
    await expect
      .poll(() => rowTexts(page), POLL)
      .toEqual(['Patrol the market at night', 'Guard the clinics at night']);
    expect(new URL(page.url()).searchParams.get('owner')).toBe('SILVA');
    expect(pageErrors).toEqual([]);
  });

  test('a change between meetings reads as such, with the first wording', async () => {
    const { page } = ana;
    await page.getByLabel('Text').fill('overtime');
    await page.getByLabel('Text').press('Enter');
    await page.getByLabel('Owner').fill('');
    await expect.poll(() => rowTexts(page), POLL).toEqual(['Audit police overtime']);
    expect(await page.getByTestId('ledger-row').textContent()).toContain('Between meetings');
    await page.getByRole('button', { name: /^Audit police overtime/ }).click();
    const entries = page.getByTestId('history-entry');
    await expect.poll(() => entries.count(), POLL).toBe(2);
    expect(await entries.nth(0).textContent()).toContain('Made between meetings');
    expect(await entries.nth(0).textContent()).toContain('First worded: “Audit overtime”');
    const edit = (await entries.nth(1).textContent()) ?? '';
    expect(edit).toContain('Changed between meetings');
    expect(edit).toContain('Text: “Audit overtime” → “Audit police overtime”');
    expect(pageErrors).toEqual([]);
  });

  test('a link with a value the server refuses says which, and offers every commitment instead', async () => {
    const { page } = ana;
    await page.goto('/commitments?minCarried=lots');
    await page.getByRole('alert').filter({ hasText: 'minCarried' }).waitFor();
    await page.getByRole('button', { name: 'Show every commitment' }).click();
    await expect.poll(() => total(page), POLL).toBe('8 commitments');
    expect(new URL(page.url()).search).toBe('');
    expect(pageErrors).toEqual([]);
  });
});
