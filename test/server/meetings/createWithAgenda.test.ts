/** `POST /api/meetings` with `agenda`: start empty, from the last meeting's agenda, or from the data. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Db, openDatabase } from '../../../server/db/database.ts';
import { generateDemoData } from '../../../server/demo/generate.ts';
import { insertDemoData } from '../../../server/demo/seed.ts';
import { copyAgenda, planAgendaFromData } from '../../../server/meetings/agendaPlan.ts';
import { getObjectiveDetail } from '../../../server/performance/objectives.ts';
import { meetingDocName } from '../../../shared/docNames.ts';
import { readAgenda } from '../../../shared/meetingDoc.ts';
import type { Meeting } from '../../../shared/meetings.ts';
import { todayDate } from '../../../shared/periods.ts';
import { notesText } from '../../../shared/richNotes.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

const OBJECTIVE = 'obj-01';

describe('creating a meeting with a starting agenda (SQLite)', () => {
  let server: TestServer;
  let db: Db;
  let analyst: string;
  const today = todayDate(new Date());

  const post = (body: unknown) =>
    fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
      body: JSON.stringify(body),
    });

  async function create(body: Record<string, unknown>): Promise<Meeting> {
    const response = await post(body);
    if (response.status !== 201) throw new Error(`create: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { meeting: Meeting }).meeting;
  }

  /** The agenda as stored, notes as text. */
  const agendaOf = (meeting: Meeting) =>
    server.app.hub.read(meetingDocName(meeting.id), (doc) =>
      readAgenda(doc).map(({ title, kind, presenterAgency, timeboxMinutes, indicatorIds, notes }) => ({
        title,
        kind,
        presenterAgency,
        timeboxMinutes,
        indicatorIds,
        notes: notesText(notes),
      })),
    );

  beforeAll(async () => {
    server = await startTestServer();
    db = openDatabase(server.database.config);
    await insertDemoData(db, generateDemoData({ asOf: today, seed: 3, objectives: 2 }));
    analyst = (await server.signIn('Ana Analyst', 'analyst')).token;
  });
  afterAll(async () => {
    await db.close();
    await server.close();
  });

  test('by default, and with { from: "empty" }, the agenda is empty', async () => {
    const plain = await create({ title: 'Plain', scheduledFor: '2030-01-07', objectiveId: OBJECTIVE });
    expect(await agendaOf(plain)).toEqual([]);
    const empty = await create({ title: 'Empty', scheduledFor: '2030-01-08', agenda: { from: 'empty' } });
    expect(await agendaOf(empty)).toEqual([]);
  });

  test('from the data: the planned items, within the total time', async () => {
    const meeting = await create({
      title: 'From the data',
      scheduledFor: '2031-03-03',
      objectiveId: OBJECTIVE,
      agenda: { from: 'data', totalMinutes: 60 },
    });
    const agenda = await agendaOf(meeting);
    const detail = await getObjectiveDetail(db.kysely, OBJECTIVE, today);
    // The earlier meeting of the series (2030-01-07) is named by the follow-up's notes.
    const planned = planAgendaFromData(detail, { totalMinutes: 60, previousMeeting: '2030-01-07' });
    expect(agenda).toEqual(planned.map(({ goal: _goal, ...item }) => item));
    expect(agenda[0]?.kind).toBe('follow_up');
    expect(agenda.length).toBeGreaterThan(1);
    expect(agenda.reduce((sum, item) => sum + item.timeboxMinutes, 0)).toBeLessThanOrEqual(60);
    for (const item of agenda.slice(1)) {
      expect(item.kind).toBe('goal_review');
      expect(item.presenterAgency).not.toBe('');
      expect(item.indicatorIds.length).toBeGreaterThan(0);
    }

    // A larger budget holds more (or as many, if every goal is already there).
    const larger = await create({
      title: 'Larger',
      scheduledFor: '2031-03-04',
      objectiveId: 'obj-02',
      agenda: { from: 'data', totalMinutes: 240 },
    });
    const small = await create({
      title: 'Small',
      scheduledFor: '2031-03-05',
      objectiveId: 'obj-02',
      agenda: { from: 'data', totalMinutes: 30 },
    });
    expect((await agendaOf(larger)).length).toBeGreaterThanOrEqual((await agendaOf(small)).length);
    expect((await agendaOf(small)).reduce((sum, item) => sum + item.timeboxMinutes, 0)).toBeLessThanOrEqual(
      30,
    );
  });

  test("from the last meeting: that meeting's items, follow-up first, notes left behind", async () => {
    const last = await agendaOf(await latestBefore('2031-03-10'));
    const meeting = await create({
      title: 'From the last',
      scheduledFor: '2031-03-10',
      objectiveId: OBJECTIVE,
      agenda: { from: 'last' },
    });
    const agenda = await agendaOf(meeting);
    expect(agenda).toEqual(copyAgenda(last));
    expect(agenda.length).toBe(last.length);
    expect(agenda.every((item) => item.notes === '')).toBe(true);
  });

  test('from the last meeting, with none before: just the follow-up item', async () => {
    const meeting = await create({
      title: 'First of the series',
      scheduledFor: '2029-06-04',
      objectiveId: 'obj-02',
      agenda: { from: 'last' },
    });
    const agenda = await agendaOf(meeting);
    expect(agenda.map((item) => item.kind)).toEqual(['follow_up']);
  });

  test('bad options are refused with invalid_payload and create nothing', async () => {
    const before = await db.kysely.selectFrom('meetings').select('id').execute();
    const objectiveId = OBJECTIVE;
    const refused: Array<Record<string, unknown>> = [
      { agenda: { from: 'last' } }, // no objective
      { agenda: { from: 'data', totalMinutes: 60 } }, // no objective
      { agenda: { from: 'data', totalMinutes: 60 }, objectiveId: null },
      { agenda: { from: 'data' }, objectiveId },
      { agenda: { from: 'data', totalMinutes: 29 }, objectiveId },
      { agenda: { from: 'data', totalMinutes: 241 }, objectiveId },
      { agenda: { from: 'data', totalMinutes: 45.5 }, objectiveId },
      { agenda: { from: 'data', totalMinutes: '60' }, objectiveId },
      { agenda: { from: 'template' }, objectiveId },
      { agenda: 'last', objectiveId },
      { agenda: { from: 'last', totalMinutes: 60 }, objectiveId },
    ];
    for (const options of refused) {
      const response = await post({ title: 'Refused', scheduledFor: '2032-01-05', ...options });
      expect(response.status, JSON.stringify(options)).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_payload');
      expect(body.error.message).toMatch(/^agenda/);
    }
    expect(await db.kysely.selectFrom('meetings').select('id').execute()).toHaveLength(before.length);
  });

  async function latestBefore(date: string): Promise<Meeting> {
    const row = await db.kysely
      .selectFrom('meetings')
      .select(['id'])
      .where('objective_id', '=', OBJECTIVE)
      .where('scheduled_for', '<', date)
      .orderBy('scheduled_for', 'desc')
      .executeTakeFirstOrThrow();
    return { id: row.id } as Meeting;
  }
});
