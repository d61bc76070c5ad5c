/** The meetings API (`/api/meetings`): what a meeting is, and the calls the pages make. */
import type { FollowUpEntry } from '../../../shared/followUp.ts';
import type { Commitment } from '../../../shared/ledger.ts';
import type { Meeting } from '../../../shared/meetings.ts';
import type { Agency } from '../../../shared/performance.ts';
import { api } from './http.ts';

export type { Meeting };

/**
 * Where a new meeting's agenda starts from: empty, the series' last agenda, or the objective's data
 * within a total time (30–240 min). `last` and `data` need an objective.
 */
export type AgendaStart = { from: 'empty' } | { from: 'last' } | { from: 'data'; totalMinutes: number };

/** The total times the server accepts for an agenda built from the data. */
export const AGENDA_TOTAL_MINUTES = { min: 30, max: 240 } as const;

export interface NewMeeting {
  title: string;
  scheduledFor: string;
  objectiveId?: string;
  agenda?: AgendaStart;
}

export async function listMeetings(): Promise<Meeting[]> {
  const { meetings } = await api.get<{ meetings: Meeting[] }>('/api/meetings');
  return meetings;
}

export async function getMeeting(id: string): Promise<Meeting> {
  const { meeting } = await api.get<{ meeting: Meeting }>(`/api/meetings/${encodeURIComponent(id)}`);
  return meeting;
}

/** One meeting as a resource: its key and request, for a route loader's `preload` and its page's `useResource`. */
export const meetingResource = (id: string) => [`meeting:${id}`, () => getMeeting(id)] as const;

/** A meeting's follow-up and the commitments made in it, as the server reads them from the ledger. */
export interface MeetingCommitments {
  followUp: FollowUpEntry[];
  made: Commitment[];
}

export async function getMeetingCommitments(id: string): Promise<MeetingCommitments> {
  const { followUp, made } = await api.get<MeetingCommitments>(
    `/api/meetings/${encodeURIComponent(id)}/follow-up`,
  );
  return { followUp, made };
}

export const meetingCommitmentsResource = (id: string) =>
  [`meeting-commitments:${id}`, () => getMeetingCommitments(id)] as const;

export async function createMeeting(input: NewMeeting): Promise<Meeting> {
  const { meeting } = await api.post<{ meeting: Meeting }>('/api/meetings', input);
  return meeting;
}

/** Deletes a draft meeting (analysts); live and closed meetings are refused (`invalid_state`). */
export async function deleteMeeting(id: string): Promise<void> {
  await api.delete<unknown>(`/api/meetings/${encodeURIComponent(id)}`);
}

/** The agencies that can present an agenda item (`/api/agencies`). */
export async function listPresenterAgencies(): Promise<Agency[]> {
  const { agencies } = await api.get<{ agencies: Agency[] }>('/api/agencies');
  return agencies;
}
