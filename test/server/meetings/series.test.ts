/**
 * `/api/objectives/:objectiveId/series` against a real server, on SQLite and PostgreSQL: the
 * overview, saving the cadence, creating the next meeting from it, and every refusal.
 */
import { format, parseISO } from 'date-fns';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../../server/db/database.ts';
import { insertMeetingRows } from '../../../server/meetings/meetingRows.ts';
import { meetingDocName } from '../../../shared/docNames.ts';
import { addAgendaItem } from '../../../shared/meetingDoc.ts';
import type { Meeting } from '../../../shared/meetings.ts';
import { addDaysToDate, todayDate } from '../../../shared/periods.ts';
import {
  defaultSeries,
  type MeetingSeries,
  nextMeetingDate,
  type SeriesOverview,
} from '../../../shared/series.ts';
import { DIALECTS } from '../../helpers/databases.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { type ApiClient, apiClient, type ErrorBody } from '../performance/api.ts';

const EVERY_2_WEEKS_THURSDAY = {
  cadence: 'every_n_weeks',
  intervalWeeks: 2,
  weekday: 4,
  startTime: '14:30',
  durationMinutes: 90,
  usualAgencyIds: ['ag-hea', 'ag-sec'],
};

describe.each(DIALECTS)('meeting series API on %s', { timeout: 60_000 }, (dialect) => {
  let server: TestServer;
  let analyst: ApiClient;
  let viewer: ApiClient;
  let anonymous: ApiClient;

  const seriesPath = (objectiveId: string) => `/objectives/${objectiveId}/series`;
  const overview = async (objectiveId: string) => {
    const result = await viewer.get<SeriesOverview>(seriesPath(objectiveId));
    expect(result.status).toBe(200);
    return result.body;
  };
  const nextMeeting = (objectiveId: string, body?: unknown) =>
    analyst.post<{ meeting: Meeting } & ErrorBody>(`${seriesPath(objectiveId)}/next-meeting`, body);
  const setup = async (result: Promise<{ status: number; body: unknown }>) => {
    const { status, body } = await result;
    if (status !== 201) throw new Error(`setup failed: ${status} ${JSON.stringify(body)}`);
  };

  beforeAll(async () => {
    server = await startTestServer({ dialect });
    analyst = apiClient(server, (await server.signIn('Ana Analyst', 'analyst')).token);
    viewer = apiClient(server, (await server.signIn('Vera Viewer', 'viewer')).token);
    anonymous = apiClient(server, null);
    await setup(analyst.post('/agencies', { id: 'ag-sec', code: 'SEC', name: 'Secretariat of Security' }));
    await setup(analyst.post('/agencies', { id: 'ag-hea', code: 'HEA', name: 'Secretariat of Health' }));
    for (const [id, name] of [
      ['obj-sec', 'Citizen security'],
      ['obj-edu', 'Education'],
      ['obj-far', 'Far future'],
      ['obj-race', 'Race'],
    ]) {
      await setup(analyst.post('/objectives', { id, name }));
    }
  });
  afterAll(() => server.close());

  test('an objective nobody configured has the default series and no meetings', async () => {
    expect(await overview('obj-sec')).toEqual({
      series: defaultSeries('obj-sec'),
      objective: { id: 'obj-sec', name: 'Citizen security' },
      meetings: [],
      lastReviewedOn: null,
      nextMeeting: null,
    });
    expect((await anonymous.get(seriesPath('obj-sec'))).status).toBe(401);
  });

  test('an analyst saves the cadence; saving again replaces it; a viewer may not', async () => {
    const saved = await analyst.put<{ series: MeetingSeries }>(seriesPath('obj-sec'), EVERY_2_WEEKS_THURSDAY);
    expect(saved.status).toBe(200);
    expect(saved.body.series).toEqual({
      objectiveId: 'obj-sec',
      ...EVERY_2_WEEKS_THURSDAY,
      updatedAt: expect.any(String),
      updatedBy: 'dev-ana-analyst',
    });
    expect((await overview('obj-sec')).series).toEqual(saved.body.series);

    const monthly = { ...EVERY_2_WEEKS_THURSDAY, cadence: 'monthly', intervalWeeks: 1, usualAgencyIds: [] };
    const replaced = await analyst.put<{ series: MeetingSeries }>(seriesPath('obj-sec'), monthly);
    expect(replaced.body.series).toMatchObject({ cadence: 'monthly', usualAgencyIds: [] });
    expect((await overview('obj-sec')).series).toEqual(replaced.body.series);

    const byViewer = await viewer.put<ErrorBody>(seriesPath('obj-sec'), EVERY_2_WEEKS_THURSDAY);
    expect(byViewer.status).toBe(403);
    expect(byViewer.body.error.code).toBe('forbidden');
    expect((await anonymous.put(seriesPath('obj-sec'), EVERY_2_WEEKS_THURSDAY)).status).toBe(401);
    expect((await overview('obj-sec')).series).toEqual(replaced.body.series);

    const restored = await analyst.put(seriesPath('obj-sec'), EVERY_2_WEEKS_THURSDAY);
    expect(restored.status).toBe(200);
  });

  test('bad bodies are refused naming the field, and change nothing', async () => {
    const before = (await overview('obj-sec')).series;
    const many = (count: number) => Array.from({ length: count }, (_, i) => `ag-${i}`);
    const cases: Array<[unknown, RegExp]> = [
      [{ ...EVERY_2_WEEKS_THURSDAY, weekday: '4' }, /^weekday:/],
      [{ ...EVERY_2_WEEKS_THURSDAY, weekday: 7 }, /^weekday:/],
      [{ ...EVERY_2_WEEKS_THURSDAY, startTime: '24:00' }, /^startTime: expected a time HH:MM/],
      [{ ...EVERY_2_WEEKS_THURSDAY, durationMinutes: 10 }, /^durationMinutes:/],
      [{ ...EVERY_2_WEEKS_THURSDAY, intervalWeeks: 13 }, /^intervalWeeks:/],
      [{ ...EVERY_2_WEEKS_THURSDAY, cadence: 'weekly' }, /^intervalWeeks: must be 1/],
      [{ ...EVERY_2_WEEKS_THURSDAY, cadence: 'fortnightly' }, /^cadence:/],
      [{ ...EVERY_2_WEEKS_THURSDAY, usualAgencyIds: 'ag-sec' }, /^usualAgencyIds:/],
      [{ ...EVERY_2_WEEKS_THURSDAY, usualAgencyIds: ['ag-sec', 'ag-sec'] }, /ag-sec is listed twice/],
      [{ ...EVERY_2_WEEKS_THURSDAY, usualAgencyIds: many(61) }, /^usualAgencyIds:/],
      [{ ...EVERY_2_WEEKS_THURSDAY, usualAgencyIds: many(20_000) }, /^usualAgencyIds:/],
      [
        { ...EVERY_2_WEEKS_THURSDAY, usualAgencyIds: ['ag-sec', 'ag-nope'] },
        /^usualAgencyIds: no agency ag-nope$/,
      ],
      [{ ...EVERY_2_WEEKS_THURSDAY, weekDay: 3 }, /Unrecognized key/],
      [{ weekday: 4 }, /^cadence:/],
      [[], /^payload:/],
      // express.json() accepts only objects and arrays at the top level.
      [null, /not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const response = await analyst.put<ErrorBody>(seriesPath('obj-sec'), body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.error.code).toBe('invalid_payload');
      expect(response.body.error.message).toMatch(message);
    }
    expect((await overview('obj-sec')).series).toEqual(before);
  });

  test('an unknown objective is not_found on every endpoint', async () => {
    const calls = [
      viewer.get<ErrorBody>(seriesPath('obj-nope')),
      analyst.put<ErrorBody>(seriesPath('obj-nope'), EVERY_2_WEEKS_THURSDAY),
      nextMeeting('obj-nope'),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status).toBe(404);
      expect(response.body.error).toEqual({
        code: 'not_found',
        message: 'No objective obj-nope',
        reason: { key: 'noObjective', params: { id: 'obj-nope' } },
      });
    }
  });

  test('the next meeting follows the cadence; a second draft is refused unless asked for', async () => {
    const today = todayDate();
    const created = await nextMeeting('obj-edu');
    expect(created.status).toBe(201);
    const first = created.body.meeting;
    // The default series: weekly on Tuesday, from yesterday, so today itself when today is a Tuesday.
    const expectedDate = nextMeetingDate(defaultSeries('obj-edu'), addDaysToDate(today, -1));
    expect(first).toMatchObject({
      objectiveId: 'obj-edu',
      phase: 'draft',
      scheduledFor: expectedDate,
      title: `Education — ${format(parseISO(expectedDate), 'EEE d MMM yyyy')}`,
      createdBy: 'dev-ana-analyst',
    });
    expect(first.scheduledFor >= today).toBe(true);
    expect(first.title).toMatch(/^Education — Tue \d{1,2} [A-Z][a-z]{2} \d{4}$/);

    const refused = await nextMeeting('obj-edu', {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('invalid_state');
    expect(refused.body.error.message).toContain(first.title);
    expect(refused.body.error.message).toContain(first.id);

    const second = await nextMeeting('obj-edu', { allowSecondDraft: true });
    expect(second.status).toBe(201);
    // Never before an existing meeting: the Tuesday after the first.
    expect(second.body.meeting.scheduledFor).toBe(addDaysToDate(first.scheduledFor, 7));

    for (const body of [{ allowSecondDraft: 'yes' }, { second: true }, [1]]) {
      const bad = await nextMeeting('obj-edu', body);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('invalid_payload');
    }
    const byViewer = await viewer.post<ErrorBody>(`${seriesPath('obj-edu')}/next-meeting`, {});
    expect(byViewer.status).toBe(403);

    const listed = await overview('obj-edu');
    expect(listed.meetings.map((meeting) => meeting.id)).toEqual([second.body.meeting.id, first.id]);
    expect(listed.nextMeeting?.id).toBe(first.id);
    expect(listed.lastReviewedOn).toBeNull();

    // Run and close the first meeting with the real commands: it becomes the last review.
    await server.app.hub.change(meetingDocName(first.id), (doc) =>
      addAgendaItem(doc, { title: 'Follow-up' }),
    );
    for (const command of ['start', 'close']) {
      const response = await analyst.post(`/meetings/${first.id}/${command}`, {});
      expect(response.status, command).toBe(200);
    }
    const afterClose = await overview('obj-edu');
    expect(afterClose.lastReviewedOn).toBe(first.scheduledFor);
    expect(afterClose.nextMeeting?.id).toBe(second.body.meeting.id);
    expect(afterClose.meetings.map((meeting) => meeting.phase)).toEqual(['draft', 'closed']);
  });

  test('meetings created by hand join their series, and the next one is planned after them', async () => {
    const byHand = await analyst.post<{ meeting: Meeting }>('/meetings', {
      title: 'Security — special session',
      scheduledFor: '2031-03-06',
      objectiveId: 'obj-sec',
    });
    expect(byHand.status).toBe(201);
    const listed = await overview('obj-sec');
    expect(listed.meetings.map((meeting) => meeting.id)).toEqual([byHand.body.meeting.id]);
    expect(listed.nextMeeting?.id).toBe(byHand.body.meeting.id);

    // Every 2 weeks on Thursday, after Thursday 2031-03-06.
    const next = await nextMeeting('obj-sec', { allowSecondDraft: true });
    expect(next.status).toBe(201);
    expect(next.body.meeting).toMatchObject({
      scheduledFor: '2031-03-20',
      title: 'Citizen security — Thu 20 Mar 2031',
    });
    // Other objectives' meetings stay out of this series.
    expect((await overview('obj-edu')).meetings.every((meeting) => meeting.objectiveId === 'obj-edu')).toBe(
      true,
    );
  });

  test('two requests at once create one draft', async () => {
    const answers = await Promise.all([
      nextMeeting('obj-race'),
      nextMeeting('obj-race'),
      nextMeeting('obj-race'),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    expect((await overview('obj-race')).meetings).toHaveLength(1);
  });

  test('no date can be planned after a meeting dated beyond 2999: invalid_state, not a crash', async () => {
    // The API refuses such a date now (2000–2100); a meeting stored before that rule may have one.
    const db = openDatabase(server.database.config);
    try {
      await insertMeetingRows(db, [
        {
          id: 'typo-far',
          title: 'Typo',
          objective_id: 'obj-far',
          scheduled_for: '9999-12-31',
          created_at: new Date().toISOString(),
          created_by: 'test',
          phase: 'draft',
          started_at: null,
          closed_at: null,
        },
      ]);
    } finally {
      await db.close();
    }
    const refused = await nextMeeting('obj-far', { allowSecondDraft: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('invalid_state');
    expect(refused.body.error.message).toMatch(/after 9999-12-31: .*outside the years 1900–2999/);
  });
});
