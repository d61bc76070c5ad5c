/**
 * The objective page's filter and sort, long names and what a viewer is offered, in a real browser
 * against a real server with the demo government: filtering by status, agency and "rating
 * disagrees" shows exactly the goals the API says match (and says so when none do); each sort
 * orders as named; the choice survives a reload; an indicator name keeps its region; a viewer sees
 * no "Prepare" or "Import data" while an analyst does. Run `npx vite build` first.
 * Screenshots go to /tmp/shots/objective-filters-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/database.ts';
import { REGIONS } from '../../server/demo/catalog.ts';
import { generateDemoData } from '../../server/demo/generate.ts';
import { insertDemoData } from '../../server/demo/seed.ts';
import {
  type Agency,
  type GoalSummary,
  type ObjectiveDetail,
  STATUS_LABELS,
  type Status,
} from '../../shared/performance.ts';
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
const OBJECTIVE = 'obj-01';
const SEVERITY: Record<Status, number> = { off_track: 0, at_risk: 1, no_data: 2, on_track: 3 };

/** The goal ids on the page, in the order shown. */
const shownGoalIds = (page: Page) =>
  page
    .locator('article.goal-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-goal-id') ?? ''));
const sorted = (ids: string[]) => [...ids].sort();
/** Ticks a filter box. Not `check()`: the box follows the URL, which the router updates a moment after the click. */
async function tick(page: Page, name: RegExp) {
  const box = page.getByTestId('goal-filters').getByRole('checkbox', { name });
  await box.click();
  await expect.poll(() => box.isChecked(), POLL).toBe(true);
}

