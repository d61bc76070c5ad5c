/**
 * `npm run bench:room`: issue 17's targets, browser to browser in headless Chromium, against the
 * built server and client in one process (SQLite in a temporary directory, the demo government).
 *
 *   1. a "next item" key in the chair's console until the big screen shows the next item (each
 *      item has its own indicator large, so each "next" draws a new chart; the chart's own
 *      paint is printed beside it)                                         target p95 < 100 ms
 *   2. a commitment saved in the console (Enter) until it is painted on the big screen
 *                                                                          target p95 < 100 ms
 *   3. the big screen's first paint of a live meeting after a cold load (a fresh browser context:
 *      no cache, no service worker, no local copy), on a demo meeting as the demo seeds them (its
 *      agenda from the data, six weeks of the series' commitments in the ledger)   target < 1.5 s
 *
 * Times are taken in the pages: the key's `keydown` in the console and the frame that paints the
 * change on the screen (a MutationObserver, then the next animation frame), both on the machine's
 * clock (`performance.timeOrigin + performance.now()`), so no round trip to Node is counted; a
 * cold load counts from the navigation's start (the page's time origin) to the frame that paints the
 * current item's title.
 *
 *   npm run bench:room                  full run (120 samples each)
 *   npm run bench:room -- --quick       fewer samples: a smoke check, not figures
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../server/app.ts';
import { openStorage } from '../../server/db/storage.ts';
import { seedDemoData } from '../../server/demo/seed.ts';
import { seedDemoMeetings } from '../../server/demo/seedMeetings.ts';
import { createLogger } from '../../server/logger.ts';
import { meetingDocName } from '../../shared/docNames.ts';
import { AgendaItemKind, addAgendaItem } from '../../shared/meetingDoc.ts';
import type { Meeting } from '../../shared/meetings.ts';
import type { ObjectiveDetail } from '../../shared/performance.ts';
import { addDaysToDate, todayDate } from '../../shared/periods.ts';
import { launchBenchBrowser } from '../chromium.ts';
import { Session } from '../meetingCycle/session.ts';
import { summarize } from '../stats.ts';

const quick = process.argv.includes('--quick');
const SAMPLES = quick ? 15 : 120;
const COLD_LOADS = quick ? 3 : 30;
const BIG_SCREEN = { width: 1920, height: 1080 };
const LAPTOP = { width: 1366, height: 768 };
const TIMEOUT = 15_000;

/** Prints the percentiles, and the verdict against `target` when the measure has one. */
const report = (label: string, samples: number[], target: number | null) => {
  const { p50, p95, max } = summarize(samples);
  const verdict =
    target === null
      ? ''
      : `; target p95 < ${target} ms: ${p95 < target ? 'MET' : 'MISSED'} (${(p95 / target).toFixed(2)}× the target)`;
  console.log(
    `${label}\n    ${samples.length} samples: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms${verdict}`,
  );
};

/**
 * In the screen: when each item title and each commitment text was first painted (the animation
 * frame after the change). A string, not a function: tsx's helpers would not exist in the page.
 */
const WATCH_PAINTS = `
  const painted = new Map();
  const note = (key) => {
    if (painted.has(key)) return;
    painted.set(key, null);
    requestAnimationFrame(() => painted.set(key, performance.timeOrigin + performance.now()));
  };
  const scan = () => {
    for (const title of document.querySelectorAll('[data-testid="screen-item-title"]'))
      note('item:' + (title.textContent || '').trim());
    for (const row of document.querySelectorAll('[data-testid="screen-commitment"]'))
      note('commitment:' + (row.textContent || '').trim());
    const title = document.querySelector('[data-testid="screen-item-title"]');
    if (title && document.querySelector('.screen-focus .indicator-chart svg'))
      note('chart:' + (title.textContent || '').trim());
  };
  new MutationObserver(scan).observe(document, { subtree: true, childList: true, characterData: true });
  window.__painted = painted;
`;

