/**
 * The ledger page's calls: commitments across objectives (`/api/commitments`, the read model), the
 * CSV export's address, one commitment's history (from its ledger document), and the meetings a
 * history names (fetched once each, only when a history is opened).
 */
import type { CommitmentList } from '../../../shared/commitmentRows.ts';
import type { Commitment, HistoryEntry } from '../../../shared/ledger.ts';
import type { Meeting } from '../../../shared/meetings.ts';
import { api } from './http.ts';

export type { CommitmentList, CommitmentRow } from '../../../shared/commitmentRows.ts';

export interface CommitmentHistory {
  commitment: Commitment;
  history: HistoryEntry[];
}

const segment = encodeURIComponent;

export function listCommitments(query: URLSearchParams): Promise<CommitmentList> {
  return api.get<CommitmentList>(`/api/commitments?${query}`);
}

/** Same filters and order as the table, every matching row (the server ignores paging here). */
export function commitmentsCsvHref(query: URLSearchParams): string {
  const filters = new URLSearchParams(query);
  filters.delete('limit');
  filters.delete('offset');
  const search = filters.toString();
  return `/api/commitments.csv${search ? `?${search}` : ''}`;
}

export function commitmentHistory(objectiveId: string, commitmentId: string): Promise<CommitmentHistory> {
  return api.get<CommitmentHistory>(
    `/api/objectives/${segment(objectiveId)}/commitments/${segment(commitmentId)}/history`,
  );
}

// Kept for the page's life: the meetings of several histories are asked for once each.
const meetings = new Map<string, Promise<Meeting | null>>();

/** The meeting, or null if it cannot be read (its history line then says "a meeting"). */
export function meetingById(id: string): Promise<Meeting | null> {
  let meeting = meetings.get(id);
  if (!meeting) {
    meeting = api
      .get<{ meeting: Meeting }>(`/api/meetings/${segment(id)}`)
      .then((answer) => answer.meeting)
      .catch(() => {
        meetings.delete(id);
        return null;
      });
    meetings.set(id, meeting);
  }
  return meeting;
}
