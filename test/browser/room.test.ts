/**
 * The room, three browsers at once against a real server with the demo government: the chair's
 * console (a laptop), the big screen (1920×1080) and an analyst following on `/meetings/:id`. The
 * chair advances with the keyboard and the screen and the analyst follow; a commitment typed in the
 * console appears on the screen and in the analyst's view; the chair hands the screen to the
 * analyst, who puts another indicator on it; the screen, taken offline, keeps its content and
 * catches up after; reloaded while offline it still shows the meeting.
 * Build first (`npx vite build`, or TEST_CLIENT_DIR). Screenshots: /tmp/shots/room-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/database.ts';
import { generateDemoData } from '../../server/demo/generate.ts';
import { insertDemoData } from '../../server/demo/seed.ts';
import { meetingDocName, meetingLiveDocName } from '../../shared/docNames.ts';
import { AgendaItemKind, addAgendaItem } from '../../shared/meetingDoc.ts';
import type { GoalSummary, ObjectiveDetail } from '../../shared/performance.ts';
import { todayDate } from '../../shared/periods.ts';
import { readScreen } from '../../shared/screenControl.ts';
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
import { agendaOnServer } from '../server/meetings/liveMeeting.ts';

const POLL = { timeout: 20_000, interval: 100 };
const OBJECTIVE = 'obj-01';

const screenTitle = (page: Page) => page.getByTestId('screen-item-title').textContent();
const consoleTitle = (page: Page) => page.getByTestId('console-current-title').textContent();
const roomTitle = (page: Page) => page.getByTestId('current-item-title').textContent();

/** Presses a console key once its last command has its answer. */
async function press(page: Page, key: string): Promise<void> {
  const status = page.getByTestId('console-status');
  await expect
    .poll(async () => (await status.count()) === 0 || (await status.textContent()) !== 'Sending…', POLL)
    .toBe(true);
  await page.keyboard.press(key);
}

