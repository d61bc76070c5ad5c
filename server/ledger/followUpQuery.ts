/** A meeting's follow-up and the commitments made in it, read from its objective's ledger. */
import { ledgerDocName } from '../../shared/docNames.ts';
import { type FollowUpEntry, followUp, madeInMeeting } from '../../shared/followUp.ts';
import type { Commitment } from '../../shared/ledger.ts';
import { readHistory, readLedger } from '../../shared/ledger.ts';
import type { MeetingPhase } from '../../shared/meetingLive.ts';
import type { Meeting } from '../../shared/meetings.ts';
import type { Db } from '../db/database.ts';
import type { DocHub } from '../docs/docHub.ts';
import { readMeetingLive } from '../meetings/liveState.ts';
import { getMeeting } from '../meetings/meetingRows.ts';

export interface MeetingFollowUp {
  meetingId: string;
  objectiveId: string | null;
  phase: MeetingPhase;
  startedAt: number | null;
  followUp: FollowUpEntry[];
  made: Commitment[];
}

export async function readMeetingFollowUp(
  db: Db,
  hub: DocHub,
  meetingId: string,
  now: number,
): Promise<MeetingFollowUp> {
  const meeting = await getMeeting(db, meetingId);
  const live = await readMeetingLive(hub, meetingId);
  return {
    meetingId,
    objectiveId: meeting.objectiveId,
    phase: live.phase,
    startedAt: live.startedAt,
    ...(await followUpOf(hub, meeting, live.startedAt, now)),
  };
}

/** The follow-up and commitments made of a meeting already read (its row and its start time). */
export async function followUpOf(
  hub: DocHub,
  meeting: Pick<Meeting, 'id' | 'objectiveId'>,
  startedAt: number | null,
  now: number,
): Promise<Pick<MeetingFollowUp, 'followUp' | 'made'>> {
  // A meeting without an objective has no ledger, so nothing to follow up.
  if (meeting.objectiveId === null) return { followUp: [], made: [] };
  // A started meeting's due dates are those it saw: the history tells them.
  const { ledger, history } = await hub.read(ledgerDocName(meeting.objectiveId), (doc) => ({
    ledger: readLedger(doc),
    history: startedAt === null ? undefined : readHistory(doc),
  }));
  return {
    followUp: followUp(ledger, { id: meeting.id, startedAt }, now, history),
    made: madeInMeeting(ledger, meeting.id),
  };
}
