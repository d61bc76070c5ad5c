/**
 * The ledger page's data: the `commitments` read model that every ledger command keeps equals the
 * one rebuilt from the ledger documents; `GET /api/commitments` filters, sorts and pages it exactly;
 * bad query strings are refused naming the parameter; the CSV export parses back to the same rows
 * with formulas neutralised. On SQLite and PostgreSQL.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../../server/db/database.ts';
import { rebuildCommitmentRows } from '../../../server/ledger/commitmentRows.ts';
import type { CommitmentList, CommitmentRow } from '../../../shared/commitmentRows.ts';
import { DIALECTS } from '../../helpers/databases.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { SocketIoDocClient } from '../../helpers/yjsClients.ts';
import { FORMULA_TEXT, LABELS, type Label, type SeededLedger, seedLedger } from './ledgerFixtures.ts';

describe.each(DIALECTS)('the commitments read model on %s', { timeout: 120_000 }, (dialect) => {
  let server: TestServer;
  let token: string;
  let writer: SocketIoDocClient;
  let seed: SeededLedger;
  const labelOf = new Map<string, Label>();

  beforeAll(async () => {
    server = await startTestServer({ dialect });
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
    writer = await SocketIoDocClient.connect(server.url, { token });
    seed = await seedLedger(server, token, writer);
    for (const label of LABELS) labelOf.set(seed.ids[label], label);
  });
  afterAll(async () => {
    writer?.close();
    await server?.close();
  });

  const get = (path: string, as = token) =>
    fetch(`${server.url}/api${path}`, { headers: { authorization: `Bearer ${as}` } });
  const list = async (query: string): Promise<CommitmentList> => {
    const response = await get(`/commitments?${query}`);
    expect(response.status, `${query}: ${await response.clone().text()}`).toBe(200);
    return (await response.json()) as CommitmentList;
  };
  const labels = async (query: string): Promise<Label[]> =>
    (await list(query)).commitments.map((row) => labelOf.get(row.id) as Label);
  const row = async (label: Label): Promise<CommitmentRow> => {
    const found = (await list('limit=1000')).commitments.find((r) => r.id === seed.ids[label]);
    if (!found) throw new Error(`${label} is not listed`);
    return found;
  };

  test('the rows every ledger command kept equal the rows rebuilt from the ledger documents', async () => {
    const db = openDatabase(server.database.config);
    try {
      const all = () => db.kysely.selectFrom('commitments').selectAll().orderBy('id').execute();
      const kept = await all();
      expect(kept).toHaveLength(LABELS.length);
      expect(await rebuildCommitmentRows(db, server.app.hub)).toBe(LABELS.length);
      const rebuilt = await all();
      expect(rebuilt).toEqual(kept);
      const c1 = kept.find((r) => r.id === seed.ids.c1);
      expect(c1).toMatchObject({ times_carried: 3, escalated: 1, status: 'open', due_date: '2020-06-01' });
    } finally {
      await db.close();
    }
  });

  test('each filter returns exactly the commitments it should', async () => {
    const { world, agencies } = seed;
    const cases: Array<[string, Label[]]> = [
      ['', ['d1', 'c1', 'c5', 'c4', 'c2', 'c3', 'd2', 'c6']],
      [`objectiveId=${world.objectiveId}`, ['c1', 'c5', 'c4', 'c2', 'c3', 'c6']],
      [`objectiveId=${world.otherObjectiveId}`, ['d1', 'd2']],
      [`agencyId=${agencies.police}`, ['c1', 'c3', 'd2', 'c6']],
      [`agencyId=${agencies.civil}`, ['c4', 'c2']],
      [`agencyId=${agencies.health}`, ['d1', 'c5']],
      ['agencyId=nobody', []],
      // Any case, part of the name, on both dialects.
      ['owner=SILVA', ['c1', 'd2']],
      ['owner=ana', ['d1', 'c6']],
      ['status=open', ['d1', 'c1', 'c5', 'c3', 'c6']],
      ['status=done,dropped', ['c4', 'c2', 'd2']],
      ['status=open&status=dropped', ['d1', 'c1', 'c5', 'c4', 'c3', 'c6']],
      ['overdue=true', ['d1', 'c1', 'c5']],
      ['overdue=false', ['c4', 'c2', 'c3', 'd2', 'c6']],
      ['minCarried=0', ['d1', 'c1', 'c5', 'c4', 'c2', 'c3', 'd2', 'c6']],
      ['minCarried=1', ['d1', 'c1', 'c4']],
      ['minCarried=3', ['c1']],
      ['q=HIRE', ['d1', 'c5']],
      // % and _ are searched for, not wildcards.
      [`q=${encodeURIComponent('50%')}`, ['c4']],
      [`q=${encodeURIComponent('%')}`, ['c4']],
      ['q=_', []],
      ['q=police', ['c6']],
      ['owner=&q=', ['d1', 'c1', 'c5', 'c4', 'c2', 'c3', 'd2', 'c6']],
      [`agencyId=${agencies.police}&overdue=true`, ['c1']],
      [`objectiveId=${world.objectiveId}&status=open&minCarried=1`, ['c1']],
      [`objectiveId=${world.otherObjectiveId}&owner=silva&status=done`, ['d2']],
    ];
    for (const [query, expected] of cases) {
      const answer = await list(query);
      expect(
        answer.commitments.map((r) => labelOf.get(r.id)),
        query,
      ).toEqual(expected);
      expect(answer.total, query).toBe(expected.length);
    }
  });

  test('each sort, both ways, and paging with the total', async () => {
    const reversed = (labels: Label[]) => [...labels].reverse();
    const byDue: Label[] = ['d1', 'c1', 'c5', 'c4', 'c2', 'c3', 'd2', 'c6'];
    expect(await labels('sort=due')).toEqual(byDue);
    expect(await labels('sort=due&dir=desc')).toEqual(reversed(byDue));
    // Most carried first by default; ties by due date.
    expect(await labels('sort=carried')).toEqual(['c1', 'c4', 'd1', 'c5', 'c2', 'c3', 'd2', 'c6']);
    expect(await labels('sort=carried&dir=asc')).toEqual(['c5', 'c2', 'c3', 'd2', 'c6', 'd1', 'c4', 'c1']);
    expect(await labels('sort=created')).toEqual(reversed(seed.madeOrder));
    expect(await labels('sort=created&dir=asc')).toEqual(seed.madeOrder);
    // Civil Defence, Health Secretariat, Police; by due date within each.
    expect(await labels('sort=agency')).toEqual(['c4', 'c2', 'd1', 'c5', 'c1', 'c3', 'd2', 'c6']);
    expect(await labels('sort=agency&dir=desc')).toEqual(['c1', 'c3', 'd2', 'c6', 'd1', 'c5', 'c4', 'c2']);
    // Open, done, dropped.
    expect(await labels('sort=status')).toEqual(['d1', 'c1', 'c5', 'c3', 'c6', 'c2', 'd2', 'c4']);
    expect(await labels('sort=status&dir=desc')).toEqual(['c4', 'c2', 'd2', 'd1', 'c1', 'c5', 'c3', 'c6']);

    const page = await list('sort=due&limit=3&offset=2');
    expect(page.commitments.map((r) => labelOf.get(r.id))).toEqual(['c5', 'c4', 'c2']);
    expect(page.total).toBe(8);
    const beyond = await list('sort=due&limit=3&offset=8');
    expect(beyond).toMatchObject({ commitments: [], total: 8 });
  });

  test('a row carries the names, dates and flags the page shows', async () => {
    const { world, agencies, meetingDates } = seed;
    const today = (await list('limit=1')).today;
    expect(today).toBe(new Date().toISOString().slice(0, 10));
    const c1 = await row('c1');
    expect(c1).toMatchObject({
      objectiveId: world.objectiveId,
      objectiveName: 'Citizen security',
      text: 'Patrol the market at night',
      ownerAgencyId: agencies.police,
      ownerAgencyName: 'Police',
      ownerPerson: 'Chief Silva',
      dueDate: '2020-06-01',
      status: 'open',
      overdue: true,
      goalId: world.goalId,
      goalTitle: 'Reduce burglaries',
      madeInMeetingId: seed.meetings.m1,
      madeInMeetingDate: meetingDates.m1,
      timesCarried: 3,
      escalated: true,
      closedAt: null,
    });
    const days = Math.round(
      (Date.parse(`${today}T00:00:00Z`) - Date.parse('2020-06-01T00:00:00Z')) / 86_400_000,
    );
    expect(c1.daysOverdue).toBe(days);
    expect(await row('c6')).toMatchObject({
      text: 'Audit police overtime',
      madeInMeetingId: null,
      madeInMeetingDate: null,
      overdue: false,
      daysOverdue: 0,
    });
    const c4 = await row('c4');
    expect(c4).toMatchObject({ status: 'dropped', timesCarried: 2, escalated: false, overdue: false });
    expect(c4.closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  test('bad query strings are refused with invalid_payload naming the parameter', async () => {
    const cases: Array<[string, string]> = [
      ['status=bogus', 'status'],
      ['status=open,', 'status'],
      ['limit=-1', 'limit'],
      ['limit=0', 'limit'],
      ['limit=99999', 'limit'],
      ['limit=1e3', 'limit'],
      ['offset=-5', 'offset'],
      ['minCarried=abc', 'minCarried'],
      [`sort=${encodeURIComponent('; DROP TABLE commitments')}`, 'sort'],
      ['dir=up', 'dir'],
      ['overdue=yes', 'overdue'],
      [`objectiveId=${encodeURIComponent("x' OR 1=1 --")}`, 'objectiveId'],
      ['limit=1&limit=2', 'limit'],
      [`q=${'x'.repeat(201)}`, 'q'],
      ['colour=red', 'colour'],
    ];
    for (const [query, parameter] of cases) {
      const response = await get(`/commitments?${query}`);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(response.status, query).toBe(400);
      expect(body.error.code, query).toBe('invalid_payload');
      expect(body.error.message, query).toContain(parameter);
      expect((await get(`/commitments.csv?${query}`)).status, `csv ${query}`).toBe(400);
    }
    // Nothing was run: every commitment is still there.
    expect((await list('')).total).toBe(LABELS.length);
  });

  test('viewers may read the ledger; nobody signed out may', async () => {
    const viewer = (await server.signIn('Vera Viewer', 'viewer')).token;
    expect((await get('/commitments?overdue=true', viewer)).status).toBe(200);
    expect((await get('/commitments.csv', viewer)).status).toBe(200);
    expect((await fetch(`${server.url}/api/commitments`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/commitments.csv`)).status).toBe(401);
  });

  test('the CSV export parses back to the same rows, with formulas neutralised', async () => {
    const query = `objectiveId=${seed.world.objectiveId}&sort=due&limit=2`;
    const response = await get(`/commitments.csv?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="commitments-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const records = parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
    // Every matching row, whatever the page size.
    const { commitments } = await list(`objectiveId=${seed.world.objectiveId}&sort=due`);
    expect(records).toHaveLength(6);
    expect(response.headers.get('x-total-count')).toBe('6');
    const guarded = (value: string) => (/^[=+\-@]/.test(value) ? `'${value}` : value);
    expect(records).toEqual(
      commitments.map((r) => ({
        id: r.id,
        objective: 'Citizen security',
        agency: r.ownerAgencyName,
        owner: guarded(r.ownerPerson),
        text: guarded(r.text),
        'due date': r.dueDate,
        status: r.status,
        overdue: r.overdue ? 'yes' : 'no',
        'times carried': String(r.timesCarried),
        'made in meeting': r.madeInMeetingDate ?? '',
        'created at': r.createdAt,
        'closed at': r.closedAt ?? '',
      })),
    );
    const formula = records.find((record) => record.id === seed.ids.c3);
    expect(formula?.text).toBe(`'${FORMULA_TEXT}`);
    expect(formula?.owner).toBe("'@lopes");
    expect(records.find((record) => record.id === seed.ids.c4)?.text).toBe('Fix street lights, 50% of them');
  });
});
