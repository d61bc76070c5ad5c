/**
 * The chair's console (`/meetings/:id/room`) in Chromium, against a real server with the demo
 * government: the chair starts the meeting and drives it from the keyboard (the server's live state
 * is asserted, not the page's), two consoles pressing "next" at the same instant advance once,
 * `c` opens a capture prefilled from the item and the indicator on screen (Enter saves into the
 * ledger, Esc saves nothing), `?` opens the keys, Space and E run the timer, the screen is handed to
 * a second analyst present on the meeting and taken back, a viewer gets a read-only console.
 * Build first (`npx vite build --outDir …`, TEST_CLIENT_DIR). Screenshots: /tmp/shots/console-*.png.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/database.ts';
import { generateDemoData } from '../../server/demo/generate.ts';
import { insertDemoData } from '../../server/demo/seed.ts';
import { meetingDocName, meetingLiveDocName } from '../../shared/docNames.ts';
import type { LedgerSnapshot } from '../../shared/ledger.ts';
import { AgendaItemKind, addAgendaItem } from '../../shared/meetingDoc.ts';
import type { MeetingLiveState } from '../../shared/meetingLive.ts';
import type { Agency, GoalSummary, ObjectiveDetail } from '../../shared/performance.ts';
import { addDaysToDate, todayDate } from '../../shared/periods.ts';
import { readScreen, type ScreenState } from '../../shared/screenControl.ts';
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
const TODAY = todayDate();
const OBJECTIVE = 'obj-01';

const consoleTitle = (page: Page) => page.getByTestId('console-current-title').textContent();
/** Waits until the console's last command has its answer (a key pressed meanwhile is not sent). */
async function idle(page: Page): Promise<void> {
  const status = page.getByTestId('console-status');
  await expect
    .poll(async () => (await status.count()) === 0 || (await status.textContent()) !== 'Sending…', POLL)
    .toBe(true);
}
/** Presses a console key once the last command's answer is in. */
async function press(page: Page, key: string): Promise<void> {
  await idle(page);
  await page.keyboard.press(key);
}

