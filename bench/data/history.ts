/** A data-points CSV of new rows for the demo government: every indicator gets older history. */
import { generateDemoData } from '../../server/demo/generate.ts';
import { EARLIEST_DATE, periodAtIndex, periodIndex, periodOfDate } from '../../shared/periods.ts';

/**
 * `rows` new rows, spread over the demo's reporting indicators, before each one's first period.
 * Periods stay in range (from 1990): an indicator with no room left (a monthly one goes back
 * about 430 periods) gives its share to the others, so a 1,000,000-row file is all valid rows.
 */
export function historyCsv(options: { asOf: string; seed: number; rows: number }): string {
  const data = generateDemoData({ asOf: options.asOf, seed: options.seed });
  const first = new Map<string, string>();
  for (const point of data.points) {
    const current = first.get(point.indicator_id);
    if (!current || point.period < current) first.set(point.indicator_id, point.period);
  }
  const reporting = data.indicators
    .filter((indicator) => first.has(indicator.id))
    .map((indicator) => {
      const startIndex = periodIndex(first.get(indicator.id)!, indicator.frequency);
      const earliest = periodIndex(periodOfDate(EARLIEST_DATE, indicator.frequency), indicator.frequency);
      return { indicator, startIndex, room: startIndex - earliest };
    });
  // The smallest even share that, capped by each indicator's room, makes up the rows.
  let perIndicator = Math.ceil(options.rows / reporting.length);
  const total = (share: number) => reporting.reduce((sum, entry) => sum + Math.min(share, entry.room), 0);
  const mostRoom = Math.max(...reporting.map((entry) => entry.room));
  while (total(perIndicator) < options.rows && perIndicator < mostRoom) perIndicator += 1;
  const lines = ['indicator_id,period,value,note'];
  for (const { indicator, startIndex, room } of reporting) {
    for (let back = 1; back <= Math.min(perIndicator, room) && lines.length <= options.rows; back++) {
      const value = (indicator.baseline_value * (1 + 0.05 * Math.sin(back / 3))).toFixed(2);
      lines.push(`${indicator.id},${periodAtIndex(startIndex - back, indicator.frequency)},${value},`);
    }
  }
  return `${lines.join('\n')}\n`;
}
