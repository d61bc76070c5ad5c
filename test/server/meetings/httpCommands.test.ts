/**
 * The meeting commands over HTTP (for scripts): same validation, role table and answers as the
 * Socket.IO events; plus renaming and rescheduling, refused once the meeting is closed. On both
 * dialects: the commands' state lives in documents, the meetings' rows in either database.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MeetingCommand } from '../../../shared/meetingCommands.ts';
import { DIALECTS } from '../../helpers/databases.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { SocketIoDocClient } from '../../helpers/yjsClients.ts';
import { agendaOnServer, command, httpCommand, liveBytes, meetingWithAgenda } from './liveMeeting.ts';

describe.each(DIALECTS)('meeting commands over HTTP on %s', { timeout: 60_000 }, (dialect) => {
  let server: TestServer;
  let analystToken: string;
  let viewerToken: string;
  let analyst: SocketIoDocClient;

  beforeAll(async () => {
    server = await startTestServer({ dialect });
    analystToken = (await server.signIn('Ana Analyst', 'analyst')).token;
    viewerToken = (await server.signIn('Vera Viewer', 'viewer')).token;
    analyst = await SocketIoDocClient.connect(server.url, { token: analystToken });
  });
  afterAll(async () => {
    analyst.close();
    await server.close();
  });

  const newMeeting = async () => {
    const meeting = await meetingWithAgenda(server.url, analystToken, analyst);
    await agendaOnServer(server.app.hub, meeting.meetingId, 3);
    return meeting;
  };

  test('a script runs a meeting: start, go-to, timer, close answer { ok: true, state }', async () => {
    const { meetingId, itemIds } = await newMeeting();
    const [a, b] = itemIds as [string, string];
    const start = await httpCommand(server.url, analystToken, meetingId, 'start', {});
    expect(start).toEqual({
      status: 200,
      body: { ok: true, state: expect.objectContaining({ phase: 'live', currentItemId: a }) },
    });
    const next = await httpCommand(server.url, analystToken, meetingId, 'go-to', {
      expectedItemId: a,
      to: 'next',
    });
    expect(next.body).toMatchObject({ ok: true, state: { currentItemId: b } });
    const extend = await httpCommand(server.url, analystToken, meetingId, 'timer', {
      expectedItemId: b,
      action: 'extend',
      minutes: 3,
    });
    expect(extend.body).toMatchObject({ ok: true, state: { timings: { [b]: { extensionsMs: 180_000 } } } });
    // A script that did not send the last command reads the current item first (viewers may read).
    const read = await fetch(`${server.url}/api/meetings/${meetingId}/live`, {
      headers: { authorization: `Bearer ${viewerToken}` },
    });
    expect(read.status).toBe(200);
    const live = (await read.json()) as {
      state: { currentItemId: string };
      timeline: Array<{ action: string }>;
    };
    expect(live.state).toEqual((extend.body as { state: unknown }).state);
    expect(live.timeline.map((entry) => entry.action)).toEqual(['started', 'wentTo', 'timerExtended']);
    const missing = await fetch(`${server.url}/api/meetings/no-such-meeting/live`, {
      headers: { authorization: `Bearer ${viewerToken}` },
    });
    expect(missing.status).toBe(404);
    const close = await httpCommand(server.url, analystToken, meetingId, 'close', {});
    expect(close).toMatchObject({ status: 200, body: { ok: true, state: { phase: 'closed' } } });
  });

  test('refusals: the same code and message as over Socket.IO, with a matching status, and nothing changed', async () => {
    const { meetingId, itemIds } = await newMeeting();
    const [a, b] = itemIds as [string, string];
    const both = async (
      name: MeetingCommand,
      path: string,
      body: Record<string, unknown>,
      token = analystToken,
    ) => {
      const before = await liveBytes(server.app.hub, meetingId);
      const overHttp = await httpCommand(server.url, token, meetingId, path, body);
      const viaSocket = token === analystToken ? await command(analyst, name, { meetingId, ...body }) : null;
      expect(await liveBytes(server.app.hub, meetingId)).toEqual(before);
      if (viaSocket) expect(overHttp.body).toEqual(viaSocket);
      return overHttp;
    };
    expect(await both(MeetingCommand.goTo, 'go-to', { expectedItemId: a, to: 'next' })).toMatchObject({
      status: 409,
      body: { error: { code: 'invalid_state' } },
    });
    expect(
      await both(MeetingCommand.timer, 'timer', { expectedItemId: a, action: 'extend', minutes: 90 }),
    ).toMatchObject({ status: 400, body: { error: { code: 'invalid_payload' } } });
    expect(await both(MeetingCommand.goTo, 'go-to', { to: 'next' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_payload' } },
    });
    expect(await both(MeetingCommand.close, 'close', {})).toMatchObject({
      status: 409,
      body: { error: { code: 'invalid_state' } },
    });
    expect((await httpCommand(server.url, analystToken, meetingId, 'start', {})).status).toBe(200);
    expect(await both(MeetingCommand.goTo, 'go-to', { expectedItemId: b, to: 'next' })).toMatchObject({
      status: 409,
      body: { error: { code: 'stale' } },
    });
    expect(
      await both(MeetingCommand.goTo, 'go-to', { expectedItemId: a, to: { itemId: 'nope' } }),
    ).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await both(MeetingCommand.close, 'close', {}, viewerToken)).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
    expect(await httpCommand(server.url, analystToken, 'no-such-meeting', 'start', {})).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
    const anonymous = await fetch(`${server.url}/api/meetings/${meetingId}/close`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
  });

  test('rename and reschedule until the meeting closes', async () => {
    const { meetingId } = await newMeeting();
    const patch = (body: unknown, token = analystToken) =>
      fetch(`${server.url}/api/meetings/${meetingId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const renamed = await patch({ title: 'Security stocktake (moved)', scheduledFor: '2026-12-09' });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({
      meeting: { id: meetingId, title: 'Security stocktake (moved)', scheduledFor: '2026-12-09' },
    });
    expect((await patch({})).status).toBe(400);
    expect((await patch({ scheduledFor: '2026-02-30' })).status).toBe(400);
    expect((await patch({ title: 'x' }, viewerToken)).status).toBe(403);
    await httpCommand(server.url, analystToken, meetingId, 'start', {});
    await httpCommand(server.url, analystToken, meetingId, 'close', {});
    const late = await patch({ title: 'Rewritten afterwards' });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: { code: 'invalid_state' } });
  });
});
