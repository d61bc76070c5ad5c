/**
 * The meeting commands on a Socket.IO connection: one handler per `meeting:*` event, each answering
 * its ack with `{ ok: true, state }` or `{ error: { code, message } }`. Nothing a client sends here
 * can throw out of a handler.
 */
import type { Socket } from 'socket.io';
import { ErrorCode, errorResponse } from '../../shared/errors.ts';
import { type CommandAck, MEETING_COMMANDS, meetingIdField } from '../../shared/meetingCommands.ts';
import type { Principal } from '../../shared/roles.ts';
import type { Logger } from '../logger.ts';
import type { MeetingCommands } from './commands.ts';
import { MeetingError } from './errors.ts';

export function attachMeetingCommands(
  socket: Pick<Socket, 'on'>,
  principal: Principal,
  commands: MeetingCommands,
  log: Logger,
): void {
  for (const command of MEETING_COMMANDS) {
    socket.on(command, async (payload: unknown, ack: unknown) => {
      const reply = (result: CommandAck) => {
        if (typeof ack === 'function') ack(result);
      };
      if (typeof ack !== 'function') log.info({ command }, 'meeting command sent without an ack');
      try {
        const target = meetingIdField.safeParse(payload);
        if (!target.success) {
          log.info({ command, code: ErrorCode.invalidPayload }, 'meeting command without a meeting id');
          reply(errorResponse(ErrorCode.invalidPayload, 'meetingId: a meeting id is required'));
          return;
        }
        const state = await commands.run(principal, command, target.data.meetingId, payload);
        reply({ ok: true, state });
      } catch (error) {
        // The service has logged it; unknown failures leave the server as `internal`, without details.
        reply(
          error instanceof MeetingError
            ? error.toResponse()
            : errorResponse(ErrorCode.internal, 'The command could not be applied'),
        );
      }
    });
  }
}
