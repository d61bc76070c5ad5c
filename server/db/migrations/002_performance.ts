/**
 * Performance data: agencies, objectives, goals, indicators with their trajectories and data
 * points, and the owners' ratings of their goals (history kept, the latest wins).
 *
 * Indexes follow the queries in `server/performance/queries.ts`: goals by objective and agency,
 * indicators by goal, data points by (indicator, period) (the primary key, which also answers
 * "latest point per indicator" and "points of one period"), ratings by goal in id order.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../database.ts';

export function performanceMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('agencies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('objectives')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await db.schema
        .createTable('goals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('objective_id', 'text', (c) => c.notNull().references('objectives.id'))
        .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('goals_objective_idx').on('goals').column('objective_id').execute();
      await db.schema.createIndex('goals_agency_idx').on('goals').column('agency_id').execute();

      await db.schema
        .createTable('indicators')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('up', 'down')`))
        .addColumn('frequency', 'text', (c) => c.notNull().check(sql`frequency in ('weekly', 'monthly')`))
        .addColumn('baseline_value', 'double precision', (c) => c.notNull())
        .addColumn('baseline_date', 'text', (c) => c.notNull())
        .addColumn('target_value', 'double precision', (c) => c.notNull())
        .addColumn('target_date', 'text', (c) => c.notNull())
        .addColumn('threshold_at_risk', 'double precision', (c) => c.notNull())
        .addColumn('threshold_off_track', 'double precision', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('indicators_goal_idx').on('indicators').column('goal_id').execute();

      await db.schema
        .createTable('indicator_trajectory')
        .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint('indicator_trajectory_pk', ['indicator_id', 'period'])
        .execute();

      await db.schema
        .createTable('data_points')
        .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('entered_by', 'text', (c) => c.notNull())
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('data_points_pk', ['indicator_id', 'period'])
        .execute();
      // "Who reported this period": readiness asks for one period across all indicators.
      await db.schema.createIndex('data_points_period_idx').on('data_points').column('period').execute();

      await db.schema
        .createTable('goal_ratings')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('on_track', 'at_risk', 'off_track')`),
        )
        .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('rated_at', 'text', (c) => c.notNull())
        .addColumn('rated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('goal_ratings_goal_idx')
        .on('goal_ratings')
        .columns(['goal_id', 'id'])
        .execute();

      // One row, bumped by every write to the tables above (see server/performance/revision.ts).
      await db.schema
        .createTable('performance_revision')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('revision', 'bigint', (c) => c.notNull())
        .execute();
      await sql`insert into performance_revision (id, revision) values (1, 0)`.execute(db);
    },

    async down(db: Kysely<unknown>) {
      for (const table of [
        'performance_revision',
        'goal_ratings',
        'data_points',
        'indicator_trajectory',
        'indicators',
        'goals',
        'objectives',
        'agencies',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
