/**
 * Indicators: one indicator in full, creation, and entering, correcting or removing a data point
 * (a correction or a removal is recorded in `data_changes`, in the same transaction).
 */
import { randomUUID } from 'node:crypto';
import { reason } from '../../shared/errorReasons.ts';
import { DomainError, ErrorCode } from '../../shared/errors.ts';
import {
  type DataPoint,
  extentOf,
  type Indicator,
  type IndicatorDetail,
  outlierCheck,
  type PlannedValue,
  type StatusThresholds,
  valueCheck,
} from '../../shared/performance.ts';
import {
  futurePeriodCheck,
  isValidPeriod,
  latestDuePeriod,
  PERIOD_FORMAT_HINT,
  periodFormatReason,
  periodRangeCheck,
  todayDate,
} from '../../shared/periods.ts';
import type { Principal } from '../../shared/roles.ts';
import { computeStatus, planFor } from '../../shared/status.ts';
import { recordChanges } from './dataChanges.ts';
import { conflict, invalidPayload, noIndicator, notFound } from './errors.ts';
import type { Store } from './queries.ts';
import { performanceWrite } from './revision.ts';
import { toAgency, toDataPoint, toGoal, toIndicator, toObjective } from './rows.ts';

export async function getIndicatorDetail(db: Store, id: string, asOf: string): Promise<IndicatorDetail> {
  const row = await db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw noIndicator(id);
  const [trajectory, points, goal, rating] = await Promise.all([
    db
      .selectFrom('indicator_trajectory')
      .select(['period', 'value'])
      .where('indicator_id', '=', id)
      .orderBy('period')
      .execute(),
    db.selectFrom('data_points').selectAll().where('indicator_id', '=', id).orderBy('period').execute(),
    db.selectFrom('goals').selectAll().where('id', '=', row.goal_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('goal_ratings')
      .selectAll()
      .where('goal_id', '=', row.goal_id)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const [objective, agency] = await Promise.all([
    db.selectFrom('objectives').selectAll().where('id', '=', goal.objective_id).executeTakeFirstOrThrow(),
    db.selectFrom('agencies').selectAll().where('id', '=', goal.agency_id).executeTakeFirstOrThrow(),
  ]);
  const indicator = toIndicator(row, trajectory);
  const plan = planFor(indicator);
  return {
    indicator,
    goal: toGoal(goal, rating),
    objective: toObjective(objective),
    agency: toAgency(agency),
    points: points.map(toDataPoint),
    plan: plan.values(),
    computed: computeStatus(indicator, points, plan),
    duePeriod: latestDuePeriod(asOf, indicator.frequency),
    archived: row.archived_at ? { at: row.archived_at, by: row.archived_by ?? '' } : null,
  };
}

export interface NewIndicator extends Omit<Indicator, 'id' | 'trajectory' | 'thresholds' | 'allowsNegative'> {
  id?: string | undefined;
  /** False when absent: most indicators (counts, rates, times) cannot be negative. */
  allowsNegative?: boolean | undefined;
  trajectory: PlannedValue[];
  thresholds: StatusThresholds;
}

export async function createIndicator(db: Store, input: NewIndicator): Promise<Indicator> {
  return performanceWrite(db, async (trx, touched) => {
    const id = input.id ?? randomUUID();
    touched.goals([input.goalId]);
    const [goal, existing] = await Promise.all([
      trx.selectFrom('goals').select('id').where('id', '=', input.goalId).executeTakeFirst(),
      trx.selectFrom('indicators').select('id').where('id', '=', id).executeTakeFirst(),
    ]);
    if (!goal)
      throw invalidPayload(`goalId: no goal ${input.goalId}`, reason('noGoal', { id: input.goalId }));
    if (existing)
      throw conflict(`An indicator with id ${id} already exists`, reason('indicatorIdTaken', { id }));
    const row = {
      id,
      goal_id: input.goalId,
      name: input.name,
      unit: input.unit,
      direction: input.direction,
      frequency: input.frequency,
      baseline_value: input.baselineValue,
      baseline_date: input.baselineDate,
      target_value: input.targetValue,
      target_date: input.targetDate,
      threshold_at_risk: input.thresholds.atRisk,
      threshold_off_track: input.thresholds.offTrack,
      allows_negative: input.allowsNegative ? 1 : 0,
    };
    await trx.insertInto('indicators').values(row).execute();
    const trajectory = [...input.trajectory].sort((a, b) => (a.period < b.period ? -1 : 1));
    if (trajectory.length > 0) {
      await trx
        .insertInto('indicator_trajectory')
        .values(trajectory.map((planned) => ({ indicator_id: id, ...planned })))
        .execute();
    }
    return toIndicator(row, trajectory);
  });
}

/**
 * Enters or corrects the value of one period; `created` tells which. Refused: a period that has
 * not ended at `now` or lies out of range, an impossible value (not finite, past ±1e12, negative
 * where the indicator does not allow it). A value far outside the series so far is taken only with
 * `confirm` (else `needs_confirmation`), as it is more often a slip than news.
 */
export async function putDataPoint(
  db: Store,
  indicatorId: string,
  period: string,
  input: { value: number; note?: string | null | undefined; confirm?: boolean | undefined },
  by: Principal,
  now: Date = new Date(),
): Promise<{ point: DataPoint; created: boolean }> {
  return performanceWrite(db, async (trx, touched) => {
    touched.indicators([indicatorId]);
    const indicator = await trx
      .selectFrom('indicators')
      .select(['id', 'frequency', 'allows_negative'])
      .where('id', '=', indicatorId)
      .executeTakeFirst();
    if (!indicator) throw noIndicator(indicatorId);
    const { frequency } = indicator;
    if (!isValidPeriod(period, frequency)) {
      throw invalidPayload(
        `period: ${period} is not a ${frequency} period (${PERIOD_FORMAT_HINT[frequency]})`,
        periodFormatReason(period, frequency),
      );
    }
    const periodProblem =
      periodRangeCheck(period, frequency) ?? futurePeriodCheck(period, frequency, todayDate(now));
    if (periodProblem) throw invalidPayload(`period: ${periodProblem.message}`, periodProblem.reason);
    const impossible = valueCheck(input.value, Boolean(indicator.allows_negative));
    if (impossible) throw invalidPayload(`value: ${impossible.message}`, impossible.reason);
    const series = await trx
      .selectFrom('data_points')
      .select(['period', 'value'])
      .where('indicator_id', '=', indicatorId)
      .execute();
    const existing = series.find((point) => point.period === period);
    if (!input.confirm) {
      const others = series.filter((point) => point.period !== period).map((point) => point.value);
      const outlier = outlierCheck(input.value, extentOf(others));
      if (outlier) {
        throw new DomainError(
          ErrorCode.needsConfirmation,
          `value: ${outlier.message}. Send it again to confirm.`,
          outlier.reason,
        );
      }
    }
    const row = {
      indicator_id: indicatorId,
      period,
      value: input.value,
      entered_by: by.name,
      entered_at: now.toISOString(),
      note: input.note ?? null,
    };
    await trx
      .insertInto('data_points')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['indicator_id', 'period']).doUpdateSet({
          value: row.value,
          entered_by: row.entered_by,
          entered_at: row.entered_at,
          note: row.note,
        }),
      )
      .execute();
    // A new value over an old one is a correction; a note changed alone is not.
    if (existing && existing.value !== row.value) {
      await recordChanges(
        trx,
        [{ indicatorId, action: 'corrected', period, oldValue: existing.value, newValue: row.value }],
        { by, at: now, source: 'api' },
      );
    }
    return { point: toDataPoint(row), created: !existing };
  });
}

/** Removes one period's value, recording who removed which value, when and why. */
export async function deleteDataPoint(
  db: Store,
  indicatorId: string,
  period: string,
  input: { reason?: string | undefined },
  by: Principal,
  now: Date = new Date(),
): Promise<void> {
  await performanceWrite(db, async (trx, touched) => {
    touched.indicators([indicatorId]);
    const indicator = await trx
      .selectFrom('indicators')
      .select('id')
      .where('id', '=', indicatorId)
      .executeTakeFirst();
    if (!indicator) throw noIndicator(indicatorId);
    const removed = await trx
      .deleteFrom('data_points')
      .where('indicator_id', '=', indicatorId)
      .where('period', '=', period)
      .returning('value')
      .executeTakeFirst();
    if (!removed)
      throw notFound(
        `Indicator ${indicatorId} has no value for ${period}`,
        reason('noValueForPeriod', { indicator: indicatorId, period }),
      );
    await recordChanges(
      trx,
      [{ indicatorId, action: 'deleted', period, oldValue: removed.value, reason: input.reason }],
      { by, at: now, source: 'api' },
    );
  });
}
