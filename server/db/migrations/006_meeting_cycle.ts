/**
 * `006_meeting_cycle`: what the meeting cycle keeps relationally. Each objective's meeting series
 * (cadence, weekday, time, usual agencies); each meeting's phase and when it started and closed (a
 * copy of its live-state document, so "the series' draft meeting" is one query); and `commitments`,
 * the read model of the ledger documents (the documents are the truth; it can be rebuilt from them).
 */
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.ts';

export const meetingCycleMigration: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('meetings')
      .addColumn('phase', 'text', (column) => column.notNull().defaultTo('draft'))
      .execute();
    await db.schema.alterTable('meetings').addColumn('started_at', 'text').execute();
    await db.schema.alterTable('meetings').addColumn('closed_at', 'text').execute();
    await db.schema
      .createIndex('meetings_objective_scheduled_for')
      .on('meetings')
      .columns(['objective_id', 'scheduled_for'])
      .execute();

    await db.schema
      .createTable('meeting_series')
      .addColumn('objective_id', 'text', (column) => column.primaryKey())
      .addColumn('cadence', 'text', (column) => column.notNull())
      .addColumn('interval_weeks', 'integer', (column) => column.notNull())
      .addColumn('weekday', 'integer', (column) => column.notNull())
      .addColumn('start_time', 'text', (column) => column.notNull())
      .addColumn('duration_minutes', 'integer', (column) => column.notNull())
      // A JSON array of agency ids, in the order they are usually called.
      .addColumn('usual_agency_ids', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .addColumn('updated_by', 'text', (column) => column.notNull())
      .execute();

    await db.schema
      .createTable('commitments')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('objective_id', 'text', (column) => column.notNull())
      .addColumn('text', 'text', (column) => column.notNull())
      .addColumn('owner_agency_id', 'text', (column) => column.notNull())
      .addColumn('owner_person', 'text', (column) => column.notNull())
      .addColumn('due_date', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('goal_id', 'text', (column) => column.notNull())
      .addColumn('indicator_id', 'text')
      .addColumn('made_in_meeting_id', 'text')
      .addColumn('made_in_item_id', 'text')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('created_by', 'text', (column) => column.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('times_carried', 'integer', (column) => column.notNull())
      .addColumn('escalated', 'integer', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('commitments_objective').on('commitments').column('objective_id').execute();
    await db.schema.createIndex('commitments_agency').on('commitments').column('owner_agency_id').execute();
    await db.schema
      .createIndex('commitments_status_due')
      .on('commitments')
      .columns(['status', 'due_date'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('commitments').execute();
    await db.schema.dropTable('meeting_series').execute();
    await db.schema.dropIndex('meetings_objective_scheduled_for').execute();
    await db.schema.alterTable('meetings').dropColumn('closed_at').execute();
    await db.schema.alterTable('meetings').dropColumn('started_at').execute();
    await db.schema.alterTable('meetings').dropColumn('phase').execute();
  },
});
