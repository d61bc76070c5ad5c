/**
 * Importing data points: `indicator_id,period,value[,note]`, upserted by (indicator, period).
 * Re-importing a file changes nothing: an identical value (and note) counts as unchanged and is
 * not rewritten, so even "entered by/at" stay as they were. That also makes a file whose write was
 * cut short safe to import again. A row that replaces a stored value with another is a correction,
 * recorded in `data_changes` in the same transaction (source `import`).
 */

import { type OnConflictBuilder, sql, type Transaction } from 'kysely';
import { reason } from '../../../shared/errorReasons.ts';
import {
  EMPTY_EXTENT,
  extendExtent,
  type Frequency,
  type ImportRowWarning,
  outlierCheck,
  type SeriesExtent,
  valueCheck,
} from '../../../shared/performance.ts';
import {
  futurePeriodCheck,
  isValidPeriod,
  PERIOD_FORMAT_HINT,
  periodIndex,
  periodRangeCheck,
  todayDate,
} from '../../../shared/periods.ts';
import type { Principal } from '../../../shared/roles.ts';
import type { DialectName } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { chunkSizeFor, chunks } from '../chunks.ts';
import { type NewChange, recordChanges } from '../dataChanges.ts';
import { pointKey, type Store } from '../queries.ts';
import { performanceWrite } from '../revision.ts';
import { CellReader, quoteCell } from './cells.ts';
import type { CsvImporter, ImportCounts } from './csvImport.ts';
import { fieldPeriod } from './fieldFormats.ts';

export const DATA_POINT_COLUMNS = ['indicator_id', 'period', 'value'] as const;
/** Other names for the columns, as `normalizeColumnName` leaves them (`Indicator ID`, `Período`). */
export const DATA_POINT_COLUMN_ALIASES: Readonly<Record<string, string>> = {
  indicator: 'indicator_id',
  indicatorid: 'indicator_id',
  indicador: 'indicator_id',
  id_indicador: 'indicator_id',
  indicador_id: 'indicator_id',
  id_do_indicador: 'indicator_id',
  id_del_indicador: 'indicator_id',
  periodo: 'period',
  valor: 'value',
  nota: 'note',
  notes: 'note',
  comment: 'note',
  comentario: 'note',
  observacao: 'note',
  observacion: 'note',
};
const MAX_NOTE_LENGTH = 2_000;
/** Rows per write transaction on SQLite: a few ms of event loop each (see docs/architecture.md). */
export const DATA_POINT_ROWS_PER_TRANSACTION = 250;
/**
 * On PostgreSQL a transaction holds neither the event loop nor a database-wide lock: 2,000 rows
 * each, for an eighth of the commits and round trips (bench:data).
 */
export const POSTGRES_DATA_POINT_ROWS_PER_TRANSACTION = 2_000;
/** Periods per write tile: with 250 rows a transaction, ~16 indicators × 16 periods (writeOrder.ts). */
export const PERIODS_PER_TILE = 16;

export interface DataPointRow {
  indicatorId: string;
  period: string;
  value: number;
  /** `undefined` when the file has no note column: existing notes are kept. */
  note: string | null | undefined;
  /** The indicator's, to group rows by period when writing. */
  frequency: Frequency;
}

