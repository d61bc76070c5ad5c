/**
 * A meeting's record: the data pinned when it started (a later correction shown beside the pinned
 * value, never replacing it), time per item against its box, attendance, follow-up and commitments.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { meetingDocName } from '../../../shared/docNames.ts';
import type { Commitment } from '../../../shared/ledger.ts';
import { readAgenda, setAttendee, updateAgendaItem } from '../../../shared/meetingDoc.ts';
import type { MeetingRecord } from '../../../shared/meetingRecord.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { SocketIoDocClient, waitFor } from '../../helpers/yjsClients.ts';
import { apiCaller, ledgerActions, makeWorld, objectiveMeeting, type World } from '../ledger/ledgerWorld.ts';

describe('meeting record', { timeout: 60_000 }, () => {
  let server: TestServer;
  let token: string;
  let writer: SocketIoDocClient;
  let world: World;
  const call = () => apiCaller(server.url);

  beforeAll(async () => {
    server = await startTestServer();
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
    writer = await SocketIoDocClient.connect(server.url, { token });
    world = await makeWorld(server, token);
  });
  afterAll(async () => {
    writer.close();
    await server.close();
  });

  test('pins the data on start; a correction is shown beside the pinned value; time per item is kept', async () => {
    const indicatorId = `burglaries-${world.goalId}`.slice(0, 60);
    const created = await call()('POST', '/indicators', token, {
      id: indicatorId,
      goalId: world.goalId,
      name: 'Household burglaries',
      unit: 'cases',
      direction: 'down',
      frequency: 'monthly',
      baselineValue: 500,
      baselineDate: '2026-01-01',
      targetValue: 400,
      targetDate: '2026-12-31',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (const [period, value] of [
      ['2026-09', 440],
      ['2026-10', 421],
    ] as const)
      expect(
        (await call()('PUT', `/indicators/${indicatorId}/points/${period}`, token, { value })).status,
      ).toBe(201);

    const { meetingId, itemIds } = await objectiveMeeting(
      server,
      token,
      writer,
      world.objectiveId,
      '2026-12-01',
    );
    const doc = writer.docs.get(meetingDocName(meetingId))?.doc;
    if (!doc) throw new Error('the writer has the meeting open');
    updateAgendaItem(doc, itemIds[1] as string, { indicatorIds: [indicatorId], timeboxMinutes: 12 });
    setAttendee(doc, 'u1', { name: 'Chief Silva', agency: 'Police', present: true });
    await waitFor(
      async () =>
        (await server.app.hub.read(meetingDocName(meetingId), readAgenda))[1]?.indicatorIds[0] ===
        indicatorId,
      'the indicator on the server',
    );
    const act = ledgerActions(server, token, world);
    expect((await act.start(meetingId)).status).toBe(200);
    // Entered after the start: the meeting keeps what it was shown.
    expect(
      (await call()('PUT', `/indicators/${indicatorId}/points/2026-10`, token, { value: 418 })).status,
    ).toBe(200);
    expect(
      (await call()('PUT', `/indicators/${indicatorId}/points/2026-11`, token, { value: 410 })).status,
    ).toBe(201);
    const made = (await act.make({ meetingId, itemId: itemIds[1] })).body.commitment as Commitment;
    expect(
      (
        await call()('POST', `/meetings/${meetingId}/go-to`, token, {
          expectedItemId: itemIds[0],
          to: 'next',
        })
      ).status,
    ).toBe(200);
    expect((await act.close(meetingId)).status).toBe(200);

    const response = await call()('GET', `/meetings/${meetingId}/record`, token);
    expect(response.status).toBe(200);
    const record = response.body as unknown as MeetingRecord;
    expect(record.meeting.phase).toBe('closed');
    expect(record.pinned).toEqual([
      {
        indicatorId,
        pinnedAt: record.live.startedAt,
        points: [
          { period: '2026-09', value: 440, enteredAt: expect.any(String) },
          { period: '2026-10', value: 421, enteredAt: expect.any(String) },
        ],
        corrections: [{ period: '2026-10', pinned: 421, current: 418, correctedAt: expect.any(String) }],
      },
    ]);
    expect(record.agenda.map((item) => [item.title, item.timeboxMinutes])).toEqual([
      ['Follow-up', 10],
      ['Burglaries', 12],
    ]);
    expect(record.agenda[1]?.allowedMs).toBe(12 * 60_000);
    expect(record.agenda.every((item) => item.spentMs >= 0)).toBe(true);
    expect(record.attendance).toEqual([{ name: 'Chief Silva', agency: 'Police', present: true }]);
    expect(record.made.map((c) => c.id)).toEqual([made.id]);
    expect(record.names.indicators[indicatorId]).toEqual({ name: 'Household burglaries', unit: 'cases' });
    expect(record.names.objective).toBe('Citizen security');
    expect(record.timeline.map((entry) => entry.action)).toEqual(['started', 'wentTo', 'closed']);

    // The record of a closed meeting is the same when asked again.
    const again = (await call()('GET', `/meetings/${meetingId}/record`, token))
      .body as unknown as MeetingRecord;
    expect(again.pinned).toEqual(record.pinned);
    expect(again.agenda).toEqual(record.agenda);
  });

  test('a draft has nothing pinned; an unknown meeting is not found', async () => {
    const { meetingId } = await objectiveMeeting(server, token, writer, world.objectiveId, '2026-12-09');
    const record = (await call()('GET', `/meetings/${meetingId}/record`, token))
      .body as unknown as MeetingRecord;
    expect(record.pinned).toEqual([]);
    expect(record.live.phase).toBe('draft');
    expect((await call()('GET', '/meetings/nope/record', token)).status).toBe(404);
  });
});
