import { z } from 'zod';

/** The series body is declared once, in shared/, so the client's form checks the same rules. */
export { type SeriesInput, seriesInputSchema } from '../../../../shared/series.ts';

/** `:objectiveId` in the mount path (`/api/objectives/:objectiveId/series`). */
export const seriesParams = z.object({ objectiveId: z.string().min(1).max(128) });

/** `POST …/next-meeting`: an empty body (or none) creates the next meeting unless a draft exists. */
export const nextMeetingSchema = z
  .strictObject({ allowSecondDraft: z.boolean().default(false) })
  .default({ allowSecondDraft: false });
export type NextMeetingInput = z.infer<typeof nextMeetingSchema>;
