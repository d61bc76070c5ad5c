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
  DEMO_HISTORY_WEEKS,
  FOLLOW_UP_TITLE,
  nextWeekday,
  planDemoMeetings,
} from '../../../server/demo/meetings.ts';
import { insertDemoData } from '../../../server/demo/seed.ts';
import { seedDemoMeetings } from '../../../server/demo/seedMeetings.ts';
import { createKyselyDocStore } from '../../../server/docs/kyselyDocStore.ts';
import type { FollowUpEntry } from '../../../shared/followUp.ts';
import { readAgenda } from '../../../shared/meetingDoc.ts';
import type { MeetingRecord } from '../../../shared/meetingRecord.ts';
import type { GoalDetail, IndicatorDetail } from '../../../shared/performance.ts';
import { addDaysToDate } from '../../../shared/periods.ts';
import { notesText } from '../../../shared/richNotes.ts';
import { DIALECTS } from '../../helpers/databases.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { SocketIoDocClient } from '../../helpers/yjsClients.ts';
import { apiClient } from '../performance/api.ts';

/** A Wednesday: the next meetings fall from Thursday 19 March on, the past ones weekly before. */
const AS_OF = '2026-03-18';

interface ListedMeeting {
  id: string;
  title: string;
  objectiveId: string | null;
  scheduledFor: string;
  createdBy: string;
  phase: string;
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
    expect(summary.meetings).toBe(5 * (DEMO_HISTORY_WEEKS + 1));
    // About 15 commitments per past meeting.
    expect(summary.commitments / (5 * DEMO_HISTORY_WEEKS)).toBeGreaterThan(12);
    expect(summary.commitments / (5 * DEMO_HISTORY_WEEKS)).toBeLessThan(18);
    // A second start seeds nothing more.
    expect(await seedDemoMeetings(db, createKyselyDocStore(db), { asOf: AS_OF, seed: 1 })).toEqual({
      meetings: 0,
      agendaItems: 0,
      commitments: 0,
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

  test('each objective has a weekly series: six closed meetings and the next draft, spread over the week', () => {
    const next: Record<string, string> = {
      'obj-01': '2026-03-19',
      'obj-02': '2026-03-20',
      'obj-03': '2026-03-23',
      'obj-04': '2026-03-24',
      'obj-05': '2026-03-25',
    };
    for (const [objectiveId, date] of Object.entries(next)) {
      const series = meetings.filter((meeting) => meeting.objectiveId === objectiveId);
      expect(series.map((meeting) => [meeting.scheduledFor, meeting.phase])).toEqual(
        Array.from({ length: DEMO_HISTORY_WEEKS + 1 }, (_, weeksAgo) => [
          addDaysToDate(date, -7 * weeksAgo),
          weeksAgo === 0 ? 'draft' : 'closed',
        ]),
      );
    }
    expect(meetings[0]!.title).toMatch(/: weekly monitoring meeting$/);
    expect(meetings.every((meeting) => meeting.createdBy === DEMO_CREATED_BY)).toBe(true);
    expect(new Set(meetings.map((meeting) => meeting.docName)).size).toBe(meetings.length);
  });

  test('the next meeting’s follow-up lists what is still open: carried, overdue, never twice', async () => {
    const api = apiClient(server, token);
    let carriedThrice = 0;
    let overdue = 0;
    for (const draft of meetings.filter((meeting) => meeting.phase === 'draft')) {
      const response = await api.get<{ followUp: FollowUpEntry[] }>(`/meetings/${draft.id}/follow-up`);
      expect(response.status).toBe(200);
      const entries = response.body.followUp;
      expect(entries.length).toBeGreaterThan(5);
      expect(entries.every((entry) => entry.commitment.status === 'open')).toBe(true);
      expect(new Set(entries.map((entry) => entry.commitment.id)).size).toBe(entries.length);
      carriedThrice += entries.filter((entry) => entry.timesCarried >= 3).length;
      overdue += entries.filter((entry) => entry.overdue).length;
    }
    expect(carriedThrice).toBeGreaterThan(0);
    expect(overdue).toBeGreaterThan(0);
    // A closed meeting's record: started, went through every item, closed; data pinned.
    const past = meetings.find((meeting) => meeting.phase === 'closed') as ListedMeeting;
    const record = await api.get<MeetingRecord>(`/meetings/${past.id}/record`);
    expect(record.body.timeline.at(0)?.action).toBe('started');
    expect(record.body.timeline.at(-1)?.action).toBe('closed');
    expect(record.body.made.length).toBeGreaterThan(5);
    expect(record.body.pinned.some((series) => series.points.length > 0)).toBe(true);
  });

  test('a client joining each document reads an agenda built from the data', async () => {
    const api = apiClient(server, token);
    const client = await SocketIoDocClient.connect(server.url, { token });
    clients.push(client);
    const indicatorCache = new Map<string, IndicatorDetail>();
    // The drafts, and the first objective's past meetings.
    for (const meeting of meetings.filter((m) => m.phase === 'draft' || m.objectiveId === 'obj-01')) {
      const joined = await client.joinSynced(meeting.docName);
      expect(joined.permission).toBe(meeting.phase === 'closed' ? 'read' : 'write');
      const agenda = readAgenda(joined.doc);
      const [followUp, ...reviews] = agenda;
      expect(followUp?.title).toBe(FOLLOW_UP_TITLE);
      expect(followUp?.kind).toBe('follow_up');
      expect(reviews.length).toBeGreaterThanOrEqual(4);
      expect(reviews.length).toBeLessThanOrEqual(6);

      const asOf = meeting.phase === 'closed' ? addDaysToDate(meeting.scheduledFor, -1) : AS_OF;
      const presenters = new Set<string>();
      for (const item of reviews) {
        expect(item.kind).toBe('goal_review');
        expect(item.timeboxMinutes).toBeGreaterThanOrEqual(10);
        expect(item.timeboxMinutes).toBeLessThanOrEqual(15);
        expect(notesText(item.notes).length).toBeGreaterThan(20);
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
        // The analyst's note cites one of the reviewed goal's own indicators (its worst one).
        const notes = notesText(item.notes);
        expect(
          goal.body.goal.indicators.some((indicator) => notes.startsWith(indicator.name)),
          notes,
        ).toBe(true);
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
        notes: notesText(notes),
      }),
    );
    expect(agenda).toEqual(plan.items.map(({ goal: _goal, ...item }) => item));
  } finally {
    await server.close();
  }
});
