/**
 * Status words in the reader's language, for any area: `statusLabel('on_track')` is "On track",
 * "No rumo" or "En curso". The catalogue keys (`charts:status.onTrack`…) are camel-case; a status
 * from the API is snake-case, so `STATUS_KEYS` maps one to the other (within the `charts`
 * namespace: `t(STATUS_KEYS[status])` under `useTranslation('charts')`, else
 * `t(`charts:${STATUS_KEYS[status]}`)`).
 */
import type { Status } from '../../../shared/performance.ts';
import { i18next } from '../i18n/i18n.ts';

export const STATUS_KEYS = {
  on_track: 'status.onTrack',
  at_risk: 'status.atRisk',
  off_track: 'status.offTrack',
  no_data: 'status.noData',
} as const satisfies Record<Status, string>;

/** The status as a label ("On track"); lower-case it for the middle of a sentence. */
export function statusLabel(status: Status): string {
  return i18next.t(`charts:${STATUS_KEYS[status]}`);
}
