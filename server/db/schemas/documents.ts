/** Tables of the live-document platform: the Yjs update log and the meetings' metadata. */
import type { Generated } from 'kysely';

/** One stored Yjs update (v1 encoding); a document is the merge of all its rows. */
export interface DocUpdatesTable {
  id: Generated<number>;
  doc_name: string;
  data: Uint8Array;
  created_at: string;
}

/** A stored update that could not be applied when its document loaded, kept out of the log. */
export interface DocUpdatesSetAsideTable {
  id: Generated<number>;
  /** Its id in `doc_updates` (SQLite may hand that id out again). */
  original_id: number;
  doc_name: string;
  data: Uint8Array;
  reason: string;
  set_aside_at: string;
}

export interface MeetingsTable {
  id: string;
  title: string;
  objective_id: string | null;
  /** `YYYY-MM-DD`. */
  scheduled_for: string;
  created_at: string;
  /** Principal id of the analyst who created it. */
  created_by: string;
  /** A copy of the phase in its live-state document (the truth), kept by the meeting commands. */
  phase: 'draft' | 'live' | 'closed';
  /** ISO timestamps, copied from the live state like `phase`. */
  started_at: string | null;
  closed_at: string | null;
}

export interface DocumentTables {
  doc_updates: DocUpdatesTable;
  doc_updates_set_aside: DocUpdatesSetAsideTable;
  meetings: MeetingsTable;
}
