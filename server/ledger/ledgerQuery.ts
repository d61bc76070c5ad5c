/**
 * The ledger page's question, asked of the `commitments` read model: every commitment across
 * objectives, filtered, sorted and paged, with the names people read. One Kysely query path for
 * SQLite and PostgreSQL; the filters touch only `commitments` columns, so the count needs no join.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type {
  CommitmentList,
  CommitmentRow,
  CommitmentSort,
  SortDirection,
} from '../../shared/commitmentRows.ts';
import type { CommitmentStatus } from '../../shared/ledger.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { CommitmentsTable } from '../db/schemas/meetingCycle.ts';

export interface CommitmentFilters {
  objectiveId?: string | undefined;
  agencyId?: string | undefined;
  /** Part of the owner's name, any case. */
  owner?: string | undefined;
  statuses?: CommitmentStatus[] | undefined;
  /** true: open and past due; false: everything else. */
  overdue?: boolean | undefined;
  minCarried?: number | undefined;
  /** Part of the commitment's text, any case. */
  q?: string | undefined;
  sort: CommitmentSort;
  dir: SortDirection;
  limit: number;
  offset: number;
}

type Tables = Database & { c: CommitmentsTable };
type Eb = ExpressionBuilder<Tables, 'c'>;

const DAY_MS = 86_400_000;

/** A LIKE pattern matching `text` anywhere, with its own % _ and \ taken literally. */
const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** Case-insensitive "contains"; lower() on both sides because LIKE is case-sensitive in PostgreSQL. */
const contains = (column: 'c.owner_person' | 'c.text', text: string): Expression<SqlBool> =>
  // SQLite's LIKE has no default escape character, so it is named for both dialects.
  sql<SqlBool>`lower(${sql.ref(column)}) like lower(${containsPattern(text)}) escape '\\'`;

function conditions(eb: Eb, filters: CommitmentFilters, today: string): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (filters.objectiveId !== undefined) where.push(eb('c.objective_id', '=', filters.objectiveId));
  if (filters.agencyId !== undefined) where.push(eb('c.owner_agency_id', '=', filters.agencyId));
  if (filters.owner) where.push(contains('c.owner_person', filters.owner));
  if (filters.q) where.push(contains('c.text', filters.q));
  if (filters.statuses?.length) where.push(eb('c.status', 'in', filters.statuses));
  if (filters.minCarried !== undefined) where.push(eb('c.times_carried', '>=', filters.minCarried));
  const overdue = eb.and([eb('c.status', '=', 'open'), eb('c.due_date', '<', today)]);
  if (filters.overdue === true) where.push(overdue);
  if (filters.overdue === false) where.push(eb.not(overdue));
  return where;
}

const STATUS_RANK = sql<number>`case ${sql.ref('c.status')} when 'open' then 0 when 'done' then 1 else 2 end`;
// The agency's id stands in for a missing name so both dialects place such rows alike (NULLs differ).
const AGENCY_NAME = sql<string>`lower(coalesce(${sql.ref('a.name')}, ${sql.ref('c.owner_agency_id')}))`;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** One page of matching commitments and how many match in all; `today` is `YYYY-MM-DD` (UTC). */
export async function queryCommitments(
  db: Db,
  filters: CommitmentFilters,
  today: string,
): Promise<CommitmentList> {
  const base = db.kysely.selectFrom('commitments as c').where((eb) => eb.and(conditions(eb, filters, today)));
  const { dir } = filters;
  let rows = base
    .leftJoin('objectives as o', 'o.id', 'c.objective_id')
    .leftJoin('agencies as a', 'a.id', 'c.owner_agency_id')
    .leftJoin('goals as g', 'g.id', 'c.goal_id')
    .leftJoin('meetings as m', 'm.id', 'c.made_in_meeting_id')
    .selectAll('c')
    .select([
      'o.name as objective_name',
      'a.code as agency_code',
      'a.name as agency_name',
      'g.title as goal_title',
      'm.scheduled_for as meeting_date',
    ]);
  // Each sort ends on the id, so pages never overlap or skip rows that tie.
  switch (filters.sort) {
    case 'due':
      rows = rows.orderBy('c.due_date', dir).orderBy('c.created_at', dir);
      break;
    case 'carried':
      rows = rows.orderBy('c.times_carried', dir).orderBy('c.due_date', 'asc');
      break;
    case 'created':
      rows = rows.orderBy('c.created_at', dir);
      break;
    case 'agency':
      rows = rows.orderBy(AGENCY_NAME, dir).orderBy('c.due_date', 'asc');
      break;
    case 'status':
      rows = rows.orderBy(STATUS_RANK, dir).orderBy('c.due_date', 'asc');
      break;
  }
  const [page, count] = await Promise.all([
    rows.orderBy('c.id', dir).limit(filters.limit).offset(filters.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const commitments = page.map((row): CommitmentRow => {
    const overdue = row.status === 'open' && row.due_date < today;
    return {
      id: row.id,
      objectiveId: row.objective_id,
      objectiveName: row.objective_name,
      text: row.text,
      ownerAgencyId: row.owner_agency_id,
      ownerAgencyCode: row.agency_code,
      ownerAgencyName: row.agency_name,
      ownerPerson: row.owner_person,
      dueDate: row.due_date,
      status: row.status,
      overdue,
      daysOverdue: overdue ? daysBetween(row.due_date, today) : 0,
      goalId: row.goal_id,
      goalTitle: row.goal_title,
      indicatorId: row.indicator_id,
      madeInMeetingId: row.made_in_meeting_id,
      madeInMeetingDate: row.meeting_date,
      madeInItemId: row.made_in_item_id,
      createdAt: row.created_at,
      createdBy: row.created_by,
      closedAt: row.closed_at,
      timesCarried: Number(row.times_carried),
      escalated: Number(row.escalated) === 1,
      updatedAt: row.updated_at,
    };
  });
  return { commitments, total: Number(count.n), today };
}
