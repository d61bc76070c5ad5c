/**
 * The `meeting:screen` command against a real server: handing the big screen to a presenter, who
 * drives it and hands it back, the chair taking it back, every refusal (the live state byte-for-byte
 * unchanged), stale senders (a double "next", a console offline for a minute), and the HTTP route.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { meetingDocName, meetingLiveDocName } from '../../../shared/docNames.ts';
import { ERROR_REASON_KEYS } from '../../../shared/errorReasons.ts';
import { type CommandAck, MeetingCommand } from '../../../shared/meetingCommands.ts';
import { addAgendaItem, readAgenda } from '../../../shared/meetingDoc.ts';
import { readLiveState, readTimeline } from '../../../shared/meetingLive.ts';
import { readScreen, type ScreenState } from '../../../shared/screenControl.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { SocketIoDocClient, waitFor } from '../../helpers/yjsClients.ts';
import { agendaOnServer, command, httpCommand, liveBytes } from './liveMeeting.ts';

/** The indicators of the agenda's first two items (they need not exist: nothing is pinned then). */
const FIRST = ['ind-burglaries', 'ind-thefts'];
const SECOND = ['ind-homicides'];

describe('the big screen command (meeting:screen)', { timeout: 60_000 }, () => {
  let server: TestServer;
  let chairToken: string;
  let presenterToken: string;
  let viewerToken: string;
  let chair: SocketIoDocClient;
  let presenter: SocketIoDocClient;
  let viewer: SocketIoDocClient;
  let presenterPerson: { id: string; name: string };
  const clients: SocketIoDocClient[] = [];

  const connect = async (token: string) => {
    const client = await SocketIoDocClient.connect(server.url, { token });
    clients.push(client);
    return client;
  };

  /** A meeting with three items (the first two with indicators), started unless `start` is false. */
  const newMeeting = async (start = true) => {
    const response = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${chairToken}` },
      body: JSON.stringify({ title: 'Security stocktake', scheduledFor: '2026-12-07' }),
    });
    expect(response.status).toBe(201);
    const { meeting } = (await response.json()) as { meeting: { id: string } };
    const agenda = await chair.joinSynced(meetingDocName(meeting.id));
    addAgendaItem(agenda.doc, { title: 'Burglaries', indicatorIds: FIRST });
    addAgendaItem(agenda.doc, { title: 'Homicides', indicatorIds: SECOND });
    addAgendaItem(agenda.doc, { title: 'Follow-up' });
    await agendaOnServer(server.app.hub, meeting.id, 3);
    const itemIds = readAgenda(agenda.doc).map((item) => item.id) as [string, string, string];
    if (start) ok(await command(chair, MeetingCommand.start, { meetingId: meeting.id }));
    return { meetingId: meeting.id, itemIds };
  };

  const ok = (ack: CommandAck) => {
    if (!('ok' in ack)) throw new Error(`refused: ${ack.error.code} ${ack.error.message}`);
    return ack.state;
  };
  const screenOnServer = (meetingId: string): Promise<ScreenState> =>
    server.app.hub.change(meetingLiveDocName(meetingId), readScreen);
  const screen = (client: SocketIoDocClient, meetingId: string, body: Record<string, unknown>) =>
    command(client, MeetingCommand.screen, { meetingId, ...body });
  /** The command is refused with `code` and the live state stays byte-for-byte the same. */
  const refused = async (
    client: SocketIoDocClient,
    meetingId: string,
    body: unknown,
    code: string,
    message?: RegExp,
  ) => {
    const before = await liveBytes(server.app.hub, meetingId);
    const ack = await command(client, MeetingCommand.screen, body);
    // The shape is exact; a reason, when there is one, is a key the client can translate.
    const { reason, ...error } = 'error' in ack ? ack.error : { reason: undefined };
    expect({ error }).toEqual({ error: { code, message: expect.any(String) } });
    if (reason) expect(ERROR_REASON_KEYS).toContain(reason.key);
    if (message && !('ok' in ack)) expect(ack.error.message).toMatch(message);
    expect(await liveBytes(server.app.hub, meetingId)).toEqual(before);
    return ack;
  };

  beforeAll(async () => {
    server = await startTestServer();
    chairToken = (await server.signIn('Ana Analyst', 'analyst')).token;
    const signedPresenter = await server.signIn('Maria Presenter', 'analyst');
    presenterToken = signedPresenter.token;
    presenterPerson = { id: signedPresenter.principal.id, name: signedPresenter.principal.name };
    viewerToken = (await server.signIn('Vera Viewer', 'viewer')).token;
    chair = await connect(chairToken);
    presenter = await connect(presenterToken);
    viewer = await connect(viewerToken);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.close();
  });

  test('the chair hands the screen, the presenter drives it, the chair is refused until the presenter hands it back', async () => {
    const { meetingId, itemIds } = await newMeeting();
    const [a] = itemIds;
    expect(await screenOnServer(meetingId)).toEqual({
      itemId: a,
      driver: null,
      indicatorId: null,
      since: 'auto',
    });
    // A viewer following the meeting sees every change in the live-state document.
    const watching = await viewer.joinSynced(meetingLiveDocName(meetingId));

    ok(await screen(chair, meetingId, { action: 'hand', expectedItemId: a, to: presenterPerson }));
    expect((await screenOnServer(meetingId)).driver).toEqual(presenterPerson);
    await refused(
      chair,
      meetingId,
      { meetingId, action: 'hand', expectedItemId: a, to: presenterPerson },
      'invalid_state',
      /already has the screen/,
    );

    ok(
      await screen(presenter, meetingId, {
        action: 'show',
        expectedItemId: a,
        as: 'presenter',
        indicatorId: FIRST[1],
        since: 'year',
      }),
    );
    expect(await screenOnServer(meetingId)).toEqual({
      itemId: a,
      driver: presenterPerson,
      indicatorId: FIRST[1],
      since: 'year',
    });
    await waitFor(() => readScreen(watching.doc).indicatorId === FIRST[1], 'the viewer sees the choice');

    // The chair may not change what is shown while the presenter drives: the message says why.
    await refused(
      chair,
      meetingId,
      { meetingId, action: 'show', expectedItemId: a, as: 'chair', indicatorId: FIRST[0], since: 'month' },
      'invalid_state',
      /Maria Presenter has the screen: take it back/,
    );
    // Someone who does not drive cannot hand it back, nor drive as the presenter.
    await refused(
      chair,
      meetingId,
      { meetingId, action: 'handBack', expectedItemId: a },
      'stale',
      /no longer have the screen/,
    );
    await refused(
      chair,
      meetingId,
      { meetingId, action: 'show', expectedItemId: a, as: 'presenter', indicatorId: null, since: 'auto' },
      'stale',
      /Maria Presenter has the screen now/,
    );

    ok(await screen(presenter, meetingId, { action: 'handBack', expectedItemId: a }));
    // Handed back, what the presenter chose stays on screen; the chair drives again.
    expect(await screenOnServer(meetingId)).toEqual({
      itemId: a,
      driver: null,
      indicatorId: FIRST[1],
      since: 'year',
    });
    ok(
      await screen(chair, meetingId, {
        action: 'show',
        expectedItemId: a,
        as: 'chair',
        indicatorId: FIRST[0],
        since: 'quarter',
      }),
    );
    expect(await screenOnServer(meetingId)).toMatchObject({ indicatorId: FIRST[0], since: 'quarter' });
    const timeline = await server.app.hub.change(meetingLiveDocName(meetingId), readTimeline);
    expect(timeline.map((entry) => [entry.action, entry.actor.name, entry.detail ?? null])).toEqual([
      ['started', 'Ana Analyst', null],
      ['screenHanded', 'Ana Analyst', 'Maria Presenter'],
      ['screenTakenBack', 'Maria Presenter', 'handed back'],
    ]);
  });

  test('the chair takes the screen back: the presenter’s next choice is refused, saying so', async () => {
    const { meetingId, itemIds } = await newMeeting();
    const [a] = itemIds;
    ok(await screen(chair, meetingId, { action: 'hand', expectedItemId: a, to: presenterPerson }));
    ok(await screen(chair, meetingId, { action: 'takeBack', expectedItemId: a }));
    expect((await screenOnServer(meetingId)).driver).toBeNull();
    await refused(
      presenter,
      meetingId,
      {
        meetingId,
        action: 'show',
        expectedItemId: a,
        as: 'presenter',
        indicatorId: FIRST[1],
        since: 'month',
      },
      'stale',
      /The chair has taken the screen back/,
    );
    await refused(
      presenter,
      meetingId,
      { meetingId, action: 'handBack', expectedItemId: a },
      'stale',
      /the chair has it/,
    );
    await refused(
      chair,
      meetingId,
      { meetingId, action: 'takeBack', expectedItemId: a },
      'invalid_state',
      /already has the screen/,
    );
  });

  test('an indicator not on the current item, or a stale item, is refused and nothing changes', async () => {
    const { meetingId, itemIds } = await newMeeting();
    const [a, b] = itemIds;
    ok(await screen(chair, meetingId, { action: 'hand', expectedItemId: a, to: presenterPerson }));
    for (const indicatorId of [SECOND[0], 'no-such-indicator']) {
      await refused(
        presenter,
        meetingId,
        { meetingId, action: 'show', expectedItemId: a, as: 'presenter', indicatorId, since: 'auto' },
        'not_found',
        /is not on the current item/,
      );
    }
    // The item on the sender's screen is not the current one: refused whatever the action.
    for (const body of [
      { action: 'hand', expectedItemId: b, to: presenterPerson },
      { action: 'takeBack', expectedItemId: b },
      { action: 'handBack', expectedItemId: b },
      { action: 'show', expectedItemId: b, as: 'presenter', indicatorId: SECOND[0], since: 'auto' },
    ]) {
      const sender = body.action === 'handBack' || body.action === 'show' ? presenter : chair;
      await refused(sender, meetingId, { meetingId, ...body }, 'stale', /The current item is now/);
    }
    expect((await screenOnServer(meetingId)).driver).toEqual(presenterPerson);
  });

  test('after "next" the screen is the chair’s again, and stays so when the chair goes back', async () => {
    const { meetingId, itemIds } = await newMeeting();
    const [a, b] = itemIds;
    ok(await screen(chair, meetingId, { action: 'hand', expectedItemId: a, to: presenterPerson }));
    ok(
      await screen(presenter, meetingId, {
        action: 'show',
        expectedItemId: a,
        as: 'presenter',
        indicatorId: FIRST[1],
        since: 'year',
      }),
    );
    ok(await command(chair, MeetingCommand.goTo, { meetingId, expectedItemId: a, to: 'next' }));
    expect(await screenOnServer(meetingId)).toEqual({
      itemId: b,
      driver: null,
      indicatorId: null,
      since: 'auto',
    });
    await refused(
      presenter,
      meetingId,
      { meetingId, action: 'show', expectedItemId: a, as: 'presenter', indicatorId: FIRST[0], since: 'auto' },
      'stale',
    );
    await refused(
      presenter,
      meetingId,
      {
        meetingId,
        action: 'show',
        expectedItemId: b,
        as: 'presenter',
        indicatorId: SECOND[0],
        since: 'auto',
      },
      'stale',
      /The chair has taken the screen back/,
    );
    // Going back to the first item does not hand the screen to its presenter again.
    ok(await command(chair, MeetingCommand.goTo, { meetingId, expectedItemId: b, to: 'previous' }));
    expect(await screenOnServer(meetingId)).toEqual({
      itemId: a,
      driver: null,
      indicatorId: null,
      since: 'auto',
    });
    await refused(
      presenter,
      meetingId,
      { meetingId, action: 'show', expectedItemId: a, as: 'presenter', indicatorId: FIRST[1], since: 'auto' },
      'stale',
    );
  });

  test('two "next" commands at the same moment from two sockets advance once', async () => {
    const { meetingId, itemIds } = await newMeeting();
    const [a, b] = itemIds;
    const acks = await Promise.all([
      command(chair, MeetingCommand.goTo, { meetingId, expectedItemId: a, to: 'next' }),
      command(presenter, MeetingCommand.goTo, { meetingId, expectedItemId: a, to: 'next' }),
    ]);
    expect(acks.filter((ack) => 'ok' in ack)).toHaveLength(1);
    expect(acks.flatMap((ack) => ('ok' in ack ? [] : [ack.error.code]))).toEqual(['stale']);
    const state = await server.app.hub.change(meetingLiveDocName(meetingId), readLiveState);
    expect(state.currentItemId).toBe(b);
    const moves = (await server.app.hub.change(meetingLiveDocName(meetingId), readTimeline)).filter(
      (entry) => entry.action === 'wentTo',
    );
    expect(moves).toHaveLength(1);
  });

  test('a console offline for a minute sends with the item it last saw: stale, and the meeting stays consistent', async () => {
    const { meetingId, itemIds } = await newMeeting();
    const [a, b, c] = itemIds;
    const offline = await connect(chairToken);
    const seen = await offline.joinSynced(meetingLiveDocName(meetingId));
    expect(readLiveState(seen.doc).currentItemId).toBe(a);
    offline.goOffline();
    await waitFor(() => !offline.socket.connected, 'the console is offline');
    // Meanwhile another console moves on twice and hands the screen to the presenter.
    ok(await command(chair, MeetingCommand.goTo, { meetingId, expectedItemId: a, to: 'next' }));
    ok(await command(chair, MeetingCommand.goTo, { meetingId, expectedItemId: b, to: 'next' }));
    ok(await screen(chair, meetingId, { action: 'hand', expectedItemId: c, to: presenterPerson }));
    offline.comeBackOnline();
    await waitFor(() => offline.socket.connected, 'the console is back');
    // Its commands carry the item it had on screen before it went offline.
    await refused(offline, meetingId, { meetingId, action: 'takeBack', expectedItemId: a }, 'stale');
    const before = await liveBytes(server.app.hub, meetingId);
    const next = await command(offline, MeetingCommand.goTo, { meetingId, expectedItemId: a, to: 'next' });
    expect(next).toMatchObject({ error: { code: 'stale', message: expect.stringContaining(c) } });
    expect(await liveBytes(server.app.hub, meetingId)).toEqual(before);
    // It catches up with the document and can then act on the current item.
    await waitFor(() => readLiveState(seen.doc).currentItemId === c, 'the console catches up');
    expect(readScreen(seen.doc).driver).toEqual(presenterPerson);
    ok(await screen(offline, meetingId, { action: 'takeBack', expectedItemId: c }));
    const state = await server.app.hub.change(meetingLiveDocName(meetingId), readLiveState);
    expect(state.currentItemId).toBe(c);
    expect(state.timings[a]?.endedAt).toEqual(expect.any(Number));
    expect(state.timings[b]?.endedAt).toEqual(expect.any(Number));
  });

  test('viewers, bad payloads, and draft or closed meetings are refused with the document unchanged', async () => {
    const draft = await newMeeting(false);
    const [d] = draft.itemIds;
    await refused(
      chair,
      draft.meetingId,
      { meetingId: draft.meetingId, action: 'hand', expectedItemId: d, to: presenterPerson },
      'invalid_state',
      /has not started/,
    );
    await refused(
      chair,
      draft.meetingId,
      {
        meetingId: draft.meetingId,
        action: 'show',
        expectedItemId: d,
        as: 'chair',
        indicatorId: null,
        since: 'auto',
      },
      'invalid_state',
    );

    const { meetingId, itemIds } = await newMeeting();
    const [a] = itemIds;
    await refused(
      viewer,
      meetingId,
      { meetingId, action: 'hand', expectedItemId: a, to: presenterPerson },
      'forbidden',
    );
    await refused(
      viewer,
      meetingId,
      { meetingId, action: 'show', expectedItemId: a, as: 'chair', indicatorId: null, since: 'auto' },
      'forbidden',
    );
    const huge = 'x'.repeat(100_000);
    for (const body of [
      undefined,
      {},
      { action: 'hand' },
      { action: 'wave', expectedItemId: a },
      { action: 'hand', expectedItemId: a },
      { action: 'hand', expectedItemId: a, to: { id: 'someone' } },
      { action: 'hand', expectedItemId: a, to: { id: '', name: 'Nobody' } },
      { action: 'hand', expectedItemId: a, to: { id: 'someone', name: '   ' } },
      { action: 'hand', expectedItemId: a, to: { id: huge, name: 'Maria' } },
      { action: 'hand', expectedItemId: a, to: { id: 'someone', name: huge } },
      { action: 'hand', expectedItemId: huge, to: presenterPerson },
      { action: 'hand', expectedItemId: 42, to: presenterPerson },
      { action: 'hand', expectedItemId: a, to: 'Maria' },
      { action: 'takeBack' },
      { action: 'show', expectedItemId: a, as: 'chair', since: 'auto' },
      { action: 'show', expectedItemId: a, as: 'chair', indicatorId: null },
      { action: 'show', expectedItemId: a, as: 'governor', indicatorId: null, since: 'auto' },
      { action: 'show', expectedItemId: a, as: 'chair', indicatorId: null, since: 'decade' },
      { action: 'show', expectedItemId: a, as: 'chair', indicatorId: 7, since: 'auto' },
      { action: 'show', expectedItemId: a, as: 'chair', indicatorId: '', since: 'auto' },
      { action: 'show', expectedItemId: a, as: 'chair', indicatorId: huge, since: 'auto' },
    ]) {
      await refused(
        chair,
        meetingId,
        body === undefined ? undefined : { meetingId, ...body },
        'invalid_payload',
      );
    }
    await refused(
      chair,
      meetingId,
      { meetingId: 'no-such-meeting', action: 'takeBack', expectedItemId: a },
      'not_found',
    );
    expect(await screenOnServer(meetingId)).toEqual({
      itemId: a,
      driver: null,
      indicatorId: null,
      since: 'auto',
    });

    ok(await screen(chair, meetingId, { action: 'hand', expectedItemId: a, to: presenterPerson }));
    ok(await command(chair, MeetingCommand.close, { meetingId }));
    await refused(
      presenter,
      meetingId,
      { meetingId, action: 'show', expectedItemId: a, as: 'presenter', indicatorId: null, since: 'auto' },
      'invalid_state',
      /closed/,
    );
    await refused(chair, meetingId, { meetingId, action: 'takeBack', expectedItemId: a }, 'invalid_state');
  });

  test('over HTTP: POST /api/meetings/:id/screen answers as the Socket.IO event does', async () => {
    const { meetingId, itemIds } = await newMeeting();
    const [a] = itemIds;
    const hand = await httpCommand(server.url, chairToken, meetingId, 'screen', {
      action: 'hand',
      expectedItemId: a,
      to: presenterPerson,
    });
    expect(hand).toMatchObject({ status: 200, body: { ok: true, state: { currentItemId: a } } });
    const show = await httpCommand(server.url, presenterToken, meetingId, 'screen', {
      action: 'show',
      expectedItemId: a,
      as: 'presenter',
      indicatorId: FIRST[1],
      since: 'month',
    });
    expect(show.status).toBe(200);
    expect(await screenOnServer(meetingId)).toMatchObject({
      driver: presenterPerson,
      indicatorId: FIRST[1],
      since: 'month',
    });

    const refusedOverHttp = async (token: string, body: Record<string, unknown>, status: number) => {
      const before = await liveBytes(server.app.hub, meetingId);
      const answer = await httpCommand(server.url, token, meetingId, 'screen', body);
      expect(await liveBytes(server.app.hub, meetingId)).toEqual(before);
      expect(answer.status).toBe(status);
      return answer.body;
    };
    const chairShow = { action: 'show', expectedItemId: a, as: 'chair', indicatorId: null, since: 'auto' };
    const overHttp = await refusedOverHttp(chairToken, chairShow, 409);
    expect(overHttp).toEqual(await command(chair, MeetingCommand.screen, { meetingId, ...chairShow }));
    expect(overHttp).toMatchObject({ error: { code: 'invalid_state' } });
    expect(
      await refusedOverHttp(presenterToken, { ...chairShow, as: 'presenter', indicatorId: SECOND[0] }, 404),
    ).toMatchObject({ error: { code: 'not_found' } });
    expect(await refusedOverHttp(chairToken, { action: 'hand', expectedItemId: a }, 400)).toMatchObject({
      error: { code: 'invalid_payload' },
    });
    expect(await refusedOverHttp(viewerToken, { action: 'takeBack', expectedItemId: a }, 403)).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(await refusedOverHttp(chairToken, { action: 'handBack', expectedItemId: a }, 409)).toMatchObject({
      error: { code: 'stale' },
    });
    ok(await command(chair, MeetingCommand.screen, { meetingId, action: 'takeBack', expectedItemId: a }));
    expect(
      await refusedOverHttp(presenterToken, { ...chairShow, as: 'presenter', indicatorId: FIRST[0] }, 409),
    ).toMatchObject({ error: { code: 'stale', message: expect.stringMatching(/taken the screen back/) } });
  });
});
