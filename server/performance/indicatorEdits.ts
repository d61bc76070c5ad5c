/**
 * Editing an indicator's definition and archiving it, each recorded in `data_changes` (the fields
 * changed from → to; who, when, why). An archived indicator keeps its row, data and record: old
 * meetings pinned its data and commitments name it; it only leaves listings, status and readiness.
 */
import type { Updateable } from 'kysely';
import { type Problem, reason } from '../../shared/errorReasons.ts';
import { DomainError, ErrorCode } from '../../shared/errors.ts';
import type {
  ArchivedIndicator,
  ArchiveMark,
  Direction,
  EditableIndicatorField,
  FieldChange,
  Indicator,
} from '../../shared/performance.ts';
import type { Principal } from '../../shared/roles.ts';
import type { IndicatorsTable } from '../db/schemas/performance.ts';
import { recordChanges } from './dataChanges.ts';
import { invalidPayload, noIndicator, noObjective } from './errors.ts';
import { describeProblems, type FieldProblem, planProblems } from './indicatorRules.ts';
import type { Store } from './queries.ts';
import { performanceWrite } from './revision.ts';
import { type IndicatorRow, type StoredIndicatorRow, toAgency, toIndicator } from './rows.ts';

/** An edit as the route validated it: any editable field, and an optional reason. */
export interface IndicatorEdit {
  name?: string | undefined;
  unit?: string | undefined;
  direction?: Direction | undefined;
  baselineValue?: number | undefined;
  baselineDate?: string | undefined;
  targetValue?: number | undefined;
  targetDate?: string | undefined;
  thresholds?: { atRisk?: number | undefined; offTrack?: number | undefined } | undefined;
  allowsNegative?: boolean | undefined;
  reason?: string | undefined;
}

interface FieldValues {
  name: string;
  unit: string;
  direction: Direction;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  'thresholds.atRisk': number;
  'thresholds.offTrack': number;
  allowsNegative: boolean;
}

function valuesOf(row: IndicatorRow): FieldValues {
  return {
    name: row.name,
    unit: row.unit,
    direction: row.direction,
    baselineValue: row.baseline_value,
    baselineDate: row.baseline_date,
    targetValue: row.target_value,
    targetDate: row.target_date,
    'thresholds.atRisk': row.threshold_at_risk,
    'thresholds.offTrack': row.threshold_off_track,
    allowsNegative: Boolean(row.allows_negative),
  };
}

function columnsOf(values: FieldValues): Updateable<IndicatorsTable> {
  return {
    name: values.name,
    unit: values.unit,
    direction: values.direction,
    baseline_value: values.baselineValue,
    baseline_date: values.baselineDate,
    target_value: values.targetValue,
    target_date: values.targetDate,
    threshold_at_risk: values['thresholds.atRisk'],
    threshold_off_track: values['thresholds.offTrack'],
    allows_negative: values.allowsNegative ? 1 : 0,
  };
}

/** The stored values with the edit applied (fields it leaves out keep their value). */
function applyEdit(current: FieldValues, edit: IndicatorEdit): FieldValues {
  return {
    name: edit.name ?? current.name,
    unit: edit.unit ?? current.unit,
    direction: edit.direction ?? current.direction,
    baselineValue: edit.baselineValue ?? current.baselineValue,
    baselineDate: edit.baselineDate ?? current.baselineDate,
    targetValue: edit.targetValue ?? current.targetValue,
    targetDate: edit.targetDate ?? current.targetDate,
    'thresholds.atRisk': edit.thresholds?.atRisk ?? current['thresholds.atRisk'],
    'thresholds.offTrack': edit.thresholds?.offTrack ?? current['thresholds.offTrack'],
    allowsNegative: edit.allowsNegative ?? current.allowsNegative,
  };
}

function fieldChanges(before: FieldValues, after: FieldValues): FieldChange[] {
  const fields = Object.keys(before) as EditableIndicatorField[];
  return fields
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, from: before[field], to: after[field] }));
}

async function findIndicator(db: Store, id: string): Promise<StoredIndicatorRow> {
  const row = await db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw noIndicator(id);
  return row;
}

/**
 * Changes an indicator's definition. The result must keep the rules of creation (target after
 * baseline, thresholds in order, no negatives unless allowed) — and negatives cannot be disallowed
 * while its data or trajectory holds one. Refused whole (`invalid_payload` naming each field) or
 * applied whole; an edit that changes nothing is not recorded.
 */
export async function editIndicator(
  db: Store,
  id: string,
  edit: IndicatorEdit,
  by: Principal,
  now: Date = new Date(),
): Promise<{ indicator: Indicator; changes: FieldChange[] }> {
  return performanceWrite(db, async (trx, touched) => {
    touched.indicators([id]);
    const row = await findIndicator(trx, id);
    const before = valuesOf(row);
    const after = applyEdit(before, edit);
    const problems: FieldProblem[] = planProblems({
      ...after,
      atRisk: after['thresholds.atRisk'],
      offTrack: after['thresholds.offTrack'],
    });
    if (before.allowsNegative && !after.allowsNegative) {
      const negative = await storedNegatives(trx, id);
      if (negative) problems.push({ path: ['allowsNegative'], ...negative });
    }
    if (problems.length > 0) throw invalidPayload(describeProblems(problems), problems[0]?.reason);

    const changes = fieldChanges(before, after);
    const trajectory = await trx
      .selectFrom('indicator_trajectory')
      .select(['period', 'value'])
      .where('indicator_id', '=', id)
      .orderBy('period')
      .execute();
    if (changes.length === 0) return { indicator: toIndicator(row, trajectory), changes };
    const columns = columnsOf(after);
    await trx.updateTable('indicators').set(columns).where('id', '=', id).execute();
    await recordChanges(trx, [{ indicatorId: id, action: 'edited', fields: changes, reason: edit.reason }], {
      by,
      at: now,
      source: 'api',
    });
    return { indicator: toIndicator({ ...row, ...columns }, trajectory), changes };
  });
}

