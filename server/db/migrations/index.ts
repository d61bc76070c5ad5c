/**
 * Every migration, by name; names sort in the order they run. Each factory receives the dialect
 * so that the rare dialect-specific DDL (auto-increment ids, binary columns) stays in one place.
 */
import type { Migration } from 'kysely';
import type { DialectName } from '../database.ts';
import { documentsMigration } from './001_documents.ts';
import { performanceMigration } from './002_performance.ts';
import { docUpdatesRowidMigration } from './003_doc_updates_rowid.ts';
import { docIntakeStateMigration } from './004_doc_intake_state.ts';
import { docUpdatesSetAsideMigration } from './005_doc_updates_set_aside.ts';
import { meetingCycleMigration } from './006_meeting_cycle.ts';
import { commitmentQueryIndexesMigration } from './007_commitment_query_indexes.ts';
import { indicatorValueBoundsMigration } from './008_indicator_value_bounds.ts';
import { meetingUniqueDateMigration } from './009_meeting_unique_date.ts';
import { dataChangesMigration } from './010_data_changes.ts';
import { personSettingsMigration } from './011_person_settings.ts';
import { performanceChangesMigration } from './012_performance_changes.ts';

export type MigrationFactory = (dialect: DialectName) => Migration;

export const migrations: Record<string, MigrationFactory> = {
  '001_documents': documentsMigration,
  '002_performance': performanceMigration,
  '003_doc_updates_rowid': docUpdatesRowidMigration,
  '004_doc_intake_state': docIntakeStateMigration,
  '005_doc_updates_set_aside': docUpdatesSetAsideMigration,
  '006_meeting_cycle': meetingCycleMigration,
  '007_commitment_query_indexes': commitmentQueryIndexesMigration,
  '008_indicator_value_bounds': indicatorValueBoundsMigration,
  '009_meeting_unique_date': meetingUniqueDateMigration,
  '010_data_changes': dataChangesMigration,
  '011_person_settings': personSettingsMigration,
  '012_performance_changes': performanceChangesMigration,
};
