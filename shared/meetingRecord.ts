/**
 * A meeting's record as the API serves it (`GET /api/meetings/:id/record`): everything the memo is
 * made from, read from the meeting's documents and its objective's ledger at the time of asking.
 * Once the meeting is closed its documents no longer change, so neither does its record (except
 * corrections to pinned data, shown beside the pinned values, and the later fate of commitments).
 */
import type { FollowUpEntry } from './followUp.ts';
import type { Commitment } from './ledger.ts';
import type { AgendaItemKind, Attendee } from './meetingDoc.ts';
import type { MeetingLiveState, TimelineEntry } from './meetingLive.ts';
import type { Meeting } from './meetings.ts';
import type { Correction, PinnedPoint } from './pinnedData.ts';

export interface RecordAgendaItem {
  id: string;
  title: string;
  kind: AgendaItemKind;
  presenterAgency: string;
  timeboxMinutes: number;
  /** Time box plus extensions granted during the meeting. */
  allowedMs: number;
  /** Time spent on it (0 if it was never current). */
  spentMs: number;
  indicatorIds: string[];
  notes: string;
}

export interface RecordPinnedIndicator {
  indicatorId: string;
  pinnedAt: number;
  points: PinnedPoint[];
  corrections: Correction[];
}

/** Display names for the ids the record holds. */
export interface RecordNames {
  objective: string | null;
  agencies: Record<string, string>;
  goals: Record<string, string>;
  indicators: Record<string, { name: string; unit: string }>;
}

export interface MeetingRecord {
  meeting: Meeting;
  live: MeetingLiveState;
  timeline: TimelineEntry[];
  agenda: RecordAgendaItem[];
  attendance: Attendee[];
  followUp: FollowUpEntry[];
  made: Commitment[];
  pinned: RecordPinnedIndicator[];
  names: RecordNames;
}
