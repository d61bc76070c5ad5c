/**
 * Issue 16, item 14: after a write the objectives overview reads again only the goals the write
 * touched (server/performance/overview.ts). Whatever the writes — values entered, corrected and
 * deleted through the API, data points and indicators imported (an indicator moved to another
 * goal), definitions edited, indicators archived and put back, ratings, new goals, indicators and
 * objectives, several writers at once (two servers on one PostgreSQL database), a restart — every
 * server's `GET /api/objectives` is, byte for byte, the overview computed from scratch.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type App, createApp } from '../../../server/app.ts';
import { type Db, openDatabase } from '../../../server/db/database.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { openStorage } from '../../../server/db/storage.ts';
import { generateDemoData } from '../../../server/demo/generate.ts';
import { mulberry32 } from '../../../server/demo/random.ts';
import { insertDemoData } from '../../../server/demo/seed.ts';
import { silentLogger } from '../../../server/logger.ts';
import { factsOf, overviewOf } from '../../../server/performance/goalSummaries.ts';
import { loadGoalSummaries } from '../../../server/performance/objectives.ts';
import { ALL } from '../../../server/performance/queries.ts';
import { groupBy, toObjective } from '../../../server/performance/rows.ts';
import type { Frequency } from '../../../shared/performance.ts';
import {
  addDaysToDate,
  latestDuePeriod,
  periodAtIndex,
  periodIndex,
  todayDate,
} from '../../../shared/periods.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/databases.ts';
import { TEST_SESSION_SECRET } from '../../helpers/server.ts';
import { type ApiClient, apiClient, postCsv } from './api.ts';

const AS_OF = todayDate();
const OTHER_AS_OF = addDaysToDate(AS_OF, -40);
const STEPS_PER_START = 30;

interface Node {
  app: App;
  url: string;
  api: ApiClient;
  token: string;
}

async function startNode(database: TestDatabase): Promise<Node> {
  const app = await createApp({
    storage: openStorage(database.config),
    logger: silentLogger(),
    sessionSecret: TEST_SESSION_SECRET,
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  const signIn = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ana Analyst', role: 'analyst' }),
  });
  const { token } = (await signIn.json()) as { token: string };
  return { app, url, api: apiClient({ url }, token), token };
}

/** The overview as the old code computed it: the whole government, from scratch, every time. */
async function overviewFromScratch(db: Db, asOf: string): Promise<string> {
  const [objectives, goals] = await Promise.all([
    db.kysely.selectFrom('objectives').selectAll().orderBy('position').orderBy('name').execute(),
    loadGoalSummaries(db.kysely, ALL, asOf, { sparklines: false }),
  ]);
  const byObjective = groupBy(goals, (goal) => goal.objectiveId);
  return JSON.stringify({
    objectives: objectives.map((objective) =>
      overviewOf(toObjective(objective), (byObjective.get(objective.id) ?? []).map(factsOf)),
    ),
  });
}

