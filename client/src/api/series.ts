/** The meeting series API (`/api/objectives/:objectiveId/series`): one series per objective. */
import type { Meeting } from '../../../shared/meetings.ts';
import type { MeetingSeries, SeriesInput, SeriesOverview } from '../../../shared/series.ts';
import { api } from './http.ts';

export type { MeetingSeries, SeriesInput, SeriesOverview };

const seriesPath = (objectiveId: string) => `/api/objectives/${encodeURIComponent(objectiveId)}/series`;

/** The series, its meetings, when the objective was last reviewed and the next meeting. */
export function getSeriesOverview(objectiveId: string): Promise<SeriesOverview> {
  return api.get<SeriesOverview>(seriesPath(objectiveId));
}

/** Saves the cadence (analysts); the server checks the same `seriesInputSchema` and the agencies. */
export async function saveSeries(objectiveId: string, input: SeriesInput): Promise<MeetingSeries> {
  const { series } = await api.put<{ series: MeetingSeries }>(seriesPath(objectiveId), input);
  return series;
}

/** Creates the next meeting from the cadence; refused (`invalid_state`) while a draft exists unless asked. */
export async function createNextMeeting(
  objectiveId: string,
  options: { allowSecondDraft?: boolean } = {},
): Promise<Meeting> {
  const { meeting } = await api.post<{ meeting: Meeting }>(
    `${seriesPath(objectiveId)}/next-meeting`,
    options,
  );
  return meeting;
}
