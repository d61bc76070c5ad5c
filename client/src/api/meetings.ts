/** The meetings API (`/api/meetings`): what a meeting is, and the calls the pages make. */
import type { Meeting } from '../../../shared/meetings.ts';
import type { Agency } from '../../../shared/performance.ts';
import { api } from './http.ts';

export type { Meeting };

export interface NewMeeting {
  title: string;
  scheduledFor: string;
  objectiveId?: string;
}

export async function listMeetings(): Promise<Meeting[]> {
  const { meetings } = await api.get<{ meetings: Meeting[] }>('/api/meetings');
  return meetings;
}

export async function getMeeting(id: string): Promise<Meeting> {
  const { meeting } = await api.get<{ meeting: Meeting }>(`/api/meetings/${encodeURIComponent(id)}`);
  return meeting;
}

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
