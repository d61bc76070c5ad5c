/**
 * A demo series' past: each past meeting played through the same transitions and ledger changes
 * the server's commands use (start, go to each item, capture, review, close), at the times it would
 * have happened. About 15 commitments per meeting; most close within two meetings, about one in ten
 * is carried three times or more, some go overdue. Deterministic for a seed and a date.
 */
import * as Y from 'yjs';
import { followUp } from '../../shared/followUp.ts';
import { type CommitmentFields, ReviewOutcome, readLedger } from '../../shared/ledger.ts';
import {
  addCommitment,
  editCommitment,
  type LedgerContext,
  type ReviewInput,
  reviewCommitment,
} from '../../shared/ledgerChanges.ts';
import { readAgenda } from '../../shared/meetingDoc.ts';
import { closeMeeting, goToItem, startMeeting, type TransitionContext } from '../../shared/meetingLive.ts';
import { addDaysToDate } from '../../shared/periods.ts';
import { type PinnedPoint, writePinned } from '../../shared/pinnedData.ts';
import type { Principal } from '../../shared/roles.ts';
import { commitmentText, DROP_REASONS } from './commitmentTexts.ts';
import type { Random } from './random.ts';

const MINUTE_MS = 60_000;
const DUE_IN_DAYS = [5, 7, 7, 10, 14, 14, 21] as const;

export const DEMO_ANALYST: Principal = { id: 'demo:results-center', name: 'Results center', role: 'analyst' };

/** What a goal-review item is about, for the commitments made during it. */
export interface DemoGoal {
  id: string;
  title: string;
  agencyId: string;
  ownerName: string;
  indicators: Array<{ id: string; name: string }>;
}

export interface PastMeeting {
  id: string;
  date: string;
  /** The meeting document, its agenda already written. */
  doc: Y.Doc;
  /** Goal reviewed by each agenda item, by item id (the follow-up item has none). */
  goalOfItem: ReadonlyMap<string, DemoGoal>;
  /** The series the meeting pins when it starts. */
  pins: ReadonlyMap<string, PinnedPoint[]>;
}

export interface PlayedMeeting {
  id: string;
  live: Y.Doc;
  startedAt: number;
  closedAt: number;
}

/** How a commitment's story ends: the review (1st, 2nd…) at which it is closed, and how. */
interface Fate {
  closeAtReview: number;
  outcome: typeof ReviewOutcome.done | typeof ReviewOutcome.dropped;
  /** Closed by the analyst between meetings, before its first review. */
  closedBetween: boolean;
  /** Kept open past its first review without a new date far ahead: it runs late. */
  runsLate: boolean;
}

function drawFate(random: Random): Fate {
  const r = random.int(0, 999) / 1000;
  const late = random.chance(0.3);
  if (r < 0.08)
    return { closeAtReview: 1, outcome: ReviewOutcome.done, closedBetween: true, runsLate: false };
  if (r < 0.46)
    return { closeAtReview: 1, outcome: ReviewOutcome.done, closedBetween: false, runsLate: late };
  if (r < 0.72)
    return { closeAtReview: 2, outcome: ReviewOutcome.done, closedBetween: false, runsLate: late };
  if (r < 0.8)
    return {
      closeAtReview: random.int(1, 2),
      outcome: ReviewOutcome.dropped,
      closedBetween: false,
      runsLate: late,
    };
  if (r < 0.84)
    return { closeAtReview: 3, outcome: ReviewOutcome.done, closedBetween: false, runsLate: late };
  // The rest are carried three times or more (about one in ten once the series is weeks old).
  return {
    closeAtReview: random.int(4, 7),
    outcome: ReviewOutcome.done,
    closedBetween: false,
    runsLate: true,
  };
}

