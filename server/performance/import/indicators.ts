/**
 * Importing indicators:
 * `id,goal_id,name,unit,direction,frequency,baseline_value,baseline_date,target_value,target_date`
 * (+ optional `threshold_at_risk,threshold_off_track,allows_negative`), upserted by id. Without
 * `allows_negative` a new indicator allows no negative values and an existing one keeps its setting. Trajectories are not part
 * of the file and are kept. An indicator's frequency cannot change by import: its data points and
 * trajectory are written in the old frequency's periods.
 */
import { reason } from '../../../shared/errorReasons.ts';
import { DEFAULT_THRESHOLDS, Direction, Frequency } from '../../../shared/performance.ts';
import { chunkSizeFor, chunks } from '../chunks.ts';
import type { Store } from '../queries.ts';
import { performanceWrite } from '../revision.ts';
import type { IndicatorRow } from '../rows.ts';
import { CellReader, quoteCell } from './cells.ts';
import type { CsvImporter, ImportCounts } from './csvImport.ts';

export const INDICATOR_COLUMNS = [
  'id',
  'goal_id',
  'name',
  'unit',
  'direction',
  'frequency',
  'baseline_value',
  'baseline_date',
  'target_value',
  'target_date',
] as const;

/** Rows per write transaction: wider rows than data points, so fewer; a few ms each on SQLite. */
export const INDICATOR_ROWS_PER_TRANSACTION = 125;

const DIRECTIONS = Object.values(Direction);
const FREQUENCIES = Object.values(Frequency);

/** Every stored field but the id: what decides whether a re-imported row changes anything. */
const [, ...REQUIRED_FIELDS] = INDICATOR_COLUMNS;
const COMPARED_FIELDS = [
  ...REQUIRED_FIELDS,
  'threshold_at_risk',
  'threshold_off_track',
  'allows_negative',
] as const satisfies ReadonlyArray<keyof IndicatorRow>;

