/**
 * A server process SIGKILLed in the middle of a live meeting: after a restart on the same file, the
 * phase, the current item and the timers are as they were, and the meeting carries on.
 */
import { describe, expect, test } from 'vitest';
import { meetingLiveDocName } from '../../../shared/docNames.ts';
import { MeetingCommand } from '../../../shared/meetingCommands.ts';
import { readLiveState } from '../../../shared/meetingLive.ts';
import { signInTo } from '../../helpers/process.ts';
import { processTestScope } from '../../helpers/processScope.ts';
import { SocketIoDocClient, waitFor } from '../../helpers/yjsClients.ts';
import { command, meetingWithAgenda } from './liveMeeting.ts';

describe('a restart in the middle of a live meeting', { timeout: 120_000 }, () => {
  const scope = processTestScope();

  test('SIGKILL, restart: phase, current item and timers are kept; the next command applies', async () => {
    const dataDir = scope.newDataDir();
    const first = await scope.start(dataDir.sqlitePath);
    const token = await signInTo(first.url, 'Ana Analyst', 'analyst');
    const client = await SocketIoDocClient.connect(first.url, { token });
    scope.onCleanup(() => client.close());
    const { meetingId, itemIds } = await meetingWithAgenda(first.url, token, client);
    const [a, b, c] = itemIds as [string, string, string];
    const ok = async (name: MeetingCommand, payload: object) => {
      const ack = await command(client, name, { meetingId, ...payload });
      if (!('ok' in ack)) throw new Error(`refused: ${ack.error.code} ${ack.error.message}`);
      return ack.state;
    };
    // The agenda typed by the client must be on the server before the meeting starts.
    await waitFor(async () => {
      const ack = await command(client, MeetingCommand.start, { meetingId });
      return 'ok' in ack;
    }, 'the meeting started');
    await ok(MeetingCommand.goTo, { expectedItemId: a, to: 'next' });
    await ok(MeetingCommand.timer, { expectedItemId: b, action: 'extend', minutes: 4 });
    await ok(MeetingCommand.timer, { expectedItemId: b, action: 'pause' });
    const before = await ok(MeetingCommand.timer, { expectedItemId: b, action: 'start' });
    expect(before).toMatchObject({ phase: 'live', currentItemId: b });

    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    client.close();

    const second = await scope.start(dataDir.sqlitePath);
    const reader = await SocketIoDocClient.connect(second.url, { token });
    scope.onCleanup(() => reader.close());
    const live = await reader.joinSynced(meetingLiveDocName(meetingId));
    // Every field as acknowledged before the kill: a running timer still runs from the same instant.
    expect(readLiveState(live.doc)).toEqual(before);

    const ack = await command(reader, MeetingCommand.goTo, { meetingId, expectedItemId: b, to: 'next' });
    expect(ack).toMatchObject({ ok: true, state: { currentItemId: c } });
  });
});
