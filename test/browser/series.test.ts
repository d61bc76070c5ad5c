/**
 * The meeting series page in the browser, against a real server serving the built client: an
 * analyst sets the cadence and creates the next meeting; a viewer reads it without edit controls.
 * Run `npx vite build` first.
 */
import { format, parseISO } from 'date-fns';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { meetingDocName } from '../../shared/docNames.ts';
import { addAgendaItem } from '../../shared/meetingDoc.ts';
import { addDaysToDate, todayDate } from '../../shared/periods.ts';
import { Cadence, nextMeetingDate, type SeriesOverview } from '../../shared/series.ts';
import {
  BUILT_CLIENT,
  launchBrowser,
  openPerson,
  type Person,
  screenshot,
  VIEWPORTS,
} from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/** Absolute: express's `sendFile` (the SPA fallback) refuses relative paths. */
const SERIES_URL = '/objectives/obj-sec/series';

describe('meeting series in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Person;
  let vera: Person;
  const pageErrors: string[] = [];

  /** Setup through the real API: agencies, the objective, and a meeting held last week. */
  async function buildWorld(token: string): Promise<void> {
    const call = async (method: string, path: string, body: unknown) => {
      const response = await fetch(`${server.url}/api${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, { id: string }>>;
    };
    const agencies: Array<[string, string, string]> = [
      ['ag-pol', 'PCP', 'Civil Police'],
      ['ag-mil', 'PMP', 'Military Police'],
      ['ag-sds', 'SDS', 'Secretariat of Social Defence'],
      ['ag-jus', 'SJDH', 'Secretariat of Justice and Human Rights'],
    ];
    for (const [id, code, name] of agencies) await call('POST', '/agencies', { id, code, name });
    await call('POST', '/objectives', { id: 'obj-sec', name: 'Citizen security' });
    const held = await call('POST', '/meetings', {
      title: 'Citizen security — last week',
      scheduledFor: addDaysToDate(todayDate(), -7),
      objectiveId: 'obj-sec',
    });
    const meetingId = held.meeting?.id ?? '';
    await server.app.hub.change(meetingDocName(meetingId), (doc) =>
      addAgendaItem(doc, { title: 'Follow-up' }),
    );
    await call('POST', `/meetings/${meetingId}/start`, {});
    await call('POST', `/meetings/${meetingId}/close`, {});
  }

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    await buildWorld((await server.signIn('Setup', 'analyst')).token);
    browser = await launchBrowser();
    ana = await openPerson(browser, server.url, 'Ana Lima', 'analyst', VIEWPORTS.laptop);
    vera = await openPerson(browser, server.url, 'Vera Viewer', 'viewer', VIEWPORTS.desktop);
    for (const person of [ana, vera]) {
      person.page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('an analyst sets every 2 weeks on Thursday and creates the next meeting', async () => {
    const { page } = ana;
    // From the objective page, through its link.
    await page.goto('/objectives/obj-sec');
    await page.getByRole('link', { name: 'Meeting series' }).waitFor();
    await screenshot(page, 'series-objective-link-1366');
    await page.getByRole('link', { name: 'Meeting series' }).click();
    await page.waitForURL(`**${SERIES_URL}`);
    await page.getByRole('heading', { name: 'Citizen security: meeting series' }).waitFor();
    expect(await page.getByTestId('series-cadence').textContent()).toBe('Every Tuesday at 09:00, 2 h');
    await page.getByText('Not reviewed yet').waitFor({ state: 'detached' });
    expect(await page.getByTestId('series-past-table').textContent()).toContain('Closed');

    await page.getByLabel('Repeats').selectOption(Cadence.everyNWeeks);
    await page.getByLabel('Weeks apart').fill('2');
    await page.getByLabel('Day').selectOption({ label: 'Thursday' });
    await page.getByLabel('Start time').fill('14:30');
    await page.getByLabel('Duration (minutes)').fill('90');
    await page.getByLabel('PCP').check();
    await page.getByLabel('SDS').check();
    await page.getByRole('button', { name: 'Save cadence' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await expect
      .poll(() => page.getByTestId('series-cadence').textContent())
      .toBe('Every 2 weeks on Thursday at 14:30, 1 h 30 min');

    // An impossible duration is refused on the field, before anything is sent.
    await page.getByLabel('Duration (minutes)').fill('5');
    await page.getByRole('button', { name: 'Save cadence' }).click();
    await page.getByText('Too small').waitFor();
    await page.getByLabel('Duration (minutes)').fill('90');

    // Closing last week's meeting drafted the next one (on the cadence of the time): a second
    // draft is refused with the server's message, then created when the analyst insists.
    const { nextMeeting: draft } = (await (
      await page.request.get(`/api${SERIES_URL}`)
    ).json()) as SeriesOverview;
    expect(draft?.phase).toBe('draft');
    expect(await page.getByTestId('series-next').textContent()).toContain(
      format(parseISO(draft?.scheduledFor ?? ''), 'EEE d MMM yyyy'),
    );
    await page.getByRole('button', { name: 'Create next meeting' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `already has a draft meeting: “${draft?.title}”` })
      .waitFor();
    await page.getByRole('button', { name: 'Create another draft anyway' }).click();

    const yesterday = addDaysToDate(todayDate(), -1);
    // The later of yesterday and the series' latest meeting (dates sort as text).
    const after = [draft?.scheduledFor ?? '', yesterday].sort()[1] ?? yesterday;
    const expected = nextMeetingDate({ cadence: Cadence.everyNWeeks, intervalWeeks: 2, weekday: 4 }, after);
    const label = format(parseISO(expected), 'EEE d MMM yyyy');
    expect(label).toMatch(/^Thu /);
    await page
      .getByRole('status')
      .filter({ hasText: `Created the meeting of ${label}` })
      .waitFor();
    const upcoming = page.getByTestId('series-upcoming-table');
    await expect.poll(() => upcoming.textContent()).toContain(`Citizen security — ${label}`);
    expect(await upcoming.getByTestId('series-meeting').count()).toBe(2);
    expect(await upcoming.textContent()).toContain('Draft');

    await screenshot(page, 'series-analyst-1366');
    await page.setViewportSize(VIEWPORTS.desktop);
    await screenshot(page, 'series-analyst-1920');
    await page.setViewportSize(VIEWPORTS.laptop);
  });

  test('a viewer reads the series without edit controls', async () => {
    const { page } = vera;
    await page.goto(SERIES_URL);
    await page.getByRole('heading', { name: 'Citizen security: meeting series' }).waitFor();
    expect(await page.getByTestId('series-cadence').textContent()).toBe(
      'Every 2 weeks on Thursday at 14:30, 1 h 30 min',
    );
    await page.getByText('Analysts set the cadence and create meetings.').waitFor();
    expect(await page.getByRole('button').count()).toBe(1); // the top bar's sign-out
    expect(await page.getByRole('main').getByRole('combobox').count()).toBe(0);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    const details = await page.locator('.series-details').textContent();
    expect(details).toContain('Every 2 weeks');
    expect(details).toContain('PCP · Civil Police');
    expect(details).toContain('SDS · Secretariat of Social Defence');

    await screenshot(page, 'series-viewer-1920');
    await page.setViewportSize(VIEWPORTS.laptop);
    await screenshot(page, 'series-viewer-1366');
    expect(pageErrors).toEqual([]);
  });
});
