/**
 * The record of corrections (`data_changes`): appended in the transaction of the change it
 * describes, so a change and its record commit or fail together; read back newest first.
 */
import type { Selectable, Transaction } from 'kysely';
import {
  type ChangeAction,
  type ChangeSource,
  type DataChange,
  EDITABLE_INDICATOR_FIELDS,
  type FieldChange,
} from '../../shared/performance.ts';
import type { Principal } from '../../shared/roles.ts';
import type { Database } from '../db/schema.ts';
import type { DataChangesTable } from '../db/schemas/performance.ts';
import { chunkSizeFor, chunks } from './chunks.ts';
import { noIndicator } from './errors.ts';
import type { Store } from './queries.ts';

/** The most changes one read returns: a page shows the recent ones, not a decade of imports. */
export const MAX_CHANGES_LISTED = 500;

export interface NewChange {
  indicatorId: string;
  action: ChangeAction;
  period?: string | undefined;
  oldValue?: number | undefined;
  newValue?: number | undefined;
  fields?: FieldChange[] | undefined;
  reason?: string | null | undefined;
}

export async function recordChanges(
  trx: Transaction<Database>,
  changes: readonly NewChange[],
  context: { by: Principal; at: Date; source: ChangeSource },
): Promise<void> {
  const changedAt = context.at.toISOString();
  const rows = changes.map((change) => ({
    indicator_id: change.indicatorId,
    action: change.action,
    period: change.period ?? null,
    old_value: change.oldValue ?? null,
    new_value: change.newValue ?? null,
    fields: change.fields && change.fields.length > 0 ? JSON.stringify(change.fields) : null,
    // An empty reason says nothing: stored as none.
    reason: change.reason?.trim() || null,
    source: context.source,
    changed_by: context.by.name,
    changed_at: changedAt,
  }));
  for (const chunk of chunks(rows, chunkSizeFor(10))) {
    await trx.insertInto('data_changes').values(chunk).execute();
  }
}

/** An indicator's recorded changes, newest first. */
export async function listChanges(db: Store, indicatorId: string): Promise<DataChange[]> {
  const indicator = await db
    .selectFrom('indicators')
    .select('id')
    .where('id', '=', indicatorId)
    .executeTakeFirst();
  if (!indicator) throw noIndicator(indicatorId);
  const rows = await db
    .selectFrom('data_changes')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .orderBy('id', 'desc')
    .limit(MAX_CHANGES_LISTED)
    .execute();
  return rows.map(toDataChange);
}

function toDataChange(row: Selectable<DataChangesTable>): DataChange {
  return {
    id: Number(row.id),
    indicatorId: row.indicator_id,
    action: row.action,
    period: row.period,
    oldValue: row.old_value,
    newValue: row.new_value,
    fields: row.fields ? parseFields(row.fields) : [],
    reason: row.reason,
    source: row.source,
    changedBy: row.changed_by,
    changedAt: row.changed_at,
  };
}

/** Reads the stored JSON, keeping only well-formed entries (the column is written only here). */
function parseFields(text: string): FieldChange[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(isFieldChange);
}

const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

function isFieldChange(value: unknown): value is FieldChange {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const fields: readonly unknown[] = EDITABLE_INDICATOR_FIELDS;
  return fields.includes(entry.field) && isScalar(entry.from) && isScalar(entry.to);
}
