/**
 * The data a meeting was held on: when it starts, the server pins the data points of every
 * indicator on its agenda into its live-state document (a snapshot of those series, not of the
 * table). The meeting and its record show the pinned values; a value corrected afterwards is shown
 * beside the pinned one, never silently replaced.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { DocKind } from './docNames.ts';
import { getRoot } from './docShapes.ts';

export const pinnedPointSchema = z.object({
  period: z.string().max(20),
  value: z.number(),
  /** When the pinned value was entered (ISO), so a later correction can be told apart. */
  enteredAt: z.string().max(40),
});
export type PinnedPoint = z.infer<typeof pinnedPointSchema>;

export const pinnedSeriesSchema = z.object({
  pinnedAt: z.number().int().nonnegative(),
  points: z.array(pinnedPointSchema),
});
export type PinnedSeries = z.infer<typeof pinnedSeriesSchema>;

const pinnedMap = (doc: Y.Doc) => getRoot(doc, DocKind.meetingLive, 'pinned');
/** The one root `readPinned` reads: watching only it keeps the pinned values when the meeting moves on. */
export const pinnedRoots = (doc: Y.Doc) => [pinnedMap(doc) as Y.AbstractType<unknown>];

/** Pinned series by indicator id; malformed entries are skipped. */
export function readPinned(doc: Y.Doc): Record<string, PinnedSeries> {
  const pinned: Record<string, PinnedSeries> = {};
  pinnedMap(doc).forEach((value, indicatorId) => {
    const series = pinnedSeriesSchema.safeParse(value);
    if (series.success) pinned[indicatorId] = series.data;
  });
  return pinned;
}

/** Server only, inside the start transition's transaction. */
export function writePinned(doc: Y.Doc, pins: ReadonlyMap<string, PinnedPoint[]>, pinnedAt: number): void {
  const map = pinnedMap(doc);
  for (const [indicatorId, points] of pins) map.set(indicatorId, { pinnedAt, points });
}

/** A pinned value that differs from today's: corrected (with its date) or since removed. */
export interface Correction {
  period: string;
  pinned: number;
  /** Null when the point has since been deleted. */
  current: number | null;
  /** When the current value was entered (ISO); null when removed. */
  correctedAt: string | null;
}

/** How today's points differ from the pinned ones, period by period (new periods are not corrections). */
export function corrections(
  pinned: PinnedSeries,
  current: ReadonlyArray<{ period: string; value: number; enteredAt: string }>,
): Correction[] {
  const now = new Map(current.map((point) => [point.period, point]));
  return pinned.points.flatMap((point): Correction[] => {
    const today = now.get(point.period);
    if (!today) return [{ period: point.period, pinned: point.value, current: null, correctedAt: null }];
    if (today.value === point.value) return [];
    return [
      { period: point.period, pinned: point.value, current: today.value, correctedAt: today.enteredAt },
    ];
  });
}
