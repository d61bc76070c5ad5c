/** Tables of the meeting cycle: each objective's series and the commitments read model. */

export type SeriesCadenceColumn = 'weekly' | 'every_n_weeks' | 'monthly';

export interface MeetingSeriesTable {
  objective_id: string;
  cadence: SeriesCadenceColumn;
  /** Weeks between meetings (1 for weekly; ignored for monthly). */
  interval_weeks: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** `HH:MM`, local time of the government. */
  start_time: string;
  duration_minutes: number;
  /** JSON array of agency ids. */
  usual_agency_ids: string;
  updated_at: string;
  updated_by: string;
}

/** One commitment as the ledger document holds it, flattened for queries across objectives. */
export interface CommitmentsTable {
  id: string;
  objective_id: string;
  text: string;
  owner_agency_id: string;
  owner_person: string;
  /** `YYYY-MM-DD`. */
  due_date: string;
  status: 'open' | 'done' | 'dropped';
  goal_id: string;
  indicator_id: string | null;
  made_in_meeting_id: string | null;
  made_in_item_id: string | null;
  created_at: string;
  created_by: string;
  closed_at: string | null;
  times_carried: number;
  /** 1 when its last review escalated it to the chair's agenda. */
  escalated: number;
  updated_at: string;
}

export interface MeetingCycleTables {
  meeting_series: MeetingSeriesTable;
  commitments: CommitmentsTable;
}
