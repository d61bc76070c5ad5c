/** Reads a meeting's live state and agenda through the DocHub (the stored documents are the truth). */
import { meetingDocName, meetingLiveDocName } from '../../shared/docNames.ts';
import { readAgenda } from '../../shared/meetingDoc.ts';
import {
  type MeetingLiveState,
  type MeetingPhase,
  readLiveState,
  readTimeline,
  type TimelineEntry,
} from '../../shared/meetingLive.ts';
import type { DocHub } from '../docs/docHub.ts';

/** An agenda item as commands need it: its id, time box and indicators, in agenda order. */
export interface AgendaSlot {
  id: string;
  timeboxMinutes: number;
  indicatorIds: string[];
}

export const readMeetingLive = (hub: DocHub, meetingId: string): Promise<MeetingLiveState> =>
  hub.read(meetingLiveDocName(meetingId), readLiveState);

export const readMeetingPhase = async (hub: DocHub, meetingId: string): Promise<MeetingPhase> =>
  (await readMeetingLive(hub, meetingId)).phase;

export const readAgendaSlots = (hub: DocHub, meetingId: string): Promise<AgendaSlot[]> =>
  hub.read(meetingDocName(meetingId), (doc) =>
    readAgenda(doc).map(({ id, timeboxMinutes, indicatorIds }) => ({ id, timeboxMinutes, indicatorIds })),
  );

/** The state and the timeline, for scripts that must know the current item before a command. */
export const readLiveRecord = (
  hub: DocHub,
  meetingId: string,
): Promise<{ state: MeetingLiveState; timeline: TimelineEntry[] }> =>
  hub.read(meetingLiveDocName(meetingId), (doc) => ({
    state: readLiveState(doc),
    timeline: readTimeline(doc),
  }));
