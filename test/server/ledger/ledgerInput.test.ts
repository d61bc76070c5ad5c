/**
 * Bad input to the ledger: each refusal answers with a clear code naming the problem, logs it, and
 * leaves the ledger document byte-for-byte the same; clients cannot write the ledger (or its
 * history) directly on either transport; two analysts capturing at once both keep their work.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CommitmentCommand } from '../../../shared/commitmentCommands.ts';
import { encodeUpdate } from '../../../shared/docMessages.ts';
import { ledgerDocName } from '../../../shared/docNames.ts';
import { type Commitment, readHistory, readLedger } from '../../../shared/ledger.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { connectYWebsocket, SocketIoDocClient, waitFor } from '../../helpers/yjsClients.ts';
import { storedRows } from '../meetings/liveMeeting.ts';
import { apiCaller, ledgerActions, makeWorld, objectiveMeeting, type World } from './ledgerWorld.ts';

type Ack = { ok: true; commitment: Commitment } | { error: { code: string; message: string } };

describe('ledger input', { timeout: 90_000 }, () => {
  let server: TestServer;
  let token: string;
  let otherToken: string;
  let viewerToken: string;
  let writer: SocketIoDocClient;
  let world: World;
  let act: ReturnType<typeof ledgerActions>;
  let liveMeetingId: string;
  let liveItemIds: string[];
  let opened: Commitment;

  const ledgerBytes = () =>
    server.app.hub.read(ledgerDocName(world.objectiveId), (doc) => Y.encodeStateAsUpdate(doc));
  const emit = (client: SocketIoDocClient, event: string, payload: unknown): Promise<Ack> =>
    (client.socket as unknown as { timeout(ms: number): { emitWithAck(...args: unknown[]): Promise<Ack> } })
      .timeout(10_000)
      .emitWithAck(event, payload);

  beforeAll(async () => {
    server = await startTestServer();
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
    otherToken = (await server.signIn('Bruno Analyst', 'analyst')).token;
    viewerToken = (await server.signIn('Vera Viewer', 'viewer')).token;
    writer = await SocketIoDocClient.connect(server.url, { token });
    world = await makeWorld(server, token);
    act = ledgerActions(server, token, world);
    const live = await objectiveMeeting(server, token, writer, world.objectiveId, '2026-12-01');
    liveMeetingId = live.meetingId;
    liveItemIds = live.itemIds;
    const first = await act.make({});
    opened = first.body.commitment as Commitment;
    expect((await act.start(liveMeetingId)).status).toBe(200);
  });
  afterAll(async () => {
    writer.close();
    await server.close();
  });

  test.each([
    ['no text', { text: '   ' }, 'text', 'required'],
    ['a due date that is not a date', { dueDate: '2026-02-30' }, 'dueDate', 'notADate'],
    ['a due date in year 1', { dueDate: '0001-01-01' }, 'dueDate', 'dueDateOutOfRange'],
    ['a due date in year 9999', { dueDate: '9999-12-31' }, 'dueDate', 'dueDateOutOfRange'],
    ['a due date as a number', { dueDate: 20261231 }, 'dueDate', 'invalidField'],
    ['text of 5,000 characters', { text: 'x'.repeat(5000) }, 'text', 'tooLong'],
    ['an unknown agency', { ownerAgencyId: 'no-such-agency' }, 'ownerAgencyId', 'noAgency'],
    ['a goal of another objective', { goalId: 'GOAL_OTHER' }, 'goalId', 'goalNotOfObjective'],
    ['an indicator that does not exist', { indicatorId: 'nope' }, 'indicatorId', 'noIndicator'],
    ['an id that is not an id', { id: '../../etc' }, 'id', 'invalidField'],
    ['an agenda item without its meeting', { itemId: 'x' }, 'itemId', null],
  ])(
    'making a commitment with %s is refused, naming the field; nothing changes',
    async (_what, fields, field, reasonKey) => {
      const resolved = Object.fromEntries(
        Object.entries(fields).map(([key, value]) => [
          key,
          value === 'GOAL_OTHER' ? world.otherGoalId : value,
        ]),
      );
      const before = await ledgerBytes();
      const result = await act.make(resolved);
      expect(result.status).toBe(400);
      expect(result.body).toEqual({
        error: {
          code: 'invalid_payload',
          message: expect.stringContaining(field),
          // The reason the commitment form translates (none for a mistake only a program makes).
          ...(reasonKey ? { reason: expect.objectContaining({ key: reasonKey }) } : {}),
        },
      });
      expect(await ledgerBytes()).toEqual(before);
    },
  );

  test('a viewer may not make, change or review commitments', async () => {
    const viewer = ledgerActions(server, viewerToken, world);
    const before = await ledgerBytes();
    expect((await viewer.make({})).body).toMatchObject({ error: { code: 'forbidden' } });
    expect((await viewer.review(liveMeetingId, { commitmentId: opened.id, outcome: 'done' })).status).toBe(
      403,
    );
    const call = apiCaller(server.url);
    const patch = await call(
      'PATCH',
      `/objectives/${world.objectiveId}/commitments/${opened.id}`,
      viewerToken,
      {
        patch: { status: 'done' },
      },
    );
    expect(patch.status).toBe(403);
    expect(await ledgerBytes()).toEqual(before);
  });

  test('a status that does not exist, an empty patch and unknown fields are refused', async () => {
    const call = apiCaller(server.url);
    const path = `/objectives/${world.objectiveId}/commitments/${opened.id}`;
    const before = await ledgerBytes();
    for (const body of [
      { patch: { status: 'finished' } },
      { patch: {} },
      { patch: { createdAt: 0 } },
      { patch: { status: 'dropped' } },
      { patch: 'done' },
    ]) {
      const result = await call('PATCH', path, token, body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body).toMatchObject({ error: { code: 'invalid_payload' } });
    }
    expect(await ledgerBytes()).toEqual(before);
  });

  test('reviews: another objective’s commitment, a draft or closed meeting, a missing new date are refused', async () => {
    const call = apiCaller(server.url);
    const foreign = await call('POST', `/objectives/${world.otherObjectiveId}/commitments`, token, {
      id: randomUUID(),
      text: 'Cut waiting times',
      ownerAgencyId: world.agencyId,
      dueDate: '2027-01-01',
      goalId: world.otherGoalId,
    });
    expect(foreign.status).toBe(201);
    const foreignId = (foreign.body.commitment as Commitment).id;
    const before = await ledgerBytes();
    const other = await act.review(liveMeetingId, { commitmentId: foreignId, outcome: 'done' });
    expect(other).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const noDate = await act.review(liveMeetingId, { commitmentId: opened.id, outcome: 'kept_open' });
    expect(noDate.body).toMatchObject({
      error: { code: 'invalid_payload', message: expect.stringContaining('newDueDate') },
    });
    const noReason = await act.review(liveMeetingId, { commitmentId: opened.id, outcome: 'dropped' });
    expect(noReason.body).toMatchObject({
      error: { code: 'invalid_payload', message: expect.stringContaining('reason') },
    });
    const draft = await objectiveMeeting(server, token, writer, world.objectiveId, '2026-12-08');
    const inDraft = await act.review(draft.meetingId, { commitmentId: opened.id, outcome: 'done' });
    expect(inDraft.body).toMatchObject({ error: { code: 'invalid_state' } });
    // Made in this meeting: reviewed in the next one.
    const fresh = (await act.make({ meetingId: liveMeetingId })).body.commitment as Commitment;
    const own = await act.review(liveMeetingId, { commitmentId: fresh.id, outcome: 'done' });
    expect(own.body).toMatchObject({
      error: { code: 'invalid_state', message: expect.stringContaining('made in this meeting') },
    });
    const after = await ledgerBytes();
    expect(Y.diffUpdate(after, Y.encodeStateVectorFromUpdate(before)).byteLength).toBeGreaterThan(0);
    // Only `fresh` was added in between.
    expect(
      await server.app.hub.read(ledgerDocName(world.objectiveId), (doc) => readHistory(doc).length),
    ).toBe(2);
  });

  test('capture into a closed meeting is refused, and the closed meeting’s record does not change', async () => {
    const meeting = await objectiveMeeting(server, token, writer, world.objectiveId, '2026-11-20');
    expect((await act.start(meeting.meetingId)).status).toBe(200);
    expect((await act.close(meeting.meetingId)).status).toBe(200);
    const before = await ledgerBytes();
    const late = await act.make({ meetingId: meeting.meetingId });
    expect(late.body).toMatchObject({
      error: { code: 'invalid_state', message: expect.stringContaining('closed') },
    });
    const inOther = await act.make({
      meetingId: liveMeetingId,
      objectiveId: 'ignored',
      itemId: 'no-such-item',
    });
    expect(inOther.body).toMatchObject({
      error: { code: 'invalid_payload', message: expect.stringContaining('itemId') },
    });
    expect(await ledgerBytes()).toEqual(before);
  });

  test('a client cannot write the ledger or its history directly, on either transport; the stored bytes stay', async () => {
    const name = ledgerDocName(world.objectiveId);
    const joined = await writer.joinSynced(name);
    expect(joined.permission).toBe('read');
    await server.app.hub.flush();
    const before = await ledgerBytes();
    const rowsBefore = storedRows(server.database.config.sqlitePath, name);
    const forged = new Y.Doc();
    Y.applyUpdate(forged, before);
    forged.getArray('history').push([{ at: 0, commitmentId: opened.id, action: 'edited', changes: [] }]);
    writer.send(name, encodeUpdate(Y.encodeStateAsUpdate(forged, Y.encodeStateVector(joined.doc))));
    await writer.waitForError('forbidden', name);
    const stock = connectYWebsocket(`ws://127.0.0.1:${server.port}/yjs`, name, token);
    try {
      await stock.synced;
      stock.doc.getMap('commitments').set(opened.id, { ...opened, status: 'done' });
      await waitFor(() => stock.permissionDenied.length > 0, 'the y-websocket refusal');
    } finally {
      stock.destroy();
    }
    await server.app.hub.flush();
    expect(await ledgerBytes()).toEqual(before);
    expect(storedRows(server.database.config.sqlitePath, name)).toEqual(rowsBefore);
  });

  test('sending the same new commitment twice makes it once; another analyst reusing its id is refused', async () => {
    const id = randomUUID();
    const first = await act.make({ id, text: 'Sent twice' });
    const again = await act.make({ id, text: 'Sent twice' });
    expect(first.status).toBe(201);
    expect(again.body.commitment).toEqual(first.body.commitment);
    const other = ledgerActions(server, otherToken, world);
    expect((await other.make({ id, text: 'Hijack' })).body).toMatchObject({ error: { code: 'conflict' } });
    const history = await server.app.hub.read(ledgerDocName(world.objectiveId), (doc) =>
      readHistory(doc, id),
    );
    expect(history).toHaveLength(1);
  });

  test('two analysts capture at once over Socket.IO: every commitment kept, each history names its maker', async () => {
    const bruno = await SocketIoDocClient.connect(server.url, { token: otherToken });
    try {
      const send = (client: SocketIoDocClient, text: string) =>
        emit(client, CommitmentCommand.create, {
          objectiveId: world.objectiveId,
          id: randomUUID(),
          meetingId: liveMeetingId,
          itemId: liveItemIds[1],
          text,
          ownerAgencyId: world.agencyId,
          dueDate: '2027-03-01',
          goalId: world.goalId,
        });
      const acks = await Promise.all(
        Array.from({ length: 12 }, (_, i) => [send(writer, `Ana ${i}`), send(bruno, `Bruno ${i}`)]).flat(),
      );
      const made = acks.map((ack) => {
        if (!('ok' in ack)) throw new Error(ack.error.message);
        return ack.commitment;
      });
      const { ledger, history } = await server.app.hub.read(ledgerDocName(world.objectiveId), (doc) => ({
        ledger: readLedger(doc),
        history: readHistory(doc),
      }));
      for (const commitment of made) {
        expect(ledger.commitments.find((c) => c.id === commitment.id)).toMatchObject({
          text: commitment.text,
          madeInMeetingId: liveMeetingId,
          madeInItemId: liveItemIds[1],
        });
        const entries = history.filter((entry) => entry.commitmentId === commitment.id);
        expect(entries).toHaveLength(1);
        expect(entries[0]?.actor.name).toBe(
          commitment.text.startsWith('Ana') ? 'Ana Analyst' : 'Bruno Analyst',
        );
      }
    } finally {
      bruno.close();
    }
  });

  test('garbage over Socket.IO gets an error ack, and the server keeps serving', async () => {
    for (const payload of [null, 42, 'text', [], { objectiveId: {} }, { meetingId: 'x'.repeat(10_000) }]) {
      const ack = await emit(writer, CommitmentCommand.review, payload);
      expect(ack).toMatchObject({ error: { code: expect.stringMatching(/invalid_payload|not_found/) } });
    }
    writer.sendRaw(CommitmentCommand.create, { objectiveId: world.objectiveId });
    const still = await act.make({ text: 'Still serving' });
    expect(still.status).toBe(201);
  });
});
