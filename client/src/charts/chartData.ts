/**
 * Turns an indicator's points and plan into the rows the chart and its data table both show, and
 * works out the "change since" a chosen period. Pure, so the chart and the table can never disagree.
 */
import type { DataPoint, Direction, Frequency, PlannedValue } from '../../../shared/performance.ts';
import { type DeltaMeaning, deltaMeaning } from './format.ts';
import { defaultSinceSpan, shiftPeriod } from './periods.ts';

export interface ChartRow {
  period: string;
  actual: number | null;
  planned: number | null;
  note: string | null;
}

/** One row per period that has either a value or a planned value, oldest first. */
export function buildChartRows(points: DataPoint[], plan: PlannedValue[]): ChartRow[] {
  const rows = new Map<string, ChartRow>();
  for (const { period, value } of plan)
    rows.set(period, { period, actual: null, planned: value, note: null });
  for (const point of points) {
    const row = rows.get(point.period);
    if (row) {
      row.actual = point.value;
      row.note = point.note;
    } else {
      rows.set(point.period, { period: point.period, actual: point.value, planned: null, note: point.note });
    }
  }
  // Periods of one frequency sort correctly as strings (YYYY-Www, YYYY-MM).
  return [...rows.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

export interface ChangeSince {
  from: { period: string; value: number };
  to: { period: string; value: number };
  delta: number;
  meaning: DeltaMeaning;
}

/** Periods that have a value, oldest first: the choices for "since". */
export function periodsWithValues(points: DataPoint[]): string[] {
  return points.map((point) => point.period).sort();
}

/**
 * The period "since" starts at by default: the latest period with a value at or before four weeks
 * (weekly) or three months (monthly) before the latest value, so a gap in the data does not leave
 * the comparison empty.
 */
export function defaultSincePeriod(points: DataPoint[], frequency: Frequency): string | null {
  const periods = periodsWithValues(points);
  const latest = periods[periods.length - 1];
  if (!latest || periods.length < 2) return null;
  const wanted = shiftPeriod(latest, frequency, -defaultSinceSpan(frequency));
  const candidates = periods.filter((period) => period <= wanted);
  return candidates[candidates.length - 1] ?? periods[0]!;
}

export function changeSince(points: DataPoint[], since: string, direction: Direction): ChangeSince | null {
  const sorted = [...points].sort((a, b) => (a.period < b.period ? -1 : 1));
  const to = sorted[sorted.length - 1];
  const from = sorted.find((point) => point.period === since);
  if (!to || !from || from.period === to.period) return null;
  const delta = to.value - from.value;
  return {
    from: { period: from.period, value: from.value },
    to: { period: to.period, value: to.value },
    delta,
    meaning: deltaMeaning(delta, direction),
  };
}
