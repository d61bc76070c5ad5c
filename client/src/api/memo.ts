/** A meeting's record (`GET /api/meetings/:id/record`), which the memo page is made from, and its downloads. */
import type { MeetingRecord } from '../../../shared/meetingRecord.ts';
import { api } from './http.ts';

export type { MeetingRecord };

const meetingPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export function getMeetingRecord(meetingId: string): Promise<MeetingRecord> {
  return api.get<MeetingRecord>(`${meetingPath(meetingId)}/record`);
}

/** The memo as Markdown and its commitments as CSV: attachments the browser downloads. */
export function memoDownloads(meetingId: string): { markdown: string; csv: string } {
  return {
    markdown: `${meetingPath(meetingId)}/memo.md`,
    csv: `${meetingPath(meetingId)}/commitments.csv`,
  };
}
