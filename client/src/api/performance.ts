/**
 * Typed calls to the performance-data API (`shared/performance.ts` is the contract), and the CSV
 * import, whose NDJSON answer is read incrementally so the page can show progress while the server
 * is still working.
 */
import { isErrorResponse } from '../../../shared/errors.ts';
import {
  type ArchivedIndicator,
  type ArchiveMark,
  type DataChange,
  type Direction,
  IMPORT_HEADER,
  IMPORT_HEADER_VALUE,
  type ImportEvent,
  type Indicator,
  type IndicatorDetail,
  MAX_IMPORT_BYTES,
  type ObjectiveDetail,
  type ObjectiveOverview,
  type RatedStatus,
  type Readiness,
} from '../../../shared/performance.ts';
import { ApiError, api } from './http.ts';

const segment = encodeURIComponent;

export const performanceApi = {
  objectives: () => api.get<{ objectives: ObjectiveOverview[] }>('/api/objectives'),
  objective: (id: string) => api.get<ObjectiveDetail>(`/api/objectives/${segment(id)}`),
  readiness: (id: string, asOf?: string) =>
    api.get<Readiness>(`/api/objectives/${segment(id)}/readiness${asOf ? `?asOf=${segment(asOf)}` : ''}`),
  indicator: (id: string) => api.get<IndicatorDetail>(`/api/indicators/${segment(id)}`),
  putDataPoint: (indicatorId: string, period: string, body: { value: number; note?: string }) =>
    api.put<unknown>(`/api/indicators/${segment(indicatorId)}/points/${segment(period)}`, body),
  putRating: (goalId: string, body: { status: RatedStatus; comment: string }) =>
    api.put<unknown>(`/api/goals/${segment(goalId)}/rating`, body),
  /** Removes one period's value; the removal is recorded with the reason (sent in the query). */
  deletePoint: (indicatorId: string, period: string, reason: string) =>
    api.delete<void>(
      `/api/indicators/${segment(indicatorId)}/points/${segment(period)}${reason ? `?reason=${segment(reason)}` : ''}`,
    ),
  editIndicator: (indicatorId: string, body: IndicatorEditBody) =>
    api.patch<{ indicator: Indicator }>(`/api/indicators/${segment(indicatorId)}`, body),
  archiveIndicator: (indicatorId: string, reason: string) =>
    api.post<{ archived: ArchiveMark }>(
      `/api/indicators/${segment(indicatorId)}/archive`,
      reason ? { reason } : {},
    ),
  unarchiveIndicator: (indicatorId: string, reason: string) =>
    api.post<{ archived: null }>(
      `/api/indicators/${segment(indicatorId)}/unarchive`,
      reason ? { reason } : {},
    ),
  archivedIndicators: (objectiveId: string) =>
    api.get<{ indicators: ArchivedIndicator[] }>(
      `/api/indicators?objectiveId=${segment(objectiveId)}&archived=true`,
    ),
  changes: (indicatorId: string) =>
    api.get<{ changes: DataChange[] }>(`/api/indicators/${segment(indicatorId)}/changes`),
};

/** The body of `PATCH /api/indicators/:id`: the fields to change, and why. */
export interface IndicatorEditBody {
  name?: string;
  unit?: string;
  direction?: Direction;
  baselineValue?: number;
  baselineDate?: string;
  targetValue?: number;
  targetDate?: string;
  thresholds?: { atRisk?: number; offTrack?: number };
  allowsNegative?: boolean;
  reason?: string;
}

export const ImportKind = { dataPoints: 'data-points', indicators: 'indicators' } as const;
export type ImportKind = (typeof ImportKind)[keyof typeof ImportKind];

/**
 * Uploads a CSV file and calls `onEvent` for each NDJSON line as it arrives. Resolves with the
 * final event (`done` or `failed`). An HTTP error answered before the stream starts (not signed in,
 * forbidden, too large) is thrown as an `ApiError` carrying the server's message.
 */
export async function uploadCsv(
  kind: ImportKind,
  file: Blob,
  onEvent: (event: ImportEvent) => void,
): Promise<Extract<ImportEvent, { type: 'done' | 'failed' }>> {
  if (file.size > MAX_IMPORT_BYTES) {
    const limit = `${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MiB`;
    throw new ApiError('too_large', `The file is larger than ${limit}: split it into smaller files`, 413);
  }
  let response: Response;
  try {
    response = await fetch(`/api/imports/${kind}`, {
      method: 'POST',
      credentials: 'same-origin',
      // Both are what a cross-site form cannot send: the server refuses an import without them.
      headers: { 'content-type': 'text/csv', [IMPORT_HEADER]: IMPORT_HEADER_VALUE },
      body: file,
    });
  } catch {
    throw new ApiError('network', 'The server cannot be reached', 0);
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => null);
    if (isErrorResponse(payload))
      throw new ApiError(payload.error.code, payload.error.message, response.status, payload.error.reason);
    throw new ApiError('internal', `Import failed (${response.status})`, response.status);
  }
  if (!response.body) throw new ApiError('internal', 'The server sent no import result', response.status);

  let final: Extract<ImportEvent, { type: 'done' | 'failed' }> | undefined;
  for await (const event of readNdjson(response.body)) {
    onEvent(event);
    if (event.type === 'done' || event.type === 'failed') final = event;
  }
  if (!final) throw new ApiError('internal', 'The import stopped before it finished', response.status);
  return final;
}

/** Splits a byte stream into JSON values, one per line, yielding each as soon as its line is complete. */
async function* readNdjson(body: ReadableStream<Uint8Array>): AsyncGenerator<ImportEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    while (true) {
      const { value, done } = await reader.read();
      // `stream: true` keeps a multi-byte character split across chunks intact.
      buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (line) yield parseEvent(line);
        newline = buffered.indexOf('\n');
      }
      if (done) break;
    }
    if (buffered.trim()) yield parseEvent(buffered.trim());
  } finally {
    reader.releaseLock();
  }
}

function parseEvent(line: string): ImportEvent {
  const value: unknown = JSON.parse(line);
  if (isErrorResponse(value))
    throw new ApiError(value.error.code, value.error.message, 200, value.error.reason);
  if (typeof value !== 'object' || value === null || !('type' in value))
    throw new ApiError('internal', 'The server sent an unreadable import event', 200);
  return value as ImportEvent;
}