export function indicatorsImporter(db: Store): CsvImporter<IndicatorRow> {
  let goalIds = new Set<string>();
  let existing = new Map<string, IndicatorRow>();
  const seen = new Map<string, number>();

  return {
    requiredColumns: INDICATOR_COLUMNS,
    optionalColumns: ['threshold_at_risk', 'threshold_off_track', 'allows_negative'],
    rowsPerTransaction: INDICATOR_ROWS_PER_TRANSACTION,

    async prepare() {
      const [goals, indicators] = await Promise.all([
        db.selectFrom('goals').select('id').execute(),
        db.selectFrom('indicators').selectAll().execute(),
      ]);
      goalIds = new Set(goals.map((goal) => goal.id));
      existing = new Map(indicators.map((row) => [row.id, row]));
    },

    validate(row) {
      const cells = new CellReader(row);
      const id = cells.identifier('id');
      const goalId = cells.text('goal_id');
      const name = cells.text('name');
      const unit = cells.text('unit');
      const direction = cells.oneOf('direction', DIRECTIONS);
      const frequency = cells.oneOf('frequency', FREQUENCIES);
      const baselineValue = cells.number('baseline_value');
      const baselineDate = cells.date('baseline_date');
      const targetValue = cells.number('target_value');
      const targetDate = cells.date('target_date');
      const atRiskCell = cells.optionalNumber('threshold_at_risk');
      const offTrackCell = cells.optionalNumber('threshold_off_track');
      const allowsNegativeCell = cells.optionalBoolean('allows_negative');

      if (goalId !== '' && !goalIds.has(goalId))
        cells.reject(
          'goal_id',
          `Unknown goal ${quoteCell(goalId)}`,
          reason('unknownGoal', { id: quoteCell(goalId) }),
        );
      if (cells.errors.length === 0 && targetDate <= baselineDate) {
        cells.reject(
          'target_date',
          `The target date ${targetDate} is not after the baseline date ${baselineDate}`,
          reason('importTargetDateNotAfterBaseline', { targetDate, baselineDate }),
        );
      }
      const before = existing.get(id);
      if (before && FREQUENCIES.includes(frequency) && before.frequency !== frequency) {
        cells.reject(
          'frequency',
          `Indicator ${quoteCell(id)} is ${before.frequency}; its frequency cannot change`,
          reason('frequencyCannotChange', { id: quoteCell(id) }),
        );
      }
      const atRisk = atRiskCell ?? before?.threshold_at_risk ?? DEFAULT_THRESHOLDS.atRisk;
      const offTrack = offTrackCell ?? before?.threshold_off_track ?? DEFAULT_THRESHOLDS.offTrack;
      if (atRisk < 0)
        cells.reject(
          'threshold_at_risk',
          'threshold_at_risk must be 0 or more',
          reason('importThresholdNegative'),
        );
      if (atRisk > offTrack) {
        cells.reject(
          'threshold_off_track',
          'threshold_off_track must be at least threshold_at_risk',
          reason('importThresholdsOutOfOrder'),
        );
      }
      const allowsNegative = allowsNegativeCell ?? Boolean(before?.allows_negative);
      if (!allowsNegative) {
        for (const [column, value] of [
          ['baseline_value', baselineValue],
          ['target_value', targetValue],
        ] as const) {
          if (value < 0) {
            cells.reject(
              column,
              `${column} ${value} is negative, and the indicator does not allow negative values (set allows_negative to true)`,
              reason('importNegativeNotAllowed', { column, value }),
            );
          }
        }
      }
      if (id !== '') {
        const firstLine = seen.get(id);
        if (firstLine !== undefined)
          cells.reject(
            'id',
            `Duplicate of row ${firstLine} (${quoteCell(id)})`,
            reason('duplicateIndicatorRow', { row: firstLine, id: quoteCell(id) }),
          );
        else seen.set(id, row.line);
      }
      if (cells.errors.length > 0) return cells.errors;
      return {
        id,
        goal_id: goalId,
        name,
        unit,
        direction,
        frequency,
        baseline_value: baselineValue,
        baseline_date: baselineDate,
        target_value: targetValue,
        target_date: targetDate,
        threshold_at_risk: atRisk,
        threshold_off_track: offTrack,
        allows_negative: allowsNegative ? 1 : 0,
      };
    },

    async write(rows) {
      return performanceWrite(db, async (trx, touched) => {
        // Compare against the rows as they are inside the transaction, not as they were at `prepare`.
        const current = new Map<string, IndicatorRow>();
        for (const ids of chunks(
          rows.map((row) => row.id),
          500,
        )) {
          const found = await trx.selectFrom('indicators').selectAll().where('id', 'in', ids).execute();
          for (const row of found) current.set(row.id, row);
        }
        const counts: ImportCounts = { inserted: 0, updated: 0, unchanged: 0 };
        const changed: IndicatorRow[] = [];
        for (const row of rows) {
          const before = current.get(row.id);
          if (!before) counts.inserted += 1;
          else if (COMPARED_FIELDS.every((field) => before[field] === row[field])) {
            counts.unchanged += 1;
            continue;
          } else counts.updated += 1;
          changed.push(row);
        }
        // A row may move an indicator to another goal, and the goal it leaves is known for sure
        // only under a lock that SQLite and PostgreSQL take differently: the overview is recomputed.
        if (changed.length > 0) touched.everything();
        else touched.noGoals();
        for (const chunk of chunks(changed, chunkSizeFor(12))) {
          await trx
            .insertInto('indicators')
            .values(chunk)
            .onConflict((oc) =>
              oc
                .column('id')
                .doUpdateSet((eb) =>
                  Object.fromEntries(COMPARED_FIELDS.map((field) => [field, eb.ref(`excluded.${field}`)])),
                ),
            )
            .execute();
        }
        return counts;
      });
    },
  };
}
