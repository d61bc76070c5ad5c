/** Loads the series a starting meeting pins, and compares pinned values with today's. */
import { meetingLiveDocName } from '../../shared/docNames.ts';
import { type Correction, corrections, type PinnedPoint, readPinned } from '../../shared/pinnedData.ts';
import type { Db } from '../db/database.ts';
import type { DocHub } from '../docs/docHub.ts';

/** Every data point of each indicator, oldest period first (indicators without data pin nothing). */
export async function loadSeriesToPin(
  db: Db,
  indicatorIds: readonly string[],
): Promise<Map<string, PinnedPoint[]>> {
  const pins = new Map<string, PinnedPoint[]>(indicatorIds.map((id) => [id, []]));
  if (indicatorIds.length === 0) return pins;
  const rows = await db.kysely
    .selectFrom('data_points')
    .select(['indicator_id', 'period', 'value', 'entered_at'])
    .where('indicator_id', 'in', [...new Set(indicatorIds)])
    .orderBy('indicator_id')
    .orderBy('period')
    .execute();
  for (const row of rows)
    pins.get(row.indicator_id)?.push({ period: row.period, value: row.value, enteredAt: row.entered_at });
  return pins;
}

export interface PinnedIndicator {
  indicatorId: string;
  pinnedAt: number;
  points: PinnedPoint[];
  /** Pinned values that have since been corrected or removed. */
  corrections: Correction[];
}

/** A meeting's pinned data with today's corrections (empty while it is a draft). */
export async function readPinnedData(db: Db, hub: DocHub, meetingId: string): Promise<PinnedIndicator[]> {
  const pinned = await hub.read(meetingLiveDocName(meetingId), readPinned);
  const ids = Object.keys(pinned);
  const today = await loadSeriesToPin(db, ids);
  return ids.map((indicatorId) => {
    const series = pinned[indicatorId] as (typeof pinned)[string];
    return { indicatorId, ...series, corrections: corrections(series, today.get(indicatorId) ?? []) };
  });
}