describe('objective page filters, long names and the viewer', () => {
  let server: TestServer;
  let browser: Browser;
  let token: string;
  let ana: Person;
  let vera: Person;
  let detail: ObjectiveDetail;
  let goals: Array<{ goal: GoalSummary; agency: Agency }>;
  const pageErrors: string[] = [];

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const idsWhere = (keep: (entry: { goal: GoalSummary; agency: Agency }) => boolean) =>
    sorted(goals.filter(keep).map(({ goal }) => goal.id));
  const objectiveUrl = (query = '') => `${server.url}/objectives/${OBJECTIVE}${query}`;

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    const db = openDatabase(server.database.config);
    await insertDemoData(db, generateDemoData({ asOf: TODAY, seed: 1, objectives: 2 }));
    await db.close();
    ({ token } = await server.signIn('Setup Script', 'analyst'));
    detail = (await call('GET', `/objectives/${OBJECTIVE}`)) as unknown as ObjectiveDetail;
    goals = detail.agencies.flatMap(({ agency, goals }) => goals.map((goal) => ({ goal, agency })));
    // An upcoming meeting, so that the home page and the meetings list have a row with "Prepare".
    await call('POST', '/meetings', {
      title: 'Security stocktake',
      scheduledFor: TODAY,
      objectiveId: OBJECTIVE,
    });

    browser = await launchBrowser();
    ana = await openPerson(browser, server.url, 'Ana Lima', 'analyst', VIEWPORTS.laptop);
    vera = await openPerson(browser, server.url, 'Vera Viewer', 'viewer', VIEWPORTS.desktop);
    for (const person of [ana, vera]) person.page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the demo objective has goals of several statuses, agencies and disagreements to filter', () => {
    expect(goals.length).toBeGreaterThan(10);
    expect(new Set(goals.map(({ goal }) => goal.computedStatus)).size).toBeGreaterThanOrEqual(3);
    expect(detail.agencies.length).toBeGreaterThanOrEqual(2);
    expect(goals.some(({ goal }) => goal.ratingDisagrees)).toBe(true);
  });

  test('filtering by status, agency and disagreement shows exactly the goals the API says match', async () => {
    const { page } = ana;
    await page.goto(objectiveUrl());
    await expect.poll(async () => sorted(await shownGoalIds(page)), POLL).toEqual(idsWhere(() => true));
    await expect
      .poll(() => page.getByTestId('goal-count').textContent(), POLL)
      .toBe(`All ${goals.length} goals`);
    await screenshot(page, 'objective-filters-all-1366');

    const filters = page.getByTestId('goal-filters');
    await tick(page, /^Off track/);
    const offTrack = idsWhere(({ goal }) => goal.computedStatus === 'off_track');
    await expect.poll(async () => sorted(await shownGoalIds(page)), POLL).toEqual(offTrack);
    expect(await page.getByTestId('goal-count').textContent()).toBe(
      `Showing ${offTrack.length} of ${goals.length} goals`,
    );
    expect(new URL(page.url()).searchParams.getAll('status')).toEqual(['off_track']);

    await tick(page, /^At risk/);
    const bad = idsWhere(
      ({ goal }) => goal.computedStatus === 'off_track' || goal.computedStatus === 'at_risk',
    );
    await expect.poll(async () => sorted(await shownGoalIds(page)), POLL).toEqual(bad);

    // The agency with the most goals, so the combined filter still has something to show.
    const agency = [...detail.agencies].sort((a, b) => b.goals.length - a.goals.length)[0]!.agency;
    await filters.getByLabel('Agency').selectOption(agency.id);
    const badOfAgency = idsWhere(
      (entry) =>
        entry.agency.id === agency.id &&
        (entry.goal.computedStatus === 'off_track' || entry.goal.computedStatus === 'at_risk'),
    );
    await expect.poll(async () => sorted(await shownGoalIds(page)), POLL).toEqual(badOfAgency);
    // The status chips count within the agency filter.
    const offTrackOfAgency = goals.filter(
      (e) => e.agency.id === agency.id && e.goal.computedStatus === 'off_track',
    ).length;
    expect(await filters.locator('[data-status="off_track"] .goal-filter-chip__count').textContent()).toBe(
      String(offTrackOfAgency),
    );
    await screenshot(page, 'objective-filters-agency-1366');

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(async () => sorted(await shownGoalIds(page)), POLL).toEqual(idsWhere(() => true));
    expect(new URL(page.url()).search).toBe('');

    await tick(page, /^Rating disagrees/);
    await expect
      .poll(async () => sorted(await shownGoalIds(page)), POLL)
      .toEqual(idsWhere(({ goal }) => goal.ratingDisagrees));
    for (const id of await shownGoalIds(page))
      await expect.poll(() => page.locator(`[data-goal-id="${id}"] .disagreement`).count(), POLL).toBe(1);

    // An agency without disagreements (or a status none has): the page says nothing matches.
    const none = detail.agencies.find(({ goals }) => goals.every((goal) => !goal.ratingDisagrees));
    if (none) await filters.getByLabel('Agency').selectOption(none.agency.id);
    else {
      const unused = (['on_track', 'at_risk', 'off_track', 'no_data'] as const).find(
        (status) => !goals.some(({ goal }) => goal.ratingDisagrees && goal.computedStatus === status),
      );
      await tick(page, new RegExp(`^${STATUS_LABELS[unused!]}`));
    }
    await expect.poll(() => page.getByText('No goals match these filters').isVisible(), POLL).toBe(true);
    expect(await shownGoalIds(page)).toEqual([]);
    await screenshot(page, 'objective-filters-empty-1366');
  });

  test('each sort orders as named, and the choice survives a reload', async () => {
    const { page } = ana;
    await page.goto(objectiveUrl('?status=off_track&status=at_risk&status=no_data'));
    await page.getByTestId('goal-filters').getByLabel('Sort by').selectOption('status');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), POLL).toBe('status');
    // The sorted view is one flat list: once the agency sections are gone, the new order is drawn.
    await expect.poll(() => page.locator('.agency-section').count(), POLL).toBe(0);
    const byId = new Map(goals.map((entry) => [entry.goal.id, entry]));
    const severities = async () =>
      (await shownGoalIds(page)).map((id) => SEVERITY[byId.get(id)!.goal.computedStatus]);
    await expect
      .poll(async () => (await severities()).length, POLL)
      .toBe(goals.filter(({ goal }) => goal.computedStatus !== 'on_track').length);
    const worstFirst = await severities();
    expect(worstFirst).toEqual([...worstFirst].sort((a, b) => a - b));
    expect(new Set(worstFirst).size).toBeGreaterThan(1);
    // Not grouped by agency: each card names its agency.
    expect(await page.locator('.agency-section').count()).toBe(0);
    expect(await page.locator('article.goal-row .agency-code').count()).toBe(worstFirst.length);

    await page.reload();
    await expect.poll(async () => (await severities()).join(), POLL).toBe(worstFirst.join());
    const filters = page.getByTestId('goal-filters');
    expect(await filters.getByLabel('Sort by').inputValue()).toBe('status');
    expect(await filters.getByRole('checkbox', { name: /^Off track/ }).isChecked()).toBe(true);
    expect(await filters.getByRole('checkbox', { name: /^On track/ }).isChecked()).toBe(false);

    await filters.getByLabel('Sort by').selectOption('name');
    const titles = async () =>
      Promise.all((await shownGoalIds(page)).map(async (id) => byId.get(id)!.goal.title));
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), POLL).toBe('name');
    await expect
      .poll(async () => (await titles()).join('|'), POLL)
      .toBe(
        goals
          .filter(({ goal }) => goal.computedStatus !== 'on_track')
          .map(({ goal }) => goal.title)
          .sort((a, b) => a.localeCompare(b))
          .join('|'),
      );

    await filters.getByLabel('Sort by').selectOption('staleness');
    const late = (id: string) => byId.get(id)!.goal.indicators.filter((indicator) => indicator.stale).length;
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), POLL).toBe('staleness');
    await expect
      .poll(async () => {
        const counts = (await shownGoalIds(page)).map(late);
        return counts.join() === [...counts].sort((a, b) => b - a).join() && counts.length > 0;
      }, POLL)
      .toBe(true);
    await screenshot(page, 'objective-filters-sorted-1366');
  });

  test('a long indicator name keeps its region where it is seen and in its title', async () => {
    const { page } = vera;
    await page.goto(objectiveUrl());
    const named = goals
      .flatMap(({ goal }) => goal.indicators)
      .find((indicator) => indicator.name.includes(' — '))!;
    const region = named.name.split(' — ').at(-1)!;
    expect(REGIONS.map((each) => each.replace(/^the /, ''))).toContain(region);
    const link = page.locator(`tr[data-indicator-id="${named.id}"] th a`);
    await link.waitFor({ timeout: 20_000 });
    expect(await link.locator('[title]').getAttribute('title')).toBe(named.name);
    // The region is drawn, not clipped: its box lies inside the cell.
    const tail = link.locator('.name-keeps-end__tail');
    expect(await tail.textContent()).toBe(`— ${region}`);
    const [tailBox, cellBox] = await Promise.all([
      tail.boundingBox(),
      page.locator(`tr[data-indicator-id="${named.id}"] th`).boundingBox(),
    ]);
    expect(tailBox && cellBox).toBeTruthy();
    expect(tailBox!.width).toBeGreaterThan(10);
    expect(tailBox!.x + tailBox!.width).toBeLessThanOrEqual(cellBox!.x + cellBox!.width + 1);
    // The accessible name is the whole name.
    expect((await link.textContent())?.trim()).toBe(named.name);
    await screenshot(page, 'objective-filters-viewer-1920');
  });

  test('a viewer sees no analyst-only buttons while an analyst does', async () => {
    const offers = async (page: Page, path: string, name: string) => {
      await page.goto(`${server.url}${path}`);
      await page.locator('h1').first().waitFor({ timeout: 20_000 });
      // Wait for the page's data so an absent button is not merely not yet drawn.
      await expect
        .poll(
          () => page.getByRole('link', { name: /Open meeting|Goals by agency|All objectives/ }).count(),
          POLL,
        )
        .toBeGreaterThan(0);
      return page.locator('main').getByText(name, { exact: true }).count();
    };
    for (const [path, name] of [
      ['/', 'Prepare'],
      ['/meetings', 'Prepare'],
      ['/objectives', 'Import data'],
    ] as const) {
      expect(await offers(ana.page, path, name), `analyst on ${path}`).toBeGreaterThan(0);
      expect(await offers(vera.page, path, name), `viewer on ${path}`).toBe(0);
    }
    // Nor in the top bar's navigation.
    const navImport = (page: typeof ana.page) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import data' }).count();
    expect(await navImport(ana.page)).toBe(1);
    expect(await navImport(vera.page)).toBe(0);
    await screenshot(vera.page, 'objective-filters-viewer-objectives-1920');
    await vera.page.goto(`${server.url}/meetings`);
    await vera.page
      .getByRole('link', { name: /Open meeting/ })
      .first()
      .waitFor({ timeout: 20_000 });
    await screenshot(vera.page, 'objective-filters-viewer-meetings-1920');
    expect(pageErrors).toEqual([]);
  });

  test('screenshots of the filtered page at both sizes', async () => {
    const query = '?status=off_track&disagrees=1&sort=status';
    for (const [person, size] of [
      [ana, '1366'],
      [vera, '1920'],
    ] as const) {
      await person.page.goto(objectiveUrl(query));
      await person.page.getByTestId('goal-count').waitFor({ timeout: 20_000 });
      await screenshot(person.page, `objective-filters-disagree-${size}`);
      // No goal's table runs past its card (names squeezed, values pushed out).
      const overflowing = await person.page
        .locator('article.goal-row')
        .evaluateAll((cards) => cards.filter((card) => card.scrollWidth > card.clientWidth + 1).length);
      expect(overflowing, `cards overflowing at ${size}`).toBe(0);
    }
    await vera.page.goto(objectiveUrl());
    await vera.page.getByTestId('goal-count').waitFor({ timeout: 20_000 });
    await screenshot(vera.page, 'objective-filters-all-1920');
  });
});
