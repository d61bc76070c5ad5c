/**
 * The prep page tied to the performance data, in two browser contexts against a real server with
 * the demo government and its demo meetings: presenters chosen from the agencies, indicators picked
 * from the objective and seen (with their status) by the other analyst, the "add an item for this
 * goal" shortcut, the readiness hint, and a meeting without an objective. Run `npx vite build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/database.ts';
import { generateDemoData } from '../../server/demo/generate.ts';
import { nextWeekday } from '../../server/demo/meetings.ts';
import { insertDemoData } from '../../server/demo/seed.ts';
import { seedDemoMeetings } from '../../server/demo/seedMeetings.ts';
import { createKyselyDocStore } from '../../server/docs/kyselyDocStore.ts';
import { meetingDocName } from '../../shared/docNames.ts';
import { type AgendaItem, addAgendaItem, readAgenda } from '../../shared/meetingDoc.ts';
import type { GoalSummary, IndicatorSummary, ObjectiveDetail } from '../../shared/performance.ts';
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
import { SocketIoDocClient, waitFor } from '../helpers/yjsClients.ts';

const POLL = { timeout: 20_000, interval: 100 };
/** The server computes statuses as of its today; the demo must be generated for the same day. */
const TODAY = todayDate();
const MEETING_ID = `demo-obj-01-${nextWeekday(TODAY)}`;
const PREP_URL = `/meetings/${MEETING_ID}/prep`;

const rowTitles = (page: Page) => page.getByTestId('agenda-row-title').allTextContents();
const row = (page: Page, title: string) => page.getByTestId('agenda-row').filter({ hasText: title });
const selectRow = (page: Page, title: string) =>
  page.getByTestId('agenda-row-select').filter({ hasText: title }).first().click();
const selectedIndicatorIds = (page: Page) =>
  page
    .getByTestId('item-indicator')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-indicator-id')));

