/**
 * Demo meetings: seeded through the real document path (DocStore), listed by the meetings API, and
 * read by a real Socket.IO client joining the documents through the DocHub, on both engines.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../../server/db/database.ts';
import { generateDemoData } from '../../../server/demo/generate.ts';
import {
  buildMeetingDoc,
  DEMO_CREATED_BY,
  FOLLOW_UP_TITLE,
  nextWeekday,
  planDemoMeetings,
  seedDemoMeetings,
} from '../../../server/demo/meetings.ts';
import { insertDemoData } from '../../../server/demo/seed.ts';
import { createKyselyDocStore } from '../../../server/docs/kyselyDocStore.ts';
import { readAgenda } from '../../../shared/meetingDoc.ts';
import type { GoalDetail, IndicatorDetail } from '../../../shared/performance.ts';
import { DIALECTS } from '../../helpers/databases.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { SocketIoDocClient } from '../../helpers/yjsClients.ts';
import { apiClient } from '../performance/api.ts';

/** A Wednesday: next week's meetings fall on Thursday 19 March, last week's on the 12th. */
const AS_OF = '2026-03-18';

interface ListedMeeting {
  id: string;
  title: string;
  objectiveId: string | null;
  scheduledFor: string;
  createdBy: string;
  docName: string;
}

test('meetings fall on the next weekday', () => {
  expect(nextWeekday('2026-03-18')).toBe('2026-03-19'); // Wednesday → Thursday
  expect(nextWeekday('2026-03-20')).toBe('2026-03-23'); // Friday → Monday
  expect(nextWeekday('2026-03-21')).toBe('2026-03-23'); // Saturday → Monday
  expect(nextWeekday('2026-12-31')).toBe('2027-01-01'); // across the year
});

describe.each(DIALECTS)('demo meetings on %s', (dialect) => {
  let server: TestServer;
  let token: string;
  let meetings: ListedMeeting[];
  const clients: SocketIoDocClient[] = [];

  beforeAll(async () => {
    server = await startTestServer({ dialect });
    const db = openDatabase(server.database.config);
    await insertDemoData(db, generateDemoData({ asOf: AS_OF, seed: 1, objectives: 5 }));
    const summary = await seedDemoMeetings(db, createKyselyDocStore(db), { asOf: AS_OF, seed: 1 });
    expect(summary.meetings).toBe(5);
    // A second start seeds nothing more.
    expect(await seedDemoMeetings(db, createKyselyDocStore(db), { asOf: AS_OF, seed: 1 })).toEqual({
      meetings: 0,
      agendaItems: 0,
    });
    await db.close();
    token = (await server.signIn('Ana Lima', 'analyst')).token;
    const listed = await apiClient(server, token).get<{ meetings: ListedMeeting[] }>('/meetings');
    expect(listed.status).toBe(200);
    meetings = listed.body.meetings;
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.close();
  });

  test('the meetings API lists next week’s meeting for four objectives and last week’s for the first', () => {
    expect(meetings.map((meeting) => [meeting.objectiveId, meeting.scheduledFor])).toEqual([
      ['obj-01', '2026-03-19'],
      ['obj-02', '2026-03-19'],
      ['obj-03', '2026-03-19'],
      ['obj-04', '2026-03-19'],
      ['obj-01', '2026-03-12'],
    ]);
    expect(meetings[0]!.title).toBe('Citizen security: weekly monitoring meeting');
    expect(meetings.every((meeting) => meeting.createdBy === DEMO_CREATED_BY)).toBe(true);
    expect(new Set(meetings.map((meeting) => meeting.docName)).size).toBe(5);
  });

  test('a client joining each document reads an agenda built from the data', async () => {
    const api = apiClient(server, token);
    const client = await SocketIoDocClient.connect(server.url, { token });
    clients.push(client);
    const indicatorCache = new Map<string, IndicatorDetail>();
    for (const meeting of meetings) {
      const joined = await client.joinSynced(meeting.docName);
      expect(joined.permission).toBe('write');
      const agenda = readAgenda(joined.doc);
      const [followUp, ...reviews] = agenda;
      expect(followUp?.title).toBe(FOLLOW_UP_TITLE);
      expect(followUp?.kind).toBe('follow_up');
      expect(reviews.length).toBeGreaterThanOrEqual(4);
      expect(reviews.length).toBeLessThanOrEqual(6);

      const asOf = meeting.scheduledFor === '2026-03-12' ? '2026-03-11' : AS_OF;
      const presenters = new Set<string>();
      for (const item of reviews) {
        expect(item.kind).toBe('goal_review');
        expect(item.timeboxMinutes).toBeGreaterThanOrEqual(10);
        expect(item.timeboxMinutes).toBeLessThanOrEqual(15);
        expect(item.notes.toString().length).toBeGreaterThan(20);
        expect(item.indicatorIds.length).toBeGreaterThan(0);
        presenters.add(item.presenterAgency);
        let goalId: string | null = null;
        for (const indicatorId of item.indicatorIds) {
          let detail = indicatorCache.get(indicatorId);
          if (!detail) {
            const response = await api.get<IndicatorDetail>(`/indicators/${indicatorId}`);
            expect(response.status).toBe(200);
            detail = response.body;
            indicatorCache.set(indicatorId, detail);
          }
          // Every indicator is one of the reviewed goal's, and that goal's agency presents.
          goalId ??= detail.goal.id;
          expect(detail.goal.id).toBe(goalId);
          expect(detail.objective.id).toBe(meeting.objectiveId);
          expect(item.presenterAgency).toBe(detail.agency.id);
          expect(item.title).toBe(detail.goal.title);
        }
        // Only goals that need the chair's attention get a review.
        const goal = await api.get<GoalDetail>(`/goals/${goalId}?asOf=${asOf}`);
        expect(['off_track', 'at_risk']).toContain(goal.body.goal.computedStatus);
        expect(goal.body.goal.indicators.map((indicator) => indicator.id)).toEqual(item.indicatorIds);
      }
      // The reviews take turns between agencies rather than one agency presenting everything.
      expect(presenters.size).toBeGreaterThan(1);
      client.leave(meeting.docName);
    }
  });
});

test('the same seed and date plan the same agendas; the document holds exactly the plan', async () => {
  const server = await startTestServer();
  try {
    const db = openDatabase(server.database.config);
    await insertDemoData(db, generateDemoData({ asOf: AS_OF, seed: 2, objectives: 4 }));
    const first = await planDemoMeetings(db, { asOf: AS_OF, seed: 2 });
    expect(await planDemoMeetings(db, { asOf: AS_OF, seed: 2 })).toEqual(first);
    expect(await planDemoMeetings(db, { asOf: AS_OF, seed: 3 })).not.toEqual(first);
    await db.close();

    const plan = first[1]!;
    const agenda = readAgenda(buildMeetingDoc(plan.items)).map(
      ({ id: _id, order: _order, notes, ...fields }) => ({
        ...fields,
        notes: notes.toString(),
      }),
    );
    expect(agenda).toEqual(plan.items);
  } finally {
    await server.close();
  }
});
