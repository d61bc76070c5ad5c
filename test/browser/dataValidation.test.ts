/**
 * Data that cannot mislead, in a real browser (issue 16): the data-point form refuses a negative
 * value for an indicator that cannot be negative before sending; a value far outside the series is
 * refused once with the server's reason and taken on a second click, "Save anyway"; an indicator
 * whose stored data is broken shows on the objective page as broken, with the reason, and the rest
 * of the page renders. Needs the built client: run `npx vite build` first (`npm test` does).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/database.ts';
import type { IndicatorDetail } from '../../shared/performance.ts';
import { latestDuePeriod, periodAtIndex, periodIndex } from '../../shared/periods.ts';
import { BUILT_CLIENT, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { seedSmallObjective } from './fixtures/performanceSeed.ts';

describe('data validation in the browser', () => {
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

  async function analystPage(name: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    contexts.push(context);
    const response = await context.request.post(`${server.url}/api/session`, {
      data: { name, role: 'analyst' },
    });
    expect(response.status()).toBe(201);
    return context.newPage();
  }

  async function storedValue(period: string): Promise<number | undefined> {
    const response = await fetch(`${server.url}/api/indicators/ind-burglaries`, {
      headers: { authorization: `Bearer ${analystToken}` },
    });
    const detail = (await response.json()) as IndicatorDetail;
    return detail.points.find((point) => point.period === period)?.value;
  }

  test('a value far outside the series is saved only on a second click, "Save anyway"', async () => {
    const page = await analystPage('Carla Dias');
    await page.goto(`${server.url}/indicators/ind-burglaries`);
    await page.getByRole('heading', { name: 'Enter or correct a value' }).waitFor();
    const period = weeksBefore(3);
    await page.getByLabel('Period (ISO week)').fill(period);

    // Household burglaries cannot be negative: refused before anything is sent.
    await page.getByLabel('Value (cases)').fill('-5');
    await page.getByRole('button', { name: 'Correct value' }).click();
    expect(await page.getByText('does not allow negative values').count()).toBe(1);

    // The series is 60 cases a week: 6,000 is a slip more often than news.
    await page.getByLabel('Value (cases)').fill('6000');
    await page.getByRole('button', { name: 'Correct value' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/6000 is far outside.*the largest is 60/);
    expect(await storedValue(period)).toBe(60);

    await page.getByRole('button', { name: 'Save anyway' }).click();
    await expect.poll(() => storedValue(period)).toBe(6000);
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save anyway' }).count()).toBe(0);
  });

  test('an indicator with broken stored data shows as broken; the rest of the objective renders', async () => {
    const db = openDatabase(server.database.config);
    try {
      await db.kysely
        .updateTable('indicators')
        .set({ baseline_date: '0001-01-01' })
        .where('id', '=', 'ind-response')
        .execute();
    } finally {
      await db.close();
    }
    const page = await analystPage('Dora Lopes');
    await page.goto(`${server.url}/objectives/obj-security`);
    const broken = page.locator('tr[data-indicator-id="ind-response"] .broken-flag');
    await broken.waitFor();
    expect(await broken.textContent()).toMatch(/broken: The baseline date 0001-01-01 is out of range/);
    await page.locator('tr[data-indicator-id="ind-burglaries"]').waitFor();
    expect(await page.locator('tr[data-indicator-id="ind-burglaries"] .broken-flag').count()).toBe(0);
  });
});
