/**
 * The prep page's quick agenda building and the removal notice, in two analyst browser contexts
 * against a real server with the demo government: an empty agenda offers the objective's goals at
 * once, quick-adds keep the picker open with its filter, and an item removed under someone tells
 * them who removed it and brings it back (fields, notes and their typing) on Restore.
 * Run `npx vite build` first (or set TEST_CLIENT_DIR).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/database.ts';
import { generateDemoData } from '../../server/demo/generate.ts';
import { insertDemoData } from '../../server/demo/seed.ts';
import type { GoalSummary, ObjectiveDetail } from '../../shared/performance.ts';
import { todayDate } from '../../shared/periods.ts';
import {
  BUILT_CLIENT,
  launchBrowser,
  openPerson,
  type Person,
  screenshot,
  VIEWPORTS,
} from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const POLL = { timeout: 20_000, interval: 100 };
const TODAY = todayDate();

const rowTitles = (page: Page) => page.getByTestId('agenda-row-title').allTextContents();
const selectRow = (page: Page, title: string) =>
  page.getByTestId('agenda-row-select').filter({ hasText: title }).first().click();
const picker = (page: Page) => page.getByTestId('indicator-picker');
const filterInput = (page: Page) => picker(page).getByLabel('Filter goals and indicators');
/** The notes' text, whether the field is a textarea or a rich-text editor. */
const notesText = (page: Page) =>
  page
    .getByLabel('Shared notes', { exact: true })
    .first()
    .evaluate((node) => (node instanceof HTMLTextAreaElement ? node.value : (node.textContent ?? '')));

