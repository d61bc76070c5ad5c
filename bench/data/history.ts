/** A data-points CSV of new rows for the demo government: every indicator gets older history. */
import { generateDemoData } from '../../server/demo/generate.ts';
import { periodAtIndex, periodIndex } from '../../shared/periods.ts';

/** `rows` new rows, spread over the demo's reporting indicators, before each one's first period. */
export function historyCsv(options: { asOf: string; seed: number; rows: number }): string {
  const data = generateDemoData({ asOf: options.asOf, seed: options.seed });
  const first = new Map<string, string>();
  for (const point of data.points) {
    const current = first.get(point.indicator_id);
    if (!current || point.period < current) first.set(point.indicator_id, point.period);
  }
  const lines = ['indicator_id,period,value,note'];
  const reporting = data.indicators.filter((indicator) => first.has(indicator.id));
  const perIndicator = Math.ceil(options.rows / reporting.length);
  for (const indicator of reporting) {
    const startIndex = periodIndex(first.get(indicator.id)!, indicator.frequency);
    for (let back = 1; back <= perIndicator && lines.length <= options.rows; back++) {
      const value = (indicator.baseline_value * (1 + 0.05 * Math.sin(back / 3))).toFixed(2);
      lines.push(`${indicator.id},${periodAtIndex(startIndex - back, indicator.frequency)},${value},`);
    }
  }
  return `${lines.join('\n')}\n`;
}
