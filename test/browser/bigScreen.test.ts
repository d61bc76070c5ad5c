/**
 * The big screen (`/meetings/:id/screen`) against a real server with the demo government: it shows
 * the objective and the agenda before the start, follows a start and a "next" sent by another
 * client, shows a commitment the moment the ledger command saves it, keeps its content with a
 * "reconnecting" mark while offline and catches up after, still shows the meeting when reloaded
 * offline (its service worker and local copies), and shows the summary at the close. Legibility is
 * checked, not only looked at: no text under 28 px at 1920×1080 and no scrolling at any size.
 * Run `npx vite build` first (or set TEST_CLIENT_DIR). Screenshots: /tmp/shots/big-screen-*.png.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/database.ts';
import { generateDemoData } from '../../server/demo/generate.ts';
import { insertDemoData } from '../../server/demo/seed.ts';
import { meetingDocName } from '../../shared/docNames.ts';
import { AgendaItemKind, addAgendaItem } from '../../shared/meetingDoc.ts';
import type { MeetingLiveState } from '../../shared/meetingLive.ts';
import type { Agency, GoalSummary, ObjectiveDetail } from '../../shared/performance.ts';
import { addDaysToDate, todayDate } from '../../shared/periods.ts';
import {
  BUILT_CLIENT,
  launchBrowser,
  openPerson,
  type Person,
  screenshot,
  VIEWPORTS,
} from '../helpers/browser.ts';
import { holdLedgerJoins } from '../helpers/heldJoins.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { SocketIoDocClient } from '../helpers/yjsClients.ts';
import { agendaOnServer } from '../server/meetings/liveMeeting.ts';

const POLL = { timeout: 20_000, interval: 100 };
const TODAY = todayDate();
const OBJECTIVE = 'obj-01';
const UHD = { width: 3840, height: 2160 };

const phaseOf = (page: Page) => page.getByTestId('screen-phase').getAttribute('data-phase');
const titleOf = (page: Page) => page.getByTestId('screen-item-title').textContent();
const reconnecting = (page: Page) => page.getByTestId('screen-reconnecting').count();

/** What a screen must never do: scroll, or show text too small to read from the back of the room. */
async function layoutProblems(page: Page, minFontPx: number): Promise<string[]> {
  return page.evaluate((min) => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollHeight > innerHeight + 1 || root.scrollWidth > innerWidth + 1)
      problems.push(`page scrolls: ${root.scrollWidth}×${root.scrollHeight} in ${innerWidth}×${innerHeight}`);
    for (const element of document.querySelectorAll<HTMLElement | SVGElement>('.screen *')) {
      const text = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim());
      if (!text || element.getClientRects().length === 0) continue;
      const size = Number.parseFloat(getComputedStyle(element).fontSize);
      if (size < min) problems.push(`${size.toFixed(1)}px: "${element.textContent?.trim().slice(0, 40)}"`);
    }
    return problems;
  }, minFontPx);
}

