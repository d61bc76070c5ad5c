/**
 * Deleting a draft meeting: its row, then its two documents. Live and closed meetings are records
 * and stay.
 *
 * The order closes every way back in: once the row is gone `authorize` refuses every join of the
 * documents (`not_found`); the hub then tells the people who have them open, stores what was
 * pending and forgets its copies; only then are their stored rows deleted, so nothing is stored
 * after. (A join authorized an instant before the row went could still load an empty copy; it
 * holds nothing and is refused at the next join.)
 */
import { meetingDocName, meetingLiveDocName } from '../../shared/docNames.ts';
import { reason } from '../../shared/errorReasons.ts';
import type { Db } from '../db/database.ts';
import type { DocHub } from '../docs/docHub.ts';
import type { DocStore } from '../docs/docStore.ts';
import { invalidState, noSuchMeeting } from './errors.ts';
import { deleteDraftMeetingRow, findMeeting, getMeeting } from './meetingRows.ts';

const notDraft = (phase: string) =>
  invalidState(
    `The meeting is ${phase}: only a draft meeting can be deleted (a held meeting is a record)`,
    reason(phase === 'closed' ? 'deleteClosedMeeting' : 'deleteLiveMeeting'),
  );

export async function deleteMeeting(db: Db, hub: DocHub, store: DocStore, id: string): Promise<void> {
  const meeting = await getMeeting(db, id);
  if (meeting.phase !== 'draft') throw notDraft(meeting.phase);
  if (!(await deleteDraftMeetingRow(db, id))) {
    // Deleted or started meanwhile.
    const now = await findMeeting(db, id);
    if (!now) throw noSuchMeeting(id);
    throw notDraft(now.phase);
  }
  const docNames = [meetingDocName(id), meetingLiveDocName(id)];
  for (const name of docNames) await hub.drop(name);
  await store.remove(docNames);
}
