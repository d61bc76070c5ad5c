/**
 * A ledger with a known shape for read-model and ledger-page tests, made through the real API:
 * three agencies, two objectives, commitments made in four meetings of one objective, two of the
 * other and between meetings; reviewed so that they are carried 0–3 times, done, dropped,
 * escalated; c1, c5 and d1 are overdue on any day from 2021-01-02 to 2099-02-01. Each commitment
 * has a label (c1…c6, d1, d2) so tests can name the ids they expect.
 */
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../../helpers/server.ts';
import type { SocketIoDocClient } from '../../helpers/yjsClients.ts';
import { type Api, apiCaller, makeWorld, objectiveMeeting, type World } from './ledgerWorld.ts';

export const LABELS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'd1', 'd2'] as const;
export type Label = (typeof LABELS)[number];

/** A text a spreadsheet would run as a formula; the CSV export must neutralise it. */
export const FORMULA_TEXT = '=HYPERLINK("http://example.com/x","Click, here")';

export interface SeededLedger {
  world: World;
  agencies: { police: string; civil: string; health: string };
  /** Commitment id by label. */
  ids: Record<Label, string>;
  /** The labels in the order they were made. */
  madeOrder: Label[];
  meetings: { m1: string; m4: string; n1: string };
  meetingDates: { m1: string; m4: string; n1: string };
}

function expectStatus(result: Api, status: number, what: string): Api {
  if (result.status !== status) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
  return result;
}

export async function seedLedger(
  server: TestServer,
  token: string,
  writer: SocketIoDocClient,
): Promise<SeededLedger> {
  const call = apiCaller(server.url);
  const world = await makeWorld(server, token);
  const suffix = randomUUID().slice(0, 6);
  const agency = async (name: string, code: string) => {
    const id = `${code.toLowerCase()}-${suffix}`;
    expectStatus(
      await call('POST', '/agencies', token, { id, code: `${code}${suffix.slice(0, 3)}`, name }),
      201,
      'agency',
    );
    return id;
  };
  const agencies = {
    police: world.agencyId,
    civil: await agency('Civil Defence', 'CD'),
    health: await agency('Health Secretariat', 'HS'),
  };
  const ids = {} as Record<Label, string>;
  const madeOrder: Label[] = [];
  const make = async (label: Label, objective: 'security' | 'health', fields: Record<string, unknown>) => {
    const objectiveId = objective === 'security' ? world.objectiveId : world.otherObjectiveId;
    const goalId = objective === 'security' ? world.goalId : world.otherGoalId;
    const result = await call('POST', `/objectives/${objectiveId}/commitments`, token, {
      id: randomUUID(),
      goalId,
      ...fields,
    });
    ids[label] = (expectStatus(result, 201, `make ${label}`).body.commitment as { id: string }).id;
    madeOrder.push(label);
  };
  const review = async (meetingId: string, label: Label, body: Record<string, unknown>) =>
    expectStatus(
      await call('POST', `/meetings/${meetingId}/reviews`, token, { commitmentId: ids[label], ...body }),
      200,
      `review ${label}`,
    );
  const phase = async (meetingId: string, command: 'start' | 'close') =>
    expectStatus(await call('POST', `/meetings/${meetingId}/${command}`, token, {}), 200, command);
  const meeting = async (objectiveId: string, date: string) =>
    (await objectiveMeeting(server, token, writer, objectiveId, date)).meetingId;

  const meetingDates = { m1: '2026-03-02', m4: '2026-03-23', n1: '2026-03-04' };
  const [m1, m2, m3, m4] = [
    await meeting(world.objectiveId, meetingDates.m1),
    await meeting(world.objectiveId, '2026-03-09'),
    await meeting(world.objectiveId, '2026-03-16'),
    await meeting(world.objectiveId, meetingDates.m4),
  ];
  const [n1, n2] = [
    await meeting(world.otherObjectiveId, meetingDates.n1),
    await meeting(world.otherObjectiveId, '2026-03-11'),
  ];

  await phase(m1, 'start');
  const security = (ownerAgencyId: string, ownerPerson: string, text: string, dueDate: string) => ({
    meetingId: m1,
    ownerAgencyId,
    ownerPerson,
    text,
    dueDate,
  });
  await make(
    'c1',
    'security',
    security(agencies.police, 'Chief Silva', 'Patrol the market at night', '2020-03-01'),
  );
  await make(
    'c2',
    'security',
    security(agencies.civil, 'Marta Reis', 'Publish the hot-spot map', '2099-01-01'),
  );
  await make('c3', 'security', security(agencies.police, '@lopes', FORMULA_TEXT, '2099-02-01'));
  await make('c4', 'security', security(agencies.civil, '', 'Fix street lights, 50% of them', '2030-01-01'));
  await phase(m1, 'close');

  await phase(n1, 'start');
  await make('d1', 'health', {
    meetingId: n1,
    ownerAgencyId: agencies.health,
    ownerPerson: 'Dr. Ana Costa',
    text: 'Hire 40 nurses',
    dueDate: '2020-01-15',
  });
  await make('d2', 'health', {
    meetingId: n1,
    ownerAgencyId: agencies.police,
    ownerPerson: 'chief SILVA',
    text: 'Guard the clinics at night',
    dueDate: '2099-03-01',
  });
  await phase(n1, 'close');

  await phase(m2, 'start');
  await review(m2, 'c1', { outcome: 'kept_open', newDueDate: '2020-04-01' });
  await review(m2, 'c2', { outcome: 'done' });
  await review(m2, 'c4', { outcome: 'escalated' });
  await phase(m2, 'close');

  await phase(n2, 'start');
  await review(n2, 'd1', { outcome: 'kept_open', newDueDate: '2020-02-01' });
  await review(n2, 'd2', { outcome: 'done' });
  await phase(n2, 'close');

  await phase(m3, 'start');
  await review(m3, 'c1', { outcome: 'kept_open', newDueDate: '2020-05-01' });
  await review(m3, 'c4', { outcome: 'kept_open', newDueDate: '2031-01-01' });
  await phase(m3, 'close');

  await phase(m4, 'start');
  await review(m4, 'c1', { outcome: 'escalated', newDueDate: '2020-06-01' });
  await review(m4, 'c4', { outcome: 'dropped', reason: 'The budget was cut' });
  await make('c5', 'security', {
    meetingId: m4,
    ownerAgencyId: agencies.health,
    ownerPerson: 'Rui Lima',
    text: 'Hire 40 officers',
    dueDate: '2021-01-01',
  });
  await phase(m4, 'close');

  // Made between meetings, then edited: a change with no meeting in its history.
  await make('c6', 'security', {
    ownerAgencyId: agencies.police,
    ownerPerson: 'ana souza',
    text: 'Audit overtime',
    dueDate: '2099-12-31',
  });
  expectStatus(
    await call('PATCH', `/objectives/${world.objectiveId}/commitments/${ids.c6}`, token, {
      patch: { text: 'Audit police overtime' },
    }),
    200,
    'edit c6',
  );
  return { world, agencies, ids, madeOrder, meetings: { m1, m4, n1 }, meetingDates };
}