/** Why negatives cannot be disallowed (stored values below zero), or null. */
async function storedNegatives(db: Store, id: string): Promise<Problem | null> {
  const [points, planned] = await Promise.all([
    db
      .selectFrom('data_points')
      .select(['period', 'value'])
      .where('indicator_id', '=', id)
      .where('value', '<', 0)
      .orderBy('period')
      .execute(),
    db
      .selectFrom('indicator_trajectory')
      .select('period')
      .where('indicator_id', '=', id)
      .where('value', '<', 0)
      .orderBy('period')
      .execute(),
  ]);
  if (points.length > 0) {
    const first = points[0] as { period: string; value: number };
    const count = points.length === 1 ? 'a stored value is' : `${points.length} stored values are`;
    return {
      message: `cannot be turned off: ${count} negative (${first.period}: ${first.value}); correct or delete them first`,
      reason: reason('storedNegatives', {
        negatives: points.length,
        period: first.period,
        value: first.value,
      }),
    };
  }
  if (planned.length > 0) {
    return {
      message: `cannot be turned off: the trajectory has negative values (${planned.map((p) => p.period).join(', ')})`,
      reason: reason('storedNegativeTrajectory'),
    };
  }
  return null;
}

/** Archives an indicator: refused (`invalid_state`) if it already is, naming when and by whom. */
export async function archiveIndicator(
  db: Store,
  id: string,
  input: { reason?: string | undefined },
  by: Principal,
  now: Date = new Date(),
): Promise<ArchiveMark> {
  return performanceWrite(db, async (trx, touched) => {
    touched.indicators([id]);
    const row = await findIndicator(trx, id);
    if (row.archived_at) {
      throw new DomainError(
        ErrorCode.invalidState,
        `Indicator ${id} is already archived (on ${row.archived_at.slice(0, 10)} by ${row.archived_by ?? 'unknown'})`,
        reason('indicatorAlreadyArchived', {
          id,
          date: row.archived_at.slice(0, 10),
          by: row.archived_by ?? '?',
        }),
      );
    }
    const mark: ArchiveMark = { at: now.toISOString(), by: by.name };
    await trx
      .updateTable('indicators')
      .set({ archived_at: mark.at, archived_by: mark.by })
      .where('id', '=', id)
      .execute();
    await recordChanges(trx, [{ indicatorId: id, action: 'archived', reason: input.reason }], {
      by,
      at: now,
      source: 'api',
    });
    return mark;
  });
}

/** Puts an archived indicator back in use: refused (`invalid_state`) if it is not archived. */
export async function unarchiveIndicator(
  db: Store,
  id: string,
  input: { reason?: string | undefined },
  by: Principal,
  now: Date = new Date(),
): Promise<void> {
  await performanceWrite(db, async (trx, touched) => {
    touched.indicators([id]);
    const row = await findIndicator(trx, id);
    if (!row.archived_at)
      throw new DomainError(
        ErrorCode.invalidState,
        `Indicator ${id} is not archived`,
        reason('indicatorNotArchived', { id }),
      );
    await trx
      .updateTable('indicators')
      .set({ archived_at: null, archived_by: null })
      .where('id', '=', id)
      .execute();
    await recordChanges(trx, [{ indicatorId: id, action: 'unarchived', reason: input.reason }], {
      by,
      at: now,
      source: 'api',
    });
  });
}

/** An objective's archived indicators, most recently archived first, so they can be found and put back. */
export async function listArchivedIndicators(db: Store, objectiveId: string): Promise<ArchivedIndicator[]> {
  const objective = await db
    .selectFrom('objectives')
    .select('id')
    .where('id', '=', objectiveId)
    .executeTakeFirst();
  if (!objective) throw noObjective(objectiveId);
  const rows = await db
    .selectFrom('indicators')
    .innerJoin('goals', 'goals.id', 'indicators.goal_id')
    .innerJoin('agencies', 'agencies.id', 'goals.agency_id')
    .select([
      'indicators.id',
      'indicators.name',
      'indicators.archived_at',
      'indicators.archived_by',
      'goals.id as goal_id',
      'goals.title as goal_title',
      'agencies.id as agency_id',
      'agencies.code as agency_code',
      'agencies.name as agency_name',
    ])
    .where('goals.objective_id', '=', objectiveId)
    .where('indicators.archived_at', 'is not', null)
    .orderBy('indicators.archived_at', 'desc')
    .orderBy('indicators.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    goalId: row.goal_id,
    goalTitle: row.goal_title,
    agency: toAgency({ id: row.agency_id, code: row.agency_code, name: row.agency_name }),
    archived: { at: row.archived_at ?? '', by: row.archived_by ?? '' },
  }));
}
