/**
 * The presenter drives the big screen from `/meetings/:id`, against a real server with the demo
 * government: the chair hands the screen to analyst Beto (a command from the test); Beto's page
 * shows the bar, the chair's and the viewer's pages say who drives; Beto picks another indicator and
 * span, the server's screen state shows it and the viewer's chart follows (she may look elsewhere,
 * then follow the screen again); the chair takes it back from her page and Beto's bar goes away; and
 * a choice that crossed the chair taking it back is refused with the server's message.
 * Run `npx vite build` first (or set TEST_CLIENT_DIR). Screenshots go to /tmp/shots/presenter-*.png.
 */
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sincePeriodFor } from '../../client/src/charts/sinceSpan.ts';
import { openDatabase } from '../../server/db/database.ts';
import { generateDemoData } from '../../server/demo/generate.ts';
import { insertDemoData } from '../../server/demo/seed.ts';
import { meetingDocName, meetingLiveDocName } from '../../shared/docNames.ts';
import { addAgendaItem } from '../../shared/meetingDoc.ts';
import type { GoalSummary, IndicatorDetail, ObjectiveDetail } from '../../shared/performance.ts';
import { todayDate } from '../../shared/periods.ts';
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
const OBJECTIVE = 'obj-01';
const BETO = 'Beto Lima';

const bar = (page: Page) => page.getByTestId('presenter-bar');
const driverLine = (page: Page) => page.getByTestId('screen-driver');
const focus = (page: Page) => page.getByTestId('indicator-focus');

