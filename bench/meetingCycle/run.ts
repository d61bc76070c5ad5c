/**
 * `npm run bench:cycle`: issue 15's targets on a seeded government of 12 series × 20 closed
 * meetings (~3,600 commitments in the ledgers and the read model), against the built server and
 * client in one process, SQLite in a temporary directory, headless Chromium for the page.
 *
 *   1. the ledger API filtered by agency and overdue (`GET /api/commitments`)   target p95 ≤ 50 ms
 *   2. opening a meeting whose follow-up lists 60 open commitments: time from navigation start
 *      until the 60 rows are in the page, in Chromium                           target p95 ≤ 500 ms
 *   3. close-and-carry of a meeting with 30 commitments made in it (the close command, which also
 *      creates the series' next draft)                                          target p95 ≤ 200 ms
 *   and, for issue 18's question, a fresh client's join of the largest ledger document.
 *
 *   npm run bench:cycle                  full run
 *   npm run bench:cycle -- --quick       fewer samples: a smoke check, not figures
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app.ts';
import { openStorage } from '../../server/db/storage.ts';
import { seedDemoData } from '../../server/demo/seed.ts';
import { seedDemoMeetings } from '../../server/demo/seedMeetings.ts';
import { rebuildCommitmentRows } from '../../server/ledger/commitmentRows.ts';
import { createLogger } from '../../server/logger.ts';
import { ledgerDocName } from '../../shared/docNames.ts';
import { todayDate } from '../../shared/periods.ts';
import { launchBenchBrowser } from '../chromium.ts';
import { summarize } from '../stats.ts';
import { Session, timeJoin } from './session.ts';

const quick = process.argv.includes('--quick');
const API_SAMPLES = quick ? 30 : 200;
const PAGE_SAMPLES = quick ? 5 : 25;
const CLOSE_SAMPLES = quick ? 3 : 12;
const FOLLOW_UP_SIZE = 60;
const MADE_PER_MEETING = 30;

const summary = (label: string, samples: number[], target: number) => {
  const { p50, p95, max } = summarize(samples);
  const verdict = `${p95 <= target ? 'MET' : 'MISSED'} (${(p95 / target).toFixed(2)}× the target)`;
  console.log(
    `${label}\n    ${samples.length} samples: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms; target p95 ≤ ${target} ms: ${verdict}`,
  );
};

const dir = mkdtempSync(join(tmpdir(), 'statroom-bench-cycle-'));
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

try {
  const today = todayDate();
  let started = performance.now();
  await seedDemoData(storage.db, { asOf: today, seed: 1 });
  const seeded = await seedDemoMeetings(storage.db, storage.docStore, {
    asOf: today,
    seed: 1,
    historyWeeks: 20,
  });
  const rows = await rebuildCommitmentRows(storage.db, app.hub);
  console.log(
    `seeded ${seeded.meetings} meetings, ${seeded.commitments} commitments (read model ${rows} rows) in ${((performance.now() - started) / 1000).toFixed(1)} s; load ${loadavg()[0]?.toFixed(2)}`,
  );
  const analyst = await Session.signIn(url, 'Bench Analyst', 'analyst');

  // 1. The ledger API.
  const busiest = await storage.db.kysely
    .selectFrom('commitments')
    .select(['owner_agency_id', storage.db.kysely.fn.countAll<number>().as('open')])
    .where('status', '=', 'open')
    .where('due_date', '<', today)
    .groupBy('owner_agency_id')
    .orderBy('open', 'desc')
    .executeTakeFirstOrThrow();
  const queries = [
    `agencyId=${busiest.owner_agency_id}&overdue=true`,
    `agencyId=${busiest.owner_agency_id}&overdue=true&sort=carried&dir=desc`,
    'overdue=true',
    'status=open&minCarried=3',
  ];
  for (const query of queries) {
    const samples: number[] = [];
    let total = 0;
    for (let i = 0; i < API_SAMPLES; i++) {
      started = performance.now();
      const body = (await analyst.getJson(`/api/commitments?${query}`)) as { total: number };
      samples.push(performance.now() - started);
      total = body.total;
    }
    summary(`ledger API ?${query} (${total} rows)`, samples, 50);
  }

  // 2. A meeting whose follow-up lists 60 open commitments, opened in Chromium.
  const draft = await storage.db.kysely
    .selectFrom('meetings')
    .select(['id', 'objective_id'])
    .where('phase', '=', 'draft')
    .orderBy('scheduled_for')
    .executeTakeFirstOrThrow();
  const objectiveId = draft.objective_id as string;
  const listed = ((await analyst.getJson(`/api/meetings/${draft.id}/follow-up`)) as { followUp: unknown[] })
    .followUp.length;
  await analyst.topUpFollowUp(objectiveId, FOLLOW_UP_SIZE - listed, today);
  const browser = await launchBenchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addCookies([analyst.cookieFor(url)]);
    const samples: number[] = [];
    for (let i = 0; i < PAGE_SAMPLES + 1; i++) {
      const page = await context.newPage();
      await page.goto(`${url}/meetings/${draft.id}`);
      // The time is read in the page, in the frame that first holds every row: a second round trip
      // to the page for the clock would count Node and the protocol too.
      const found = await page.waitForFunction(
        (count) =>
          document.querySelectorAll('[data-testid="follow-up-row"]').length >= count && performance.now(),
        FOLLOW_UP_SIZE,
        { polling: 'raf', timeout: 30_000 },
      );
      const onScreen = (await found.jsonValue()) as number;
      // The first visit also downloads the bundle: reported apart, not in the percentiles.
      if (i === 0)
        console.log(`follow-up of ${FOLLOW_UP_SIZE}, first (cold) visit: ${onScreen.toFixed(0)} ms`);
      else samples.push(onScreen);
      await page.close();
    }
    summary(`follow-up of ${FOLLOW_UP_SIZE} on screen in Chromium (warm visits)`, samples, 500);
  } finally {
    await browser.close();
  }

  // 3. Close-and-carry, chained: each close creates the draft the next round runs.
  const closeSamples: number[] = [];
  let meetingId = draft.id;
  for (let i = 0; i < CLOSE_SAMPLES; i++) {
    await analyst.post(`/api/meetings/${meetingId}/start`, {});
    await analyst.makeCommitments(objectiveId, meetingId, MADE_PER_MEETING, today);
    started = performance.now();
    await analyst.post(`/api/meetings/${meetingId}/close`, {});
    closeSamples.push(performance.now() - started);
    meetingId = await analyst.draftOf(objectiveId);
  }
  summary(`close-and-carry, ${MADE_PER_MEETING} commitments made in the meeting`, closeSamples, 200);

  // Issue 18's question: a fresh client's join of the largest ledger (unloaded in between).
  const joins: number[] = [];
  for (let i = 0; i < (quick ? 2 : 5); i++)
    joins.push(await timeJoin(url, analyst.token, ledgerDocName(objectiveId), app.hub));
  const bytes = await app.hub.read(ledgerDocName(objectiveId), (doc) => doc.getMap('commitments').size);
  summary(`cold join of ledger:${objectiveId} (${bytes} commitments)`, joins, 300);
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
