/**
 * The one owner of the `meetings` table (meetings' metadata; the content lives in the meeting's
 * documents). Routes, commands, authorization and the demo all read and write meetings here.
 */
import { randomUUID } from 'node:crypto';
import { meetingDocName } from '../../shared/docNames.ts';
import type { Meeting } from '../../shared/meetings.ts';
import type { Db } from '../db/database.ts';
import type { MeetingsTable } from '../db/schemas/documents.ts';
import { noSuchMeeting } from './errors.ts';

export type { Meeting, MeetingsTable };

export interface NewMeeting {
  title: string;
  /** `YYYY-MM-DD`. */
  scheduledFor: string;
  objectiveId?: string | null | undefined;
}

export interface MeetingPatch {
  title?: string | undefined;
  scheduledFor?: string | undefined;
}

export const toMeeting = (row: MeetingsTable): Meeting => ({
  id: row.id,
  title: row.title,
  objectiveId: row.objective_id,
  scheduledFor: row.scheduled_for,
  createdAt: row.created_at,
  createdBy: row.created_by,
  phase: row.phase,
  startedAt: row.started_at,
  closedAt: row.closed_at,
  docName: meetingDocName(row.id),
});

/** Every meeting, newest date first. */
export async function listMeetings(db: Db): Promise<Meeting[]> {
  const rows = await db.kysely
    .selectFrom('meetings')
    .selectAll()
    .orderBy('scheduled_for', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toMeeting);
}

export async function findMeeting(db: Db, id: string): Promise<Meeting | null> {
  const row = await db.kysely.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMeeting(row) : null;
}

/** The meeting, or a `not_found` MeetingError. */
export async function getMeeting(db: Db, id: string): Promise<Meeting> {
  const meeting = await findMeeting(db, id);
  if (!meeting) throw noSuchMeeting(id);
  return meeting;
}

export async function meetingExists(db: Db, id: string): Promise<boolean> {
  const row = await db.kysely.selectFrom('meetings').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function hasAnyMeeting(db: Db): Promise<boolean> {
  return (await db.kysely.selectFrom('meetings').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function createMeeting(db: Db, input: NewMeeting, createdBy: string): Promise<Meeting> {
  const row: MeetingsTable = {
    id: randomUUID(),
    title: input.title,
    objective_id: input.objectiveId ?? null,
    scheduled_for: input.scheduledFor,
    created_at: new Date().toISOString(),
    created_by: createdBy,
    phase: 'draft',
    started_at: null,
    closed_at: null,
  };
  await db.kysely.insertInto('meetings').values(row).execute();
  return toMeeting(row);
}

/** Inserts prepared rows as they are (the demo seeds meetings with chosen ids and dates). */
export async function insertMeetingRows(db: Db, rows: MeetingsTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db.kysely.insertInto('meetings').values(rows).execute();
}

/** Renames or reschedules; throws `not_found` for an unknown meeting. */
export async function updateMeeting(db: Db, id: string, patch: MeetingPatch): Promise<Meeting> {
  const values: Partial<MeetingsTable> = {};
  if (patch.title !== undefined) values.title = patch.title;
  if (patch.scheduledFor !== undefined) values.scheduled_for = patch.scheduledFor;
  if (Object.keys(values).length > 0) {
    const result = await db.kysely
      .updateTable('meetings')
      .set(values)
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw noSuchMeeting(id);
  }
  return getMeeting(db, id);
}

/** Copies a meeting's phase from its live state after a command (the document stays the truth). */
export async function recordMeetingPhase(
  db: Db,
  id: string,
  live: { phase: Meeting['phase']; startedAt: number | null; closedAt: number | null },
): Promise<void> {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  await db.kysely
    .updateTable('meetings')
    .set({ phase: live.phase, started_at: iso(live.startedAt), closed_at: iso(live.closedAt) })
    .where('id', '=', id)
    .execute();
}

/** The meetings of one objective's series, newest date first (the series page's list). */
export async function listSeriesMeetings(db: Db, objectiveId: string): Promise<Meeting[]> {
  const rows = await db.kysely
    .selectFrom('meetings')
    .selectAll()
    .where('objective_id', '=', objectiveId)
    .orderBy('scheduled_for', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toMeeting);
}

/** The earliest draft meeting of an objective's series (by date, then creation), or null. */
export async function findDraftMeeting(db: Db, objectiveId: string): Promise<Meeting | null> {
  const row = await db.kysely
    .selectFrom('meetings')
    .selectAll()
    .where('objective_id', '=', objectiveId)
    .where('phase', '=', 'draft')
    .orderBy('scheduled_for')
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return row ? toMeeting(row) : null;
}

/** The date (`YYYY-MM-DD`) of the latest meeting of an objective's series, or null if none. */
export async function latestSeriesMeetingDate(db: Db, objectiveId: string): Promise<string | null> {
  const row = await db.kysely
    .selectFrom('meetings')
    .select((eb) => eb.fn.max('scheduled_for').as('latest'))
    .where('objective_id', '=', objectiveId)
    .executeTakeFirst();
  return row?.latest ?? null;
}