describe('the chair’s console', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Person;
  let bruno: Person;
  let vera: Person;
  let token: string;
  let goal: GoalSummary;
  let goalAgency: Agency;
  let otherAgency: Agency;
  let meetingId: string;
  let itemIds: string[];
  const itemTitles = ['Follow-up of open commitments', '', 'Vehicle thefts: problem solving', 'Decisions'];
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
  const ledger = async () =>
    (await call('GET', `/objectives/${OBJECTIVE}/ledger`)) as unknown as LedgerSnapshot;
  const liveState = async () =>
    ((await call('GET', `/meetings/${meetingId}/live`)) as { state: MeetingLiveState }).state;
  const currentIndex = async () => itemIds.indexOf((await liveState()).currentItemId ?? '');
  const screenOnServer = (): Promise<ScreenState> =>
    server.app.hub.change(meetingLiveDocName(meetingId), (doc) => readScreen(doc));
  const made = async () => (await ledger()).commitments.filter((each) => each.madeInMeetingId === meetingId);

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    const db = openDatabase(server.database.config);
    await insertDemoData(db, generateDemoData({ asOf: TODAY, seed: 1, objectives: 2 }));
    await db.close();
    ({ token } = await server.signIn('Setup Script', 'analyst'));

    const detail = (await call('GET', `/objectives/${OBJECTIVE}`)) as unknown as ObjectiveDetail;
    const fits = (each: GoalSummary) =>
      each.indicators.length >= 2 && each.indicators.every((indicator) => indicator.computed.latest !== null);
    const owner = detail.agencies.find(({ goals }) => goals.some(fits))!;
    goalAgency = owner.agency;
    goal = owner.goals.find(fits)!;
    otherAgency = detail.agencies.find(({ agency }) => agency.id !== goalAgency.id)!.agency;
    itemTitles[1] = goal.title;

    const writer = await SocketIoDocClient.connect(server.url, { token });
    try {
      // Last week's meeting left a commitment of the goal's agency open and overdue.
      const earlier = await createMeeting(
        writer,
        'Security stocktake (last week)',
        addDaysToDate(TODAY, -7),
        [{ title: 'Follow-up', kind: AgendaItemKind.followUp }],
      );
      await call('POST', `/meetings/${earlier.id}/start`, {});
      await call('POST', `/objectives/${OBJECTIVE}/commitments`, {
        ...{
          id: randomUUID(),
          text: 'Send the burglary hot-spot map to the districts',
          meetingId: earlier.id,
        },
        ...{
          goalId: goal.id,
          dueDate: addDaysToDate(TODAY, -2),
          ownerAgencyId: goalAgency.id,
          ownerPerson: '',
        },
      });
      const created = await createMeeting(writer, 'Security stocktake', TODAY, [
        { title: itemTitles[0], kind: AgendaItemKind.followUp, timeboxMinutes: 10 },
        {
          title: itemTitles[1],
          presenterAgency: goalAgency.id,
          indicatorIds: goal.indicators.slice(0, 2).map((indicator) => indicator.id),
          timeboxMinutes: 15,
        },
        { title: itemTitles[2], presenterAgency: otherAgency.id, timeboxMinutes: 10 },
        { title: itemTitles[3], kind: AgendaItemKind.decision, timeboxMinutes: 10 },
      ]);
      meetingId = created.id;
      itemIds = created.itemIds;
      await call('POST', `/meetings/${earlier.id}/close`, {});
    } finally {
      writer.close();
    }

    browser = await launchBrowser();
    ana = await openPerson(browser, server.url, 'Ana Lima', 'analyst', VIEWPORTS.laptop);
    bruno = await openPerson(browser, server.url, 'Bruno Reis', 'analyst', VIEWPORTS.laptop);
    vera = await openPerson(browser, server.url, 'Vera Souza', 'viewer', VIEWPORTS.laptop);
    for (const person of [ana, bruno, vera])
      person.page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function createMeeting(
    writer: SocketIoDocClient,
    title: string,
    scheduledFor: string,
    items: Array<Parameters<typeof addAgendaItem>[1]>,
  ): Promise<{ id: string; itemIds: string[] }> {
    const { meeting } = (await call('POST', '/meetings', {
      title,
      scheduledFor,
      objectiveId: OBJECTIVE,
    })) as {
      meeting: { id: string };
    };
    const joined = await writer.joinSynced(meetingDocName(meeting.id));
    const ids = items.map((item) => addAgendaItem(joined.doc, item));
    await agendaOnServer(server.app.hub, meeting.id, items.length);
    return { id: meeting.id, itemIds: ids };
  }

  test('before the start: the agenda and the follow-up, Start for the chair, a read-only note for a viewer', async () => {
    await ana.page.goto(`/meetings/${meetingId}/room`);
    await vera.page.goto(`/meetings/${meetingId}/room`);
    for (const { page } of [ana, vera]) {
      await expect.poll(() => page.getByTestId('phase-badge').textContent(), POLL).toBe('Not started');
      await expect
        .poll(() => page.getByTestId('rail-item-title').allTextContents(), POLL)
        .toEqual(itemTitles);
      await expect.poll(() => page.getByTestId('follow-up-row').count(), POLL).toBe(1);
    }
    // The console is its own window: no app top bar, a way back to the meeting page.
    expect(await ana.page.locator('.topbar').count()).toBe(0);
    expect(await ana.page.getByRole('link', { name: 'Back to the meeting page' }).getAttribute('href')).toBe(
      `/meetings/${meetingId}`,
    );
    await vera.page.getByTestId('console-readonly').waitFor();
    expect(await vera.page.getByRole('button', { name: 'Start meeting' }).count()).toBe(0);
    await screenshot(ana.page, 'console-draft-1366');
    await ana.page.setViewportSize(VIEWPORTS.desktop);
    await screenshot(ana.page, 'console-draft-1920');
    await ana.page.setViewportSize(VIEWPORTS.laptop);
  });

  test('the chair starts from the keyboard and moves with → ← N P; the server follows each key', async () => {
    await ana.page.getByRole('button', { name: 'Start meeting' }).focus();
    await ana.page.keyboard.press('Enter');
    await expect.poll(async () => (await liveState()).phase, POLL).toBe('live');
    await expect.poll(() => consoleTitle(ana.page), POLL).toBe(itemTitles[0]);

    await press(ana.page, 'ArrowRight');
    await expect.poll(currentIndex, POLL).toBe(1);
    await expect.poll(() => consoleTitle(ana.page), POLL).toBe(itemTitles[1]);
    await press(ana.page, 'ArrowLeft');
    await expect.poll(currentIndex, POLL).toBe(0);
    await expect.poll(() => consoleTitle(ana.page), POLL).toBe(itemTitles[0]);
    await press(ana.page, 'n');
    await expect.poll(currentIndex, POLL).toBe(1);
    await expect.poll(() => consoleTitle(ana.page), POLL).toBe(itemTitles[1]);
    // The viewer's console follows and its keys do nothing.
    await expect.poll(() => consoleTitle(vera.page), POLL).toBe(itemTitles[1]);
    await vera.page.keyboard.press('ArrowRight');
    expect(await vera.page.getByRole('button', { name: /Next item/ }).count()).toBe(0);
    expect(await currentIndex()).toBe(1);
    // Letters in either case.
    await press(ana.page, 'p');
    await expect.poll(currentIndex, POLL).toBe(0);
    await press(ana.page, 'N');
    await expect.poll(currentIndex, POLL).toBe(1);
  });

  test('Space pauses and resumes the item timer; E gives it five more minutes; the budget says when it runs late', async () => {
    const timing = async () => (await liveState()).timings[itemIds[1]!]!;
    expect((await timing()).runningSince).not.toBeNull();
    await press(ana.page, ' ');
    await expect.poll(async () => (await timing()).runningSince, POLL).toBeNull();
    await expect.poll(() => ana.page.getByTestId('item-timer').textContent(), POLL).toContain('Paused');
    await press(ana.page, ' ');
    await expect.poll(async () => (await timing()).runningSince, POLL).not.toBeNull();

    const before = (await timing()).extensionsMs;
    for (const times of [1, 2, 3]) {
      await press(ana.page, 'e');
      await expect.poll(async () => (await timing()).extensionsMs, POLL).toBe(before + times * 5 * 60_000);
    }
    await expect
      .poll(() => ana.page.getByTestId('item-timer').textContent(), POLL)
      .toContain('+15 min added');
    // The first item took seconds of its ten minutes; fifteen more for this one put the meeting
    // behind, and the two items left share what remains.
    await expect
      .poll(() => ana.page.getByTestId('overrun-budget').textContent(), POLL)
      .toMatch(/^\d+ min over · to end on time the next two items get \d+, \d+ min · expected end \d\d:\d\d/);
  });

  test('C opens the capture prefilled from the indicator on screen; Enter saves it into the ledger', async () => {
    // The second indicator goes large on the big screen first (key 2, as the chair).
    await press(ana.page, '2');
    await expect.poll(async () => (await screenOnServer()).indicatorId, POLL).toBe(goal.indicators[1]!.id);
    await press(ana.page, 'c');
    const dialog = ana.page.getByTestId('capture-dialog');
    const text = dialog.getByLabel('What was committed');
    await text.waitFor();
    expect(await text.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await dialog.getByLabel('Owner agency').inputValue()).toBe(goalAgency.id);
    expect(await dialog.getByLabel('Goal').inputValue()).toBe(goal.id);

    // Typing N, P or C in the field types them: the meeting stays where it is.
    await ana.page.keyboard.type('Name a patrol coordinator per district');
    await ana.page.keyboard.press('Enter');
    await expect.poll(async () => (await made()).length, POLL).toBe(1);
    const [saved] = await made();
    expect(saved).toMatchObject({
      text: 'Name a patrol coordinator per district',
      goalId: goal.id,
      ownerAgencyId: goalAgency.id,
      indicatorId: goal.indicators[1]!.id,
      madeInItemId: itemIds[1],
      status: 'open',
    });
    expect(await currentIndex()).toBe(1);
    await expect.poll(() => dialog.isVisible(), POLL).toBe(false);
    await expect
      .poll(() => ana.page.getByTestId('console-saved').textContent(), POLL)
      .toBe('Saved “Name a patrol coordinator per district”');
    // The viewer's console shows it among what the meeting made.
    await expect
      .poll(() => vera.page.getByTestId('made-row').allTextContents(), POLL)
      .toEqual([expect.stringContaining('Name a patrol coordinator per district')]);
  });

  test('Esc cancels a capture and saves nothing', async () => {
    await press(ana.page, 'c');
    const dialog = ana.page.getByTestId('capture-dialog');
    await dialog.getByLabel('What was committed').waitFor();
    await ana.page.keyboard.type('This is not a commitment');
    await ana.page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), POLL).toBe(false);
    expect(await made()).toHaveLength(1);
    // Reopened, it starts empty: the cancelled text is gone.
    await press(ana.page, 'c');
    await expect.poll(() => dialog.getByLabel('What was committed').inputValue(), POLL).toBe('');
    await ana.page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), POLL).toBe(false);
  });

  test('? opens the key help; Esc closes it', async () => {
    await press(ana.page, '?');
    const help = ana.page.getByTestId('key-help');
    await help.waitFor();
    expect(await help.textContent()).toContain('Next item');
    expect(await help.textContent()).toContain('Capture a commitment');
    await screenshot(ana.page, 'console-help-1366');
    await ana.page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible(), POLL).toBe(false);
    // With the help closed the keys work again.
    expect(await currentIndex()).toBe(1);
  });

  test('the follow-up is reviewed from the keyboard: D marks the selected commitment done', async () => {
    const row = ana.page.getByTestId('follow-up-row').first();
    expect(await row.getAttribute('aria-current')).toBe('true');
    await press(ana.page, 'd');
    await expect.poll(() => row.getAttribute('data-review'), POLL).toBe('done');
    const id = await row.getAttribute('data-commitment-id');
    expect((await ledger()).commitments.find((each) => each.id === id)?.status).toBe('done');
  });

  test('the screen is handed to a second analyst present on the meeting, and taken back with T', async () => {
    // Bruno opens the console too: he is on the meeting, so the chair can hand him the screen.
    await bruno.page.goto(`/meetings/${meetingId}/room`);
    await expect.poll(() => consoleTitle(bruno.page), POLL).toBe(itemTitles[1]);
    const hand = ana.page.getByRole('button', { name: 'Hand the screen to Bruno Reis' });
    await hand.waitFor({ timeout: POLL.timeout });
    await hand.click();
    await expect.poll(async () => (await screenOnServer()).driver?.name, POLL).toBe('Bruno Reis');
    await expect
      .poll(() => ana.page.getByTestId('screen-driver').textContent(), POLL)
      .toBe('Bruno Reis drives the big screen.');
    await expect
      .poll(() => bruno.page.getByTestId('screen-driver').textContent(), POLL)
      .toBe('Bruno Reis drives the big screen.');
    // While he drives, the chair's indicator keys change nothing.
    await press(ana.page, '1');
    expect((await screenOnServer()).indicatorId).toBe(goal.indicators[1]!.id);

    // The viewer is told who drives, never offered the controls.
    await expect
      .poll(() => vera.page.getByTestId('screen-driver').textContent(), POLL)
      .toBe('Bruno Reis drives the big screen.');
    expect(await vera.page.getByRole('button', { name: /Take back/ }).count()).toBe(0);
    await press(ana.page, 't');
    await expect.poll(async () => (await screenOnServer()).driver, POLL).toBeNull();
    await expect
      .poll(() => ana.page.getByTestId('screen-driver').textContent(), POLL)
      .toBe('You drive the big screen.');
  });

  test('screenshots of the live console, behind time', async () => {
    await expect.poll(() => ana.page.getByTestId('overrun-budget').textContent(), POLL).toContain('min over');
    await screenshot(ana.page, 'console-live-1366');
    await ana.page.setViewportSize(VIEWPORTS.desktop);
    await screenshot(ana.page, 'console-live-1920');
    await ana.page.setViewportSize(VIEWPORTS.laptop);
    await screenshot(vera.page, 'console-live-viewer-1366');
  });

  test('two consoles pressing "next" at the same instant advance once; the second is told calmly', async () => {
    await expect.poll(() => consoleTitle(bruno.page), POLL).toBe(itemTitles[1]);
    await expect.poll(() => consoleTitle(ana.page), POLL).toBe(itemTitles[1]);
    await idle(ana.page);
    await idle(bruno.page);
    // Both pages wait, blocking, for the same instant and press then: neither can have seen the other.
    const at = Date.now() + 500;
    const pressAt = (page: Page) =>
      page.evaluate((when) => {
        while (Date.now() < when) {
          // Busy-wait: no update from the server can be handled before the key goes down.
        }
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      }, at);
    await Promise.all([pressAt(ana.page), pressAt(bruno.page)]);
    for (const { page } of [ana, bruno])
      await expect.poll(() => consoleTitle(page), POLL).toBe(itemTitles[2]);
    expect(await currentIndex()).toBe(2);
    const stale = async () =>
      (await ana.page.getByTestId('console-stale').count()) +
      (await bruno.page.getByTestId('console-stale').count());
    await expect.poll(stale, POLL).toBe(1);
    const loser = (await ana.page.getByTestId('console-stale').count()) === 1 ? ana.page : bruno.page;
    expect(await loser.getByTestId('console-stale').textContent()).toBe(
      `Someone moved first: now on item 3, “${itemTitles[2]}”. Nothing was changed.`,
    );
  });

  test('an offline console sends nothing and says so; back online, its keys work again', async () => {
    await ana.context.setOffline(true);
    await expect.poll(() => ana.page.getByTestId('connection-status').textContent(), POLL).toBe('Offline');
    await press(ana.page, 'ArrowRight');
    await expect
      .poll(() => ana.page.getByTestId('console-status').textContent(), POLL)
      .toContain('You are offline: nothing was sent');
    expect(await currentIndex()).toBe(2);
    await ana.context.setOffline(false);
    await expect.poll(() => ana.page.getByTestId('connection-status').textContent(), POLL).toBe('Live');
    await press(ana.page, 'ArrowRight');
    await expect.poll(currentIndex, POLL).toBe(3);
    await expect.poll(() => consoleTitle(bruno.page), POLL).toBe(itemTitles[3]);
  });

  test('the chair closes the meeting after a confirm step; the controls are gone', async () => {
    await ana.page.getByRole('button', { name: 'Close meeting…' }).click();
    await ana.page.getByRole('button', { name: 'Close now' }).click();
    await expect.poll(async () => (await liveState()).phase, POLL).toBe('closed');
    for (const { page } of [ana, vera]) {
      await expect.poll(() => page.getByTestId('phase-badge').textContent(), POLL).toBe('Closed');
      expect(await page.getByRole('button', { name: /Next item/ }).count()).toBe(0);
    }
    // The record in one line: every item was taken, one commitment made.
    expect(await ana.page.getByTestId('console-closed-summary').textContent()).toMatch(
      /^Ran \d+ min against 45 planned · 4 of 4 items taken · 1 commitment made$/,
    );
    await screenshot(ana.page, 'console-closed-1366');
    await ana.page.setViewportSize(VIEWPORTS.desktop);
    await screenshot(ana.page, 'console-closed-1920');
    expect(pageErrors).toEqual([]);
  });
});