export function dataPointsImporter(
  db: Store,
  by: Principal,
  options: { dialect: DialectName; now?: () => Date },
): CsvImporter<DataPointRow> {
  const { dialect, now = () => new Date() } = options;
  let indicators = new Map<string, { frequency: Frequency; allowsNegative: boolean }>();
  /** Each indicator's stored values, extended by the file's rows as they are read. */
  const extents = new Map<string, SeriesExtent>();
  const warnings: ImportRowWarning[] = [];
  let today = '';
  let hasNoteColumn = false;
  /** (indicator, period) → the line it first appeared on. */
  const seen = new Map<string, number>();
  let enteredAt: Date | undefined;

  return {
    requiredColumns: DATA_POINT_COLUMNS,
    columnAliases: DATA_POINT_COLUMN_ALIASES,
    optionalColumns: ['note'],
    rowsPerTransaction:
      dialect === 'postgres' ? POSTGRES_DATA_POINT_ROWS_PER_TRANSACTION : DATA_POINT_ROWS_PER_TRANSACTION,

    async prepare(columns) {
      hasNoteColumn = columns.has('note');
      today = todayDate(now());
      const [rows, stored] = await Promise.all([
        db.selectFrom('indicators').select(['id', 'frequency', 'allows_negative']).execute(),
        db
          .selectFrom('data_points')
          .select((eb) => ['indicator_id', eb.fn.min('value').as('min'), eb.fn.max('value').as('max')])
          .groupBy('indicator_id')
          .execute(),
      ]);
      indicators = new Map(
        rows.map((row) => [
          row.id,
          { frequency: row.frequency, allowsNegative: Boolean(row.allows_negative) },
        ]),
      );
      for (const row of stored) {
        extents.set(
          row.indicator_id,
          extendExtent(extendExtent(EMPTY_EXTENT, Number(row.min)), Number(row.max)),
        );
      }
    },

    warnings: () => warnings,

    validate(row) {
      const cells = new CellReader(row);
      const indicatorId = cells.text('indicator_id');
      const periodText = cells.text('period');
      let period = periodText;
      const value = cells.number('value');
      const noteText = cells.optionalText('note');
      const indicator = indicators.get(indicatorId);
      const frequency = indicator?.frequency;
      if (indicatorId !== '' && !frequency)
        cells.reject(
          'indicator_id',
          `Unknown indicator ${quoteCell(indicatorId)}`,
          reason('unknownIndicator', { id: quoteCell(indicatorId) }),
        );
      const read = frequency && period !== '' ? fieldPeriod(periodText, frequency) : null;
      if (read && 'problem' in read) cells.reject('period', read.problem, read.reason);
      else if (read && frequency) {
        period = read.value;
        if (!isValidPeriod(period, frequency)) {
          const alternatives = frequency === 'monthly' ? 'MM/YYYY or a date DD/MM/YYYY' : 'a date DD/MM/YYYY';
          cells.reject(
            'period',
            `${quoteCell(periodText)} is not a ${frequency} period (${PERIOD_FORMAT_HINT[frequency]}, or ${alternatives})`,
            reason(frequency === 'monthly' ? 'cellNotAMonthlyPeriod' : 'cellNotAWeeklyPeriod', {
              value: quoteCell(periodText),
            }),
          );
        } else {
          const problem = periodRangeCheck(period, frequency) ?? futurePeriodCheck(period, frequency, today);
          if (problem) cells.reject('period', problem.message, problem.reason);
        }
      }
      if (indicator && !Number.isNaN(value)) {
        const impossible = valueCheck(value, indicator.allowsNegative);
        if (impossible) cells.reject('value', impossible.message, impossible.reason);
      }
      if (noteText && noteText.length > MAX_NOTE_LENGTH) {
        cells.reject(
          'note',
          `The note is longer than ${MAX_NOTE_LENGTH} characters`,
          reason('noteTooLong', { max: MAX_NOTE_LENGTH }),
        );
      }
      if (indicatorId !== '' && period !== '') {
        const key = pointKey(indicatorId, period);
        const firstLine = seen.get(key);
        if (firstLine !== undefined) {
          cells.reject(
            'period',
            `Duplicate of row ${firstLine} (${quoteCell(indicatorId)}, ${quoteCell(period)})`,
            reason('duplicateRow', {
              row: firstLine,
              indicator: quoteCell(indicatorId),
              period: quoteCell(period),
            }),
          );
        } else {
          seen.set(key, row.line);
        }
      }
      if (cells.errors.length > 0) return cells.errors;
      const extent = extents.get(indicatorId) ?? EMPTY_EXTENT;
      const outlier = outlierCheck(value, extent);
      if (outlier) {
        const { key, params } = outlier.reason;
        warnings.push({
          row: row.line,
          message: `${indicatorId} ${period}: ${outlier.message}`,
          reason: {
            key: key === 'valueOutlierSign' ? 'rowOutlierSign' : 'rowOutlier',
            params: { ...params, indicator: indicatorId, period },
          },
        });
      }
      extents.set(indicatorId, extendExtent(extent, value));
      const note = hasNoteColumn ? noteText || null : undefined;
      // No errors: the indicator is known, so is its frequency.
      return { indicatorId, period, value, note, frequency: frequency as Frequency };
    },

    writeGroup: (row) =>
      `${row.frequency}:${Math.floor(periodIndex(row.period, row.frequency) / PERIODS_PER_TILE)}`,

    write(rows) {
      // Every chunk of one import carries the same "entered at".
      enteredAt ??= now();
      return writeDataPoints(db, dialect, rows, hasNoteColumn, by, enteredAt);
    },
  };
}

