/**
 * The data-point template: the header row the import expects and one example row, for a file to
 * start from. The example names a real indicator (the objective's first, when one is asked for)
 * and the latest period due for it, so the file shows the formats it takes.
 */
import { latestDuePeriod, todayDate } from '../../../shared/periods.ts';
import type { Store } from '../queries.ts';
import { DATA_POINT_COLUMNS } from './dataPoints.ts';

export const DATA_POINT_TEMPLATE_HEADER = [...DATA_POINT_COLUMNS, 'note'].join(',');

export async function dataPointTemplate(
  db: Store,
  objectiveId: string | undefined,
  now = new Date(),
): Promise<string> {
  let query = db
    .selectFrom('indicators')
    .innerJoin('goals', 'goals.id', 'indicators.goal_id')
    .select(['indicators.id', 'indicators.frequency'])
    .where('indicators.archived_at', 'is', null)
    .orderBy('indicators.id')
    .limit(1);
  if (objectiveId) query = query.where('goals.objective_id', '=', objectiveId);
  const indicator = await query.executeTakeFirst();
  const example = indicator
    ? [indicator.id, latestDuePeriod(todayDate(now), indicator.frequency), '421.7', 'Example row: replace it']
    : ['indicator-id', latestDuePeriod(todayDate(now), 'monthly'), '421.7', 'Example row: replace it'];
  return `${DATA_POINT_TEMPLATE_HEADER}\r\n${example.join(',')}\r\n`;
}
