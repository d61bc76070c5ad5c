/**
 * Meeting commands over Socket.IO against a real server: every transition, every refusal (the live
 * state byte-for-byte unchanged), roles, a double "next", and the live state read-only to clients.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { meetingLiveDocName } from '../../../shared/docNames.ts';
import { ERROR_REASON_KEYS } from '../../../shared/errorReasons.ts';
import { type CommandAck, MeetingCommand } from '../../../shared/meetingCommands.ts';
import { readLiveState, readTimeline } from '../../../shared/meetingLive.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { SocketIoDocClient, waitFor } from '../../helpers/yjsClients.ts';
import { agendaOnServer, command, liveBytes, meetingWithAgenda } from './liveMeeting.ts';

describe('meeting commands over Socket.IO', { timeout: 60_000 }, () => {
  let server: TestServer;
  let analystToken: string;
  let analyst: SocketIoDocClient;
  let analyst2: SocketIoDocClient;
  let viewer: SocketIoDocClient;
  const clients: SocketIoDocClient[] = [];

  const connect = async (token: string) => {
    const client = await SocketIoDocClient.connect(server.url, { token });
    clients.push(client);
    return client;
  };
  const newMeeting = async () => {
    const meeting = await meetingWithAgenda(server.url, analystToken, analyst);
    await agendaOnServer(server.app.hub, meeting.meetingId, 3);
    return meeting;
  };
  const ok = (ack: CommandAck) => {
    if (!('ok' in ack)) throw new Error(`refused: ${ack.error.code} ${ack.error.message}`);
    return ack.state;
  };
  /** The command is refused with `code` and the live state stays byte-for-byte the same. */
  const refused = async (
    client: SocketIoDocClient,
    meetingId: string,
    name: MeetingCommand,
    payload: unknown,
    code: string,
  ) => {
    const before = await liveBytes(server.app.hub, meetingId);
    const ack = await command(client, name, payload);
    // The shape is exact; a reason, when there is one, is a key the client can translate.
    const { reason, ...error } = 'error' in ack ? ack.error : { reason: undefined };
    expect({ error }).toEqual({ error: { code, message: expect.any(String) } });
    if (reason) expect(ERROR_REASON_KEYS).toContain(reason.key);
    expect(await liveBytes(server.app.hub, meetingId)).toEqual(before);
    return ack;
  };

  beforeAll(async () => {
    server = await startTestServer();
    analystToken = (await server.signIn('Ana Analyst', 'analyst')).token;
    analyst = await connect(analystToken);
    analyst2 = await connect((await server.signIn('Beto Analyst', 'analyst')).token);
    viewer = await connect((await server.signIn('Vera Viewer', 'viewer')).token);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.close();
  });

  test('start, next, timer pause / start / extend, go to an item, previous, close: each applied and seen by a viewer', async () => {
    const { meetingId, itemIds } = await newMeeting();
    const [a, b, c] = itemIds as [string, string, string];
    const watching = await viewer.joinSynced(meetingLiveDocName(meetingId));
    expect(watching.permission).toBe('read');
    const seen = () => readLiveState(watching.doc);

    expect(ok(await command(analyst, MeetingCommand.start, { meetingId }))).toMatchObject({
      phase: 'live',
      currentItemId: a,
    });
    await waitFor(() => seen().phase === 'live', 'the viewer sees the meeting live');

    const next = ok(
      await command(analyst, MeetingCommand.goTo, { meetingId, expectedItemId: a, to: 'next' }),
    );
    expect(next.currentItemId).toBe(b);
    expect(next.timings[a]).toMatchObject({ endedAt: expect.any(Number), runningSince: null });
    expect(next.timings[b]).toMatchObject({ endedAt: null, runningSince: expect.any(Number) });

    const pausedState = ok(
      await command(analyst, MeetingCommand.timer, { meetingId, expectedItemId: b, action: 'pause' }),
    );
    expect(pausedState.timings[b]?.runningSince).toBeNull();
    const restarted = ok(
      await command(analyst, MeetingCommand.timer, { meetingId, expectedItemId: b, action: 'start' }),
    );
    expect(restarted.timings[b]?.runningSince).toEqual(expect.any(Number));
    const extended = ok(
      await command(analyst, MeetingCommand.timer, {
        meetingId,
        expectedItemId: b,
        action: 'extend',
        minutes: 5,
      }),
    );
    expect(extended.timings[b]?.extensionsMs).toBe(5 * 60_000);

    expect(
      ok(await command(analyst, MeetingCommand.goTo, { meetingId, expectedItemId: b, to: { itemId: c } }))
        .currentItemId,
    ).toBe(c);
    expect(
      ok(await command(analyst2, MeetingCommand.goTo, { meetingId, expectedItemId: c, to: 'previous' }))
        .currentItemId,
    ).toBe(b);
    const closed = ok(await command(analyst, MeetingCommand.close, { meetingId }));
    expect(closed).toMatchObject({ phase: 'closed', currentItemId: b, closedAt: expect.any(Number) });
    expect(closed.timings[b]).toMatchObject({ runningSince: null, endedAt: closed.closedAt });

    await waitFor(() => seen().phase === 'closed', 'the viewer sees the meeting closed');
    const timeline = readTimeline(watching.doc);
    expect(timeline.map((entry) => [entry.action, entry.actor.name])).toEqual([
      ['started', 'Ana Analyst'],
      ['wentTo', 'Ana Analyst'],
      ['timerPaused', 'Ana Analyst'],
      ['timerStarted', 'Ana Analyst'],
      ['timerExtended', 'Ana Analyst'],
      ['wentTo', 'Ana Analyst'],
      ['wentTo', 'Beto Analyst'],
      ['closed', 'Ana Analyst'],
    ]);
  });

  test('the actor comes from the session, never from the payload', async () => {
    const { meetingId } = await newMeeting();
    ok(
      await command(analyst, MeetingCommand.start, {
        meetingId,
        actor: { id: 'x', name: 'Governor', role: 'analyst' },
      }),
    );
    const timeline = await server.app.hub.change(meetingLiveDocName(meetingId), readTimeline);
    expect(timeline[0]?.actor).toEqual({ id: 'dev-ana-analyst', name: 'Ana Analyst', role: 'analyst' });
  });

  test('impossible transitions are refused with a stable code and change nothing', async () => {
    const { meetingId, itemIds } = await newMeeting();
    const [a, b] = itemIds as [string, string];
    // A draft meeting cannot be advanced, timed or closed.
    await refused(
      analyst,
      meetingId,
      MeetingCommand.goTo,
      { meetingId, expectedItemId: a, to: 'next' },
      'invalid_state',
    );
    await refused(
      analyst,
      meetingId,
      MeetingCommand.timer,
      { meetingId, expectedItemId: a, action: 'start' },
      'invalid_state',
    );
    await refused(analyst, meetingId, MeetingCommand.close, { meetingId }, 'invalid_state');
    ok(await command(analyst, MeetingCommand.start, { meetingId }));
    await refused(analyst, meetingId, MeetingCommand.start, { meetingId }, 'invalid_state');
    await refused(
      analyst,
      meetingId,
      MeetingCommand.goTo,
      { meetingId, expectedItemId: a, to: 'previous' },
      'invalid_state',
    );
    await refused(
      analyst,
      meetingId,
      MeetingCommand.goTo,
      { meetingId, expectedItemId: a, to: { itemId: 'no-such-item' } },
      'not_found',
    );
    await refused(
      analyst,
      meetingId,
      MeetingCommand.goTo,
      { meetingId, expectedItemId: b, to: 'next' },
      'stale',
    );
    await refused(
      analyst,
      meetingId,
      MeetingCommand.timer,
      { meetingId, expectedItemId: a, action: 'start' },
      'invalid_state',
    );
    await refused(
      analyst,
      meetingId,
      MeetingCommand.timer,
      { meetingId, expectedItemId: b, action: 'pause' },
      'stale',
    );
    ok(await command(analyst, MeetingCommand.close, { meetingId }));
    await refused(analyst, meetingId, MeetingCommand.close, { meetingId }, 'invalid_state');
    await refused(analyst, meetingId, MeetingCommand.start, { meetingId }, 'invalid_state');
    await refused(
      analyst,
      meetingId,
      MeetingCommand.timer,
      { meetingId, expectedItemId: a, action: 'pause' },
      'invalid_state',
    );
  });

  test('bad payloads, unknown meetings and viewers are refused; the server keeps serving', async () => {
    const { meetingId, itemIds } = await newMeeting();
    const a = itemIds[0] as string;
    for (const payload of [
      undefined,
      'meeting',
      { meetingId: '../etc' },
      { meetingId, to: 'next' },
      { meetingId, expectedItemId: a, to: 'sideways' },
      { meetingId, expectedItemId: a, to: { itemId: 42 } },
    ]) {
      await refused(analyst, meetingId, MeetingCommand.goTo, payload, 'invalid_payload');
    }
    for (const minutes of [0, 61, 2.5, '5', undefined]) {
      await refused(
        analyst,
        meetingId,
        MeetingCommand.timer,
        { meetingId, expectedItemId: a, action: 'extend', minutes },
        'invalid_payload',
      );
    }
    await refused(
      analyst,
      meetingId,
      MeetingCommand.timer,
      { meetingId, expectedItemId: a, action: 'rewind' },
      'invalid_payload',
    );
    await refused(analyst, meetingId, MeetingCommand.start, { meetingId: 'no-such-meeting' }, 'not_found');
    await refused(viewer, meetingId, MeetingCommand.start, { meetingId }, 'forbidden');
    ok(await command(analyst, MeetingCommand.start, { meetingId }));
    await refused(
      viewer,
      meetingId,
      MeetingCommand.goTo,
      { meetingId, expectedItemId: a, to: 'next' },
      'forbidden',
    );
    await refused(viewer, meetingId, MeetingCommand.close, { meetingId }, 'forbidden');
    // A command with no ack at all is applied or refused without crashing anything.
    analyst.sendRaw(MeetingCommand.close, { meetingId: 'no-such-meeting' });
    expect(
      ok(await command(analyst, MeetingCommand.goTo, { meetingId, expectedItemId: a, to: 'next' }))
        .currentItemId,
    ).toBe(itemIds[1]);
  });

  test('two people press "next" at the same moment: the meeting advances once', async () => {
    const { meetingId, itemIds } = await newMeeting();
    const [a, b] = itemIds as [string, string];
    ok(await command(analyst, MeetingCommand.start, { meetingId }));
    const acks = await Promise.all([
      command(analyst, MeetingCommand.goTo, { meetingId, expectedItemId: a, to: 'next' }),
      command(analyst2, MeetingCommand.goTo, { meetingId, expectedItemId: a, to: 'next' }),
    ]);
    expect(acks.filter((ack) => 'ok' in ack)).toHaveLength(1);
    expect(acks.filter((ack) => !('ok' in ack)).map((ack) => !('ok' in ack) && ack.error.code)).toEqual([
      'stale',
    ]);
    const state = await server.app.hub.change(meetingLiveDocName(meetingId), readLiveState);
    expect(state.currentItemId).toBe(b);
    const moves = (await server.app.hub.change(meetingLiveDocName(meetingId), readTimeline)).filter(
      (e) => e.action === 'wentTo',
    );
    expect(moves).toHaveLength(1);
  });
});
