/** Meetings' metadata in the relational store; the meeting's content lives in its document. */
import { randomUUID } from 'node:crypto';
import { meetingDocName } from '../../../../shared/docNames.ts';
import type { Meeting } from '../../../../shared/meetings.ts';
import type { Db } from '../../../db/database.ts';
import type { MeetingsTable } from '../../../db/schemas/documents.ts';
import type { CreateMeetingInput } from './schema.ts';

export type { Meeting };

const toMeeting = (row: MeetingsTable): Meeting => ({
  id: row.id,
  title: row.title,
  objectiveId: row.objective_id,
  scheduledFor: row.scheduled_for,
  createdAt: row.created_at,
  createdBy: row.created_by,
  docName: meetingDocName(row.id),
});

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

export async function insertMeeting(db: Db, input: CreateMeetingInput, createdBy: string): Promise<Meeting> {
  const row: MeetingsTable = {
    id: randomUUID(),
    title: input.title,
    objective_id: input.objectiveId ?? null,
    scheduled_for: input.scheduledFor,
    created_at: new Date().toISOString(),
    created_by: createdBy,
  };
  await db.kysely.insertInto('meetings').values(row).execute();
  return toMeeting(row);
}