describe('the presenter drives the big screen', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Person;
  let beto: Person;
  let vera: Person;
  let token: string;
  let betoPerson: { id: string; name: string };
  let meetingId: string;
  let itemId: string;
  /** The item's indicators: the screen starts on the first; Beto shows the second. */
  let first: IndicatorDetail;
  let second: IndicatorDetail;
  /** Server→page frames of Beto's socket are held while this is set (see the last test). */
  let held: Array<string | Buffer> | null = null;
  let betoSocket: WebSocketRoute | null = null;
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
  /** The chair's screen command, as a script sends it. */
  const chair = (body: Record<string, unknown>) =>
    call('POST', `/meetings/${meetingId}/screen`, { expectedItemId: itemId, ...body });
  const screenOnServer = (): Promise<ScreenState> =>
    server.app.hub.change(meetingLiveDocName(meetingId), readScreen);

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    const db = openDatabase(server.database.config);
    await insertDemoData(db, generateDemoData({ asOf: todayDate(), seed: 1, objectives: 2 }));
    await db.close();
    ({ token } = await server.signIn('Setup Script', 'analyst'));
    const signedBeto = await server.signIn(BETO, 'analyst');
    betoPerson = { id: signedBeto.principal.id, name: signedBeto.principal.name };

    // A goal with two indicators that both have data, so each chart has something to show.
    const detail = (await call('GET', `/objectives/${OBJECTIVE}`)) as unknown as ObjectiveDetail;
    const fits = (each: GoalSummary) =>
      each.indicators.length >= 2 && each.indicators.slice(0, 2).every((one) => one.computed.latest !== null);
    const owner = detail.agencies.find(({ goals }) => goals.some(fits));
    const goal = owner?.goals.find(fits);
    if (!owner || !goal) throw new Error('the demo has no goal with two indicators with data');
    const [firstId, secondId] = goal.indicators.slice(0, 2).map((one) => one.id) as [string, string];
    first = (await call('GET', `/indicators/${firstId}`)) as unknown as IndicatorDetail;
    second = (await call('GET', `/indicators/${secondId}`)) as unknown as IndicatorDetail;

    const { meeting } = (await call('POST', '/meetings', {
      title: 'Security stocktake',
      scheduledFor: todayDate(),
      objectiveId: OBJECTIVE,
    })) as { meeting: { id: string } };
    meetingId = meeting.id;
    const writer = await SocketIoDocClient.connect(server.url, { token });
    try {
      const agenda = await writer.joinSynced(meetingDocName(meetingId));
      itemId = addAgendaItem(agenda.doc, {
        title: goal.title,
        presenterAgency: owner.agency.id,
        indicatorIds: [firstId, secondId],
        timeboxMinutes: 15,
      });
      addAgendaItem(agenda.doc, { title: 'Vehicle thefts: problem solving', timeboxMinutes: 10 });
      await agendaOnServer(server.app.hub, meetingId, 2);
    } finally {
      writer.close();
    }
    await call('POST', `/meetings/${meetingId}/start`, {});

    browser = await launchBrowser();
    ana = await openPerson(browser, server.url, 'Ana Souza', 'analyst', VIEWPORTS.laptop);
    beto = await openPerson(browser, server.url, BETO, 'analyst', VIEWPORTS.laptop);
    vera = await openPerson(browser, server.url, 'Vera Souza', 'viewer', VIEWPORTS.desktop);
    // Beto's socket runs through the test, which can hold what the server sends him for a moment.
    await beto.page.routeWebSocket(/\/socket\.io\//, (route) => {
      betoSocket = route;
      const upstream = route.connectToServer();
      upstream.onMessage((message) => {
        if (held) held.push(message);
        else route.send(message);
      });
    });
    for (const person of [ana, beto, vera]) {
      person.page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
      await person.page.goto(`/meetings/${meetingId}`);
      await person.page
        .getByTestId('current-item-title')
        .getByText(goal.title)
        .waitFor({ timeout: POLL.timeout });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('before anyone is handed the screen, every chart follows it on the first indicator', async () => {
    for (const { page } of [ana, beto, vera]) {
      await expect.poll(() => focus(page).getAttribute('data-indicator-id'), POLL).toBe(first.indicator.id);
      expect(await bar(page).count()).toBe(0);
      expect(await driverLine(page).count()).toBe(0);
    }
  });

  test('the chair hands the screen to Beto: his page shows the bar, the others say he has it', async () => {
    await chair({ action: 'hand', to: betoPerson });
    await bar(beto.page).waitFor({ timeout: POLL.timeout });
    expect(await bar(beto.page).getByText('You have the big screen').count()).toBe(1);
    // The bar offers the item's indicators by name, the screen's one pressed.
    const shownLarge = bar(beto.page).getByRole('group', { name: 'Shown large' });
    expect(await shownLarge.getByRole('button').allTextContents()).toEqual([
      first.indicator.name,
      second.indicator.name,
    ]);
    expect(
      await shownLarge.getByRole('button', { name: first.indicator.name }).getAttribute('aria-pressed'),
    ).toBe('true');
    for (const { page } of [ana, vera]) {
      await expect.poll(() => driverLine(page).textContent(), POLL).toContain(`${BETO} has the big screen`);
      expect(await bar(page).count()).toBe(0);
    }
    // An analyst may take it back; the viewer only reads.
    expect(await driverLine(ana.page).getByRole('button', { name: 'Take the screen back' }).count()).toBe(1);
    expect(await driverLine(vera.page).getByRole('button').count()).toBe(0);
    await screenshot(beto.page, 'presenter-bar-1366');
  });

  test('Beto shows the second indicator over a year: the server has it and the viewer follows', async () => {
    const expectedPeriod = sincePeriodFor(second.points, second.indicator.frequency, 'year');
    // A year back must differ from the default span, or the span would not be seen to follow.
    expect(expectedPeriod).not.toBe(sincePeriodFor(second.points, second.indicator.frequency, 'auto'));

    await bar(beto.page).getByRole('button', { name: second.indicator.name }).click();
    await expect.poll(async () => (await screenOnServer()).indicatorId, POLL).toBe(second.indicator.id);
    await bar(beto.page).getByRole('button', { name: 'Year', exact: true }).click();
    await expect.poll(async () => (await screenOnServer()).since, POLL).toBe('year');
    expect(await screenOnServer()).toEqual({
      itemId,
      driver: betoPerson,
      indicatorId: second.indicator.id,
      since: 'year',
    });

    for (const { page } of [vera, ana, beto]) {
      await expect.poll(() => focus(page).getAttribute('data-indicator-id'), POLL).toBe(second.indicator.id);
      await expect.poll(() => page.getByTestId('focus-since').getAttribute('data-span'), POLL).toBe('year');
      expect(await page.getByTestId('focus-since').getAttribute('data-period')).toBe(expectedPeriod);
    }
    await screenshot(beto.page, 'presenter-bar-chosen-1366');
    await screenshot(vera.page, 'presenter-viewer-follows-1920');

    // The viewer looks at the first indicator on her own, then follows the screen again.
    await focus(vera.page).getByRole('button', { name: first.indicator.name }).click();
    await expect
      .poll(() => focus(vera.page).getAttribute('data-indicator-id'), POLL)
      .toBe(first.indicator.id);
    expect(await focus(vera.page).getAttribute('data-following')).toBe('no');
    expect(await focus(beto.page).getAttribute('data-indicator-id')).toBe(second.indicator.id);
    await screenshot(vera.page, 'presenter-viewer-away-1920');
    await vera.page.getByRole('button', { name: 'Follow the screen' }).click();
    await expect
      .poll(() => focus(vera.page).getAttribute('data-indicator-id'), POLL)
      .toBe(second.indicator.id);
    expect(await focus(vera.page).getAttribute('data-following')).toBe('yes');
  });

  test('the chair takes the screen back from her page: Beto’s bar goes away', async () => {
    await driverLine(ana.page).getByRole('button', { name: 'Take the screen back' }).click();
    await expect.poll(async () => (await screenOnServer()).driver, POLL).toBeNull();
    await expect.poll(() => bar(beto.page).count(), POLL).toBe(0);
    for (const { page } of [ana, vera]) await expect.poll(() => driverLine(page).count(), POLL).toBe(0);
    // What Beto chose stays on the screen, and on every chart.
    expect(await focus(vera.page).getAttribute('data-indicator-id')).toBe(second.indicator.id);
  });

  test('a choice that crossed the chair taking the screen back is refused, saying so', async () => {
    await chair({ action: 'hand', to: betoPerson });
    await bar(beto.page).waitFor({ timeout: POLL.timeout });
    expect(betoSocket).not.toBeNull();
    // Beto's page does not hear of the take-back before he presses: his bar is still up.
    held = [];
    await chair({ action: 'takeBack' });
    expect(await bar(beto.page).count()).toBe(1);
    await bar(beto.page).getByRole('button', { name: 'Month', exact: true }).click();
    // The server's refusal is on its way (held), and nothing changed.
    const refusalHeld = () =>
      (held ?? []).some((message) => message.toString().includes('taken the screen back'));
    await expect.poll(refusalHeld, POLL).toBe(true);
    expect(await screenOnServer()).toMatchObject({ driver: null, since: 'year' });
    const release = held;
    held = null;
    for (const message of release) betoSocket?.send(message);

    await expect
      .poll(() => beto.page.getByTestId('presenter-error').textContent(), POLL)
      .toContain('The chair has taken the screen back');
    await expect.poll(() => bar(beto.page).count(), POLL).toBe(0);
    // The refusal takes a line; the current item keeps the column.
    expect(await beto.page.locator('.room__scroll').evaluate((el) => el.clientHeight)).toBeGreaterThan(150);
    await screenshot(beto.page, 'presenter-refused-1366');
    await beto.page.getByTestId('presenter-error').getByRole('button', { name: 'Dismiss' }).click();
    expect(await beto.page.getByTestId('presenter-error').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
