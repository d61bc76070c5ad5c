/**
 * Hand-built meeting records for the memo's unit tests: one full meeting (every section has
 * something in it) and one with nothing in it.
 */
import type { FollowUpEntry } from '../../shared/followUp.ts';
import type { Commitment, Review, ReviewOutcome } from '../../shared/ledger.ts';
import type { MeetingRecord, RecordAgendaItem } from '../../shared/meetingRecord.ts';

const MINUTE = 60_000;
export const STARTED_AT = Date.UTC(2026, 11, 1, 9, 0);
export const CLOSED_AT = STARTED_AT + 105 * MINUTE;
const ACTOR = { id: 'ana', name: 'Ana Analyst', role: 'analyst' } as const;

export function commitment(id: string, fields: Partial<Commitment> = {}): Commitment {
  return {
    id,
    text: `Commitment ${id}`,
    ownerAgencyId: 'police',
    ownerPerson: 'Chief Silva',
    dueDate: '2026-12-20',
    goalId: 'burglaries',
    indicatorId: null,
    status: 'open',
    madeInMeetingId: 'm1',
    madeInItemId: null,
    createdAt: STARTED_AT + MINUTE,
    createdBy: ACTOR,
    closedAt: null,
    dropReason: null,
    escalated: false,
    ...fields,
  };
}

function review(commitmentId: string, outcome: ReviewOutcome, fields: Partial<Review> = {}): Review {
  return {
    meetingId: 'm1',
    commitmentId,
    outcome,
    newDueDate: null,
    reason: null,
    at: STARTED_AT + 5 * MINUTE,
    by: ACTOR,
    ...fields,
  };
}

export function followed(
  c: Commitment,
  r: Review | null,
  fields: Partial<Omit<FollowUpEntry, 'commitment' | 'review'>> = {},
): FollowUpEntry {
  return {
    commitment: c,
    review: r,
    timesCarried: 0,
    daysOpen: 7,
    dueDateThen: c.dueDate,
    overdue: false,
    ...fields,
  };
}

export function item(id: string, fields: Partial<RecordAgendaItem> = {}): RecordAgendaItem {
  const timeboxMinutes = fields.timeboxMinutes ?? 10;
  return {
    id,
    title: `Item ${id}`,
    kind: 'goal_review',
    presenterAgency: 'police',
    timeboxMinutes,
    allowedMs: timeboxMinutes * MINUTE,
    spentMs: 0,
    indicatorIds: [],
    notes: '',
    ...fields,
  };
}

/** A record with nothing in it: a draft nobody prepared. */
export function emptyRecord(): MeetingRecord {
  return {
    meeting: {
      id: 'm0',
      title: 'Stocktake',
      objectiveId: null,
      scheduledFor: '2026-12-08',
      createdAt: '2026-11-20T10:00:00.000Z',
      createdBy: 'ana',
      phase: 'draft',
      startedAt: null,
      closedAt: null,
      docName: 'meeting:m0',
    },
    live: { phase: 'draft', currentItemId: null, startedAt: null, closedAt: null, timings: {} },
    timeline: [],
    agenda: [],
    attendance: [],
    followUp: [],
    made: [],
    pinned: [],
    names: { objective: null, agencies: {}, goals: {}, indicators: {} },
  };
}

/** A closed meeting, 09:00–10:45 UTC on Tuesday 1 December 2026, with every section filled. */
export function fullRecord(): MeetingRecord {
  const base = emptyRecord();
  return {
    ...base,
    meeting: {
      ...base.meeting,
      id: 'm1',
      title: 'Citizen security — weekly stocktake',
      objectiveId: 'security',
      scheduledFor: '2026-12-01',
      phase: 'closed',
      startedAt: new Date(STARTED_AT).toISOString(),
      closedAt: new Date(CLOSED_AT).toISOString(),
      docName: 'meeting:m1',
    },
    live: { phase: 'closed', currentItemId: null, startedAt: STARTED_AT, closedAt: CLOSED_AT, timings: {} },
    agenda: [
      item('fu', { title: 'Follow-up of open commitments', kind: 'follow_up', spentMs: 12 * MINUTE }),
      item('burg', {
        title: 'Household burglaries',
        timeboxMinutes: 15,
        allowedMs: 20 * MINUTE,
        spentMs: 19.6 * MINUTE,
      }),
      item('dec', {
        title: 'Budget',
        kind: 'decision',
        notes: 'Approve 40 new patrol cars.\n- Fund them from the reserve',
        spentMs: 7 * MINUTE,
      }),
      item('never', { title: 'Police response time' }),
    ],
    attendance: [
      { name: 'Chief Silva', agency: 'police', present: true },
      { name: 'Dr Costa', agency: 'Health Secretariat', present: false },
      { name: 'Ana Analyst', agency: '', present: true },
    ],
    made: [
      commitment('n1', { text: 'Patrol the market at night', madeInItemId: 'burg' }),
      commitment('n2', {
        text: 'Buy the patrol cars',
        ownerAgencyId: 'finance',
        ownerPerson: '',
        dueDate: '2027-02-01',
        madeInItemId: 'dec',
      }),
      commitment('n3', { text: 'Call the mayor', madeInItemId: null }),
    ],
    followUp: [
      followed(
        commitment('p1', { text: 'Open the hot-spot map' }),
        review('p1', 'kept_open', { newDueDate: '2027-01-20' }),
        {
          timesCarried: 2,
          overdue: true,
        },
      ),
      followed(commitment('p2', { text: 'Hire 40 officers' }), review('p2', 'done')),
      followed(
        commitment('p3', { text: 'Fix the 190 line' }),
        review('p3', 'dropped', { reason: 'Superseded by the new call centre' }),
      ),
      followed(commitment('p4', { text: 'Light the park' }), review('p4', 'escalated'), { timesCarried: 1 }),
      followed(commitment('p5', { text: 'Count the cameras' }), null),
    ],
    pinned: [
      {
        indicatorId: 'hb',
        pinnedAt: STARTED_AT,
        points: [],
        corrections: [
          { period: '2026-10', pinned: 421, current: 418, correctedAt: '2026-12-12T10:00:00.000Z' },
          { period: '2026-11', pinned: 1250.5, current: 1300, correctedAt: '2027-01-03T08:00:00.000Z' },
          { period: '2026-09', pinned: 440, current: null, correctedAt: null },
        ],
      },
    ],
    names: {
      objective: 'Citizen security',
      agencies: { police: 'Police', finance: 'Finance Secretariat' },
      goals: { burglaries: 'Reduce burglaries 15%' },
      indicators: { hb: { name: 'Household burglaries', unit: 'cases' } },
    },
  };
}