async function overviewServed(node: Node, asOf: string): Promise<string> {
  const response = await fetch(`${node.url}/api/objectives?asOf=${asOf}`, {
    headers: { authorization: `Bearer ${node.token}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

describe.each(DIALECTS)('the incremental objectives overview on %s', (dialect) => {
  let database: TestDatabase;
  /** The test's own connection: reads what to write next and computes the reference. */
  let db: Db;
  let nodes: Node[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = openDatabase(database.config);
    await migrateToLatest(db);
    await insertDemoData(db, generateDemoData({ asOf: AS_OF, seed: 3 }));
  });
  afterAll(async () => {
    for (const node of nodes) await node.app.close();
    await db?.close();
    await database?.cleanup();
  });

  /** On PostgreSQL two servers share the database (two writers, two kept overviews); SQLite has one. */
  const startNodes = async () => {
    nodes = [];
    for (let i = 0; i < (dialect === 'postgres' ? 2 : 1); i++) nodes.push(await startNode(database));
  };

  test('after a random sequence of writes, and after a restart, equals the overview computed from scratch', {
    timeout: 240_000,
  }, async () => {
    const random = mulberry32(dialect === 'postgres' ? 14 : 41);
    let created = 0;
    const seen = new Set<string>();

    const indicators = async () =>
      db.kysely
        .selectFrom('indicators')
        .select(['id', 'goal_id', 'frequency', 'baseline_value', 'target_value', 'archived_at'])
        .orderBy('id')
        .execute();
    const goalIds = async () =>
      (await db.kysely.selectFrom('goals').select('id').orderBy('id').execute()).map((row) => row.id);
    const node = () => random.pick(nodes);
    const ok = (result: { status: number; body: unknown }, what: string) => {
      expect(result.status, `${what}: ${JSON.stringify(result.body)}`).toBeLessThan(300);
    };
    type IndicatorRow = Awaited<ReturnType<typeof indicators>>[number];
    const somePeriod = (frequency: Frequency) =>
      periodAtIndex(periodIndex(latestDuePeriod(AS_OF, frequency), frequency) - random.int(0, 3), frequency);
    // Around the plan, often far off it: statuses move in both directions.
    const someValue = (row: IndicatorRow) => {
      const low = Math.min(row.baseline_value, row.target_value);
      const span = Math.abs(row.target_value - row.baseline_value) || 1;
      return Math.max(0, Math.round((low + span * random.float(-0.6, 1.6)) * 100) / 100);
    };

    /** One write through one server; `distinct` keeps writes done at once off each other's indicators. */
    const write = async (distinct: Set<string>): Promise<() => Promise<void>> => {
      const rows = (await indicators()).filter((row) => !distinct.has(row.id));
      const row = random.pick(rows);
      distinct.add(row.id);
      const through = node();
      const kind = random.int(0, 11);
      switch (kind) {
        case 0:
        case 1:
        case 2:
          return async () =>
            ok(
              await through.api.put(`/indicators/${row.id}/points/${somePeriod(row.frequency)}`, {
                value: someValue(row),
                confirm: true,
              }),
              'put',
            );
        case 3: {
          const latest = await db.kysely
            .selectFrom('data_points')
            .select('period')
            .where('indicator_id', '=', row.id)
            .orderBy('period', 'desc')
            .limit(1)
            .executeTakeFirst();
          if (!latest) return async () => {};
          return async () =>
            ok(
              await through.api.delete(`/indicators/${row.id}/points/${latest.period}?reason=typo`),
              'delete',
            );
        }
        case 4:
        case 5: {
          const batch = [row, ...random.sample(rows, random.int(0, 12))];
          const lines = new Set<string>();
          const keys = new Set<string>();
          for (const entry of batch) {
            distinct.add(entry.id);
            const period = somePeriod(entry.frequency);
            if (keys.has(`${entry.id}|${period}`)) continue;
            keys.add(`${entry.id}|${period}`);
            lines.add(`${entry.id},${period},${someValue(entry)}`);
          }
          const csv = `indicator_id,period,value\n${[...lines].join('\n')}\n`;
          return async () => {
            const answer = await postCsv(through, through.token, 'data-points', csv);
            expect(answer.events.at(-1), csv).toMatchObject({ type: 'done' });
          };
        }
        case 6: {
          // An indicator moved to another goal, by import (the only way an indicator changes goal).
          const full = await db.kysely
            .selectFrom('indicators')
            .selectAll()
            .where('id', '=', row.id)
            .executeTakeFirstOrThrow();
          const goal = random.pick(await goalIds());
          const csv =
            'id,goal_id,name,unit,direction,frequency,baseline_value,baseline_date,target_value,target_date\n' +
            `${full.id},${goal},${full.name},${full.unit},${full.direction},${full.frequency},${full.baseline_value},${full.baseline_date},${full.target_value},${full.target_date}\n`;
          return async () => {
            const answer = await postCsv(through, through.token, 'indicators', csv);
            expect(answer.events.at(-1), csv).toMatchObject({ type: 'done' });
          };
        }
        case 7:
          return async () =>
            ok(
              await fetch(`${through.url}/api/indicators/${row.id}`, {
                method: 'PATCH',
                headers: { authorization: `Bearer ${through.token}`, 'content-type': 'application/json' },
                body: JSON.stringify({
                  targetValue: Math.max(0, row.target_value * random.float(0.7, 1.3)),
                  thresholds: { atRisk: 0.02, offTrack: random.pick([0.05, 0.1, 0.3]) },
                }),
              }).then(async (response) => ({ status: response.status, body: await response.text() })),
              'edit',
            );
        case 8:
          return async () =>
            ok(
              await through.api.post(
                `/indicators/${row.id}/${row.archived_at ? 'unarchive' : 'archive'}`,
                {},
              ),
              'archive',
            );
        case 9: {
          const goal = random.pick(await goalIds());
          return async () =>
            ok(
              await through.api.put(`/goals/${goal}/rating`, {
                status: random.pick(['on_track', 'at_risk', 'off_track']),
                comment: 'As seen by the owner',
              }),
              'rating',
            );
        }
        case 10: {
          created += 1;
          const id = `t-${dialect}-${created}`;
          const objective = random.pick(
            await db.kysely
              .selectFrom('objectives')
              .select(['id'])
              .execute()
              .then((all) => all.map((o) => o.id)),
          );
          const agency = random.pick(
            await db.kysely
              .selectFrom('agencies')
              .select(['id'])
              .execute()
              .then((all) => all.map((a) => a.id)),
          );
          const withObjective = random.chance(0.2);
          return async () => {
            if (withObjective) {
              ok(
                await through.api.post('/objectives', { id: `obj-${id}`, name: `Objective ${id}` }),
                'objective',
              );
            }
            ok(
              await through.api.post('/goals', {
                id: `goal-${id}`,
                objectiveId: objective,
                agencyId: agency,
                title: `Goal ${id}`,
                ownerName: 'Owner',
              }),
              'goal',
            );
          };
        }
        default: {
          created += 1;
          const goal = random.pick(await goalIds());
          const frequency = random.pick(['weekly', 'monthly'] as const);
          const id = `ind-${dialect}-${created}`;
          return async () => {
            ok(
              await through.api.post('/indicators', {
                id,
                goalId: goal,
                name: `Indicator ${id}`,
                unit: 'count',
                direction: random.pick(['up', 'down']),
                frequency,
                baselineValue: 100,
                baselineDate: addDaysToDate(AS_OF, -300),
                targetValue: random.pick([50, 200]),
                targetDate: addDaysToDate(AS_OF, 200),
              }),
              'indicator',
            );
            ok(
              await through.api.put(`/indicators/${id}/points/${somePeriod(frequency)}`, {
                value: random.int(40, 220),
                confirm: true,
              }),
              'first value',
            );
          };
        }
      }
    };

    const compare = async (which: readonly Node[], asOf = AS_OF) => {
      const expected = await overviewFromScratch(db, asOf);
      for (const served of which) expect(await overviewServed(served, asOf)).toBe(expected);
      seen.add(expected);
    };

    for (const start of [1, 2]) {
      await startNodes();
      await compare(nodes);
      for (let step = 0; step < STEPS_PER_START; step++) {
        // Often one write, sometimes several at once (through either server).
        const distinct = new Set<string>();
        const writes = [];
        for (let i = random.chance(0.3) ? random.int(2, 4) : 1; i > 0; i--)
          writes.push(await write(distinct));
        await Promise.all(writes.map((run) => run()));
        // Not every server reads after every step: a kept overview may be several writes behind.
        const readers = nodes.filter(() => random.chance(0.6));
        await compare(readers.length > 0 ? readers : [node()]);
        if (random.chance(0.1)) await compare([node()], OTHER_AS_OF);
      }
      await compare(nodes);
      // A restart: the kept overviews are gone; the new servers start from what is stored.
      if (start === 1) for (const stopped of nodes) await stopped.app.close();
    }
    // The sequence did move the overview (else the comparison would prove nothing).
    expect(seen.size).toBeGreaterThan(STEPS_PER_START);
  });
});
