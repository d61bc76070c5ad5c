/**
 * `009_meeting_unique_date`: one meeting per series and date. A unique index on
 * (objective_id, scheduled_for), partial (`WHERE objective_id IS NOT NULL`: meetings outside any
 * series may share a date), which SQLite and PostgreSQL both support.
 *
 * Meetings created before this rule may already share a date. Nothing about them is changed: no
 * meeting is deleted, moved or taken out of its series, since some may be closed records (which
 * can no longer be rescheduled) and a silent change of date would be worse than the duplicate.
 * Instead, in each group sharing a date, every meeting but the first created (then smallest id) is
 * named in the index's predicate (`AND id NOT IN (…)`), so the index covers every other meeting,
 * and every meeting created from now on, at once. The application refuses a new meeting, or a
 * reschedule, onto any date the series already has, those old duplicates included
 * (`findMeetingOn` in `meetingRows.ts`); the ids left out can be read back from the index
 * definition (`sqlite_master`, `pg_indexes`).
 */
import { type Kysely, sql } from 'kysely';
import type { MigrationFactory } from './index.ts';

const INDEX = 'meetings_objective_date_unique';

export const meetingUniqueDateMigration: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    const rows = await sql<{ id: string; objective_id: string; scheduled_for: string }>`
      SELECT id, objective_id, scheduled_for FROM meetings
      WHERE objective_id IS NOT NULL
      ORDER BY objective_id, scheduled_for, created_at, id`.execute(db);
    const seen = new Set<string>();
    const exempt: string[] = [];
    for (const row of rows.rows) {
      const key = JSON.stringify([row.objective_id, row.scheduled_for]);
      if (seen.has(key)) exempt.push(row.id);
      else seen.add(key);
    }
    const exemption =
      exempt.length === 0 ? sql`` : sql` AND id NOT IN (${sql.join(exempt.map((id) => sql.lit(id)))})`;
    await sql`CREATE UNIQUE INDEX ${sql.ref(INDEX)} ON meetings (objective_id, scheduled_for)
      WHERE objective_id IS NOT NULL${exemption}`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex(INDEX).execute();
  },
});