/** Upserts one chunk of rows in one transaction, comparing each with what is stored. */
async function writeDataPoints(
  db: Store,
  dialect: DialectName,
  rows: DataPointRow[],
  hasNoteColumn: boolean,
  by: Principal,
  now: Date,
): Promise<ImportCounts> {
  return performanceWrite(db, async (trx, touched) => {
    // Rows of one chunk share few indicators and periods: this reads little more than the chunk.
    const indicatorIds = [...new Set(rows.map((row) => row.indicatorId))];
    const periods = [...new Set(rows.map((row) => row.period))];
    const existing = new Map<string, { value: number; note: string | null }>();
    const points = await trx
      .selectFrom('data_points')
      .select(['indicator_id', 'period', 'value', 'note'])
      .where('indicator_id', 'in', indicatorIds)
      .where('period', 'in', periods)
      .execute();
    for (const point of points) existing.set(pointKey(point.indicator_id, point.period), point);

    const counts: ImportCounts = { inserted: 0, updated: 0, unchanged: 0 };
    const changed: DataPointRow[] = [];
    const corrections: NewChange[] = [];
    for (const row of rows) {
      const before = existing.get(pointKey(row.indicatorId, row.period));
      if (!before) counts.inserted += 1;
      else if (before.value === row.value && (row.note === undefined || row.note === before.note)) {
        counts.unchanged += 1;
        continue;
      } else counts.updated += 1;
      changed.push(row);
      if (before && before.value !== row.value) {
        const { indicatorId, period, value } = row;
        corrections.push({
          indicatorId,
          action: 'corrected',
          period,
          oldValue: before.value,
          newValue: value,
        });
      }
    }

    touched.indicators(changed.map((row) => row.indicatorId));
    await upsertPoints(trx, dialect, changed, { hasNoteColumn, by: by.name, at: now.toISOString() });
    await recordChanges(trx, corrections, { by, at: now, source: 'import' });
    return counts;
  });
}

/**
 * Inserts or overwrites the rows' values. On PostgreSQL the rows travel as four arrays that
 * `unnest` turns back into rows: one small statement whatever the count, where a multi-row VALUES
 * binds six parameters a row and took about twice as long (bench:data). SQLite has no arrays.
 */
async function upsertPoints(
  trx: Transaction<Database>,
  dialect: DialectName,
  rows: readonly DataPointRow[],
  entry: { hasNoteColumn: boolean; by: string; at: string },
): Promise<void> {
  if (rows.length === 0) return;
  const onConflict = (oc: OnConflictBuilder<Database, 'data_points'>) =>
    oc.columns(['indicator_id', 'period']).doUpdateSet((eb) => ({
      value: eb.ref('excluded.value'),
      entered_by: eb.ref('excluded.entered_by'),
      entered_at: eb.ref('excluded.entered_at'),
      // Without a note column the file says nothing about notes: keep the ones already there.
      ...(entry.hasNoteColumn ? { note: eb.ref('excluded.note') } : {}),
    }));
  if (dialect === 'postgres') {
    const input = sql`unnest(
      ${rows.map((row) => row.indicatorId)}::text[],
      ${rows.map((row) => row.period)}::text[],
      ${rows.map((row) => row.value)}::double precision[],
      ${rows.map((row) => row.note ?? null)}::text[]
    ) as input(indicator_id, period, value, note)`;
    await trx
      .insertInto('data_points')
      .columns(['indicator_id', 'period', 'value', 'entered_by', 'entered_at', 'note'])
      .expression(
        sql`select indicator_id, period, value, ${entry.by}::text, ${entry.at}::text, note from ${input}`,
      )
      .onConflict(onConflict)
      .execute();
    return;
  }
  for (const chunk of chunks(rows, chunkSizeFor(6))) {
    await trx
      .insertInto('data_points')
      .values(
        chunk.map((row) => ({
          indicator_id: row.indicatorId,
          period: row.period,
          value: row.value,
          entered_by: entry.by,
          entered_at: entry.at,
          note: row.note ?? null,
        })),
      )
      .onConflict(onConflict)
      .execute();
  }
}
