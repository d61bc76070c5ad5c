import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Meeting } from '../../../shared/meetings.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

type MeetingBody = Meeting;

describe('meetings API', () => {
  let server: TestServer;
  let analyst: string;
  let viewer: string;

  const call = (path: string, token: string | null, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${server.url}/api/meetings${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  beforeAll(async () => {
    server = await startTestServer();
    analyst = (await server.signIn('Ana Analyst', 'analyst')).token;
    viewer = (await server.signIn('Vera Viewer', 'viewer')).token;
    // A meeting's objective must exist.
    const objective = await fetch(`${server.url}/api/objectives`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
      body: JSON.stringify({ id: 'security', name: 'Citizen security' }),
    });
    if (objective.status !== 201) throw new Error(`setup: ${await objective.text()}`);
  });
  afterAll(() => server.close());

  test('an analyst creates a meeting; everyone signed in reads it', async () => {
    const created = await call('', analyst, {
      method: 'POST',
      body: { title: '  Citizen security — week 48 ', scheduledFor: '2026-11-30', objectiveId: 'security' },
    });
    expect(created.status).toBe(201);
    const { meeting } = (await created.json()) as { meeting: MeetingBody };
    expect(meeting).toEqual({
      id: expect.any(String),
      title: 'Citizen security — week 48',
      objectiveId: 'security',
      scheduledFor: '2026-11-30',
      createdAt: expect.any(String),
      createdBy: 'dev-ana-analyst',
      phase: 'draft',
      startedAt: null,
      closedAt: null,
      docName: `meeting:${meeting.id}`,
    });

    const read = await call(`/${meeting.id}`, viewer);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ meeting });
  });

  test('the list is newest date first', async () => {
    for (const scheduledFor of ['2026-01-05', '2027-03-01', '2026-06-15']) {
      const response = await call('', analyst, {
        method: 'POST',
        body: { title: `On ${scheduledFor}`, scheduledFor },
      });
      expect(response.status).toBe(201);
    }
    const response = await call('', viewer);
    const { meetings } = (await response.json()) as { meetings: MeetingBody[] };
    const dates = meetings.map((meeting) => meeting.scheduledFor);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates).toContain('2027-03-01');
    expect(meetings.find((meeting) => meeting.scheduledFor === '2026-01-05')?.objectiveId).toBeNull();
  });

  test('invalid input is refused naming the field', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ title: '', scheduledFor: '2026-11-30' }, /^title:/],
      [{ title: 'x', scheduledFor: '30/11/2026' }, /^scheduledFor:/],
      [{ title: 'x', scheduledFor: '2026-02-30' }, /^scheduledFor:/],
      [{ title: 'x' }, /^scheduledFor:/],
      [{ title: 'x', scheduledFor: '2026-11-30', objectiveId: 42 }, /^objectiveId:/],
    ];
    for (const [body, message] of cases) {
      const response = await call('', analyst, { method: 'POST', body });
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('invalid_payload');
      expect(error.message).toMatch(message);
    }
  });

  test('only analysts create; only signed-in people read', async () => {
    const byViewer = await call('', viewer, {
      method: 'POST',
      body: { title: 'x', scheduledFor: '2026-11-30' },
    });
    expect(byViewer.status).toBe(403);
    expect(((await byViewer.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const anonymousCreate = await call('', null, {
      method: 'POST',
      body: { title: 'x', scheduledFor: '2026-11-30' },
    });
    expect(anonymousCreate.status).toBe(401);
    expect((await call('', null)).status).toBe(401);
  });

  test('an unknown meeting is not_found', async () => {
    for (const id of ['no-such-meeting', 'bad%20id']) {
      const response = await call(`/${id}`, viewer);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });
});
