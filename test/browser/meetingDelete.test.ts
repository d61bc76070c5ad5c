/**
 * An analyst deletes a draft meeting from its preparation page: a confirm step, then back to the
 * meetings list, and the meeting is gone; a meeting that does not exist says "Not found" with the
 * server's message on each of its pages. Run `npx vite build` first.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUILT_CLIENT, launchBrowser, openPerson, type Person, VIEWPORTS } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe('deleting a draft meeting in the browser', { timeout: 60_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Person;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    browser = await launchBrowser();
    ana = await openPerson(browser, server.url, 'Ana Lima', 'analyst', VIEWPORTS.laptop);
    ana.page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('Delete draft asks first; Cancel keeps it; Delete returns to the list without it', async () => {
    const { page } = ana;
    const created = await page.request.post('/api/meetings', {
      data: { title: 'Planned by mistake', scheduledFor: '2026-12-10' },
    });
    expect(created.status()).toBe(201);
    const { meeting } = (await created.json()) as { meeting: { id: string } };

    await page.goto(`/meetings/${meeting.id}/prep`);
    await page.getByRole('heading', { name: 'Planned by mistake' }).waitFor();
    await page.getByRole('button', { name: 'Delete draft' }).click();
    await page.getByText('Delete this draft, its agenda and notes?').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Delete draft' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();

    await page.waitForURL(/\/meetings$/, { timeout: 30_000 });
    expect((await page.request.get(`/api/meetings/${meeting.id}`)).status()).toBe(404);
    await expect.poll(() => page.getByText('Planned by mistake').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  test("a meeting that does not exist says Not found, with the server's message, on each of its pages", async () => {
    const { page } = ana;
    const refusal = async (path: string) => {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(404);
      return ((await response.json()) as { error: { message: string } }).error.message;
    };
    const meeting = await refusal('/api/meetings/no-such-meeting');
    const pages: Array<[string, string]> = [
      ['/meetings/no-such-meeting/prep', meeting],
      ['/meetings/no-such-meeting', meeting],
      ['/meetings/no-such-meeting/room', meeting],
      ['/meetings/no-such-meeting/memo', await refusal('/api/meetings/no-such-meeting/record')],
    ];
    for (const [path, message] of pages) {
      await page.goto(path);
      const alert = page.getByRole('alert').filter({ hasText: 'Not found' });
      await alert.waitFor();
      expect(await alert.textContent(), path).toBe(`Not found${message}`);
    }
    // The big screen, full screen, keeps the route's error page.
    await page.goto('/meetings/no-such-meeting/screen');
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await page.getByText(meeting).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
