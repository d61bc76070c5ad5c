/** The browser's command functions (`client/src/api/meetingCommands.ts`) over the app's own provider socket. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  closeMeeting,
  extendTimer,
  goToItem,
  pauseTimer,
  startMeeting,
  startTimer,
} from '../../../client/src/api/meetingCommands.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { SocketIoDocClient } from '../../helpers/yjsClients.ts';
import { agendaOnServer, meetingWithAgenda } from './liveMeeting.ts';

describe('client meeting commands', { timeout: 60_000 }, () => {
  let server: TestServer;
  let client: SocketIoDocClient;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
    client = await SocketIoDocClient.connect(server.url, { token });
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  test('each function sends its command and resolves to the server answer', async () => {
    const { meetingId, itemIds } = await meetingWithAgenda(server.url, token, client);
    await agendaOnServer(server.app.hub, meetingId, 3);
    const [a, b] = itemIds as [string, string];
    const socket = client.socket;
    expect(await startMeeting(socket, meetingId)).toMatchObject({ ok: true, state: { currentItemId: a } });
    expect(await goToItem(socket, meetingId, a, 'next')).toMatchObject({
      ok: true,
      state: { currentItemId: b },
    });
    expect(await goToItem(socket, meetingId, a, 'next')).toMatchObject({ error: { code: 'stale' } });
    expect(await pauseTimer(socket, meetingId, b)).toMatchObject({
      ok: true,
      state: { timings: { [b]: { runningSince: null } } },
    });
    expect(await startTimer(socket, meetingId, b)).toMatchObject({ ok: true });
    expect(await extendTimer(socket, meetingId, b, 2)).toMatchObject({
      ok: true,
      state: { timings: { [b]: { extensionsMs: 120_000 } } },
    });
    expect(await closeMeeting(socket, meetingId)).toMatchObject({ ok: true, state: { phase: 'closed' } });
    expect(await closeMeeting(socket, meetingId)).toMatchObject({ error: { code: 'invalid_state' } });
  });
});
