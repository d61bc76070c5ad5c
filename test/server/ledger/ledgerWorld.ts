/**
 * A small government for ledger tests, made through the real API: two objectives, agencies and
 * goals; meetings of an objective with an agenda typed by a real Socket.IO client; the meeting and
 * ledger commands sent over HTTP as a script would.
 */
import { randomUUID } from 'node:crypto';
import { meetingDocName } from '../../../shared/docNames.ts';
import type { FollowUpEntry } from '../../../shared/followUp.ts';
import type { Commitment } from '../../../shared/ledger.ts';
import { addAgendaItem, readAgenda } from '../../../shared/meetingDoc.ts';
import type { TestServer } from '../../helpers/server.ts';
import type { SocketIoDocClient } from '../../helpers/yjsClients.ts';
import { agendaOnServer } from '../meetings/liveMeeting.ts';

export interface Api {
  status: number;
  body: Record<string, unknown>;
}

export function apiCaller(url: string) {
  return async (method: string, path: string, token: string, body?: unknown): Promise<Api> => {
    const response = await fetch(`${url}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

export interface World {
  objectiveId: string;
  otherObjectiveId: string;
  agencyId: string;
  goalId: string;
  otherGoalId: string;
}

/** Agencies, two objectives and a goal in each; ids are fresh so that worlds never collide. */
export async function makeWorld(server: TestServer, token: string): Promise<World> {
  const call = apiCaller(server.url);
  const suffix = randomUUID().slice(0, 8);
  const ok = (result: Api): Api => {
    if (result.status !== 201)
      throw new Error(`setup failed: ${result.status} ${JSON.stringify(result.body)}`);
    return result;
  };
  const agencyId = `police-${suffix}`;
  ok(
    await call('POST', '/agencies', token, { id: agencyId, code: `PC${suffix.slice(0, 4)}`, name: 'Police' }),
  );
  const objectiveId = `security-${suffix}`;
  const otherObjectiveId = `health-${suffix}`;
  ok(await call('POST', '/objectives', token, { id: objectiveId, name: 'Citizen security' }));
  ok(await call('POST', '/objectives', token, { id: otherObjectiveId, name: 'Health' }));
  const goal = (id: string, objective: string) => ({
    id,
    objectiveId: objective,
    agencyId,
    title: 'Reduce burglaries',
    ownerName: 'Chief Silva',
  });
  const goalId = `burglaries-${suffix}`;
  const otherGoalId = `waits-${suffix}`;
  ok(await call('POST', '/goals', token, goal(goalId, objectiveId)));
  ok(await call('POST', '/goals', token, goal(otherGoalId, otherObjectiveId)));
  return { objectiveId, otherObjectiveId, agencyId, goalId, otherGoalId };
}

/** A meeting of `objectiveId` with a two-item agenda on the server. */
export async function objectiveMeeting(
  server: TestServer,
  token: string,
  writer: SocketIoDocClient,
  objectiveId: string,
  scheduledFor: string,
): Promise<{ meetingId: string; itemIds: string[] }> {
  const call = apiCaller(server.url);
  const created = await call('POST', '/meetings', token, { title: 'Stocktake', scheduledFor, objectiveId });
  if (created.status !== 201) throw new Error(`cannot create meeting: ${JSON.stringify(created.body)}`);
  const meetingId = (created.body.meeting as { id: string }).id;
  const joined = await writer.joinSynced(meetingDocName(meetingId));
  addAgendaItem(joined.doc, { title: 'Follow-up' });
  addAgendaItem(joined.doc, { title: 'Burglaries' });
  await agendaOnServer(server.app.hub, meetingId, 2);
  return { meetingId, itemIds: readAgenda(joined.doc).map((item) => item.id) };
}

export function ledgerActions(server: TestServer, token: string, world: World) {
  const call = apiCaller(server.url);
  return {
    start: (meetingId: string) => call('POST', `/meetings/${meetingId}/start`, token, {}),
    close: (meetingId: string) => call('POST', `/meetings/${meetingId}/close`, token, {}),
    make: (fields: Record<string, unknown> = {}) =>
      call('POST', `/objectives/${world.objectiveId}/commitments`, token, {
        id: randomUUID(),
        text: 'Patrol the market at night',
        ownerAgencyId: world.agencyId,
        ownerPerson: 'Chief Silva',
        dueDate: '2026-12-20',
        goalId: world.goalId,
        ...fields,
      }),
    review: (meetingId: string, review: Record<string, unknown>) =>
      call('POST', `/meetings/${meetingId}/reviews`, token, review),
    followUp: async (meetingId: string) => {
      const result = await call('GET', `/meetings/${meetingId}/follow-up`, token);
      if (result.status !== 200) throw new Error(`follow-up: ${JSON.stringify(result.body)}`);
      return result.body as unknown as { followUp: FollowUpEntry[]; made: Commitment[] };
    },
  };
}
