/**
 * The ledger page's contract (`GET /api/commitments`): every commitment across objectives as one
 * row with the names a person reads (objective, agency, goal, the meeting it was made in), and the
 * query parameters that filter, sort and page it. Server and client share it.
 */
import type { CommitmentStatus } from './ledger.ts';

export interface CommitmentRow {
  id: string;
  objectiveId: string;
  /** Null only if the objective row is gone; the commitment is still listed. */
  objectiveName: string | null;
  text: string;
  ownerAgencyId: string;
  ownerAgencyCode: string | null;
  ownerAgencyName: string | null;
  ownerPerson: string;
  /** `YYYY-MM-DD`. */
  dueDate: string;
  status: CommitmentStatus;
  /** Open and past its due date as of `today` in the answer. */
  overdue: boolean;
  /** Whole days past the due date while overdue, else 0. */
  daysOverdue: number;
  goalId: string;
  goalTitle: string | null;
  indicatorId: string | null;
  madeInMeetingId: string | null;
  /** The day the meeting it was made in was held (`YYYY-MM-DD`); null when made between meetings. */
  madeInMeetingDate: string | null;
  madeInItemId: string | null;
  /** ISO timestamps. */
  createdAt: string;
  createdBy: string;
  closedAt: string | null;
  /** Later meetings that reviewed it and left it open. */
  timesCarried: number;
  escalated: boolean;
  updatedAt: string;
}

export interface CommitmentList {
  commitments: CommitmentRow[];
  /** Every row the filters match, regardless of `limit` and `offset`. */
  total: number;
  /** The date overdue was judged against (UTC). */
  today: string;
}

export const CommitmentSort = {
  due: 'due',
  carried: 'carried',
  created: 'created',
  agency: 'agency',
  status: 'status',
} as const;
export type CommitmentSort = (typeof CommitmentSort)[keyof typeof CommitmentSort];
export const COMMITMENT_SORTS = Object.values(CommitmentSort) as [CommitmentSort, ...CommitmentSort[]];

export type SortDirection = 'asc' | 'desc';

/** Without `dir`, each sort starts from what people look for first: the most carried, the newest. */
export const DEFAULT_SORT_DIRECTION: Record<CommitmentSort, SortDirection> = {
  due: 'asc',
  carried: 'desc',
  created: 'desc',
  agency: 'asc',
  status: 'asc',
};

export const COMMITMENT_PAGE = { defaultLimit: 200, maxLimit: 1000 } as const;
/** The CSV export holds every matching row up to this many. */
export const COMMITMENT_CSV_MAX_ROWS = 50_000;

/** The query parameters `GET /api/commitments` and `GET /api/commitments.csv` accept. */
export const COMMITMENT_QUERY_KEYS = [
  'objectiveId',
  'agencyId',
  'owner',
  'status',
  'overdue',
  'minCarried',
  'q',
  'sort',
  'dir',
  'limit',
  'offset',
] as const;
export type CommitmentQueryKey = (typeof COMMITMENT_QUERY_KEYS)[number];
