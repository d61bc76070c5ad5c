/**
 * Two analysts type into one agenda item's rich notes at the same spot at the same time (issue 16
 * item 9: a textarea diff interleaved their characters). Real server, built client, Chromium.
 * Run `npx vite build` first (or set TEST_CLIENT_DIR).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { presenceColor } from '../../client/src/components/presenceColors.ts';
import { addAgendaItem, getAgendaItem } from '../../shared/meetingDoc.ts';
import type { Meeting } from '../../shared/meetings.ts';
import { appendNotesText, notesText } from '../../shared/richNotes.ts';
import {
  BUILT_CLIENT,
  launchBrowser,
  openPerson,
  type Person,
  screenshot,
  VIEWPORTS,
} from '../helpers/browser.ts';
import { notesValue } from '../helpers/notesEditor.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const POLL = { timeout: 30_000, interval: 100 };
const ANA_TEXT = 'Ana: burglaries fell nine percent since March in the centre. '.repeat(4).slice(0, 200);
const BRUNO_TEXT = 'Bruno: ask the agency about the east zone response times. '.repeat(4).slice(0, 200);

const notes = (page: Page) => page.getByLabel('Shared notes');

/** A Chromium colour string (`rgb(r, g, b)`) for a `#rrggbb` colour. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

describe('shared rich notes, two people typing at once', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Person;
  let bruno: Person;
  let meeting: Meeting;
  let itemId = '';
  const pageErrors: string[] = [];

  /** The item's notes on the server: plain text and the stored XML (marks and nodes as tags). */
  const onServer = () =>
    server.app.hub.change(meeting.docName, (doc) => {
      const fragment = getAgendaItem(doc, itemId)?.notes ?? new Y.XmlFragment();
      return { text: notesText(fragment), xml: fragment.toString() };
    });

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    browser = await launchBrowser();
    ana = await openPerson(browser, server.url, 'Ana Lima', 'analyst', VIEWPORTS.laptop);
    bruno = await openPerson(browser, server.url, 'Bruno Costa', 'analyst', VIEWPORTS.desktop);
    for (const person of [ana, bruno])
      person.page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
    const created = await ana.context.request.post('/api/meetings', {
      data: { title: 'Citizen security: weekly stocktake', scheduledFor: '2026-12-03' },
    });
    expect(created.status()).toBe(201);
    meeting = ((await created.json()) as { meeting: Meeting }).meeting;
    await server.app.hub.change(meeting.docName, (doc) => {
      itemId = addAgendaItem(doc, { title: 'Household burglaries', timeboxMinutes: 15 });
      const fragment = getAgendaItem(doc, itemId)?.notes;
      if (fragment) appendNotesText(fragment, 'Talking points: ');
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("each one's 200 characters stay together, on both pages and on the server; carets show in colour", async () => {
    for (const { page } of [ana, bruno]) {
      await page.goto(`/meetings/${meeting.id}/prep`);
      await page.getByTestId('agenda-row-select').filter({ hasText: 'Household burglaries' }).click();
      await expect.poll(() => notesValue(notes(page)), POLL).toBe('Talking points: ');
      await notes(page).click();
      await page.keyboard.press('Control+End');
    }
    // Each sees the other's caret, named, in the colour the presence bar gives them.
    const brunoCaret = ana.page.locator('.notes-caret__label', { hasText: 'Bruno Costa' });
    await brunoCaret.waitFor({ timeout: POLL.timeout });
    const brunoId = (
      (await (await bruno.context.request.get('/api/session')).json()) as {
        principal: { id: string };
      }
    ).principal.id;
    // Polled: the caret's element is redrawn as the awareness changes, and a detached one has no style.
    await expect
      .poll(() => brunoCaret.evaluate((label) => getComputedStyle(label).backgroundColor), POLL)
      .toBe(rgb(presenceColor(brunoId)));
    await bruno.page
      .locator('.notes-caret__label', { hasText: 'Ana Lima' })
      .waitFor({ timeout: POLL.timeout });

    await Promise.all([
      ana.page.keyboard.type(ANA_TEXT, { delay: 15 }),
      bruno.page.keyboard.type(BRUNO_TEXT, { delay: 15 }),
    ]);

    const expectedLength = 'Talking points: '.length + ANA_TEXT.length + BRUNO_TEXT.length;
    await expect.poll(async () => (await onServer()).text.length, POLL).toBe(expectedLength);
    const { text } = await onServer();
    expect(text.startsWith('Talking points: ')).toBe(true);
    expect(text).toContain(ANA_TEXT);
    expect(text).toContain(BRUNO_TEXT);
    for (const { page } of [ana, bruno]) await expect.poll(() => notesValue(notes(page)), POLL).toBe(text);
    await screenshot(ana.page, 'notes-typing-1366');
  });

  test('bold and a bulleted list from the toolbar reach the other page and the server', async () => {
    const { page } = ana;
    await notes(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type('Decision');
    await page.getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type(': two more patrols.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Bulleted list' }).click();
    await page.keyboard.type('Review in January');

    // Ana's caret label sits in the list item on Bruno's page, so read the item's paragraph without it.
    await expect
      .poll(() => notesValue(bruno.page.locator('.notes-editor__content ul li')), POLL)
      .toBe('Review in January');
    expect(await bruno.page.locator('.notes-editor__content strong').textContent()).toBe('Decision');
    await expect.poll(async () => (await onServer()).xml, POLL).toContain('<bold>Decision</bold>');
    const { xml, text } = await onServer();
    // Yjs writes node names in lower case in its XML string.
    expect(xml).toContain('<bulletlist><listitem><paragraph>Review in January</paragraph>');
    expect(text).toContain('Decision: two more patrols.\n- Review in January');
  });

  test('a paste from Word or Docs keeps its text and structure but none of its styles', async () => {
    const { page } = bruno;
    await notes(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const html =
      '<meta charset="utf-8"><style>p.MsoNormal { color: red }</style>' +
      '<h2 class="MsoHeading2" style="color:#c00000;font-family:Calibri">Pasted heading</h2>' +
      '<p class="MsoNormal" style="font-weight:bold;font-size:20pt"><span style="color:#ff0000">Styled text</span></p>' +
      '<ul style="margin:0"><li class="MsoListParagraph" style="color:blue">Pasted item</li></ul>';
    await notes(page).evaluate((element, pasted) => {
      const data = new DataTransfer();
      data.setData('text/html', pasted);
      data.setData('text/plain', 'Pasted heading\nStyled text\nPasted item');
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, html);

    await expect.poll(async () => (await onServer()).text, POLL).toContain('Pasted item');
    const { xml, text } = await onServer();
    expect(text).toContain('Pasted heading\nStyled text\n- Pasted item');
    expect(xml).toMatch(/<heading level="2">Pasted heading<\/heading>/);
    expect(xml).toContain('<listitem><paragraph>Pasted item</paragraph></listitem>');
    // The span's and paragraph's styles did not become marks, and no attribute came along.
    expect(xml).not.toContain('<bold>Styled text');
    expect(xml).not.toMatch(/\b(?:style|class)=|color|Calibri|Mso/i);
    // On the other page too: the pasted blocks carry no style or class.
    await expect
      .poll(() => ana.page.locator('.notes-editor__content h2').textContent(), POLL)
      .toBe('Pasted heading');
    const styled = await ana.page
      .locator('.notes-editor__content')
      .evaluate(
        (content) =>
          [...content.querySelectorAll('h2, p, ul, li, span')].filter(
            (node) =>
              !node.closest('.notes-caret') &&
              (node.hasAttribute('style') || (node.getAttribute('class') ?? '').includes('Mso')),
          ).length,
      );
    expect(styled).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
