/**
 * The performance pages in a real browser against a real server and database: an analyst opens an
 * indicator, imports a CSV that changes its latest value (and so its status) and sees the data
 * table and the status badge follow; a CSV with a bad row is rejected with the row number and the
 * reason and changes nothing; the analyst corrects a value through the form; a viewer gets no forms.
 * Needs the built client: run `npx vite build` first (`npm test` does).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { IndicatorDetail } from '../../shared/performance.ts';
import { latestDuePeriod, periodAtIndex, periodIndex } from '../../shared/periods.ts';
import type { Role } from '../../shared/roles.ts';
import { BUILT_CLIENT, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { dataPointsCsv, seedSmallObjective } from './fixtures/performanceSeed.ts';

describe('performance pages', () => {
  let server: TestServer;
  let browser: Browser;
  let analystToken: string;
  const contexts: BrowserContext[] = [];
  const today = new Date().toISOString().slice(0, 10);
  const due = latestDuePeriod(today, 'weekly');
  const weeksBefore = (count: number) => periodAtIndex(periodIndex(due, 'weekly') - count, 'weekly');

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    analystToken = (await server.signIn('Seed Analyst', 'analyst')).token;
    await seedSmallObjective(server.url, analystToken, today);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  /** A new browser context (one person) signed in through the real development sign-in. */
  async function signedInPage(name: string, role: Role): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    contexts.push(context);
    const response = await context.request.post(`${server.url}/api/session`, { data: { name, role } });
    expect(response.status()).toBe(201);
    return context.newPage();
  }

  async function indicatorFromApi(id: string): Promise<IndicatorDetail> {
    const response = await fetch(`${server.url}/api/indicators/${id}`, {
      headers: { authorization: `Bearer ${analystToken}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as IndicatorDetail;
  }

  const actualCell = (page: Page, period: string) =>
    page.getByTestId('indicator-data-table').locator(`tr[data-period="${period}"] td[data-column="actual"]`);

  async function importCsv(page: Page, csv: string, fileName: string) {
    await page.getByRole('link', { name: 'Import data' }).first().click();
    await page.getByRole('heading', { name: 'Import data' }).waitFor();
    await page.getByLabel('Data points').check();
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import' }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    return result;
  }

  test('an import that changes the latest value moves the data table and the status badge', async () => {
    const page = await signedInPage('Ana Lima', 'analyst');
    await page.goto(`${server.url}/indicators/ind-burglaries`);
    const status = page.getByTestId('indicator-status');
    await expect.poll(() => status.textContent()).toContain('Data: On track');
    expect(await actualCell(page, due).textContent()).toBe('60 cases');

    // Burglaries: lower is better, baseline 100 → target 70. 130 is far behind the plan.
    const result = await importCsv(
      page,
      dataPointsCsv([['ind-burglaries', due, 130, 'spike after holiday']]),
      'spike.csv',
    );
    expect(await result.textContent()).toContain('Imported spike.csv');
    expect(await result.locator('[data-count="updated"]').textContent()).toBe('1');
    expect(await result.locator('[data-count="inserted"]').textContent()).toBe('0');

    await page.goto(`${server.url}/indicators/ind-burglaries`);
    await expect.poll(() => actualCell(page, due).textContent()).toBe('130 cases');
    expect(await status.textContent()).toContain('Data: Off track');
    expect(await page.getByTestId('latest-value').textContent()).toBe('130 cases');
    // The owner still says on track: the page says they disagree.
    expect(await page.getByRole('note').textContent()).toBe('Owner says on track — data says off track');
  });

  test('a CSV with a bad row names the row and the reason, and changes nothing', async () => {
    const page = await signedInPage('Bruno Costa', 'analyst');
    await page.goto(`${server.url}/objectives`);
    const before = await indicatorFromApi('ind-burglaries');
    const csv = dataPointsCsv([
      ['ind-burglaries', weeksBefore(1), 999, 'would change a value'],
      ['ind-burglaries', '2026-13', 50, ''],
      ['no-such-indicator', due, 5, ''],
    ]);
    const result = await importCsv(page, csv, 'bad.csv');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Nothing was changed');
    const periodRow = result.locator('tr[data-row="3"]');
    expect(await periodRow.textContent()).toMatch(/period/i);
    const unknownRow = result.locator('tr[data-row="4"]');
    expect(await unknownRow.textContent()).toMatch(/indicator/i);
    expect(await result.locator('tr[data-row="2"]').count()).toBe(0);

    const after = await indicatorFromApi('ind-burglaries');
    expect(after.points).toEqual(before.points);
    await page.goto(`${server.url}/indicators/ind-burglaries`);
    await expect.poll(() => actualCell(page, weeksBefore(1)).textContent()).toBe('60 cases');
  });

  test('an analyst corrects a value through the form, after a refused bad entry', async () => {
    const page = await signedInPage('Carla Dias', 'analyst');
    await page.goto(`${server.url}/indicators/ind-burglaries`);
    await page.getByRole('heading', { name: 'Enter or correct a value' }).waitFor();
    await page.getByLabel('Period (ISO week)').fill(weeksBefore(2));
    await page.getByLabel('Value (cases)').fill('sixty-one');
    await page.getByRole('button', { name: 'Correct value' }).click();
    expect(await page.getByText('Enter a number, e.g. 1234.5').count()).toBe(1);
    expect(
      (await indicatorFromApi('ind-burglaries')).points.find((p) => p.period === weeksBefore(2))?.value,
    ).toBe(60);

    await page.getByLabel('Value (cases)').fill('61.5');
    await page.getByRole('button', { name: 'Correct value' }).click();
    await expect.poll(() => actualCell(page, weeksBefore(2)).textContent()).toBe('61.5 cases');
    const stored = (await indicatorFromApi('ind-burglaries')).points.find((p) => p.period === weeksBefore(2));
    expect(stored?.value).toBe(61.5);
  });

  test("an unknown indicator shows the server's own not-found message", async () => {
    const response = await fetch(`${server.url}/api/indicators/no-such-indicator`, {
      headers: { authorization: `Bearer ${analystToken}` },
    });
    expect(response.status).toBe(404);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    const page = await signedInPage('Dora Lopes', 'analyst');
    await page.goto(`${server.url}/indicators/no-such-indicator`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(`Not found${error.message}`);
  });

  test('a viewer sees the indicator but no data entry or rating forms', async () => {
    const page = await signedInPage('Vera Viewer', 'viewer');
    await page.goto(`${server.url}/indicators/ind-burglaries`);
    await page.getByTestId('indicator-data-table').waitFor();
    expect(await page.getByRole('heading', { name: "Owner's rating" }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Enter or correct a value' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: "Update the owner's rating" }).count()).toBe(0);
  });
});
