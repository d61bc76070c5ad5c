/**
 * A meeting document holding malformed values (written server-side through `hub.change`, past any
 * check on client updates) still renders the prep page with its valid items: stored ones, loaded
 * and upgraded by the server, and ones arriving while the page is open. Run `npx vite build` first.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DocKind } from '../../shared/docNames.ts';
import { getRoot } from '../../shared/docShapes.ts';
import {
  addAgendaItem,
  getAgendaItem,
  MEETING_SCHEMA_VERSION,
  readAgenda,
  schemaVersionOf,
} from '../../shared/meetingDoc.ts';
import type { Meeting } from '../../shared/meetings.ts';
import { appendNotesText, notesText } from '../../shared/richNotes.ts';
import { BUILT_CLIENT, launchBrowser, openPerson, type Person, VIEWPORTS } from '../helpers/browser.ts';
import { notesValue } from '../helpers/notesEditor.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const POLL = { timeout: 20_000, interval: 100 };
const UNLOAD_DELAY_MS = 50;

const rowTitles = (page: Page) => page.getByTestId('agenda-row-title').allTextContents();
const crashed = (page: Page) => page.getByText('Something went wrong').count();

/** Values of every wrong type, as a buggy or hostile client could have left them. */
function writeGarbage(doc: Y.Doc, tag: string): void {
  const agenda = getRoot(doc, DocKind.meeting, 'agenda');
  agenda.set(`${tag}-string`, 'an agenda item that is a string');
  agenda.set(`${tag}-nan`, Number.NaN);
  agenda.set(`${tag}-text`, new Y.Text('an agenda item that is a text'));
  agenda.set(`${tag}-array`, Y.Array.from([1, 'two']));
  const fields = new Y.Map<unknown>();
  agenda.set(`${tag}-fields`, fields);
  fields.set('title', new Y.Map());
  fields.set('order', Number.NaN);
  fields.set('notes', 'not a text');
  fields.set('timeboxMinutes', Number.POSITIVE_INFINITY);
  getRoot(doc, DocKind.meeting, 'attendance').set(`${tag}-attendee`, new Y.Text('x'));
  // Roots used as other types, and a root no meeting has: from a real second Y.Doc's update.
  const hostile = new Y.Doc();
  hostile.getArray('agenda').push([`${tag} as a list item`]);
  hostile.getText('attendance').insert(0, `${tag} as text`);
  hostile.getMap(`${tag}-undeclared`).set('x', 1);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(hostile));
}

describe('a meeting document with malformed values', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Person;
  let vera: Person;
  let meeting: Meeting;
  let prepUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      deps: { clientDir: BUILT_CLIENT, docs: { unloadDelayMs: UNLOAD_DELAY_MS } },
    });
    browser = await launchBrowser();
    ana = await openPerson(browser, server.url, 'Ana Lima', 'analyst', VIEWPORTS.laptop);
    vera = await openPerson(browser, server.url, 'Vera Viewer', 'viewer', VIEWPORTS.desktop);
    for (const person of [ana, vera])
      person.page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
    const created = await ana.context.request.post('/api/meetings', {
      data: { title: 'Agenda with malformed values', scheduledFor: '2026-12-03' },
    });
    expect(created.status()).toBe(201);
    meeting = ((await created.json()) as { meeting: Meeting }).meeting;
    prepUrl = `/meetings/${meeting.id}/prep`;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('stored malformed values: the server loads and upgrades the document, the page shows the valid items', async () => {
    await server.app.hub.change(meeting.docName, (doc) => {
      addAgendaItem(doc, { title: 'Household burglaries', timeboxMinutes: 15 });
      const police = addAgendaItem(doc, { title: 'Police response time', timeboxMinutes: 20 });
      const policeNotes = getAgendaItem(doc, police)?.notes;
      if (policeNotes) appendNotesText(policeNotes, 'Bring the March data.');
      writeGarbage(doc, 'stored');
      // Schema version 1, so that loading it again runs the upgrade over the malformed values.
      getRoot(doc, DocKind.meeting, 'meta').set('schemaVersion', 1);
    });
    // Nobody has it open: it unloads, and the page's join loads it from storage.
    await sleep(UNLOAD_DELAY_MS * 10);

    await ana.page.goto(prepUrl);
    await expect
      .poll(() => rowTitles(ana.page), POLL)
      .toEqual(['Household burglaries', 'Police response time']);
    expect(await ana.page.getByTestId('agenda-total').textContent()).toBe('35 min');
    expect(await crashed(ana.page)).toBe(0);
    // Version 2 again proves it was reloaded and upgraded with the malformed values in it.
    expect(await server.app.hub.change(meeting.docName, schemaVersionOf)).toBe(MEETING_SCHEMA_VERSION);
    expect(pageErrors).toEqual([]);
  });

  test('malformed values arriving while the page is open: it keeps working, for an analyst and a viewer', async () => {
    await vera.page.goto(prepUrl);
    await expect
      .poll(() => rowTitles(vera.page), POLL)
      .toEqual(['Household burglaries', 'Police response time']);
    await ana.page.getByTestId('agenda-row-select').filter({ hasText: 'Police response time' }).click();
    const notes = ana.page.getByLabel('Shared notes');
    await expect.poll(() => notesValue(notes), POLL).toBe('Bring the March data.');

    await server.app.hub.change(meeting.docName, (doc) => {
      writeGarbage(doc, 'live');
      const items = readAgenda(doc);
      // A valid item turns malformed (it drops out), another loses only its indicators (it stays).
      const burglaries = items.find((item) => item.title === 'Household burglaries');
      const police = items.find((item) => item.title === 'Police response time');
      (getRoot(doc, DocKind.meeting, 'agenda').get(burglaries?.id ?? '') as Y.Map<unknown>).set(
        'title',
        new Y.Map(),
      );
      (getRoot(doc, DocKind.meeting, 'agenda').get(police?.id ?? '') as Y.Map<unknown>).set(
        'indicators',
        new Y.Text('x'),
      );
      addAgendaItem(doc, { title: 'Arrived with the garbage', timeboxMinutes: 5 });
    });
    for (const page of [ana.page, vera.page])
      await expect
        .poll(() => rowTitles(page), POLL)
        .toEqual(['Police response time', 'Arrived with the garbage']);

    // The analyst goes on editing: adds an item and types into the selected item's notes.
    const input = ana.page.getByLabel('New agenda item');
    await input.fill('Added after the garbage');
    await input.press('Enter');
    await ana.page.getByTestId('agenda-row-select').filter({ hasText: 'Police response time' }).click();
    await notes.press('End');
    await ana.page.keyboard.type(' And April.');
    await expect
      .poll(() => rowTitles(vera.page), POLL)
      .toEqual(['Police response time', 'Arrived with the garbage', 'Added after the garbage']);
    await expect
      .poll(
        () =>
          server.app.hub.change(meeting.docName, (doc) =>
            notesText(
              readAgenda(doc).find((item) => item.title === 'Police response time')?.notes ??
                new Y.XmlFragment(),
            ),
          ),
        POLL,
      )
      .toBe('Bring the March data. And April.');
    for (const page of [ana.page, vera.page]) expect(await crashed(page)).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
