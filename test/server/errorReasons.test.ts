/**
 * Errors a person sees carry a reason the client translates (`shared/errorReasons.ts`): real
 * requests against a real server, each answered with its stable code, its English message as
 * before, and the reason's key and params.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ERROR_REASON_KEYS } from '../../shared/errorReasons.ts';
import type { ErrorReason } from '../../shared/errors.ts';
import { MeetingCommand } from '../../shared/meetingCommands.ts';
import type { ImportEvent } from '../../shared/performance.ts';
import { latestDuePeriod, nextPeriod, periodEndDate, periodOfDate, todayDate } from '../../shared/periods.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { SocketIoDocClient } from '../helpers/yjsClients.ts';
import { apiCaller, ledgerActions, makeWorld, objectiveMeeting, type World } from './ledger/ledgerWorld.ts';
import { command } from './meetings/liveMeeting.ts';
import { type ApiClient, apiClient, postCsv } from './performance/api.ts';
import { buildWorld } from './performance/world.ts';

interface Refusal {
  status: number;
  body: unknown;
}

/** The answer is `status` with `{ error: { code, message, reason } }` and the reason is as given. */
function expectReason(
  result: Refusal,
  status: number,
  code: string,
  reason: ErrorReason,
  message?: RegExp,
): void {
  expect(result.status).toBe(status);
  const { error } = result.body as { error: { code: string; message: string; reason?: ErrorReason } };
  expect(error).toEqual({ code, message: expect.any(String), reason });
  if (message) expect(error.message).toMatch(message);
  expect(ERROR_REASON_KEYS).toContain(reason.key);
}