describe('quick agenda building and the removal notice on the prep page', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Person;
  let bruno: Person;
  let prepUrl: string;
  /** Three goals of one agency, and the filter (the agency's code) that shows them. */
  let goals: GoalSummary[];
  let agencyCode: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    const db = openDatabase(server.database.config);
    await insertDemoData(db, generateDemoData({ asOf: TODAY, seed: 1, objectives: 1 }));
    await db.close();

    const { token } = await server.signIn('Reader Bot', 'viewer');
    const response = await fetch(`${server.url}/api/objectives/obj-01`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const detail = (await response.json()) as ObjectiveDetail;
    const group = detail.agencies.find((each) => each.goals.length >= 3);
    if (!group) throw new Error('the demo objective needs an agency with three goals');
    goals = group.goals.slice(0, 3);
    agencyCode = group.agency.code;

    browser = await launchBrowser();
    ana = await openPerson(browser, server.url, 'Ana Lima', 'analyst', VIEWPORTS.laptop);
    bruno = await openPerson(browser, server.url, 'Bruno Costa', 'analyst', VIEWPORTS.laptop);
    for (const person of [ana, bruno])
      person.page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));

    const created = await ana.page.request.post('/api/meetings', {
      data: { title: 'Citizen security: quick agenda', scheduledFor: TODAY, objectiveId: 'obj-01' },
    });
    const { meeting } = (await created.json()) as { meeting: { id: string } };
    prepUrl = `/meetings/${meeting.id}/prep`;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('an empty agenda shows the goals at once; three quick-adds keep the picker open and its filter', async () => {
    const { page } = ana;
    await page.goto(prepUrl);
    await page.getByTestId('start-from-goals').waitFor();
    // No click reveals it: the picker and its quick action are there on the empty agenda.
    await picker(page).waitFor();
    expect(await page.getByRole('button', { name: 'Choose indicators' }).count()).toBe(0);
    // No item to pick for yet: the indicators are listed (to choose goals by), not checkable.
    expect(await picker(page).locator('[data-indicator-id]').count()).toBeGreaterThan(0);
    expect(await picker(page).locator('[data-indicator-id] input').count()).toBe(0);
    await screenshot(page, 'prep-empty-goals-1366');

    await filterInput(page).fill(agencyCode);
    for (const [index, goal] of goals.entries()) {
      await picker(page)
        .getByRole('button', { name: `Add an item for the goal “${goal.title}”` })
        .click();
      await expect.poll(() => rowTitles(page), POLL).toHaveLength(index + 1);
      // The new item is selected, and the picker is still open in its editor with the same filter.
      await expect
        .poll(() => page.getByTestId('item-editor').getByLabel('Title', { exact: true }).inputValue(), POLL)
        .toBe(goal.title);
      await picker(page).waitFor();
      expect(await filterInput(page).inputValue()).toBe(agencyCode);
      expect(await page.getByRole('button', { name: 'Done choosing' }).getAttribute('aria-expanded')).toBe(
        'true',
      );
      // The pressed button is gone: the focus is in the filter, ready for the next one.
      await expect
        .poll(() => filterInput(page).evaluate((node) => node === document.activeElement), POLL)
        .toBe(true);
    }
    expect(await rowTitles(page)).toEqual(goals.map((goal) => goal.title));
    for (const goal of goals)
      expect(
        await picker(page).locator(`[data-goal-id="${goal.id}"]`).getByText('On the agenda').count(),
      ).toBe(1);
    await bruno.page.goto(prepUrl);
    await expect.poll(() => rowTitles(bruno.page), POLL).toHaveLength(3);
    await screenshot(page, 'prep-quick-adds-1366');
  });

  test('B is on an item A removes: B is told who removed it, and Restore brings it back for both', async () => {
    const target = goals[1]!.title;
    await selectRow(bruno.page, target);
    const notes = bruno.page.getByLabel('Shared notes', { exact: true }).first();
    await notes.click();
    await bruno.page.keyboard.type('Ask about the east zone.');
    // Bruno is typing a new title, not saved yet, when Ana removes the item.
    await bruno.page.getByLabel('Title', { exact: true }).fill('Burglaries: east zone first');

    await selectRow(ana.page, target);
    await expect.poll(() => notesText(ana.page), POLL).toContain('Ask about the east zone.');
    await ana.page.getByRole('button', { name: 'Remove item' }).click();

    const notice = bruno.page.getByTestId('removed-notice');
    await expect
      .poll(() => notice.getByRole('heading').textContent(), POLL)
      .toBe(`Ana Lima removed “${target}”`);
    expect(await notice.textContent()).toContain('Burglaries: east zone first');
    expect(await rowTitles(bruno.page)).not.toContain(target);
    // Bruno was not moved to another item's editor, and Ana (who removed it) gets no such notice.
    expect(await bruno.page.getByTestId('item-editor').count()).toBe(0);
    expect(await ana.page.getByTestId('removed-notice').count()).toBe(0);
    await screenshot(bruno.page, 'prep-removed-notice-1366');

    await notice.getByRole('button', { name: 'Restore' }).click();
    const back = [goals[0]!.title, 'Burglaries: east zone first', goals[2]!.title];
    await expect.poll(() => rowTitles(ana.page), POLL).toEqual(back);
    await expect.poll(() => rowTitles(bruno.page), POLL).toEqual(back);
    await expect
      .poll(() => bruno.page.getByLabel('Title', { exact: true }).inputValue(), POLL)
      .toBe('Burglaries: east zone first');
    expect(await bruno.page.getByTestId('removed-notice').count()).toBe(0);
    await selectRow(ana.page, 'Burglaries: east zone first');
    await expect.poll(() => notesText(ana.page), POLL).toContain('Ask about the east zone.');
  });

  test('Dismiss, or choosing another item, leaves the item removed and goes on', async () => {
    const target = goals[2]!.title;
    await selectRow(bruno.page, target);
    await selectRow(ana.page, target);
    await ana.page.getByRole('button', { name: 'Remove item' }).click();
    const notice = bruno.page.getByTestId('removed-notice');
    await expect
      .poll(() => notice.getByRole('heading').textContent(), POLL)
      .toBe(`Ana Lima removed “${target}”`);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect
      .poll(() => bruno.page.getByLabel('Title', { exact: true }).inputValue(), POLL)
      .toBe('Burglaries: east zone first');
    expect(await rowTitles(bruno.page)).not.toContain(target);

    // Choosing another item in the list answers the notice too.
    await selectRow(ana.page, 'Burglaries: east zone first');
    await ana.page.getByRole('button', { name: 'Remove item' }).click();
    await notice.waitFor();
    await selectRow(bruno.page, goals[0]!.title);
    await expect
      .poll(() => bruno.page.getByLabel('Title', { exact: true }).inputValue(), POLL)
      .toBe(goals[0]!.title);
    expect(await notice.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
