/**
 * Deleting a draft meeting: its row and its two documents' stored updates. Live and closed meetings
 * are records and stay.
 *
 * The DocHub has no way to drop a document (close its sessions, forget its copy, refuse later
 * joins), so the rows are deleted only while neither document is loaded in this process: a loaded
 * copy would keep taking edits and store them again. The page that asks has just left the
 * documents, and the hub unloads a document a few seconds after its last session leaves, so the
 * delete waits that long before refusing with `invalid_state`. Once the row is gone, `authorize`
 * refuses every join of the documents (`not_found`).
 */
import { meetingDocName, meetingLiveDocName } from '../../shared/docNames.ts';
import type { Db } from '../db/database.ts';
import { DEFAULT_UNLOAD_DELAY_MS, type DocHub } from '../docs/docHub.ts';
import { invalidState, noSuchMeeting } from './errors.ts';
import { deleteDraftMeetingRows, findMeeting, getMeeting } from './meetingRows.ts';

export interface DeleteMeetingOptions {
  /** How long to wait for the documents to unload before refusing (default: the hub's delay + 5 s). */
  waitForUnloadMs?: number;
}

const POLL_MS = 100;

const notDraft = (phase: string) =>
  invalidState(`The meeting is ${phase}: only a draft meeting can be deleted (a held meeting is a record)`);

export async function deleteMeeting(
  db: Db,
  hub: DocHub,
  id: string,
  options: DeleteMeetingOptions = {},
): Promise<void> {
  const meeting = await getMeeting(db, id);
  if (meeting.phase !== 'draft') throw notDraft(meeting.phase);
  const docNames = [meetingDocName(id), meetingLiveDocName(id)];
  const deadline = Date.now() + (options.waitForUnloadMs ?? DEFAULT_UNLOAD_DELAY_MS + 5_000);
  while (docNames.some((name) => hub.isLoaded(name))) {
    if (Date.now() >= deadline)
      throw invalidState('The meeting is open elsewhere: close the meeting page in other tabs first');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  if (await deleteDraftMeetingRows(db, id, docNames)) return;
  // Deleted or started while we waited.
  const now = await findMeeting(db, id);
  if (!now) throw noSuchMeeting(id);
  throw notDraft(now.phase);
}