describe('the big screen', () => {
  let server: TestServer;
  let browser: Browser;
  let display: Person;
  let token: string;
  let goal: GoalSummary;
  let goalAgency: Agency;
  let meetingId: string;
  let itemTitles: string[];
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
  const liveState = async () =>
    ((await call('GET', `/meetings/${meetingId}/live`)) as { state: MeetingLiveState }).state;
  /** "next", sent by another client (a script here; the console in the room). */
  const next = async () =>
    call('POST', `/meetings/${meetingId}/go-to`, {
      expectedItemId: (await liveState()).currentItemId,
      to: 'next',
    });
  const commit = (text: string) =>
    call('POST', `/objectives/${OBJECTIVE}/commitments`, {
      ...{ id: randomUUID(), text, meetingId, goalId: goal.id, dueDate: addDaysToDate(TODAY, 14) },
      ...{ ownerAgencyId: goalAgency.id, ownerPerson: 'Chief Silva' },
    });

  async function shots(name: string, sizes: Array<{ width: number; height: number }>) {
    for (const size of sizes) {
      await display.page.setViewportSize(size);
      // The layout settles (lists re-measure what fits) before the picture and the checks.
      await display.page.waitForFunction(
        () => new Promise((resolve) => requestAnimationFrame(() => resolve(true))),
      );
      await screenshot(display.page, `big-screen-${name}-${size.width}`);
      const minFont = Math.floor((28 * size.height) / 1080);
      expect(await layoutProblems(display.page, size.width === 1366 ? 19 : minFont)).toEqual([]);
    }
    await display.page.setViewportSize(VIEWPORTS.desktop);
  }

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    const db = openDatabase(server.database.config);
    await insertDemoData(db, generateDemoData({ asOf: TODAY, seed: 1, objectives: 2 }));
    await db.close();
    ({ token } = await server.signIn('Setup Script', 'analyst'));

    const detail = (await call('GET', `/objectives/${OBJECTIVE}`)) as unknown as ObjectiveDetail;
    // A goal with several indicators with data: one large on screen, the others as tiles.
    const fits = (each: GoalSummary) =>
      each.indicators.length >= 2 && each.indicators.every((indicator) => indicator.computed.latest !== null);
    const owner = detail.agencies.find(({ goals }) => goals.some(fits))!;
    goalAgency = owner.agency;
    goal = owner.goals.find(fits)!;

    const writer = await SocketIoDocClient.connect(server.url, { token });
    try {
      itemTitles = ['Follow-up of open commitments', goal.title, 'Vehicle thefts: problem solving'];
      const items = [
        { title: itemTitles[0], kind: AgendaItemKind.followUp, timeboxMinutes: 10 },
        {
          title: itemTitles[1],
          presenterAgency: goalAgency.id,
          indicatorIds: goal.indicators.slice(0, 4).map((indicator) => indicator.id),
          timeboxMinutes: 15,
        },
        { title: itemTitles[2], kind: AgendaItemKind.problemSolving, timeboxMinutes: 10 },
      ];
      const body = { title: 'Security stocktake', scheduledFor: TODAY, objectiveId: OBJECTIVE };
      const { meeting } = (await call('POST', '/meetings', body)) as { meeting: { id: string } };
      meetingId = meeting.id;
      const joined = await writer.joinSynced(meetingDocName(meetingId));
      for (const item of items) addAgendaItem(joined.doc, item);
      await agendaOnServer(server.app.hub, meetingId, items.length);
    } finally {
      writer.close();
    }

    browser = await launchBrowser();
    display = await openPerson(browser, server.url, 'Room Display', 'viewer', VIEWPORTS.desktop);
    display.page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('before the start it shows the objective and the agenda, full-screen and legible', async () => {
    await display.page.goto(`/meetings/${meetingId}/screen`);
    await expect.poll(() => phaseOf(display.page), POLL).toBe('draft');
    await expect
      .poll(() => display.page.getByTestId('screen-agenda-item').count(), POLL)
      .toBe(itemTitles.length);
    // Outside the app's layout: no top bar.
    expect(await display.page.locator('.topbar').count()).toBe(0);
    await display.page.getByText('Citizen security', { exact: false }).first().waitFor();
    await shots('draft', [VIEWPORTS.desktop, VIEWPORTS.laptop]);
  });

  test('it follows a start and a "next" sent by another client, with the item’s indicators', async () => {
    await call('POST', `/meetings/${meetingId}/start`, {});
    await expect.poll(() => phaseOf(display.page), POLL).toBe('live');
    await expect.poll(() => titleOf(display.page), POLL).toBe(itemTitles[0]);
    await next();
    await expect.poll(() => titleOf(display.page), POLL).toBe(itemTitles[1]);
    await expect.poll(() => display.page.getByTestId('item-timer').textContent(), POLL).toContain('of 15:00');

    // The first indicator large (with its chart), the others as tiles.
    const [first, ...others] = goal.indicators.slice(0, 4);
    await expect
      .poll(() => display.page.getByTestId('screen-focus').getAttribute('data-indicator-id'), POLL)
      .toBe(first!.id);
    await display.page.locator('.screen-focus .indicator-chart').waitFor();
    await expect.poll(() => display.page.getByTestId('screen-tile').count(), POLL).toBeGreaterThan(0);
    const tiles = await display.page
      .getByTestId('screen-tile')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-indicator-id')));
    expect(tiles.every((id) => others.some((other) => other.id === id))).toBe(true);
    // The data's status beside the owner's rating of the goal.
    expect(await display.page.getByTestId('screen-focus').textContent()).toMatch(
      /Data: (On track|At risk|Off track)/,
    );
    await shots('item', [VIEWPORTS.desktop, VIEWPORTS.laptop, UHD]);
  });

  test('a commitment saved through the ledger appears at once', async () => {
    const text = 'Second shift of patrols in the north districts';
    await commit(text);
    await expect
      .poll(() => display.page.getByTestId('screen-commitment').allTextContents(), POLL)
      .toEqual([expect.stringContaining(text)]);
  });

  test('the chart is drawn once per indicator: a commitment or a timer change does not redraw it', async () => {
    // Counts every change to the chart's drawing from here on.
    await display.page.locator('.screen-focus .indicator-chart svg').first().waitFor();
    await display.page.evaluate(() => {
      const chart = document.querySelector('.screen-focus__chart')!;
      const changes = { count: 0 };
      (window as unknown as { chartChanges: typeof changes }).chartChanges = changes;
      new MutationObserver((records) => {
        changes.count += records.length;
      }).observe(chart, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await commit('Report the patrol hours by district');
    await expect.poll(() => display.page.getByTestId('screen-commitment').count(), POLL).toBe(2);
    await call('POST', `/meetings/${meetingId}/timer`, {
      expectedItemId: (await liveState()).currentItemId,
      action: 'extend',
      minutes: 5,
    });
    await expect.poll(() => display.page.getByTestId('item-timer').textContent(), POLL).toContain('of 20:00');
    const changes = await display.page.evaluate(
      () => (window as unknown as { chartChanges: { count: number } }).chartChanges.count,
    );
    expect(changes).toBe(0);
  });

  test('offline it keeps its content with a reconnecting mark, and catches up when back', async () => {
    await display.context.setOffline(true);
    await expect.poll(() => reconnecting(display.page), POLL).toBe(1);
    expect(await titleOf(display.page)).toBe(itemTitles[1]);
    expect(await display.page.getByTestId('screen-commitment').count()).toBe(2);
    await screenshot(display.page, 'big-screen-offline-1920');

    // While the screen is offline the meeting moves on and a commitment is made.
    await next();
    await commit('Publish the vehicle theft dashboard');
    // Nothing reaches it: it still shows the item it had.
    expect(await titleOf(display.page)).toBe(itemTitles[1]);

    await display.context.setOffline(false);
    await expect.poll(() => titleOf(display.page), POLL).toBe(itemTitles[2]);
    await expect.poll(() => reconnecting(display.page), POLL).toBe(0);
    await expect.poll(() => display.page.getByTestId('screen-commitment').count(), POLL).toBe(3);
  });

  test('reloaded while offline it still shows the meeting', async () => {
    // The service worker controls the page once it has registered and activated.
    await expect
      .poll(() => display.page.evaluate(() => navigator.serviceWorker.controller !== null), POLL)
      .toBe(true);
    // …and it has kept the app's shell for navigations without a network.
    await expect
      .poll(
        () => display.page.evaluate(async () => (await caches.match('/__statroom-shell')) !== undefined),
        POLL,
      )
      .toBe(true);
    await display.context.setOffline(true);
    await display.page.reload();
    await expect.poll(() => titleOf(display.page), POLL).toBe(itemTitles[2]);
    await expect.poll(() => display.page.getByTestId('screen-commitment').count(), POLL).toBe(3);
    await expect.poll(() => reconnecting(display.page), POLL).toBe(1);
    await screenshot(display.page, 'big-screen-offline-reload-1920');

    await display.context.setOffline(false);
    await expect.poll(() => reconnecting(display.page), POLL).toBe(0);
  });

  test('at the close it shows the summary', async () => {
    await call('POST', `/meetings/${meetingId}/close`, {});
    await expect.poll(() => phaseOf(display.page), POLL).toBe('closed');
    await expect.poll(() => display.page.getByTestId('screen-commitment').count(), POLL).toBe(3);
    await display.page.getByText('The meeting is closed').waitFor();
    await shots('closed', [VIEWPORTS.desktop, VIEWPORTS.laptop]);
    expect(pageErrors).toEqual([]);
  });

  test('a long list shows the entries that fit, none cut, and how many more, at every size', async () => {
    const { meeting } = (await call('POST', '/meetings', {
      title: 'Security stocktake, second session',
      scheduledFor: addDaysToDate(TODAY, 1),
      objectiveId: OBJECTIVE,
    })) as { meeting: { id: string } };
    meetingId = meeting.id;
    const writer = await SocketIoDocClient.connect(server.url, { token });
    try {
      const joined = await writer.joinSynced(meetingDocName(meetingId));
      addAgendaItem(joined.doc, { title: 'Long list', presenterAgency: goalAgency.id, timeboxMinutes: 10 });
      await agendaOnServer(server.app.hub, meetingId, 1);
    } finally {
      writer.close();
    }
    await call('POST', `/meetings/${meetingId}/start`, {});
    for (let i = 1; i <= 40; i++) await commit(`Commitment number ${i} of a long meeting`);
    await display.page.goto(`/meetings/${meetingId}/screen`);
    await expect.poll(() => titleOf(display.page), POLL).toBe('Long list');

    // Per list: entries drawn, the "+N more" count, the header's total, and entries cut at the bottom.
    const lists = () =>
      display.page.locator('.screen-panel').evaluateAll((panels) =>
        panels.flatMap((panel) => {
          const list = panel.querySelector('.fit-list');
          if (!list) return [];
          const bottom = list.getBoundingClientRect().bottom;
          const entries = [...list.children].filter((entry) => !entry.classList.contains('fit-list__more'));
          const moreLine = list.querySelector('.fit-list__more');
          const more = moreLine?.textContent ?? '';
          const lowest = moreLine ?? entries.at(-1);
          const tallest = Math.max(...entries.map((entry) => entry.getBoundingClientRect().height));
          return [
            {
              drawn: entries.length,
              more: Number(/\d+/.exec(more)?.[0] ?? 0),
              total: Number(panel.querySelector('.screen-count')?.textContent),
              cut: entries.filter((entry) => entry.getBoundingClientRect().bottom > bottom + 1).length,
              // With some left out, there must be no room left for one more entry.
              roomForOneMore:
                moreLine !== null && bottom - (lowest?.getBoundingClientRect().bottom ?? 0) >= tallest,
            },
          ];
        }),
      );
    for (const size of [VIEWPORTS.desktop, VIEWPORTS.laptop, UHD]) {
      await display.page.setViewportSize(size);
      await display.page.waitForFunction(
        () => new Promise((resolve) => requestAnimationFrame(() => resolve(true))),
      );
      await screenshot(display.page, `big-screen-long-list-${size.width}`);
      const made = (await lists()).find((list) => list.total === 40);
      expect(made, `${size.width}: the list of the 40 made`).toBeDefined();
      expect(made!.drawn + made!.more, `${size.width}`).toBe(40);
      expect(made!.more, `${size.width}: not all 40 fit`).toBeGreaterThan(0);
      for (const list of await lists()) {
        expect(list.cut, `${size.width}`).toBe(0);
        expect(list.roomForOneMore, `${size.width}`).toBe(false);
        expect(list.drawn + list.more, `${size.width}`).toBe(list.total);
      }
    }
    await display.page.setViewportSize(VIEWPORTS.desktop);
    // One more, at the top: the list measures again and still adds up.
    await commit('The newest commitment of the long meeting');
    await expect
      .poll(
        () =>
          display.page.locator('.screen-panel--made').getByTestId('screen-commitment').first().textContent(),
        POLL,
      )
      .toContain('The newest commitment');
    const made = (await lists()).find((list) => list.total === 41);
    expect(made!.drawn + made!.more).toBe(41);
    expect(made!.cut).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  test('until the ledger arrives the screen says the commitments are coming, never that there are none', async () => {
    // The server holds back every join of a ledger until released: the agenda arrives first.
    const ledgerJoins = holdLedgerJoins(server.app.hub);
    // A new device: no copy of the ledger to show meanwhile.
    const fresh = await openPerson(browser, server.url, 'Second Display', 'viewer', VIEWPORTS.desktop);
    try {
      await fresh.page.goto(`/meetings/${meetingId}/screen`);
      await expect.poll(() => titleOf(fresh.page), POLL).toBe('Long list');
      const placeholders = () => fresh.page.locator('.screen-panel .screen-muted').allTextContents();
      await expect.poll(placeholders, POLL).toEqual(['Loading the commitments…', 'Loading the commitments…']);
      await screenshot(fresh.page, 'big-screen-ledger-loading-1920');
      // No count either: "0" would say the same as "none".
      expect(await fresh.page.locator('.screen-panel .screen-count').count()).toBe(0);
      ledgerJoins.release();
      await expect.poll(() => fresh.page.getByTestId('screen-follow-up').count(), POLL).toBe(3);
      await expect.poll(() => fresh.page.getByTestId('screen-commitment').count(), POLL).toBeGreaterThan(0);
      expect(await placeholders()).toEqual([]);
    } finally {
      ledgerJoins.restore();
      await fresh.context.close();
    }
  });
});
