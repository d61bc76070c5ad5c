/**
 * Meeting commands: the only way a meeting's live state changes. Sent as Socket.IO events with an
 * ack (`socket.emit('meeting:goTo', payload, ack)`) or, for scripts, as `POST /api/meetings/:id/…`
 * with the same body minus `meetingId`; both are validated here and answered the same way. Who may
 * run each one is in the role table, shared/commandRoles.ts.
 */

import { z } from 'zod';
import { docIdSchema } from './docIdSchema.ts';
import type { ErrorResponse } from './errors.ts';
import type { GoToTarget, MeetingLiveState } from './meetingLive.ts';
import { screenBodySchema } from './screenControl.ts';

export type { GoToTarget };

export const MeetingCommand = {
  start: 'meeting:start',
  goTo: 'meeting:goTo',
  timer: 'meeting:timer',
  /** Who drives the big screen and what it shows: see shared/screenControl.ts. */
  screen: 'meeting:screen',
  close: 'meeting:close',
} as const;
export type MeetingCommand = (typeof MeetingCommand)[keyof typeof MeetingCommand];
export const MEETING_COMMANDS = Object.values(MeetingCommand);

/** Largest single timer extension, in minutes. */
export const MAX_EXTEND_MINUTES = 60;

const id = docIdSchema;
export const meetingIdField = z.object({ meetingId: id });
/** The item the sender sees as current: a stale one is refused, so a double "next" advances once. */
const expectedItemId = z.string().min(1).max(100);

/** Bodies of each command (the HTTP body; the Socket.IO payload adds `meetingId`). */
export const startBodySchema = z.object({});
export const goToBodySchema = z.object({
  expectedItemId,
  to: z.union([z.enum(['next', 'previous']), z.object({ itemId: z.string().min(1).max(100) })]),
});
export const timerBodySchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), expectedItemId }),
  z.object({ action: z.literal('pause'), expectedItemId }),
  z.object({
    action: z.literal('extend'),
    expectedItemId,
    minutes: z.number().int().min(1).max(MAX_EXTEND_MINUTES),
  }),
]);
export const closeBodySchema = z.object({});

export const MEETING_COMMAND_BODIES = {
  [MeetingCommand.start]: startBodySchema,
  [MeetingCommand.goTo]: goToBodySchema,
  [MeetingCommand.timer]: timerBodySchema,
  [MeetingCommand.screen]: screenBodySchema,
  [MeetingCommand.close]: closeBodySchema,
} as const satisfies Record<MeetingCommand, z.ZodType>;

type InferredBody<C extends MeetingCommand> = z.infer<(typeof MEETING_COMMAND_BODIES)[C]>;
/** zod infers `{}` bodies as `Record<string, never>`; as a type, an empty body is `{}`. */
export type CommandBody<C extends MeetingCommand> =
  InferredBody<C> extends Record<string, never> ? Record<never, never> : InferredBody<C>;
export type CommandPayload<C extends MeetingCommand> = { meetingId: string } & CommandBody<C>;

/** The answer to every command, on both transports: the state after it, or why nothing changed. */
export type CommandAck = { ok: true; state: MeetingLiveState } | ErrorResponse;

/** The commands as Socket.IO client→server events (merged into `ClientToServerEvents`). */
export type MeetingCommandEvents = {
  [C in MeetingCommand]: (payload: CommandPayload<C>, ack: (result: CommandAck) => void) => void;
};

/** HTTP paths under `/api/meetings/:id/`, for scripts. */
export const MEETING_COMMAND_PATHS: Record<MeetingCommand, string> = {
  [MeetingCommand.start]: 'start',
  [MeetingCommand.goTo]: 'go-to',
  [MeetingCommand.timer]: 'timer',
  [MeetingCommand.screen]: 'screen',
  [MeetingCommand.close]: 'close',
};