describe('the room: console, big screen and an analyst at once', () => {
  let server: TestServer;
  let browser: Browser;
  let chair: Person;
  let screen: Person;
  let analyst: Person;
  let meetingId: string;
  let goal: GoalSummary;
  const titles: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    const db = openDatabase(server.database.config);
    await insertDemoData(db, generateDemoData({ asOf: todayDate(), seed: 1, objectives: 1 }));
    await db.close();
    const { token } = await server.signIn('Setup Script', 'analyst');
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}/api${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, unknown>>;
    };
    const detail = (await call('GET', `/objectives/${OBJECTIVE}`)) as unknown as ObjectiveDetail;
    const owner = detail.agencies.find(({ goals }) => goals.some((each) => each.indicators.length >= 2))!;
    goal = owner.goals.find((each) => each.indicators.length >= 2)!;
    const { meeting } = (await call('POST', '/meetings', {
      title: 'Weekly stocktake',
      scheduledFor: todayDate(),
      objectiveId: OBJECTIVE,
    })) as { meeting: { id: string } };
    meetingId = meeting.id;
    titles.push('Follow-up of open commitments', goal.title, 'Decisions', 'Next steps');
    const writer = await SocketIoDocClient.connect(server.url, { token });
    try {
      const { doc } = await writer.joinSynced(meetingDocName(meetingId));
      addAgendaItem(doc, { title: titles[0], kind: AgendaItemKind.followUp, timeboxMinutes: 10 });
      addAgendaItem(doc, {
        title: titles[1],
        presenterAgency: owner.agency.id,
        indicatorIds: goal.indicators.slice(0, 2).map((indicator) => indicator.id),
        timeboxMinutes: 15,
      });
      addAgendaItem(doc, { title: titles[2], kind: AgendaItemKind.decision, timeboxMinutes: 10 });
      addAgendaItem(doc, { title: titles[3], kind: AgendaItemKind.decision, timeboxMinutes: 5 });
      await agendaOnServer(server.app.hub, meetingId, titles.length);
    } finally {
      writer.close();
    }

    browser = await launchBrowser();
    chair = await openPerson(browser, server.url, 'Clara Chair', 'analyst', VIEWPORTS.laptop);
    screen = await openPerson(browser, server.url, 'Room Screen', 'viewer', VIEWPORTS.desktop);
    analyst = await openPerson(browser, server.url, 'Paulo Presenter', 'analyst', VIEWPORTS.laptop);
    for (const person of [chair, screen, analyst])
      person.page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
    await chair.page.goto(`/meetings/${meetingId}/room`);
    await screen.page.goto(`/meetings/${meetingId}/screen`);
    await analyst.page.goto(`/meetings/${meetingId}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the chair starts and advances with the keyboard; the screen and the analyst follow', async () => {
    await expect
      .poll(() => screen.page.getByTestId('screen-phase').getAttribute('data-phase'), POLL)
      .toBe('draft');
    await chair.page.getByRole('button', { name: 'Start meeting' }).click();
    await expect.poll(() => screenTitle(screen.page), POLL).toBe(titles[0]);
    await press(chair.page, 'ArrowRight');
    await expect.poll(() => consoleTitle(chair.page), POLL).toBe(titles[1]);
    await expect.poll(() => screenTitle(screen.page), POLL).toBe(titles[1]);
    await expect.poll(() => roomTitle(analyst.page), POLL).toBe(titles[1]);
    await screenshot(screen.page, 'room-screen-item-1920');
  });

  test('a commitment typed in the console appears on the screen and in the analyst’s view', async () => {
    await press(chair.page, 'c');
    const dialog = chair.page.getByTestId('capture-dialog');
    await dialog.getByLabel('What was committed').waitFor();
    await chair.page.keyboard.type('Publish the response-time dashboard by district');
    await chair.page.keyboard.press('Enter');
    await expect
      .poll(() => screen.page.getByTestId('screen-commitment').allTextContents(), POLL)
      .toEqual([expect.stringContaining('Publish the response-time dashboard by district')]);
    await expect
      .poll(() => analyst.page.getByTestId('made-row').allTextContents(), POLL)
      .toEqual([expect.stringContaining('Publish the response-time dashboard by district')]);
  });

  test('the chair hands the screen to the analyst, who puts the second indicator on it', async () => {
    const second = goal.indicators[1]!;
    // The analyst is present on the meeting page, so the console offers them.
    await chair.page.getByRole('button', { name: `Hand the screen to ${analyst.name}` }).click();
    const bar = analyst.page.getByTestId('presenter-bar');
    await bar.waitFor({ timeout: POLL.timeout });
    await bar.getByRole('button', { name: second.name, exact: true }).click();
    await expect
      .poll(
        () => server.app.hub.change(meetingLiveDocName(meetingId), (doc) => readScreen(doc).indicatorId),
        POLL,
      )
      .toBe(second.id);
    await expect
      .poll(() => screen.page.getByTestId('screen-focus').getAttribute('data-indicator-id'), POLL)
      .toBe(second.id);
    // The chair takes it back from the keyboard.
    await press(chair.page, 't');
    await expect
      .poll(() => server.app.hub.change(meetingLiveDocName(meetingId), (doc) => readScreen(doc).driver), POLL)
      .toBeNull();
    await expect.poll(() => bar.count(), POLL).toBe(0);
  });

  test('offline, the screen keeps its content, says it is reconnecting, and catches up after', async () => {
    await screen.context.setOffline(true);
    await screen.page.getByTestId('screen-reconnecting').waitFor({ timeout: POLL.timeout });
    expect(await screenTitle(screen.page)).toBe(titles[1]);
    await press(chair.page, 'ArrowRight');
    await expect.poll(() => consoleTitle(chair.page), POLL).toBe(titles[2]);
    await expect.poll(() => roomTitle(analyst.page), POLL).toBe(titles[2]);
    // Still the last state it had, not a blank page.
    expect(await screenTitle(screen.page)).toBe(titles[1]);
    await screenshot(screen.page, 'room-screen-offline-1920');
    await screen.context.setOffline(false);
    await expect.poll(() => screenTitle(screen.page), POLL).toBe(titles[2]);
    await expect.poll(() => screen.page.getByTestId('screen-reconnecting').count(), POLL).toBe(0);
  });

  test('reloaded while offline, the screen still shows the meeting', async () => {
    // As a screen in a room would be by then: its worker controls it and has kept the app's shell.
    await expect
      .poll(
        () =>
          screen.page.evaluate(
            async () =>
              navigator.serviceWorker.controller !== null &&
              (await caches.match('/__statroom-shell')) !== undefined,
          ),
        POLL,
      )
      .toBe(true);
    await screen.context.setOffline(true);
    await screen.page.reload();
    await expect.poll(() => screenTitle(screen.page), POLL).toBe(titles[2]);
    await screen.page.getByTestId('screen-reconnecting').waitFor({ timeout: POLL.timeout });
    await screenshot(screen.page, 'room-screen-offline-reload-1920');
    // Back online after the reload, it follows the chair again.
    await screen.context.setOffline(false);
    await press(chair.page, 'ArrowRight');
    await expect.poll(() => screenTitle(screen.page), POLL).toBe(titles[3]);
    expect(pageErrors).toEqual([]);
  });
});
