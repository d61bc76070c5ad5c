/** The relational schema as Kysely sees it: one interface per area, combined here. */
import type { DocumentTables } from './schemas/documents.ts';
import type { MeetingCycleTables } from './schemas/meetingCycle.ts';
import type { PeopleTables } from './schemas/people.ts';
import type { PerformanceTables } from './schemas/performance.ts';

export interface Database extends DocumentTables, PerformanceTables, MeetingCycleTables, PeopleTables {}
