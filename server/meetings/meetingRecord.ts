/** Assembles a meeting's record (shared/meetingRecord.ts) from its documents, its ledger and names. */
import { meetingDocName } from '../../shared/docNames.ts';
import { itemClock } from '../../shared/itemClock.ts';
import { readAgenda, readAttendance } from '../../shared/meetingDoc.ts';
import type { MeetingRecord, RecordNames } from '../../shared/meetingRecord.ts';
import { notesText } from '../../shared/richNotes.ts';
import type { Db } from '../db/database.ts';
import type { DocHub } from '../docs/docHub.ts';
import { followUpOf } from '../ledger/followUpQuery.ts';
import { readLiveRecord } from './liveState.ts';
import { getMeeting } from './meetingRows.ts';
import { readPinnedData } from './pinnedData.ts';

async function recordNames(db: Db, objectiveId: string | null, indicatorIds: string[]): Promise<RecordNames> {
  const [objective, agencies, goals, indicators] = await Promise.all([
    objectiveId === null
      ? Promise.resolve(undefined)
      : db.kysely.selectFrom('objectives').select('name').where('id', '=', objectiveId).executeTakeFirst(),
    db.kysely.selectFrom('agencies').select(['id', 'name']).execute(),
    objectiveId === null
      ? Promise.resolve([])
      : db.kysely
          .selectFrom('goals')
          .select(['id', 'title'])
          .where('objective_id', '=', objectiveId)
          .execute(),
    indicatorIds.length === 0
      ? Promise.resolve([])
      : db.kysely
          .selectFrom('indicators')
          .select(['id', 'name', 'unit'])
          .where('id', 'in', indicatorIds)
          .execute(),
  ]);
  return {
    objective: objective?.name ?? null,
    agencies: Object.fromEntries(agencies.map((row) => [row.id, row.name])),
    goals: Object.fromEntries(goals.map((row) => [row.id, row.title])),
    indicators: Object.fromEntries(indicators.map((row) => [row.id, { name: row.name, unit: row.unit }])),
  };
}

export async function readMeetingRecord(
  db: Db,
  hub: DocHub,
  meetingId: string,
  now: number,
): Promise<MeetingRecord> {
  const meeting = await getMeeting(db, meetingId);
  const [{ state: live, timeline }, content, pinned] = await Promise.all([
    readLiveRecord(hub, meetingId),
    hub.read(meetingDocName(meetingId), (doc) => ({
      agenda: readAgenda(doc).map(({ notes, order: _order, ...item }) => ({
        ...item,
        notes: notesText(notes),
      })),
      attendance: readAttendance(doc).map(({ key: _key, ...attendee }) => attendee),
    })),
    readPinnedData(db, hub, meetingId),
  ]);
  const ledger = await followUpOf(hub, meeting, live.startedAt, now);
  // A closed meeting's clocks stopped at its close; a live one's run to now.
  const clockAt = live.closedAt ?? now;
  const agenda = content.agenda.map((item) => {
    const timing = live.timings[item.id];
    const clock = itemClock(timing, item.timeboxMinutes, clockAt);
    return { ...item, spentMs: clock.elapsedMs, allowedMs: clock.elapsedMs + clock.remainingMs };
  });
  const indicatorIds = [
    ...new Set([...agenda.flatMap((item) => item.indicatorIds), ...pinned.map((p) => p.indicatorId)]),
  ];
  return {
    meeting,
    live,
    timeline,
    agenda,
    attendance: content.attendance,
    followUp: ledger.followUp,
    made: ledger.made,
    pinned,
    names: await recordNames(db, meeting.objectiveId, indicatorIds),
  };
}