describe('meeting preparation with the performance data', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Person;
  let bruno: Person;
  let detail: ObjectiveDetail;
  let reader: SocketIoDocClient;
  const pageErrors: string[] = [];
  const indicatorsById = new Map<string, { indicator: IndicatorSummary; goal: GoalSummary }>();

  /** The agenda as the server holds it, read by a separate real client. */
  let agendaDoc: () => AgendaItem[];

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    const db = openDatabase(server.database.config);
    await insertDemoData(db, generateDemoData({ asOf: TODAY, seed: 1, objectives: 2 }));
    await seedDemoMeetings(db, createKyselyDocStore(db), { asOf: TODAY, seed: 1 });
    await db.close();

    const { token } = await server.signIn('Reader Bot', 'viewer');
    const response = await fetch(`${server.url}/api/objectives/obj-01`, {
      headers: { authorization: `Bearer ${token}` },
    });
    detail = (await response.json()) as ObjectiveDetail;
    for (const { goals } of detail.agencies)
      for (const goal of goals)
        for (const indicator of goal.indicators) indicatorsById.set(indicator.id, { indicator, goal });
    reader = await SocketIoDocClient.connect(server.url, { token });
    const joined = await reader.joinSynced(meetingDocName(MEETING_ID));
    agendaDoc = () => readAgenda(joined.doc);

    browser = await launchBrowser();
    ana = await openPerson(browser, server.url, 'Ana Lima', 'analyst', VIEWPORTS.laptop);
    bruno = await openPerson(browser, server.url, 'Bruno Costa', 'analyst', VIEWPORTS.desktop);
    for (const person of [ana, bruno])
      person.page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
  });

  afterAll(async () => {
    reader?.close();
    await browser?.close();
    await server?.close();
  });

  test('the home page lists the coming demo meetings and the objectives needing attention, worst first', async () => {
    await ana.page.goto('/');
    const upcoming = ana.page.getByRole('region', { name: /Upcoming meetings/ });
    await expect
      .poll(() => upcoming.getByRole('link', { name: /weekly monitoring meeting/ }).count(), POLL)
      .toBeGreaterThan(0);
    const { token } = await server.signIn('Reader Bot', 'viewer');
    const { objectives } = (await (
      await fetch(`${server.url}/api/objectives`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { objectives: Array<{ id: string; name: string; statusCounts: { off_track: number } }> };
    const worst = [...objectives].sort((a, b) => b.statusCounts.off_track - a.statusCounts.off_track)[0]!;
    const attention = ana.page.getByRole('region', { name: 'Objectives needing attention' });
    const names = await attention.locator('.attention-list__name').allTextContents();
    expect(names[0]).toBe(worst.name);
    expect(names).toHaveLength(objectives.length);
    await screenshot(ana.page, 'home-demo-1366');
  });

  test('a demo meeting opens with its agenda, presenters by name and a readiness hint from the data', async () => {
    await ana.page.goto('/meetings');
    await ana.page.getByRole('link', { name: 'Citizen security: weekly monitoring meeting' }).first().click();
    await ana.page.waitForURL((url) => url.pathname === PREP_URL);
    await bruno.page.goto(PREP_URL);

    const agenda = agendaDoc();
    await expect.poll(() => rowTitles(bruno.page), POLL).toEqual(agenda.map((item) => item.title));
    // The presenter is stored as the agency id and shown by name.
    const review = agenda[1]!;
    const agency = detail.agencies.find(({ agency }) => agency.id === review.presenterAgency)!.agency;
    expect(await row(bruno.page, review.title).textContent()).toContain(agency.name);
    expect(await row(bruno.page, review.title).textContent()).toContain(
      `${review.indicatorIds.length} indicator`,
    );

    // The hint counts the agenda's indicators with no value for the period due, each once.
    const unique = new Set(agenda.flatMap((item) => item.indicatorIds));
    const late = [...unique].filter((id) => indicatorsById.get(id)?.indicator.stale).length;
    const hint = ana.page.getByTestId('readiness-hint');
    await expect
      .poll(() => hint.textContent(), POLL)
      .toContain(
        late === 0
          ? `All ${unique.size} indicators on the agenda have data`
          : `${late} of ${unique.size} indicators on the agenda have no data for the period due`,
      );
    expect(await hint.getByRole('link', { name: 'Data readiness' }).getAttribute('href')).toBe(
      '/objectives/obj-01/readiness',
    );

    // The selected item shows its indicators with the status computed from the data.
    await selectRow(bruno.page, review.title);
    await expect.poll(() => selectedIndicatorIds(bruno.page), POLL).toEqual(review.indicatorIds);
    for (const id of review.indicatorIds) {
      const entry = bruno.page.locator(`[data-testid="item-indicator"][data-indicator-id="${id}"]`);
      expect(await entry.locator('.status-badge').getAttribute('data-status')).toBe(
        indicatorsById.get(id)!.indicator.computed.status,
      );
      expect(await entry.getByRole('link').getAttribute('href')).toBe(`/indicators/${id}`);
    }
    await screenshot(ana.page, 'meeting-indicators-demo-1366');
    await bruno.page.getByRole('button', { name: 'Choose indicators' }).click();
    await bruno.page.getByTestId('indicator-picker').waitFor();
    await screenshot(bruno.page, 'meeting-indicators-picker-1920');
    await bruno.page.getByRole('button', { name: 'Done choosing' }).click();
  });

  test('an analyst picks a presenter and indicators; the other analyst sees them with their status', async () => {
    const input = ana.page.getByLabel('New agenda item');
    await input.fill('Vehicle thefts: problem solving');
    await input.press('Enter');
    await row(ana.page, 'Vehicle thefts: problem solving').waitFor();

    // The objective's agencies come first in the list; the choice is stored as the agency id.
    await ana.page.getByLabel('Presenter agency').selectOption({ label: 'PCP — Civil Police' });
    await expect
      .poll(() => row(bruno.page, 'Vehicle thefts: problem solving').textContent(), POLL)
      .toContain('Civil Police');
    await waitFor(
      () => agendaDoc().some((item) => item.presenterAgency === 'ag-pcp' && item.title.startsWith('Vehicle')),
      'presenter id in the document',
    );

    // Pick two vehicle-theft indicators from the catalogue.
    const wanted = [...indicatorsById.values()]
      .filter(({ indicator }) => indicator.name.startsWith('Vehicle thefts'))
      .slice(0, 2)
      .map(({ indicator }) => indicator);
    expect(wanted).toHaveLength(2);
    await ana.page.getByRole('button', { name: 'Choose indicators' }).click();
    const picker = ana.page.getByTestId('indicator-picker');
    await picker.getByLabel('Filter goals and indicators').fill('Vehicle thefts');
    for (const indicator of wanted)
      await picker.getByRole('checkbox', { name: indicator.name, exact: true }).first().check();
    await expect.poll(() => picker.getByText('2 of 20 selected').count(), POLL).toBe(1);
    await screenshot(ana.page, 'meeting-indicators-picker-1366');

    await selectRow(bruno.page, 'Vehicle thefts: problem solving');
    await expect.poll(() => selectedIndicatorIds(bruno.page), POLL).toEqual(wanted.map((i) => i.id));
    for (const indicator of wanted) {
      const entry = bruno.page.locator(`[data-testid="item-indicator"][data-indicator-id="${indicator.id}"]`);
      expect(await entry.getByRole('link').textContent()).toBe(indicator.name);
      expect(await entry.locator('.status-badge').getAttribute('data-status')).toBe(
        indicator.computed.status,
      );
    }
    await expect
      .poll(() => row(bruno.page, 'Vehicle thefts: problem solving').textContent(), POLL)
      .toContain('2 indicators');
    await screenshot(bruno.page, 'meeting-indicators-item-1920');

    // Bruno removes one; Ana sees only the other, and so does the server's document.
    await bruno.page.getByRole('button', { name: `Remove “${wanted[0]!.name}” from this item` }).click();
    await expect.poll(() => selectedIndicatorIds(ana.page), POLL).toEqual([wanted[1]!.id]);
    await waitFor(
      () =>
        agendaDoc()
          .find((item) => item.title.startsWith('Vehicle thefts'))
          ?.indicatorIds.join() === wanted[1]!.id,
      'one indicator left in the document',
    );
  });

  test('"Add an item for this goal" creates a goal review with its agency and indicators', async () => {
    const onAgenda = new Set(
      agendaDoc().flatMap((item) => item.indicatorIds.map((id) => indicatorsById.get(id)?.goal.id)),
    );
    const { agency, goals } = detail.agencies.find(({ goals }) => goals.some((g) => !onAgenda.has(g.id)))!;
    const goal = goals.find((g) => !onAgenda.has(g.id))!;
    const picker = ana.page.getByTestId('indicator-picker');
    await picker.getByLabel('Filter goals and indicators').fill(goal.title);
    await picker.getByRole('button', { name: `Add an item for the goal “${goal.title}”` }).click();

    await expect.poll(() => rowTitles(bruno.page), POLL).toContain(goal.title);
    expect(await row(bruno.page, goal.title).textContent()).toContain(agency.name);
    await waitFor(() => agendaDoc().some((item) => item.title === goal.title), 'the new item on the server');
    const item = agendaDoc().find((each) => each.title === goal.title)!;
    expect(item.kind).toBe('goal_review');
    expect(item.presenterAgency).toBe(agency.id);
    expect(item.indicatorIds).toEqual(goal.indicators.map((indicator) => indicator.id));
    // The new item is selected for Ana, and its goal is now marked as on the agenda.
    await expect.poll(() => selectedIndicatorIds(ana.page), POLL).toEqual(item.indicatorIds);
    // The picker stays open after a quick-add, its filter kept (issue 16, item 11).
    expect(await ana.page.getByRole('button', { name: 'Done choosing' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    expect(
      await ana.page.getByTestId('indicator-picker').getByLabel('Filter goals and indicators').inputValue(),
    ).toBe(goal.title);
    await expect
      .poll(() => ana.page.getByTestId('indicator-picker').getByText('On the agenda').count(), POLL)
      .toBeGreaterThan(0);
  });

  test('a meeting without an objective explains why no indicators are offered; the rest works', async () => {
    const response = await ana.page.request.post('/api/meetings', {
      data: { title: 'Governor’s cabinet', scheduledFor: TODAY },
    });
    const { meeting } = (await response.json()) as { meeting: { id: string } };
    await ana.page.goto(`/meetings/${meeting.id}/prep`);
    const input = ana.page.getByLabel('New agenda item');
    await input.fill('Budget decisions');
    await input.press('Enter');
    await row(ana.page, 'Budget decisions').waitFor();
    await ana.page.getByText('This meeting is not linked to an objective').waitFor();
    expect(await ana.page.getByRole('button', { name: 'Choose indicators' }).count()).toBe(0);
    expect(await ana.page.getByTestId('readiness-hint').count()).toBe(0);
    // Every agency is still offered as presenter, without the objective's group.
    await ana.page
      .getByLabel('Presenter agency')
      .selectOption({ label: 'SDS — Secretariat of Social Defense' });
    await expect
      .poll(() => row(ana.page, 'Budget decisions').textContent(), POLL)
      .toContain('Secretariat of Social Defense');

    // Items written before the agency list held free text: a known agency's name reads as that
    // agency; anything else stays readable as "Other: …" and is kept until someone picks an agency.
    const { token } = await server.signIn('Legacy Script', 'analyst');
    const writer = await SocketIoDocClient.connect(server.url, { token });
    try {
      const joined = await writer.joinSynced(meetingDocName(meeting.id));
      addAgendaItem(joined.doc, { title: 'Written by name', presenterAgency: 'Civil Police' });
      addAgendaItem(joined.doc, { title: 'Written as free text', presenterAgency: 'Governor’s office' });
      await row(ana.page, 'Written as free text').waitFor();
      expect(await row(ana.page, 'Written as free text').textContent()).toContain('Governor’s office');
      await selectRow(ana.page, 'Written by name');
      const presenter = ana.page.getByLabel('Presenter agency');
      await expect.poll(() => presenter.inputValue(), POLL).toBe('ag-pcp');
      await selectRow(ana.page, 'Written as free text');
      await expect
        .poll(() => presenter.locator('option:checked').textContent(), POLL)
        .toBe('Other: Governor’s office');
      const stored = readAgenda(joined.doc).find((item) => item.title === 'Written as free text');
      expect(stored?.presenterAgency).toBe('Governor’s office');
    } finally {
      writer.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
