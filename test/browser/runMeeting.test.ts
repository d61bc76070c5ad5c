/**
 * Running a meeting in the browser (`/meetings/:id`), against a real server with the demo
 * government: an analyst starts a meeting that has an agenda and two commitments left open by an
 * earlier meeting of the same objective, moves to the next item, runs its timer, captures three
 * commitments from the keyboard (a refused one keeps its text), reviews the two old ones and closes
 * the meeting; a viewer in another context follows every step live and never sees a control.
 * Run `npx vite build` first. Screenshots go to /tmp/shots/run-meeting-*.png.
 */
import { randomUUID } from 'node:crypto';
import { format, parseISO } from 'date-fns';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/database.ts';
import { generateDemoData } from '../../server/demo/generate.ts';
import { insertDemoData } from '../../server/demo/seed.ts';
import { meetingDocName, meetingLiveDocName } from '../../shared/docNames.ts';
import type { LedgerSnapshot } from '../../shared/ledger.ts';
import { AgendaItemKind, addAgendaItem } from '../../shared/meetingDoc.ts';
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
import { holdJoins, holdLedgerJoins } from '../helpers/heldJoins.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { SocketIoDocClient } from '../helpers/yjsClients.ts';
import { agendaOnServer } from '../server/meetings/liveMeeting.ts';

const POLL = { timeout: 20_000, interval: 100 };
const TODAY = todayDate();
const OBJECTIVE = 'obj-01';

const phase = (page: Page) => page.getByTestId('phase-badge').textContent();
const currentTitle = (page: Page) => page.getByTestId('current-item-title').textContent();
const madeTexts = (page: Page) => page.getByTestId('made-row').locator('.commitment__text').allTextContents();
const followUpRow = (page: Page, id: string) =>
  page.locator(`[data-testid="follow-up-row"][data-commitment-id="${id}"]`);
const reviewOf = (page: Page, id: string) => followUpRow(page, id).getAttribute('data-review');
/** A due date as the page writes it ("Tue 1 Dec"). */
const dueLabel = (day: string) => format(parseISO(day), 'EEE d MMM');

