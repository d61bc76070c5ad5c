/**
 * The memo of a closed meeting in Chromium: its sections, its downloads, and printing: under print
 * media the app's navigation and the buttons are hidden, and it prints to an A4 and a Letter PDF.
 * Run `npx vite build` first.
 */
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MEMO_TEXT } from '../../shared/memo.ts';
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
import { type MemoMeeting, runMemoMeetings } from '../server/meetings/memoMeeting.ts';

/** Absolute: express's `sendFile` (the SPA fallback) refuses relative paths. */
/** PDF page sizes in points (Chromium rounds them to whole CSS pixels, within 1 pt). */
const PAGE_POINTS = { A4: [595.28, 841.89], Letter: [612, 792] } as const;

function mediaBoxes(pdf: Buffer): number[][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((match) =>
    (match[1] as string).trim().split(/\s+/).map(Number),
  );
}

describe('the memo in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let writer: SocketIoDocClient;
  let run: MemoMeeting;
  let vera: Person;
  let ana: Person;
  let memoUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    const token = (await server.signIn('Ana Analyst', 'analyst')).token;
    writer = await SocketIoDocClient.connect(server.url, { token });
    run = await runMemoMeetings(server, token, writer);
    memoUrl = `/meetings/${run.meetingId}/memo`;
    browser = await launchBrowser();
    vera = await openPerson(browser, server.url, 'Vera Viewer', 'viewer', VIEWPORTS.laptop);
    ana = await openPerson(browser, server.url, 'Ana Analyst', 'analyst', VIEWPORTS.desktop);
    for (const person of [vera, ana])
      person.page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
  });

  afterAll(async () => {
    writer?.close();
    await browser?.close();
    await server?.close();
  });

  test('a viewer opens the memo of a closed meeting: every section, no draft mark', async () => {
    const { page } = vera;
    await page.goto(memoUrl);
    await page.getByRole('heading', { level: 1, name: 'Stocktake' }).waitFor();
    const sections = await page.locator('.memo__section h2').allTextContents();
    expect(sections).toEqual(Object.values(MEMO_TEXT.sections));
    expect(await page.getByText(MEMO_TEXT.draft).count()).toBe(0);
    const sheet = page.locator('.memo__sheet');
    expect(await sheet.textContent()).toContain('Tuesday 8 December 2026');
    const attendance = page.getByRole('region', { name: MEMO_TEXT.sections.attendance });
    expect(await attendance.textContent()).toContain('Chief Silva · Police');
    expect(await attendance.textContent()).toContain('Dr Costa · Health');
    const decisions = page.getByRole('region', { name: MEMO_TEXT.sections.decisions });
    expect(await decisions.textContent()).toContain('Move two patrols to the market.');
    const made = page.getByRole('region', { name: MEMO_TEXT.sections.newCommitments }).locator('tbody tr');
    expect(await made.count()).toBe(2);
    expect(await made.first().textContent()).toContain('Patrol the market at night');
    const review = page.getByRole('region', { name: MEMO_TEXT.sections.review });
    expect(await review.textContent()).toContain('Kept open — new due date 20 Jan 2027');
    expect(await review.textContent()).toContain('Dropped — No budget, "for now"');
    const time = page.getByRole('region', { name: MEMO_TEXT.sections.time });
    expect(await time.locator('tbody tr').count()).toBe(2);
    expect(await time.locator('tfoot').textContent()).toContain(MEMO_TEXT.columns.total);
    await screenshot(page, 'memo-1366');
    await page.locator('.memo__sheet').screenshot({ path: '/tmp/shots/memo-1366-sheet.png' });
  });

  test('the download links point at the Markdown and CSV attachments', async () => {
    const { page } = ana;
    await page.goto(memoUrl);
    await page.getByRole('heading', { level: 1, name: 'Stocktake' }).waitFor();
    await screenshot(page, 'memo-1920');
    const markdown = page.getByRole('link', { name: MEMO_TEXT.page.markdown });
    const csv = page.getByRole('link', { name: MEMO_TEXT.page.csv });
    expect(await markdown.getAttribute('href')).toBe(`/api/meetings/${run.meetingId}/memo.md`);
    expect(await csv.getAttribute('href')).toBe(`/api/meetings/${run.meetingId}/commitments.csv`);
    const [download] = await Promise.all([page.waitForEvent('download'), markdown.click()]);
    expect(download.suggestedFilename()).toBe(`stocktake-${run.scheduledFor}.md`);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), csv.click()]);
    expect(csvDownload.suggestedFilename()).toBe(`stocktake-${run.scheduledFor}-commitments.csv`);
  });

  test('printing: the navigation and buttons are hidden; A4 and Letter PDFs', async () => {
    const { page } = vera;
    await page.goto(memoUrl);
    await page.getByRole('heading', { level: 1, name: 'Stocktake' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: MEMO_TEXT.page.print }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: MEMO_TEXT.page.markdown }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1, name: 'Stocktake' }).isVisible()).toBe(true);
    // At the width of an A4 page's text (174 mm, about 658 CSS px): what the printed page holds.
    await page.setViewportSize({ width: 658, height: 930 });
    await page.screenshot({ path: '/tmp/shots/memo-print.png', fullPage: true });
    await page.setViewportSize(VIEWPORTS.laptop);

    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      writeFileSync(`/tmp/shots/memo-${format}.pdf`, pdf);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(5_000);
      const [width, height] = PAGE_POINTS[format];
      for (const box of mediaBoxes(pdf)) {
        expect(Math.abs((box[2] ?? 0) - width)).toBeLessThan(2);
        expect(Math.abs((box[3] ?? 0) - height)).toBeLessThan(2);
      }
    }
    await page.emulateMedia({ media: 'screen' });
    expect(pageErrors).toEqual([]);
  });

  test('a meeting not closed shows a draft memo', async () => {
    const { page } = vera;
    const call = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${(await server.signIn('Ana Analyst', 'analyst')).token}`,
      },
      body: JSON.stringify({ title: 'Next stocktake', scheduledFor: '2026-12-15' }),
    });
    const { meeting } = (await call.json()) as { meeting: { id: string } };
    await page.goto(`/meetings/${meeting.id}/memo`);
    await page.getByText(MEMO_TEXT.draft).waitFor();
    expect(await page.getByText(MEMO_TEXT.empty.decisions).isVisible()).toBe(true);
  });
});
