/** Renaming or rescheduling a meeting: allowed until it closes (a closed meeting is a record). */

import { reason } from '../../shared/errorReasons.ts';
import { MeetingPhase } from '../../shared/meetingLive.ts';
import type { Db } from '../db/database.ts';
import type { DocHub } from '../docs/docHub.ts';
import { invalidState } from './errors.ts';
import { readMeetingPhase } from './liveState.ts';
import { getMeeting, type Meeting, type MeetingPatch, updateMeeting } from './meetingRows.ts';

export async function editMeeting(db: Db, hub: DocHub, id: string, patch: MeetingPatch): Promise<Meeting> {
  await getMeeting(db, id);
  if ((await readMeetingPhase(hub, id)) === MeetingPhase.closed)
    throw invalidState(
      'The meeting is closed: its title and date no longer change',
      reason('meetingClosedNoEdit'),
    );
  return updateMeeting(db, id, patch);
}