describe('running a meeting', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Person;
  let vera: Person;
  let token: string;
  let goal: GoalSummary;
  let goalAgency: Agency;
  let otherAgency: Agency;
  let meetingId: string;
  let itemTitles: string[];
  const old = {
    overdue: { id: randomUUID(), text: 'Send the burglary hot-spot map to the districts', dueIn: -2 },
    onTime: { id: randomUUID(), text: 'Agree night patrols with the municipal guard', dueIn: 5 },
  };
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

  /** A meeting of the objective with its agenda typed by a real Socket.IO client. */
  async function meetingWithAgenda(
    writer: SocketIoDocClient,
    title: string,
    scheduledFor: string,
    items: Array<Parameters<typeof addAgendaItem>[1]>,
  ): Promise<string> {
    const body = { title, scheduledFor, objectiveId: OBJECTIVE };
    const { meeting } = (await call('POST', '/meetings', body)) as { meeting: { id: string } };
    const joined = await writer.joinSynced(meetingDocName(meeting.id));
    for (const item of items) addAgendaItem(joined.doc, item);
    await agendaOnServer(server.app.hub, meeting.id, items.length);
    return meeting.id;
  }

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    const db = openDatabase(server.database.config);
    await insertDemoData(db, generateDemoData({ asOf: TODAY, seed: 1, objectives: 2 }));
    await db.close();
    ({ token } = await server.signIn('Setup Script', 'analyst'));

    const detail = (await call('GET', `/objectives/${OBJECTIVE}`)) as unknown as ObjectiveDetail;
    // A goal with two indicators, the first with data, so the chart has something to show.
    const fits = (each: GoalSummary) =>
      each.indicators.length >= 2 && each.indicators[0]!.computed.latest !== null;
    const owner = detail.agencies.find(({ goals }) => goals.some(fits))!;
    goalAgency = owner.agency;
    goal = owner.goals.find(fits)!;
    otherAgency = detail.agencies.find(({ agency }) => agency.id !== goalAgency.id)!.agency;

    const writer = await SocketIoDocClient.connect(server.url, { token });
    try {
      // Last week's meeting, which left two commitments open (one already overdue).
      const earlier = await meetingWithAgenda(
        writer,
        'Security stocktake (last week)',
        addDaysToDate(TODAY, -7),
        [
          { title: 'Follow-up of open commitments', kind: AgendaItemKind.followUp },
          { title: goal.title, presenterAgency: goalAgency.id },
        ],
      );
      await call('POST', `/meetings/${earlier}/start`, {});
      for (const { id, text, dueIn } of [old.overdue, old.onTime])
        await call('POST', `/objectives/${OBJECTIVE}/commitments`, {
          ...{ id, text, meetingId: earlier, goalId: goal.id, dueDate: addDaysToDate(TODAY, dueIn) },
          ...{ ownerAgencyId: goalAgency.id, ownerPerson: 'Chief Silva' },
        });

      // This week's meeting, made before last week's closes (so no draft is made for us).
      itemTitles = ['Follow-up of open commitments', goal.title, 'Vehicle thefts: problem solving'];
      meetingId = await meetingWithAgenda(writer, 'Security stocktake', TODAY, [
        { title: itemTitles[0], kind: AgendaItemKind.followUp, timeboxMinutes: 10 },
        {
          title: itemTitles[1],
          presenterAgency: goalAgency.id,
          indicatorIds: goal.indicators.slice(0, 2).map((indicator) => indicator.id),
          timeboxMinutes: 15,
        },
        // Written by name, as before the agency list existed: the capture form still finds the agency.
        {
          title: itemTitles[2],
          kind: AgendaItemKind.problemSolving,
          presenterAgency: otherAgency.name,
          timeboxMinutes: 10,
        },
      ]);
      await call('POST', `/meetings/${earlier}/close`, {});
    } finally {
      writer.close();
    }

    browser = await launchBrowser();
    ana = await openPerson(browser, server.url, 'Ana Lima', 'analyst', VIEWPORTS.laptop);
    vera = await openPerson(browser, server.url, 'Vera Souza', 'viewer', VIEWPORTS.desktop);
    // The viewer's laptop clock runs two minutes slow: her timer must still count from the server's.
    await vera.context.addInitScript(() => {
      const deviceNow = Date.now.bind(Date);
      Date.now = () => deviceNow() - 120_000;
    });
    for (const person of [ana, vera])
      person.page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the analyst opens the meeting from the list; before the start both see the open commitments', async () => {
    await ana.page.goto('/meetings');
    await ana.page.getByRole('link', { name: 'Open meeting “Security stocktake”', exact: true }).waitFor();
    await screenshot(ana.page, 'run-meeting-list-1366');
    await ana.page.getByRole('link', { name: 'Open meeting “Security stocktake”', exact: true }).click();
    await ana.page.waitForURL((url) => url.pathname === `/meetings/${meetingId}`);
    await vera.page.goto(`/meetings/${meetingId}`);

    for (const { page } of [ana, vera]) {
      await expect.poll(() => phase(page), POLL).toBe('Not started');
      await expect
        .poll(() => page.getByTestId('rail-item-title').allTextContents(), POLL)
        .toEqual(itemTitles);
      await expect.poll(() => page.getByTestId('follow-up-row').count(), POLL).toBe(2);
    }
    // Overdue first, flagged; each names its owner agency and person.
    const rows = ana.page.getByTestId('follow-up-row');
    expect(await rows.first().getAttribute('data-commitment-id')).toBe(old.overdue.id);
    expect(await followUpRow(ana.page, old.overdue.id).textContent()).toContain('Overdue');
    expect(await followUpRow(ana.page, old.onTime.id).textContent()).not.toContain('Overdue');
    expect(await followUpRow(vera.page, old.onTime.id).textContent()).toContain(
      `${goalAgency.name} · Chief Silva`,
    );

    // The viewer reads; only the analyst may start it.
    expect(await vera.page.getByRole('button', { name: 'Start meeting' }).count()).toBe(0);
    await vera.page.getByText('Read-only: analysts run the meeting').waitFor();
    await screenshot(ana.page, 'run-meeting-draft-1366');
  });

  test('the analyst starts the meeting and goes to the next item; the viewer follows', async () => {
    await ana.page.getByRole('button', { name: 'Start meeting' }).click();
    for (const { page } of [ana, vera]) {
      await expect.poll(() => phase(page), POLL).toBe('In progress');
      await expect.poll(() => currentTitle(page), POLL).toBe(itemTitles[0]);
    }
    expect(await vera.page.getByRole('button', { name: 'Next item' }).count()).toBe(0);
    // Previous is impossible on the first item.
    expect(await ana.page.getByRole('button', { name: 'Previous item' }).isDisabled()).toBe(true);

    await ana.page.getByRole('button', { name: 'Next item' }).click();
    for (const { page } of [ana, vera]) {
      await expect.poll(() => currentTitle(page), POLL).toBe(itemTitles[1]);
      await expect
        .poll(
          () => page.locator('.rail__item.is-current [data-testid="rail-item-title"]').textContent(),
          POLL,
        )
        .toBe(itemTitles[1]);
    }
    // With a slow clock and no correction her timer would sit at 0:00 spent for two minutes.
    await expect
      .poll(() => vera.page.getByTestId('item-timer').textContent(), POLL)
      .toMatch(/(?<![\d:])(?!0:00 )\d+:\d\d spent of 15:00/);
    // Offline, a command is not sent (socket.io would deliver it on reconnect) and the page says so.
    await ana.context.setOffline(true);
    await expect
      .poll(() => ana.page.getByTestId('connection-status').first().textContent(), POLL)
      .toBe('Offline');
    await ana.page.getByRole('button', { name: 'Next item' }).click();
    await expect
      .poll(() => ana.page.getByTestId('command-error').textContent(), POLL)
      .toContain('You are offline: nothing was sent');
    await ana.context.setOffline(false);
    await expect
      .poll(() => ana.page.getByTestId('connection-status').first().textContent(), POLL)
      .toBe('Live');
    expect(await currentTitle(vera.page)).toBe(itemTitles[1]);

    // The item's indicators, with a chart of the first.
    await expect.poll(() => ana.page.getByTestId('item-indicator').count(), POLL).toBe(2);
    await ana.page.locator('.indicator-chart').first().waitFor();
    // The chart shows the values pinned when the meeting started.
    await expect
      .poll(() => vera.page.getByTestId('pinned-note').textContent(), POLL)
      .toContain('Values as they were when the meeting started');

    // The timer ticks here; +5 min and pause reach the viewer through the live state.
    await ana.page.getByRole('button', { name: 'Give this item 5 more minutes' }).click();
    await expect
      .poll(() => vera.page.getByTestId('item-timer').textContent(), POLL)
      .toContain('+5 min added');
    await ana.page.getByRole('button', { name: 'Pause timer' }).click();
    await expect.poll(() => vera.page.getByTestId('item-timer').textContent(), POLL).toContain('Paused');
    await ana.page.getByRole('button', { name: 'Resume timer' }).click();
    await expect.poll(() => vera.page.getByTestId('item-timer').textContent(), POLL).not.toContain('Paused');
  });

  test('three commitments are captured from the keyboard, prefilled from the item', async () => {
    const form = ana.page.getByTestId('capture-form');
    // Goal and owner agency come from the item's first indicator.
    expect(await form.getByLabel('Goal').inputValue()).toBe(goal.id);
    expect(await form.getByLabel('Owner agency').inputValue()).toBe(goalAgency.id);
    expect(await form.getByLabel('Due date').inputValue()).toBe(addDaysToDate(TODAY, 7));

    const text = form.getByLabel('What was committed');
    // Enter with nothing typed says what is missing and sends nothing.
    await text.click();
    await ana.page.keyboard.press('Enter');
    await form.getByText('Type what was committed.').waitFor();

    // A refusal from the server is shown, and what was typed stays.
    await form.getByLabel('Due date').fill('1999-12-31');
    await text.click();
    await ana.page.keyboard.type('Publish the vehicle theft dashboard');
    await ana.page.keyboard.press('Enter');
    await expect.poll(() => form.getByTestId('capture-error').textContent(), POLL).toContain('dueDate');
    expect(await text.inputValue()).toBe('Publish the vehicle theft dashboard');
    await form.getByLabel('Due date').fill(addDaysToDate(TODAY, 7));

    const typed = [
      'Publish the vehicle theft dashboard',
      'Second shift of patrols in the north districts',
      'Report the response time for burglaries',
    ];
    await text.click();
    await text.press('Enter');
    for (const [index, entry] of typed.entries()) {
      if (index > 0) {
        // Focus stays in the text field: the next one is typed straight away.
        await ana.page.keyboard.type(entry);
        await ana.page.keyboard.press('Enter');
      }
      await expect.poll(() => madeTexts(ana.page), POLL).toHaveLength(index + 1);
      await expect.poll(() => text.inputValue(), POLL).toBe('');
      expect(await text.evaluate((node) => node === document.activeElement)).toBe(true);
    }
    // Newest last, for the viewer too.
    await expect.poll(() => madeTexts(vera.page), POLL).toEqual(typed);

    const made = (await ledger()).commitments.filter((each) => each.madeInMeetingId === meetingId);
    expect(made.map((each) => each.text).sort()).toEqual([...typed].sort());
    const itemId = await currentItemId();
    for (const commitment of made) {
      expect(commitment).toMatchObject({
        goalId: goal.id,
        ownerAgencyId: goalAgency.id,
        dueDate: addDaysToDate(TODAY, 7),
        indicatorId: goal.indicators[0]!.id,
        madeInItemId: itemId,
        status: 'open',
      });
    }
  });

  test('the two old commitments are reviewed; the viewer sees the reviews at once', async () => {
    await followUpRow(ana.page, old.onTime.id).getByRole('button', { name: 'Done', exact: true }).click();
    await expect.poll(() => reviewOf(vera.page, old.onTime.id), POLL).toBe('done');

    const row = followUpRow(ana.page, old.overdue.id);
    const newDate = addDaysToDate(TODAY, 14);
    await row.getByRole('button', { name: 'Keep open…' }).click();
    await row.getByLabel('New due date').fill(newDate);
    await row.getByRole('button', { name: 'Keep open', exact: true }).click();
    await expect.poll(() => reviewOf(vera.page, old.overdue.id), POLL).toBe('kept_open');
    const seen = followUpRow(vera.page, old.overdue.id);
    expect(await seen.getByTestId('review-outcome').textContent()).toContain(
      `Kept open, new date ${dueLabel(newDate)}`,
    );
    // The meeting still shows it as it was when it started: overdue, with its old date.
    expect(await seen.textContent()).toContain('Overdue');
    expect(await seen.textContent()).toContain(`due ${dueLabel(addDaysToDate(TODAY, old.overdue.dueIn))}`);
    expect(await vera.page.getByTestId('follow-up').textContent()).toContain('2 of 2 reviewed');

    const stored = await ledger();
    expect(stored.commitments.find((each) => each.id === old.onTime.id)?.status).toBe('done');
    expect(stored.commitments.find((each) => each.id === old.overdue.id)?.dueDate).toBe(newDate);
    // The viewer has no review buttons.
    expect(await vera.page.getByRole('button', { name: 'Change review' }).count()).toBe(0);

    await screenshot(ana.page, 'run-meeting-live-1366');
    await screenshot(vera.page, 'run-meeting-live-viewer-1920');
    await ana.page.setViewportSize(VIEWPORTS.desktop);
    await screenshot(ana.page, 'run-meeting-live-1920');
    await ana.page.setViewportSize(VIEWPORTS.laptop);
  });

  test('on an item presented by name, the capture form finds the agency and asks for the goal', async () => {
    await ana.page.getByRole('button', { name: `Go to “${itemTitles[2]}”` }).click();
    await expect.poll(() => currentTitle(vera.page), POLL).toBe(itemTitles[2]);
    const form = ana.page.getByTestId('capture-form');
    await expect.poll(() => form.getByLabel('Owner agency').inputValue(), POLL).toBe(otherAgency.id);
    expect(await form.getByLabel('Goal').inputValue()).toBe('');
    await form.getByLabel('What was committed').fill('Map the stolen-vehicle chop shops');
    await form.getByLabel('What was committed').press('Enter');
    await form.getByText('Choose the goal it serves.').waitFor();
  });

  test('the analyst closes the meeting after a confirm step; the controls are gone for both', async () => {
    await ana.page.getByRole('button', { name: 'Close meeting' }).click();
    await ana.page.getByRole('button', { name: 'Close now' }).click();
    for (const { page } of [ana, vera]) {
      await expect.poll(() => phase(page), POLL).toBe('Closed');
      await expect
        .poll(() => page.getByTestId('closed-at').textContent(), POLL)
        .toMatch(/^Closed at \d\d:\d\d$/);
      expect(await page.getByRole('link', { name: 'Open the memo' }).getAttribute('href')).toBe(
        `/meetings/${meetingId}/memo`,
      );
      for (const name of [
        'Next item',
        'Previous item',
        'Pause timer',
        'Resume timer',
        'Close meeting',
        'Done',
      ])
        expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
      expect(await page.getByTestId('capture-form').count()).toBe(0);
      expect(await page.getByTestId('made-row').count()).toBe(3);
    }
    await screenshot(ana.page, 'run-meeting-closed-1366');
    await screenshot(vera.page, 'run-meeting-closed-1920');
    expect(pageErrors).toEqual([]);
  });

  test('the memo shows the meeting; the next meeting, created by the close, follows up what is open', async () => {
    const captured = (await madeTexts(ana.page)).map((text) => text.trim());
    await ana.page.getByRole('link', { name: 'Open the memo' }).click();
    await ana.page.waitForURL(`**/meetings/${meetingId}/memo`);
    // The memo's own sheet: the room page stays on screen (its follow-up lists the same
    // commitment) until the memo's route has loaded, so `main` alone could be either page.
    const memo = ana.page.locator('main .memo__sheet');
    await expect.poll(() => memo.textContent(), POLL).toContain(old.overdue.text);
    const memoText = (await memo.textContent()) ?? '';
    for (const text of captured) expect(memoText).toContain(text);
    expect(memoText).toContain(old.onTime.text);

    const { meetings } = (await call('GET', '/meetings')) as {
      meetings: Array<{ id: string; objectiveId: string; phase: string }>;
    };
    const next = meetings.find((each) => each.objectiveId === OBJECTIVE && each.phase === 'draft');
    if (!next) throw new Error('closing created no next meeting');
    await ana.page.goto(`${server.url}/meetings/${next.id}`);
    await expect.poll(() => ana.page.getByTestId('follow-up-row').count(), POLL).toBe(4);
    // Done in this meeting: gone. Kept open: carried once. Made in it: carried none yet.
    expect(await followUpRow(ana.page, old.onTime.id).count()).toBe(0);
    expect(await followUpRow(ana.page, old.overdue.id).getByTestId('carried').textContent()).toMatch(/1×/);
    expect(await ana.page.getByTestId('carried').count()).toBe(1);
    await screenshot(ana.page, 'run-meeting-next-1366');
    expect(pageErrors).toEqual([]);
  });

  test('a new device lists the follow-up from the server before the ledger has arrived', async () => {
    const { meetings } = (await call('GET', '/meetings')) as {
      meetings: Array<{ id: string; objectiveId: string; phase: string }>;
    };
    const next = meetings.find((each) => each.objectiveId === OBJECTIVE && each.phase === 'draft');
    if (!next) throw new Error('no next meeting');
    // The server holds back every join of a ledger until released: only its answer can list them.
    const ledgerJoins = holdLedgerJoins(server.app.hub);
    const fresh = await openPerson(browser, server.url, 'Ines Prado', 'viewer', VIEWPORTS.laptop);
    try {
      await fresh.page.goto(`/meetings/${next.id}`);
      await expect.poll(() => fresh.page.getByTestId('follow-up-row').count(), POLL).toBe(4);
      expect(await followUpRow(fresh.page, old.overdue.id).getByTestId('carried').textContent()).toMatch(
        /1×/,
      );
      await screenshot(fresh.page, 'run-meeting-follow-up-from-server-1366');
      ledgerJoins.release();
      // The live ledger takes over: a commitment made now (between meetings) joins the list live.
      const madeNow = { id: randomUUID(), text: 'Brief the new district commanders' };
      await call('POST', `/objectives/${OBJECTIVE}/commitments`, {
        ...{ ...madeNow, goalId: goal.id, dueDate: addDaysToDate(TODAY, 10) },
        ...{ ownerAgencyId: goalAgency.id, ownerPerson: 'Chief Silva' },
      });
      await expect.poll(() => followUpRow(fresh.page, madeNow.id).count(), POLL).toBe(1);
      expect(await fresh.page.getByTestId('follow-up-row').count()).toBe(5);
    } finally {
      ledgerJoins.restore();
      await fresh.context.close();
    }
  });

  async function currentItemId(): Promise<string> {
    const { state } = (await call('GET', `/meetings/${meetingId}/live`)) as {
      state: { currentItemId: string };
    };
    return state.currentItemId;
  }

  test('before its own documents sync, the page shows the phase from the server, no controls, and the follow-up', async () => {
    const writer = await SocketIoDocClient.connect(server.url, { token });
    const meetingId = await meetingWithAgenda(writer, 'Security catch-up', addDaysToDate(TODAY, 2), [
      { title: 'Follow-up of open commitments', kind: AgendaItemKind.followUp, timeboxMinutes: 10 },
    ]).finally(() => writer.close());
    await call('POST', `/meetings/${meetingId}/start`, {});
    const { followUp } = (await call('GET', `/meetings/${meetingId}/follow-up`)) as { followUp: unknown[] };
    expect(followUp.length).toBeGreaterThan(0);
    // The agenda and the live state are held back: the follow-up can only come from the server's answer.
    const meetingJoins = holdJoins(server.app.hub, (docName) =>
      [meetingDocName(meetingId), meetingLiveDocName(meetingId)].includes(docName),
    );
    const fresh = await openPerson(browser, server.url, 'Otto Reis', 'analyst', VIEWPORTS.laptop);
    try {
      await fresh.page.goto(`/meetings/${meetingId}`);
      await expect.poll(() => fresh.page.getByTestId('follow-up-row').count(), POLL).toBe(followUp.length);
      // The meeting's phase from the API, not the empty live state's "Not started" and its Start button.
      expect(await phase(fresh.page)).toBe('In progress');
      expect(await fresh.page.locator('.room__header').getByRole('button').count()).toBe(0);
      expect(await fresh.page.getByRole('heading', { name: /^Agenda/ }).count()).toBe(0);
      meetingJoins.release();
      await fresh.page.getByRole('button', { name: 'Next item' }).waitFor();
      await fresh.page.getByRole('heading', { name: /^Agenda/ }).waitFor();
      expect(await phase(fresh.page)).toBe('In progress');
      expect(await fresh.page.getByTestId('follow-up-row').count()).toBe(followUp.length);
    } finally {
      meetingJoins.restore();
      await fresh.context.close();
    }
  });
});