describe('error reasons', { timeout: 60_000 }, () => {
  let server: TestServer;
  let token: string;
  let analyst: ApiClient;
  let writer: SocketIoDocClient;
  let ledgerWorld: World;

  beforeAll(async () => {
    server = await startTestServer();
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
    analyst = apiClient(server, token);
    await buildWorld(analyst);
    writer = await SocketIoDocClient.connect(server.url, { token });
    ledgerWorld = await makeWorld(server, token);
  });
  afterAll(async () => {
    writer?.close();
    await server?.close();
  });

  describe('data points', () => {
    test('a period that has not ended names the period, its end and the period due', async () => {
      const today = todayDate();
      const future = nextPeriod(periodOfDate(today, 'weekly'), 'weekly');
      expectReason(
        await analyst.put(`/indicators/ind-w/points/${future}`, { value: 120 }),
        400,
        'invalid_payload',
        {
          key: 'periodNotEnded',
          params: {
            period: future,
            ends: periodEndDate(future, 'weekly'),
            due: latestDuePeriod(today, 'weekly'),
          },
        },
        new RegExp(`^period: ${future} has not ended yet`),
      );
    });

    test('a negative count, a value past 1e12, a period of the wrong form, a date out of range', async () => {
      expectReason(
        await analyst.put('/indicators/ind-w/points/2025-W10', { value: -5 }),
        400,
        'invalid_payload',
        { key: 'valueNegative', params: { value: -5 } },
        /^value: -5 is negative, and this indicator does not allow negative values$/,
      );
      expectReason(
        await analyst.put('/indicators/ind-w/points/2025-W10', { value: 2e12 }),
        400,
        'invalid_payload',
        { key: 'valueTooLarge', params: { value: 2e12, min: '-1e+12', max: '1e+12' } },
      );
      expectReason(
        await analyst.put('/indicators/ind-w/points/2026-03', { value: 5 }),
        400,
        'invalid_payload',
        { key: 'notAWeeklyPeriod', params: { period: '2026-03' } },
      );
      expectReason(
        await analyst.put('/indicators/ind-w/points/1989-W10', { value: 5 }),
        400,
        'invalid_payload',
        {
          key: 'periodOutOfRange',
          params: { period: '1989-W10', earliest: '1990-01-01', latest: '2100-12-31' },
        },
      );
    });

    test('a value far outside the series needs confirming, and says by how much', async () => {
      const result = await analyst.put('/indicators/ind-w/points/2025-W20', { value: 50_000 });
      expect(result.status).toBe(409);
      const { error } = result.body as { error: { code: string; reason: ErrorReason } };
      expect(error.code).toBe('needs_confirmation');
      expect(error.reason).toEqual({
        key: 'valueOutlier',
        params: { value: 50_000, largest: expect.any(Number) },
      });
    });

    test('not found: objective, goal, indicator, meeting', async () => {
      const missing = '6f1d2c1e-0000-4000-8000-000000000000';
      expectReason(await analyst.get('/objectives/obj-nope'), 404, 'not_found', {
        key: 'noObjective',
        params: { id: 'obj-nope' },
      });
      expectReason(await analyst.get('/goals/goal-nope'), 404, 'not_found', {
        key: 'noGoal',
        params: { id: 'goal-nope' },
      });
      expectReason(await analyst.get('/indicators/ind-nope'), 404, 'not_found', {
        key: 'noIndicator',
        params: { id: 'ind-nope' },
      });
      expectReason(await analyst.get(`/meetings/${missing}`), 404, 'not_found', {
        key: 'noMeeting',
        params: { id: missing },
      });
    });
  });

  describe('validation (zod)', () => {
    test('an empty title, a 10 kB title, a text for a number, an unknown field', async () => {
      expectReason(
        await analyst.post('/meetings', { title: '  ', scheduledFor: '2026-11-02' }),
        400,
        'invalid_payload',
        { key: 'required', params: { field: 'title' } },
        /^title: title is required$/,
      );
      expectReason(
        await analyst.post('/meetings', { title: 'x'.repeat(10_000), scheduledFor: '2026-11-02' }),
        400,
        'invalid_payload',
        { key: 'tooLong', params: { field: 'title', max: 200 } },
      );
      expectReason(
        await analyst.put('/indicators/ind-w/points/2025-W10', { value: 'abc' }),
        400,
        'invalid_payload',
        { key: 'notANumber', params: { field: 'value' } },
      );
      const thresholds = await analyst.post('/indicators', {
        goalId: 'goal-a',
        name: 'Patrols',
        unit: 'count',
        direction: 'up',
        frequency: 'weekly',
        baselineValue: 1,
        baselineDate: '2026-01-05',
        targetValue: 2,
        targetDate: '2026-12-28',
        thresholds: { atRisk: 0.1, offTrack: 11 },
      });
      expectReason(thresholds, 400, 'invalid_payload', {
        key: 'numberTooLarge',
        params: { field: 'thresholds.offTrack', max: 10 },
      });
    });

    test("a field's own check gives its reason with the field and the value sent", async () => {
      expectReason(
        await analyst.post('/meetings', { title: 'Old', scheduledFor: '1999-01-01' }),
        400,
        'invalid_payload',
        {
          key: 'meetingDateOutOfRange',
          params: { field: 'scheduledFor', value: '1999-01-01', first: '2000-01-01', last: '2100-12-31' },
        },
        /^scheduledFor: outside 2000-01-01 … 2100-12-31$/,
      );
      expectReason(
        await analyst.post('/meetings', { title: 'Typo', scheduledFor: '2026-02-30' }),
        400,
        'invalid_payload',
        { key: 'notADate', params: { field: 'scheduledFor', value: '2026-02-30' } },
      );
      const dates = await analyst.post('/indicators', {
        goalId: 'goal-a',
        name: 'Patrols',
        unit: 'count',
        direction: 'up',
        frequency: 'monthly',
        baselineValue: 1,
        baselineDate: '2026-06-01',
        targetValue: 2,
        targetDate: '2026-01-01',
      });
      expectReason(dates, 400, 'invalid_payload', {
        key: 'targetDateNotAfterBaseline',
        params: { field: 'targetDate', value: '2026-01-01', baselineDate: '2026-06-01' },
      });
    });
  });

  describe('meetings', () => {
    test('a second meeting of the series on one date names the first', async () => {
      const first = await analyst.post('/meetings', {
        title: 'November stocktake',
        scheduledFor: '2026-11-05',
        objectiveId: 'obj-t',
      });
      expect(first.status).toBe(201);
      expectReason(
        await analyst.post('/meetings', { title: 'Again', scheduledFor: '2026-11-05', objectiveId: 'obj-t' }),
        409,
        'conflict',
        { key: 'meetingDateTaken', params: { date: '2026-11-05', title: 'November stocktake' } },
        /^The series already has a meeting on 2026-11-05: “November stocktake”/,
      );
      expectReason(
        await analyst.post('/meetings', {
          title: 'Nowhere',
          scheduledFor: '2026-11-09',
          objectiveId: 'obj-no',
        }),
        400,
        'invalid_payload',
        { key: 'noObjective', params: { id: 'obj-no' } },
      );
    });

    test('commands refused as invalid_state or stale, over HTTP and Socket.IO; a live meeting is not deleted', async () => {
      const empty = await analyst.post<{ meeting: { id: string } }>('/meetings', {
        title: 'Empty',
        scheduledFor: '2026-11-10',
      });
      const emptyId = empty.body.meeting.id;
      expectReason(await analyst.post(`/meetings/${emptyId}/start`, {}), 409, 'invalid_state', {
        key: 'agendaEmpty',
      });
      expectReason(await analyst.post(`/meetings/${emptyId}/close`, {}), 409, 'invalid_state', {
        key: 'notStartedClose',
      });

      const { meetingId, itemIds } = await objectiveMeeting(
        server,
        token,
        writer,
        ledgerWorld.objectiveId,
        '2026-11-12',
      );
      const [first, second] = itemIds as [string, string];
      expectReason(
        await analyst.post(`/meetings/${meetingId}/go-to`, { expectedItemId: first, to: 'next' }),
        409,
        'invalid_state',
        { key: 'notStartedChangeItem' },
      );
      expect((await analyst.post(`/meetings/${meetingId}/start`, {})).status).toBe(200);
      expectReason(
        await analyst.post(`/meetings/${meetingId}/go-to`, { expectedItemId: second, to: 'next' }),
        409,
        'stale',
        { key: 'currentItemChanged' },
      );
      // The same refusals as acks: the chair's console and the big screen read these.
      const ack = await command(writer, MeetingCommand.screen, {
        meetingId,
        action: 'show',
        as: 'chair',
        expectedItemId: second,
        indicatorId: null,
        since: 'auto',
      });
      expect(ack).toEqual({
        error: { code: 'stale', message: expect.any(String), reason: { key: 'currentItemChanged' } },
      });
      const timer = await command(writer, MeetingCommand.timer, {
        meetingId,
        expectedItemId: first,
        action: 'start',
      });
      expect(timer).toEqual({
        error: {
          code: 'invalid_state',
          message: 'The timer is already running',
          reason: { key: 'timerAlreadyRunning' },
        },
      });
      expectReason(await analyst.delete(`/meetings/${meetingId}`), 409, 'invalid_state', {
        key: 'deleteLiveMeeting',
      });
    });
  });

  describe('commitments', () => {
    test('due date rules, a reason to drop, a new due date to keep open', async () => {
      const act = ledgerActions(server, token, ledgerWorld);
      expectReason(await act.make({ dueDate: '1999-12-31' }), 400, 'invalid_payload', {
        key: 'dueDateOutOfRange',
        params: { field: 'dueDate', value: '1999-12-31', min: '2000-01-01', max: '2099-12-31' },
      });
      const made = await act.make({});
      expect(made.status).toBe(201);
      const id = (made.body.commitment as { id: string }).id;
      const drop = await apiCaller(server.url)(
        'PATCH',
        `/objectives/${ledgerWorld.objectiveId}/commitments/${id}`,
        token,
        { patch: { status: 'dropped' } },
      );
      expectReason(
        drop,
        400,
        'invalid_payload',
        { key: 'dropReasonRequired' },
        /^dropReason: a reason is required/,
      );
      const meetingId = '6f1d2c1e-0000-4000-8000-000000000001';
      expectReason(
        await act.review(meetingId, { commitmentId: id, outcome: 'dropped' }),
        400,
        'invalid_payload',
        { key: 'dropReasonRequired', params: { field: 'reason' } },
      );
      expectReason(
        await act.review(meetingId, { commitmentId: id, outcome: 'kept_open' }),
        400,
        'invalid_payload',
        { key: 'newDueDateRequired', params: { field: 'newDueDate' } },
      );
    });
  });

  describe('CSV imports', () => {
    const lastEvent = (events: unknown[]) => events[events.length - 1] as ImportEvent;

    test('row errors carry their reasons: unknown indicator, number not read, duplicate row', async () => {
      const csv = [
        'indicator_id,period,value',
        'ind-nope,2025-W10,5',
        'ind-w,2025-W11,12a',
        'ind-w,2025-W12,5',
        'ind-w,2025-W12,6',
      ].join('\n');
      const final = lastEvent((await postCsv(server, token, 'data-points', csv)).events);
      if (final.type !== 'failed') throw new Error(`expected failed, got ${final.type}`);
      expect(final.errors).toEqual([
        {
          row: 2,
          field: 'indicator_id',
          message: 'Unknown indicator "ind-nope"',
          reason: { key: 'unknownIndicator', params: { id: '"ind-nope"' } },
        },
        {
          row: 3,
          field: 'value',
          message: '"12a" is not a number',
          reason: { key: 'cellNotANumber', params: { value: '"12a"' } },
        },
        {
          row: 5,
          field: 'period',
          message: 'Duplicate of row 4 ("ind-w", "2025-W12")',
          reason: { key: 'duplicateRow', params: { row: 4, indicator: '"ind-w"', period: '"2025-W12"' } },
        },
      ]);
    });

    test('a header whose delimiter is not recognised, and a future period in a semicolon file', async () => {
      const header = lastEvent(
        (await postCsv(server, token, 'data-points', 'indicator_id|period|value\nx|y|1\n')).events,
      );
      if (header.type !== 'failed') throw new Error(`expected failed, got ${header.type}`);
      expect(header.errors.at(-1)?.reason).toEqual({
        key: 'headerSingleColumn',
        params: { columns: '"indicator_id|period|value"', expected: 'indicator_id, period, value' },
      });

      const future = nextPeriod(periodOfDate(todayDate(), 'monthly'), 'monthly');
      const final = lastEvent(
        (await postCsv(server, token, 'data-points', `indicator_id;period;value\nind-m;${future};4,5\n`))
          .events,
      );
      if (final.type !== 'failed') throw new Error(`expected failed, got ${final.type}`);
      expect(final.errors).toEqual([
        expect.objectContaining({
          row: 2,
          field: 'period',
          reason: {
            key: 'periodNotEnded',
            params: {
              period: future,
              ends: periodEndDate(future, 'monthly'),
              due: latestDuePeriod(todayDate(), 'monthly'),
            },
          },
        }),
      ]);
    });
  });
});
