/**
 * Correcting wrong data in a real browser (issue 16, item 4): an analyst deletes a value after a
 * confirmation that names it (Esc backs out of it), edits the indicator, and sees each change in
 * the page's "Changes"; archives an indicator, which then says so on its own page and leaves the
 * objective's page; a viewer sees the changes and no control. Needs the built client (`npx vite
 * build`, or TEST_CLIENT_DIR). Screenshots at 1366×768 go to /tmp/shots/corrections-*.png.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DataChange, IndicatorDetail } from '../../shared/performance.ts';
import { latestDuePeriod, periodAtIndex, periodIndex } from '../../shared/periods.ts';
import {
  BUILT_CLIENT,
  launchBrowser,
  openPerson,
  type Person,
  screenshot,
  VIEWPORTS,
} from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { seedSmallObjective } from './fixtures/performanceSeed.ts';

const POLL = { timeout: 20_000, interval: 100 };

describe('correcting data in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let token: string;
  const people: Person[] = [];
  const today = new Date().toISOString().slice(0, 10);
  const due = latestDuePeriod(today, 'weekly');
  const weekBefore = periodAtIndex(periodIndex(due, 'weekly') - 1, 'weekly');

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    token = (await server.signIn('Seed Analyst', 'analyst')).token;
    await seedSmallObjective(server.url, token, today);
    // A slip to correct: the latest week typed as 600 instead of 60 (a correction, recorded).
    const slip = await fetch(`${server.url}/api/indicators/ind-burglaries/points/${due}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ value: 600, confirm: true }),
    });
    expect(slip.status).toBe(200);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const person of people) await person.context.close();
    await browser?.close();
    await server?.close();
  });

  async function person(name: string, role: 'analyst' | 'viewer'): Promise<Page> {
    const opened = await openPerson(browser, server.url, name, role, VIEWPORTS.laptop);
    people.push(opened);
    return opened.page;
  }

  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${server.url}/api${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return (await response.json()) as T;
  };
  const storedPeriods = async () =>
    (await get<IndicatorDetail>('/indicators/ind-burglaries')).points.map((point) => point.period);
  const changeRows = (page: Page): Locator => page.getByTestId('changes').locator('tbody tr');

  test('an analyst deletes a value with the confirmation and sees the deletion in the changes', async () => {
    const page = await person('Carla Dias', 'analyst');
    await page.goto(`${server.url}/indicators/ind-burglaries`);
    await page.getByRole('heading', { name: 'Delete a value' }).waitFor();
    // The correction made before the page opened is already listed.
    await expect
      .poll(() => changeRows(page).first().textContent(), POLL)
      .toMatch(/Corrected .*: 60 cases → 600 cases/);
    expect(await page.getByTestId('latest-value').textContent()).toBe('600 cases');

    const period = page.getByLabel('Period', { exact: true });
    expect(await period.inputValue()).toBe(due);
    await page.getByRole('button', { name: 'Delete value…' }).click();
    const confirmation = page.getByRole('alertdialog');
    expect(await confirmation.textContent()).toContain(`Delete 600 cases for week`);
    expect(await confirmation.textContent()).toContain(`(${due})?`);
    // Esc backs out: nothing is deleted.
    await page.keyboard.press('Escape');
    await confirmation.waitFor({ state: 'detached' });
    expect(await storedPeriods()).toContain(due);

    await page.getByRole('button', { name: 'Delete value…' }).click();
    await confirmation.getByLabel('Reason (optional)').fill('Typing slip: 600 for 60');
    await screenshot(page, 'corrections-delete-confirm-1366');
    await confirmation.getByRole('button', { name: 'Delete 600 cases' }).click();

    await page.getByRole('status').filter({ hasText: 'Deleted 600 cases' }).waitFor();
    await expect.poll(() => storedPeriods(), POLL).not.toContain(due);
    await expect.poll(() => page.getByTestId('latest-value').textContent(), POLL).toBe('60 cases');
    const deleted = changeRows(page).first();
    await expect
      .poll(() => deleted.textContent(), POLL)
      .toMatch(/Carla Dias.*Deleted 600 cases for week .*Typing slip: 600 for 60/);
    expect(await changeRows(page).count()).toBe(2);
    expect(await period.inputValue()).toBe(weekBefore);
    await page.getByTestId('changes').scrollIntoViewIfNeeded();
    await screenshot(page, 'corrections-changes-1366');

    const recorded = await get<{ changes: DataChange[] }>('/indicators/ind-burglaries/changes');
    expect(recorded.changes[0]).toMatchObject({
      action: 'deleted',
      period: due,
      oldValue: 600,
      reason: 'Typing slip: 600 for 60',
      changedBy: 'Carla Dias',
    });
  });

  test('an analyst edits the indicator: a bad date is refused with the server’s reason, a good edit is listed', async () => {
    const page = await person('Davi Nunes', 'analyst');
    await page.goto(`${server.url}/indicators/ind-burglaries`);
    await page.getByRole('button', { name: 'Edit indicator' }).click();
    const form = page.locator('form.indicator-edit');
    const baselineDate = await form.getByLabel('Baseline date').inputValue();
    await form.getByLabel('Target date').fill('1995-01-01');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent(), POLL)
      .toBe(`targetDate: must be after the baseline date ${baselineDate}`);

    await form
      .getByLabel('Target date')
      .fill(baselineDate.replace(/^(\d{4})/, (year) => String(Number(year) + 2)));
    await form.getByLabel('Target value').fill('65');
    await form.getByLabel('Reason (optional)').fill('Target raised at the quarterly review');
    await screenshot(page, 'corrections-edit-1366');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });
    await expect
      .poll(() => changeRows(page).first().textContent(), POLL)
      .toMatch(
        /Davi Nunes.*Edited.*target value: 70 cases → 65 cases.*Target raised at the quarterly review/,
      );
    expect((await get<IndicatorDetail>('/indicators/ind-burglaries')).indicator.targetValue).toBe(65);
  });

  test('archiving takes an indicator off the objective page; its own page says when and by whom', async () => {
    const page = await person('Carla Dias', 'analyst');
    await page.goto(`${server.url}/objectives/obj-security`);
    await page.locator('tr[data-indicator-id="ind-response"]').waitFor();

    await page.goto(`${server.url}/indicators/ind-response`);
    await page.getByRole('button', { name: 'Archive…' }).click();
    const confirmation = page.getByRole('alertdialog');
    expect(await confirmation.textContent()).toContain('Archive “Calls answered within 10 minutes”?');
    await confirmation.getByLabel('Reason (optional)').fill('Replaced by the 911 dispatch time');
    await screenshot(page, 'corrections-archive-confirm-1366');
    await confirmation.getByRole('button', { name: 'Archive', exact: true }).click();

    const notice = page.getByTestId('archived-notice');
    await expect.poll(() => notice.textContent(), POLL).toMatch(/^Archived on .* by Carla Dias\./);
    await expect
      .poll(() => changeRows(page).first().textContent(), POLL)
      .toMatch(/Archived.*Replaced by the 911 dispatch time/);
    expect(await page.getByRole('button', { name: 'Put back in use' }).count()).toBe(1);
    await screenshot(page, 'corrections-archived-1366');

    await page.goto(`${server.url}/objectives/obj-security`);
    await page.locator('tr[data-indicator-id="ind-burglaries"]').waitFor();
    expect(await page.locator('tr[data-indicator-id="ind-response"]').count()).toBe(0);
    // Still one click away, folded under the goals.
    const archivedList = page.getByTestId('archived-indicators');
    await archivedList.getByText('Archived indicators (1)').click();
    expect(await archivedList.locator('li[data-indicator-id="ind-response"]').textContent()).toMatch(
      /Calls answered within 10 minutes SDS · Answer emergency calls within 10 minutes · archived on .* by Carla Dias/,
    );
    await screenshot(page, 'corrections-objective-after-archive-1366');

    // The archived page still opens, from the list or by its address.
    await archivedList.getByRole('link', { name: 'Calls answered within 10 minutes' }).click();
    await notice.waitFor();
    expect(await page.getByRole('heading', { name: 'Calls answered within 10 minutes' }).count()).toBe(1);
  });

  test('a viewer sees the changes and the archive notice, and no control', async () => {
    const page = await person('Vera Viewer', 'viewer');
    await page.goto(`${server.url}/indicators/ind-burglaries`);
    await expect.poll(() => changeRows(page).count(), POLL).toBe(3);
    for (const name of ['Edit indicator', 'Archive…', 'Delete value…', 'Put back in use']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await page.getByRole('heading', { name: 'Delete a value' }).count()).toBe(0);
    await page.goto(`${server.url}/indicators/ind-response`);
    await page.getByTestId('archived-notice').waitFor();
    expect(await page.getByRole('button', { name: 'Put back in use' }).count()).toBe(0);
  });
});
