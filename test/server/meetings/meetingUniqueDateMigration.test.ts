/**
 * Migration `009_meeting_unique_date` over a database that already has two meetings of one series on
 * one date: both stay as they were, and from then on the date is unique per series.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../../../server/db/database.ts';
import { createMigrator, migrateToLatest } from '../../../server/db/migrate.ts';
import { insertMeetingRows, type MeetingsTable } from '../../../server/meetings/meetingRows.ts';
import { createTestDatabase, DIALECTS } from '../../helpers/databases.ts';

const row = (id: string, objectiveId: string | null, date: string, createdAt: string): MeetingsTable => ({
  id,
  title: id,
  objective_id: objectiveId,
  scheduled_for: date,
  created_at: createdAt,
  created_by: 'test',
  phase: 'closed',
  started_at: null,
  closed_at: null,
});

describe.each(DIALECTS)('migration 009 on %s', (dialect) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  test('duplicates already stored are kept unchanged; new ones are refused', async () => {
    const database = await createTestDatabase(dialect);
    cleanups.push(() => database.cleanup());
    const db = openDatabase(database.config);
    cleanups.push(() => db.close());
    const { error } = await createMigrator(db).migrateTo('008_indicator_value_bounds');
    expect(error).toBeUndefined();
    const before = [
      row('old-b', 'obj-1', '2026-01-05', '2026-01-02T10:00:00.000Z'),
      row('old-a', 'obj-1', '2026-01-05', '2026-01-01T10:00:00.000Z'),
      row("old-'c", 'obj-1', '2026-01-05', '2026-01-03T10:00:00.000Z'),
      row('other', 'obj-1', '2026-01-12', '2026-01-01T10:00:00.000Z'),
    ];
    await insertMeetingRows(db, before);

    await migrateToLatest(db);

    const after = await db.kysely.selectFrom('meetings').selectAll().orderBy('id').execute();
    expect(after).toEqual([...before].sort((a, b) => (a.id < b.id ? -1 : 1)));
    await expect(
      insertMeetingRows(db, [row('new', 'obj-1', '2026-01-05', '2026-02-01T10:00:00.000Z')]),
    ).rejects.toThrow();
    await expect(
      insertMeetingRows(db, [row('new', 'obj-1', '2026-01-12', '2026-02-01T10:00:00.000Z')]),
    ).rejects.toThrow();
    await insertMeetingRows(db, [row('loose', null, '2026-01-05', '2026-02-01T10:00:00.000Z')]);
  });
});
