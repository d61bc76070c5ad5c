/**
 * The meeting cycle's promise: a commitment made in one meeting is followed up in every later
 * meeting of its objective until it is closed, listed once, with how many meetings it was carried
 * through; a meeting created early still lists what was made after it was created.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../../server/db/database.ts';
import { getMeeting, recordMeetingPhase } from '../../../server/meetings/meetingRows.ts';
import { ensureNextMeeting } from '../../../server/meetings/nextMeeting.ts';
import { meetingDocName } from '../../../shared/docNames.ts';
import type { FollowUpEntry } from '../../../shared/followUp.ts';
import type { Commitment } from '../../../shared/ledger.ts';
import { FOLLOW_UP_ITEM_TITLE, readAgenda } from '../../../shared/meetingDoc.ts';
import type { Meeting } from '../../../shared/meetings.ts';
import { addDaysToDate, todayDate } from '../../../shared/periods.ts';
import { DIALECTS } from '../../helpers/databases.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { SocketIoDocClient } from '../../helpers/yjsClients.ts';
import { apiCaller, ledgerActions, makeWorld, objectiveMeeting, type World } from './ledgerWorld.ts';

const ids = (entries: FollowUpEntry[]) => entries.map((entry) => entry.commitment.id);

describe.each(DIALECTS)('carry-forward on %s', { timeout: 90_000 }, (dialect) => {
  let server: TestServer;
  let token: string;
  let writer: SocketIoDocClient;
  let world: World;
  let act: ReturnType<typeof ledgerActions>;

  beforeAll(async () => {
    server = await startTestServer({ dialect });
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
    writer = await SocketIoDocClient.connect(server.url, { token });
    world = await makeWorld(server, token);
    act = ledgerActions(server, token, world);
  });
  afterAll(async () => {
    writer.close();
    await server.close();
  });

  const meeting = (date: string) => objectiveMeeting(server, token, writer, world.objectiveId, date);
  const made = async (meetingId: string, fields: Record<string, unknown> = {}) => {
    const result = await act.make({ meetingId, ...fields });
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    return result.body.commitment as Commitment;
  };
  const reviewed = async (meetingId: string, review: Record<string, unknown>) => {
    const result = await act.review(meetingId, review);
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    return result.body.commitment as Commitment;
  };

  test('made in 1, kept open in 2 and 3 (carried 0, 1, 2), done in 4, gone from 5', async () => {
    const m = [];
    for (const date of ['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29'])
      m.push((await meeting(date)).meetingId);
    const [m1, m2, m3, m4, m5] = m as [string, string, string, string, string];

    expect((await act.start(m1)).status).toBe(200);
    const promise = await made(m1);
    const other = await made(m1, { text: 'Publish the hot-spot map' });
    expect(promise.madeInMeetingId).toBe(m1);
    // Made in meeting 1: its own follow-up does not list it; it lists it as made there.
    const inFirst = await act.followUp(m1);
    expect(ids(inFirst.followUp)).toEqual([]);
    expect(inFirst.made.map((c) => c.id)).toEqual([promise.id, other.id]);
    expect((await act.close(m1)).status).toBe(200);

    const carried: number[] = [];
    for (const [meetingId, dueDate] of [
      [m2, '2027-01-10'],
      [m3, '2027-01-20'],
    ] as const) {
      expect((await act.start(meetingId)).status).toBe(200);
      const before = await act.followUp(meetingId);
      expect(ids(before.followUp).filter((id) => id === promise.id)).toHaveLength(1);
      carried.push(
        (before.followUp.find((e) => e.commitment.id === promise.id) as FollowUpEntry).timesCarried,
      );
      const after = await reviewed(meetingId, {
        commitmentId: promise.id,
        outcome: 'kept_open',
        newDueDate: dueDate,
      });
      expect(after).toMatchObject({ status: 'open', dueDate });
      if (meetingId === m2) await reviewed(m2, { commitmentId: other.id, outcome: 'done' });
      expect((await act.close(meetingId)).status).toBe(200);
    }

    expect((await act.start(m4)).status).toBe(200);
    const fourth = await act.followUp(m4);
    expect(ids(fourth.followUp)).toEqual([promise.id]);
    carried.push((fourth.followUp[0] as FollowUpEntry).timesCarried);
    expect(carried).toEqual([0, 1, 2]);
    await reviewed(m4, { commitmentId: promise.id, outcome: 'done' });
    // Its review is part of meeting 4's record: still listed there, with the review.
    const fourthAfter = await act.followUp(m4);
    expect(fourthAfter.followUp[0]).toMatchObject({
      review: { outcome: 'done' },
      commitment: { status: 'done' },
    });
    expect((await act.close(m4)).status).toBe(200);

    expect(ids((await act.followUp(m5)).followUp)).toEqual([]);
    // The closed meetings' records do not change afterwards.
    const secondRecord = await act.followUp(m2);
    expect(secondRecord.followUp.map((e) => [e.commitment.id, e.review?.outcome])).toEqual(
      expect.arrayContaining([
        [promise.id, 'kept_open'],
        [other.id, 'done'],
      ]),
    );
  });

  test('the next meeting, created before the previous one closed, lists every commitment made in it', async () => {
    const { meetingId: current } = await meeting('2027-02-01');
    const { meetingId: next } = await meeting('2027-02-08');
    expect((await act.start(current)).status).toBe(200);
    const during = [];
    for (const text of ['Open two more shelters', 'Hire 40 nurses', 'Fix the 190 line'])
      during.push((await made(current, { text })).id);
    // Draft: open now.
    expect(ids((await act.followUp(next)).followUp)).toEqual(expect.arrayContaining(during));
    expect((await act.close(current)).status).toBe(200);
    expect((await act.start(next)).status).toBe(200);
    const listed = ids((await act.followUp(next)).followUp);
    expect(listed).toEqual(expect.arrayContaining(during));
    expect(new Set(listed).size).toBe(listed.length);
  });

  test('closing creates the series’ next draft, agenda to start from, follow-up already listing what is open', async () => {
    const fresh = await makeWorld(server, token);
    const freshAct = ledgerActions(server, token, fresh);
    const call = apiCaller(server.url);
    const { meetingId } = await objectiveMeeting(server, token, writer, fresh.objectiveId, '2026-12-03');
    expect((await freshAct.start(meetingId)).status).toBe(200);
    const open = (await freshAct.make({ meetingId })).body.commitment as Commitment;
    const done = (await freshAct.make({ meetingId, text: 'Closed at once' })).body.commitment as Commitment;
    const patched = await call('PATCH', `/objectives/${fresh.objectiveId}/commitments/${done.id}`, token, {
      patch: { status: 'done' },
    });
    expect(patched.status).toBe(200);
    expect((await freshAct.close(meetingId)).status).toBe(200);

    const seriesMeetings = async () => {
      const listed = await call('GET', '/meetings', token);
      return (listed.body.meetings as Meeting[]).filter((m) => m.objectiveId === fresh.objectiveId);
    };
    const drafts = (await seriesMeetings()).filter((m) => m.phase === 'draft');
    expect(drafts).toHaveLength(1);
    const next = drafts[0] as Meeting;
    expect(next.scheduledFor > '2026-12-03').toBe(true);
    const agenda = await server.app.hub.read(meetingDocName(next.id), readAgenda);
    expect(agenda.map((item) => item.title)).toEqual([FOLLOW_UP_ITEM_TITLE, 'Follow-up', 'Burglaries']);
    expect(ids((await freshAct.followUp(next.id)).followUp)).toEqual([open.id]);

    // Closed already: refused, and no second draft appears.
    expect((await freshAct.close(meetingId)).body).toMatchObject({ error: { code: 'invalid_state' } });
    expect((await seriesMeetings()).filter((m) => m.phase === 'draft')).toHaveLength(1);
  });

  test('a closed meeting keeps the due dates it saw: overdue then stays overdue after a new date', async () => {
    const fresh = await makeWorld(server, token);
    const freshAct = ledgerActions(server, token, fresh);
    const today = todayDate();
    const { meetingId: first } = await objectiveMeeting(server, token, writer, fresh.objectiveId, today);
    // One meeting per series and day: the second is the next day.
    const { meetingId: second } = await objectiveMeeting(
      server,
      token,
      writer,
      fresh.objectiveId,
      addDaysToDate(today, 1),
    );
    expect((await freshAct.start(first)).status).toBe(200);
    const late = (await freshAct.make({ meetingId: first, dueDate: addDaysToDate(today, -2) })).body
      .commitment as Commitment;
    expect((await freshAct.close(first)).status).toBe(200);
    expect((await freshAct.start(second)).status).toBe(200);
    const newDate = addDaysToDate(today, 30);
    expect(
      (await freshAct.review(second, { commitmentId: late.id, outcome: 'kept_open', newDueDate: newDate }))
        .status,
    ).toBe(200);
    expect((await freshAct.close(second)).status).toBe(200);
    const [entry] = (await freshAct.followUp(second)).followUp;
    expect(entry).toMatchObject({
      dueDateThen: addDaysToDate(today, -2),
      overdue: true,
      commitment: { dueDate: newDate },
      review: { outcome: 'kept_open', newDueDate: newDate },
    });
  });

  test('two closes of one series planning the next meeting at once: one draft, neither fails', async () => {
    const fresh = await makeWorld(server, token);
    const call = apiCaller(server.url);
    const a = await objectiveMeeting(server, token, writer, fresh.objectiveId, '2026-12-03');
    const b = await objectiveMeeting(server, token, writer, fresh.objectiveId, '2026-12-04');
    const db = openDatabase(server.database.config);
    try {
      // Closed as far as the series can tell, with no draft after them.
      for (const id of [a.meetingId, b.meetingId])
        await recordMeetingPhase(db, id, { phase: 'closed', startedAt: Date.now(), closedAt: Date.now() });
      const closed = await Promise.all([getMeeting(db, a.meetingId), getMeeting(db, b.meetingId)]);
      // Both look for a draft before either creates one: the second creation is refused inside.
      const [first, second] = await Promise.all(
        closed.map((meeting) => ensureNextMeeting(db, server.app.hub, meeting, 'analyst', Date.now())),
      );
      expect(first?.meeting.id).toBe(second?.meeting.id);
      expect([first?.created, second?.created].filter(Boolean)).toHaveLength(1);
    } finally {
      await db.close();
    }
    const listed = await call('GET', '/meetings', token);
    const ids = (listed.body.meetings as Meeting[])
      .filter((m) => m.objectiveId === fresh.objectiveId && m.phase === 'draft')
      .map((m) => m.id);
    expect(ids).toHaveLength(1);
  });
});
