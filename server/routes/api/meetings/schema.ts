import { z } from 'zod';
import { DOC_ID_PATTERN } from '../../../../shared/docNames.ts';
import { reasonIssue } from '../../../../shared/errorReasons.ts';
import { AGENDA_TOTAL_MINUTES } from '../../../meetings/agendaPlan.ts';
import { isMeetingDateInRange, MEETING_DATE_RANGE } from '../../../meetings/meetingRows.ts';

const isoDate = z
  .string()
  // Refinements rather than `regex`, so that each carries the reason the form shows.
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), {
    message: 'expected a date as YYYY-MM-DD',
    params: reasonIssue('notADate'),
  })
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    },
    { message: 'not a calendar date', params: reasonIssue('notADate') },
  )
  .refine(isMeetingDateInRange, {
    message: `outside ${MEETING_DATE_RANGE.first} … ${MEETING_DATE_RANGE.last}`,
    params: reasonIssue('meetingDateOutOfRange', MEETING_DATE_RANGE),
  });

/** Where the new meeting's agenda starts from (`agendaPlan.ts`); empty by default. */
export const agendaStartSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('empty') }).strict(),
  z.object({ from: z.literal('last') }).strict(),
  z
    .object({
      from: z.literal('data'),
      totalMinutes: z.number().int().min(AGENDA_TOTAL_MINUTES.min).max(AGENDA_TOTAL_MINUTES.max),
    })
    .strict(),
]);

export const createMeetingSchema = z
  .object({
    title: z.string().trim().min(1, 'title is required').max(200),
    scheduledFor: isoDate,
    objectiveId: z.string().trim().min(1).max(64).nullish(),
    agenda: agendaStartSchema.default({ from: 'empty' }),
  })
  .refine((input) => input.agenda.from === 'empty' || Boolean(input.objectiveId), {
    path: ['agenda'],
    message: 'starting from the last meeting or from the data needs an objectiveId',
    params: reasonIssue('agendaNeedsObjective'),
  });
export type CreateMeetingInput = z.infer<typeof createMeetingSchema>;

/** Meeting ids are also document ids (`meeting:<id>`), so they follow the document id pattern. */
export const meetingIdSchema = z.string().regex(DOC_ID_PATTERN, 'not a meeting id');

/** Rename or reschedule (at least one field). */
export const updateMeetingSchema = z
  .object({
    title: z.string().trim().min(1, 'title is required').max(200).optional(),
    scheduledFor: isoDate.optional(),
  })
  .refine((patch) => patch.title !== undefined || patch.scheduledFor !== undefined, {
    message: 'nothing to change',
    params: reasonIssue('nothingToChange'),
  });
export type UpdateMeetingInput = z.infer<typeof updateMeetingSchema>;

/** Command bodies are declared once, in shared/, for both transports. */
export {
  closeBodySchema,
  goToBodySchema,
  MEETING_COMMAND_BODIES,
  startBodySchema,
  timerBodySchema,
} from '../../../../shared/meetingCommands.ts';