const utcMs = (date: string, hour: number) =>
  Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00.000Z`);

/**
 * Plays `meetings` (oldest first) into their live-state documents and one ledger; `now` bounds the
 * between-meetings edits. Returns the played meetings and the ledger document.
 */
export function playSeriesHistory(
  meetings: readonly PastMeeting[],
  random: Random,
  now: number,
): { played: PlayedMeeting[]; ledger: Y.Doc } {
  const ledger = new Y.Doc();
  const fates = new Map<string, Fate>();
  const reviewsSoFar = new Map<string, number>();
  const played: PlayedMeeting[] = [];
  let counter = 0;

  for (const meeting of meetings) {
    const live = new Y.Doc();
    const agenda = readAgenda(meeting.doc);
    const ids = agenda.map((item) => item.id);
    const startedAt = utcMs(meeting.date, 12) + random.int(0, 10) * MINUTE_MS;
    let clock = startedAt;
    const at = (): TransitionContext => ({ actor: DEMO_ANALYST, now: clock });
    startMeeting(live, ids, at());
    writePinned(live, meeting.pins, startedAt);

    // The follow-up comes first: each commitment open at the start gets its review.
    const ledgerAt = (): LedgerContext => ({ actor: DEMO_ANALYST, now: clock, meetingId: meeting.id });
    for (const entry of followUp(readLedger(ledger), { id: meeting.id, startedAt }, startedAt)) {
      const id = entry.commitment.id;
      const fate = fates.get(id);
      if (!fate) continue;
      const count = (reviewsSoFar.get(id) ?? 0) + 1;
      reviewsSoFar.set(id, count);
      clock += random.int(20, 90) * 1000;
      reviewCommitment(
        ledger,
        reviewOf(id, count, fate, meeting.date, random),
        { id: meeting.id, startedAt },
        ledgerAt(),
      );
    }

    for (const [index, item] of agenda.entries()) {
      if (index > 0) {
        clock = Math.max(clock, startedAt) + random.int(1, 3) * MINUTE_MS;
        goToItem(live, ids, { expectedItemId: ids[index - 1] as string, to: 'next' }, at());
      }
      const itemStart = clock;
      const goal = meeting.goalOfItem.get(item.id);
      for (let made = goal ? random.int(2, 4) : 0; made > 0; made--) {
        clock += random.int(2, 4) * MINUTE_MS;
        const indicator = goal && goal.indicators.length > 0 ? random.pick(goal.indicators) : null;
        const fields: CommitmentFields = {
          text: commitmentText(random, (goal as DemoGoal).title, indicator?.name ?? null),
          ownerAgencyId: (goal as DemoGoal).agencyId,
          ownerPerson: (goal as DemoGoal).ownerName,
          dueDate: addDaysToDate(meeting.date, random.pick(DUE_IN_DAYS)),
          goalId: (goal as DemoGoal).id,
          indicatorId: indicator?.id ?? null,
        };
        const id = `demo-c-${meeting.id.slice(-16)}-${++counter}`.replace(/[^A-Za-z0-9_-]/g, '-');
        addCommitment(ledger, { id, fields, madeInItemId: item.id }, ledgerAt());
        fates.set(id, drawFate(random));
      }
      // Each item runs about its time box, some over, some under.
      clock = Math.max(
        clock,
        itemStart + Math.round(item.timeboxMinutes * (0.7 + random.int(0, 60) / 100) * MINUTE_MS),
      );
    }
    closeMeeting(live, at());
    played.push({ id: meeting.id, live, startedAt, closedAt: clock });

    // Between meetings, agencies report some commitments done before their first review.
    const reported = utcMs(addDaysToDate(meeting.date, 3), 15);
    if (reported < now) {
      for (const commitment of readLedger(ledger).commitments) {
        const fate = fates.get(commitment.id);
        if (commitment.madeInMeetingId !== meeting.id || !fate?.closedBetween) continue;
        editCommitment(ledger, commitment.id, { status: 'done' }, undefined, {
          actor: DEMO_ANALYST,
          now: reported,
          meetingId: null,
        });
      }
    }
  }
  return { played, ledger };
}

function reviewOf(
  commitmentId: string,
  count: number,
  fate: Fate,
  date: string,
  random: Random,
): ReviewInput {
  if (count >= fate.closeAtReview) {
    return fate.outcome === ReviewOutcome.dropped
      ? { commitmentId, outcome: ReviewOutcome.dropped, reason: random.pick(DROP_REASONS) }
      : { commitmentId, outcome: ReviewOutcome.done };
  }
  // Late ones get a date that will have passed by the next meeting; long-carried ones go to the chair.
  const newDueDate = addDaysToDate(date, fate.runsLate ? random.int(2, 5) : random.pick([7, 14]));
  const escalate = count >= 2 && fate.closeAtReview >= 4 && random.chance(0.5);
  return { commitmentId, outcome: escalate ? ReviewOutcome.escalated : ReviewOutcome.keptOpen, newDueDate };
}
