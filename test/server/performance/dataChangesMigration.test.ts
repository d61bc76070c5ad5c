/**
 * Migration `010_data_changes` over a database that already holds indicators and data: nothing
 * stored changes, every indicator is in use (not archived), the record starts empty and accepts
 * only the actions and sources it knows; and it can be rolled back.
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { type Db, openDatabase } from '../../../server/db/database.ts';
import { createMigrator, migrateToLatest } from '../../../server/db/migrate.ts';
import { createTestDatabase, DIALECTS } from '../../helpers/databases.ts';

async function seedBefore010(db: Db): Promise<void> {
  await sql`insert into agencies (id, code, name) values ('ag', 'AG', 'Agency')`.execute(db.kysely);
  await sql`insert into objectives (id, name, description, position) values ('obj', 'Objective', '', 1)`.execute(
    db.kysely,
  );
  await sql`insert into goals (id, objective_id, agency_id, title, description, owner_name)
    values ('goal', 'obj', 'ag', 'Goal', '', 'Owner')`.execute(db.kysely);
  await sql`insert into indicators (id, goal_id, name, unit, direction, frequency, baseline_value,
      baseline_date, target_value, target_date, threshold_at_risk, threshold_off_track, allows_negative)
    values ('ind', 'goal', 'Indicator', 'count', 'up', 'weekly', 1, '2026-01-05', 2, '2026-12-28', 0.05, 0.15, 0)`.execute(
    db.kysely,
  );
  await sql`insert into data_points (indicator_id, period, value, entered_by, entered_at, note)
    values ('ind', '2026-W10', 1.5, 'Ana', '2026-03-10T10:00:00.000Z', null)`.execute(db.kysely);
}

describe.each(DIALECTS)('migration 010 on %s', (dialect) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  test('keeps what is stored, starts every indicator in use and the record empty; rolls back', async () => {
    const database = await createTestDatabase(dialect);
    cleanups.push(() => database.cleanup());
    const db = openDatabase(database.config);
    cleanups.push(() => db.close());
    expect((await createMigrator(db).migrateTo('009_meeting_unique_date')).error).toBeUndefined();
    await seedBefore010(db);

    await migrateToLatest(db);

    const indicator = await db.kysely.selectFrom('indicators').selectAll().executeTakeFirstOrThrow();
    expect(indicator).toMatchObject({ id: 'ind', name: 'Indicator', archived_at: null, archived_by: null });
    expect(await db.kysely.selectFrom('data_points').select(['period', 'value']).execute()).toEqual([
      { period: '2026-W10', value: 1.5 },
    ]);
    expect(await db.kysely.selectFrom('data_changes').selectAll().execute()).toEqual([]);

    const change = {
      indicator_id: 'ind',
      period: '2026-W10',
      action: 'deleted' as const,
      old_value: 1.5,
      new_value: null,
      fields: null,
      reason: null,
      source: 'api' as const,
      changed_by: 'Ana',
      changed_at: '2026-03-11T10:00:00.000Z',
    };
    await db.kysely.insertInto('data_changes').values(change).execute();
    // The checks keep the record readable: an unknown action or source, or an unknown indicator, is refused.
    await expect(
      sql`insert into data_changes (indicator_id, action, source, changed_by, changed_at)
        values ('ind', 'purged', 'api', 'X', '2026-03-11T10:00:00.000Z')`.execute(db.kysely),
    ).rejects.toThrow();
    await expect(
      sql`insert into data_changes (indicator_id, action, source, changed_by, changed_at)
        values ('ind', 'deleted', 'cron', 'X', '2026-03-11T10:00:00.000Z')`.execute(db.kysely),
    ).rejects.toThrow();
    await expect(
      db.kysely
        .insertInto('data_changes')
        .values({ ...change, indicator_id: 'no-such' })
        .execute(),
    ).rejects.toThrow();

    expect((await createMigrator(db).migrateTo('009_meeting_unique_date')).error).toBeUndefined();
    const rolledBack = await sql<Record<string, unknown>>`select * from indicators`.execute(db.kysely);
    expect(Object.keys(rolledBack.rows[0] ?? {})).not.toContain('archived_at');
    await expect(sql`select count(*) from data_changes`.execute(db.kysely)).rejects.toThrow();
  });
});
