/**
 * What closing a meeting sets in motion: the series' next draft meeting, if it has none, with an
 * agenda to start from (the follow-up first, then the closed meeting's other items, notes left
 * behind). Its follow-up needs nothing copied: it is queried from the ledger.
 */
import { meetingDocName } from '../../shared/docNames.ts';
import { readAgenda } from '../../shared/meetingDoc.ts';
import type { Meeting } from '../../shared/meetings.ts';
import { todayDate } from '../../shared/periods.ts';
import type { Db } from '../db/database.ts';
import type { DocHub } from '../docs/docHub.ts';
import { copyAgenda, writeAgendaItems } from './agendaPlan.ts';
import { findDraftMeeting } from './meetingRows.ts';
import { createNextMeeting } from './series.ts';

/** The series' draft meeting after `closed`: the one it already has, or a new one. */
export async function ensureNextMeeting(
  db: Db,
  hub: DocHub,
  closed: Meeting,
  createdBy: string,
  now: number,
): Promise<{ meeting: Meeting; created: boolean } | null> {
  if (closed.objectiveId === null) return null;
  const existing = await findDraftMeeting(db, closed.objectiveId);
  if (existing) return { meeting: existing, created: false };
  let meeting: Meeting;
  try {
    meeting = await createNextMeeting(db, closed.objectiveId, createdBy, todayDate(new Date(now)));
  } catch (error) {
    // Another close of the series made the draft an instant ago: that one is the next meeting.
    const made = await findDraftMeeting(db, closed.objectiveId);
    if (made) return { meeting: made, created: false };
    throw error;
  }
  const items = await hub.read(meetingDocName(closed.id), readAgenda);
  await hub.change(meetingDocName(meeting.id), (doc) => writeAgendaItems(doc, copyAgenda(items)));
  return { meeting, created: true };
}