/** In the console: when each key went down. */
const WATCH_KEYS = `
  const keys = [];
  document.addEventListener(
    'keydown',
    (event) => keys.push({ key: event.key, at: performance.timeOrigin + performance.now() }),
    { capture: true },
  );
  window.__keys = keys;
`;

const lastKeyAt = (page: Page, key: string) =>
  page.evaluate((wanted) => {
    const keys = (window as unknown as { __keys: Array<{ key: string; at: number }> }).__keys;
    return [...keys].reverse().find((entry) => entry.key === wanted)?.at ?? Number.NaN;
  }, key);

/** Waits until the screen painted `key` (`item:<title>`, `chart:<title>`, `commitment:<text>`); returns when. */
async function paintedAt(
  screen: Page,
  prefix: 'item' | 'chart' | 'commitment',
  text: string,
): Promise<number> {
  const handle = await screen.waitForFunction(
    ({ prefix, text }) => {
      const painted = (window as unknown as { __painted?: Map<string, number | null> }).__painted;
      for (const [key, at] of painted ?? [])
        if (at !== null && key.startsWith(`${prefix}:`) && key.includes(text)) return at;
      return null;
    },
    { prefix, text },
    { polling: 'raf', timeout: TIMEOUT },
  );
  return (await handle.jsonValue()) as number;
}

const dir = mkdtempSync(join(tmpdir(), 'statroom-bench-room-'));
const storage = openStorage({ sqlitePath: join(dir, 'bench.sqlite') });
const app = await createApp({
  storage,
  logger: createLogger({ level: 'warn', pretty: false }),
  sessionSecret: 'bench-secret-that-is-long-enough-for-the-server',
  // BENCH_CLIENT_DIR: another build of the client, to compare two builds on the same machine.
  clientDir: process.env.BENCH_CLIENT_DIR ?? fileURLToPath(new URL('../../dist/client', import.meta.url)),
});
await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
let browser: Browser | null = null;

