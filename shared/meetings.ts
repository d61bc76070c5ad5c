/** A meeting's metadata as the meetings API returns it; its content lives in its document. */
export interface Meeting {
  id: string;
  title: string;
  objectiveId: string | null;
  /** `YYYY-MM-DD`, the day the meeting is held. */
  scheduledFor: string;
  createdAt: string;
  createdBy: string;
  /** Copied from the live-state document by the meeting commands: draft → live → closed. */
  phase: 'draft' | 'live' | 'closed';
  /** ISO timestamps of the start and close commands, null until they run. */
  startedAt: string | null;
  closedAt: string | null;
  /** The shared document holding the agenda (`meeting:<id>`), for `doc:join` or `/yjs/<docName>`. */
  docName: string;
}
