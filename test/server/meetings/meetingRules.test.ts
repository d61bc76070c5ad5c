/**
 * Issue 16 item 6, on SQLite and PostgreSQL: one meeting per series and date (checked, and enforced
 * by a unique index even for requests at once), dates within 2000–2100, an unknown objective
 * refused, and a draft meeting deleted with its documents while live and closed ones stay.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Db, openDatabase } from '../../../server/db/database.ts';
import { insertMeetingRows } from '../../../server/meetings/meetingRows.ts';
import { meetingDocName, meetingLiveDocName } from '../../../shared/docNames.ts';
import { addAgendaItem } from '../../../shared/meetingDoc.ts';
import type { Meeting } from '../../../shared/meetings.ts';
import { DIALECTS } from '../../helpers/databases.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { SocketIoDocClient } from '../../helpers/yjsClients.ts';

interface Answer {
  status: number;
  body: { meeting: Meeting; meetings: Meeting[]; error: { code: string; message: string } };
}

describe.each(DIALECTS)('meeting rules on %s', { timeout: 60_000 }, (dialect) => {
  let server: TestServer;
  let analyst: string;
  let viewer: string;
  /** A second connection to the server's database, for what the API cannot do. */
  let db: Db;

  const call = async (method: string, path: string, token: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(`${server.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const create = (body: Record<string, unknown>) => call('POST', '/meetings', analyst, body);
  const created = async (body: Record<string, unknown>): Promise<Meeting> => {
    const answer = await create(body);
    if (answer.status !== 201) throw new Error(`setup: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.meeting;
  };
  const storedRows = async (docName: string) =>
    (await db.kysely.selectFrom('doc_updates').select('id').where('doc_name', '=', docName).execute()).length;

  beforeAll(async () => {
    server = await startTestServer({ dialect });
    db = openDatabase(server.database.config);
    analyst = (await server.signIn('Ana Analyst', 'analyst')).token;
    viewer = (await server.signIn('Vera Viewer', 'viewer')).token;
    for (const [id, name] of [
      ['obj-a', 'Security'],
      ['obj-b', 'Health'],
      ['obj-race', 'Race'],
    ]) {
      const answer = await call('POST', '/objectives', analyst, { id, name });
      if (answer.status !== 201) throw new Error(`setup: ${JSON.stringify(answer.body)}`);
    }
  });
  afterAll(async () => {
    await db?.close();
    await server?.close();
  });

  test('a second meeting of a series on one date is refused, naming the first', async () => {
    const first = await created({ title: 'Week 48', scheduledFor: '2026-11-30', objectiveId: 'obj-a' });
    const again = await create({ title: 'Week 48 again', scheduledFor: '2026-11-30', objectiveId: 'obj-a' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    expect(again.body.error.message).toContain(first.id);
    expect(again.body.error.message).toContain('“Week 48”');
    // Another series, or no series, may meet that day.
    expect((await create({ title: 'Health', scheduledFor: '2026-11-30', objectiveId: 'obj-b' })).status).toBe(
      201,
    );
    expect((await create({ title: 'Loose 1', scheduledFor: '2026-11-30' })).status).toBe(201);
    expect((await create({ title: 'Loose 2', scheduledFor: '2026-11-30' })).status).toBe(201);
  });

  test('two creates at once for one date: one wins, the other gets conflict', async () => {
    const answers = await Promise.all(
      [1, 2, 3].map((n) =>
        create({ title: `Race ${n}`, scheduledFor: '2027-01-04', objectiveId: 'obj-race' }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    for (const answer of answers.filter((a) => a.status === 409)) {
      expect(answer.body.error.code).toBe('conflict');
    }
    const listed = await call('GET', '/meetings', viewer);
    expect(listed.body.meetings.filter((m) => m.objectiveId === 'obj-race')).toHaveLength(1);
  });

  test('the database refuses a duplicate written past the application (unique index)', async () => {
    const row = {
      id: 'by-hand-1',
      title: 'By hand',
      objective_id: 'obj-b',
      scheduled_for: '2027-02-01',
      created_at: new Date().toISOString(),
      created_by: 'test',
      phase: 'draft' as const,
      started_at: null,
      closed_at: null,
    };
    await insertMeetingRows(db, [row]);
    await expect(insertMeetingRows(db, [{ ...row, id: 'by-hand-2' }])).rejects.toThrow();
    await insertMeetingRows(db, [{ ...row, id: 'by-hand-3', objective_id: null }]);
    await insertMeetingRows(db, [{ ...row, id: 'by-hand-4', objective_id: null }]);
  });

  test('rescheduling onto a date the series has is refused; keeping the own date is not', async () => {
    const a = await created({ title: 'A', scheduledFor: '2027-03-01', objectiveId: 'obj-a' });
    const b = await created({ title: 'B', scheduledFor: '2027-03-08', objectiveId: 'obj-a' });
    const moved = await call('PATCH', `/meetings/${b.id}`, analyst, { scheduledFor: '2027-03-01' });
    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe('conflict');
    expect(moved.body.error.message).toContain(a.id);
    const same = await call('PATCH', `/meetings/${a.id}`, analyst, {
      scheduledFor: '2027-03-01',
      title: 'A2',
    });
    expect(same.status).toBe(200);
    expect(same.body.meeting.title).toBe('A2');
    const free = await call('PATCH', `/meetings/${b.id}`, analyst, { scheduledFor: '2027-03-15' });
    expect(free.body.meeting.scheduledFor).toBe('2027-03-15');
  });

  test('the next meeting of a series never lands on a date the series has', async () => {
    await created({ title: 'Held', scheduledFor: '2030-06-03', objectiveId: 'obj-b' });
    const next = await call('POST', '/objectives/obj-b/series/next-meeting', analyst, {
      allowSecondDraft: true,
    });
    expect(next.status).toBe(201);
    expect(next.body.meeting.scheduledFor > '2030-06-03').toBe(true);
  });

  test('dates outside 2000-01-01 … 2100-12-31 are refused on create and reschedule', async () => {
    for (const scheduledFor of ['1999-12-31', '2101-01-01', '0001-01-01', '9999-12-31']) {
      const answer = await create({ title: 'Typo', scheduledFor });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('invalid_payload');
      expect(answer.body.error.message).toMatch(/^scheduledFor: .*2000-01-01 … 2100-12-31/);
    }
    const first = await created({ title: 'First day', scheduledFor: '2000-01-01' });
    await created({ title: 'Last day', scheduledFor: '2100-12-31' });
    const moved = await call('PATCH', `/meetings/${first.id}`, analyst, { scheduledFor: '1999-01-01' });
    expect(moved.status).toBe(400);
    expect(moved.body.error.message).toMatch(/^scheduledFor:/);
  });

  test('an unknown objective is refused naming objectiveId', async () => {
    const answer = await create({ title: 'Nowhere', scheduledFor: '2027-05-05', objectiveId: 'obj-nope' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_payload');
    expect(answer.body.error.message).toBe('objectiveId: no objective obj-nope');
  });

  test('a draft is deleted with its documents; the documents can no longer be joined', async () => {
    const meeting = await created({ title: 'To delete', scheduledFor: '2027-06-07', objectiveId: 'obj-a' });
    await server.app.hub.change(meetingDocName(meeting.id), (doc) => addAgendaItem(doc, { title: 'Item' }));
    expect(await storedRows(meetingDocName(meeting.id))).toBeGreaterThan(0);

    expect((await call('DELETE', `/meetings/${meeting.id}`, viewer)).status).toBe(403);
    const deleted = await call('DELETE', `/meetings/${meeting.id}`, analyst);
    expect(deleted.status).toBe(204);
    expect((await call('GET', `/meetings/${meeting.id}`, viewer)).status).toBe(404);
    expect(await storedRows(meetingDocName(meeting.id))).toBe(0);
    expect(await storedRows(meetingLiveDocName(meeting.id))).toBe(0);
    const again = await call('DELETE', `/meetings/${meeting.id}`, analyst);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_found');

    const client = await SocketIoDocClient.connect(server.url, { token: analyst });
    try {
      const { ack } = await client.join(meetingDocName(meeting.id));
      expect(ack).toMatchObject({ error: { code: 'not_found' } });
    } finally {
      client.provider.destroy();
    }
    // Its date is free again.
    expect((await create({ title: 'Again', scheduledFor: '2027-06-07', objectiveId: 'obj-a' })).status).toBe(
      201,
    );
  });

  test('live and closed meetings are records: invalid_state', async () => {
    const meeting = await created({ title: 'Held', scheduledFor: '2027-07-05', objectiveId: 'obj-a' });
    await server.app.hub.change(meetingDocName(meeting.id), (doc) => addAgendaItem(doc, { title: 'Item' }));
    expect((await call('POST', `/meetings/${meeting.id}/start`, analyst, {})).status).toBe(200);
    const live = await call('DELETE', `/meetings/${meeting.id}`, analyst);
    expect(live.status).toBe(409);
    expect(live.body.error).toMatchObject({ code: 'invalid_state' });
    expect(live.body.error.message).toMatch(/live/);
    expect((await call('POST', `/meetings/${meeting.id}/close`, analyst, {})).status).toBe(200);
    const closed = await call('DELETE', `/meetings/${meeting.id}`, analyst);
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toMatch(/closed/);
    expect((await call('GET', `/meetings/${meeting.id}`, viewer)).status).toBe(200);
  });

  test('a draft open in a page is deleted: the page is told, nothing of it stays stored, it cannot be joined again', async () => {
    const meeting = await created({ title: 'Open', scheduledFor: '2027-08-02', objectiveId: 'obj-b' });
    const client = await SocketIoDocClient.connect(server.url, { token: analyst });
    try {
      const name = meetingDocName(meeting.id);
      const joined = await client.joinSynced(name);
      addAgendaItem(joined.doc, { title: 'Typed just before the delete' });
      expect((await call('DELETE', `/meetings/${meeting.id}`, analyst)).status).toBe(204);
      await client.waitForError('not_found', name);
      expect(server.app.hub.isLoaded(name)).toBe(false);
      const stored = await db.kysely
        .selectFrom('doc_updates')
        .select('id')
        .where('doc_name', 'in', [name, meetingLiveDocName(meeting.id)])
        .execute();
      expect(stored).toEqual([]);
      const again = await client.join(name);
      expect(again.ack).toMatchObject({ error: { code: 'not_found' } });
      expect((await call('GET', `/meetings/${meeting.id}`, viewer)).status).toBe(404);
    } finally {
      client.provider.destroy();
    }
  });
});