try {
  const today = todayDate();
  await seedDemoData(storage.db, { asOf: today, seed: 1 });
  await seedDemoMeetings(storage.db, storage.docStore, { asOf: today, seed: 1 });
  const chair = await Session.signIn(url, 'Bench Chair', 'analyst');
  const objectiveId = 'obj-01';
  const objective = (await chair.getJson(`/api/objectives/${objectiveId}`)) as ObjectiveDetail;
  const agency = objective.agencies[0];
  if (!agency) throw new Error('the demo objective has no agency');
  // Two indicators on screen, a different one large on each item: every "next" draws a new chart,
  // as in a meeting where each item reviews its own goal.
  const indicatorIds = objective.agencies.flatMap(({ goals }) =>
    goals.flatMap((goal) => goal.indicators.map((each) => each.id)),
  );
  if (indicatorIds.length < 3) throw new Error('the demo objective has fewer than 3 indicators');
  const pairFor = (i: number) => [i, i + 1].map((k) => indicatorIds[k % indicatorIds.length]!);
  const { meeting } = (await chair.post('/api/meetings', {
    title: 'Bench: the room',
    objectiveId,
    // Not on the demo series' own dates (its next meeting is within the week).
    scheduledFor: addDaysToDate(today, 2),
  })) as { meeting: Meeting };
  // One item per sample and one more: every "next" lands on an item never shown before.
  await app.hub.change(meetingDocName(meeting.id), (doc) => {
    for (let i = 0; i <= SAMPLES; i++)
      addAgendaItem(doc, {
        title: `Bench item ${i + 1}`,
        kind: AgendaItemKind.goalReview,
        presenterAgency: agency.agency.id,
        timeboxMinutes: 1,
        indicatorIds: pairFor(i),
      });
  });
  await chair.post(`/api/meetings/${meeting.id}/start`, {});
  console.log(`meeting ${meeting.id}: ${SAMPLES + 1} items, load ${loadavg()[0]?.toFixed(2)}`);

  browser = await launchBenchBrowser();
  const screenContext = await browser.newContext({ viewport: BIG_SCREEN });
  await screenContext.addCookies([chair.cookieFor(url)]);
  await screenContext.addInitScript({ content: WATCH_PAINTS });
  const screen = await screenContext.newPage();
  await screen.goto(`${url}/meetings/${meeting.id}/screen`);
  await paintedAt(screen, 'item', 'Bench item 1');

  const consoleContext = await browser.newContext({ viewport: LAPTOP });
  await consoleContext.addCookies([chair.cookieFor(url)]);
  await consoleContext.addInitScript({ content: WATCH_KEYS });
  const desk = await consoleContext.newPage();
  await desk.goto(`${url}/meetings/${meeting.id}/room`);
  await desk.getByTestId('console-current-title').getByText('Bench item 1').waitFor({ timeout: TIMEOUT });

  // 1. "next item", key to paint.
  const nextSamples: number[] = [];
  const chartSamples: number[] = [];
  for (let i = 2; i <= SAMPLES + 1; i++) {
    await desk.keyboard.press('ArrowRight');
    const at = await paintedAt(screen, 'item', `Bench item ${i}`);
    const keyAt = await lastKeyAt(desk, 'ArrowRight');
    nextSamples.push(at - keyAt);
    chartSamples.push((await paintedAt(screen, 'chart', `Bench item ${i}`)) - keyAt);
    // The console must show the new item too before the next key, or that key is refused as stale.
    await desk.getByTestId('console-current-title').getByText(`Bench item ${i}`, { exact: true }).waitFor({
      timeout: TIMEOUT,
    });
  }
  report('"next item" key in the console → the next item painted on the big screen', nextSamples, 100);
  report("  … and its large indicator's chart drawn (no target of its own)", chartSamples, null);

  // 2. A commitment, Enter to paint.
  const commitmentSamples: number[] = [];
  for (let i = 1; i <= SAMPLES; i++) {
    const text = `Bench commitment ${i} ${Date.now().toString(36)}`;
    await desk.keyboard.press('c');
    const dialog = desk.getByTestId('capture-dialog');
    const field = dialog.getByLabel('What was committed');
    await field.waitFor({ timeout: TIMEOUT });
    await desk.keyboard.insertText(text);
    await desk.keyboard.press('Enter');
    const at = await paintedAt(screen, 'commitment', text);
    commitmentSamples.push(at - (await lastKeyAt(desk, 'Enter')));
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
  }
  report('a commitment saved in the console (Enter) → painted on the big screen', commitmentSamples, 100);

  // 3. Cold loads of the screen: a fresh context each time, on a demo meeting once started. The
  // console and screen above are closed first: their timers redraw every second, and a room's
  // screen loads on its own device, not beside two other pages on the same two cores.
  await consoleContext.close();
  await screenContext.close();
  const demoMeetingId = await chair.draftOf('obj-02');
  await chair.post(`/api/meetings/${demoMeetingId}/start`, {});
  const coldSamples: number[] = [];
  for (let i = 0; i < COLD_LOADS; i++) {
    const context = await browser.newContext({ viewport: BIG_SCREEN });
    await context.addCookies([chair.cookieFor(url)]);
    await context.addInitScript({ content: WATCH_PAINTS });
    const page = await context.newPage();
    await page.goto(`${url}/meetings/${demoMeetingId}/screen`);
    // The frame that painted the item's title, from the navigation's start (the page's time origin).
    const paintedTitleAt = await paintedAt(page, 'item', '');
    coldSamples.push(paintedTitleAt - (await page.evaluate(() => performance.timeOrigin)));
    await context.close();
  }
  report('the big screen’s first paint of the live meeting, cold load', coldSamples, 1_500);
} finally {
  await browser?.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
