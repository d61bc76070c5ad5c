/**
 * The commands on a Socket.IO connection: one handler per `meeting:*` and `commitment:*` event,
 * each answering its ack with `{ ok: true, … }` or `{ error: { code, message } }`. Nothing a client
 * sends here can throw out of a handler.
 */
import type { Socket } from 'socket.io';
import { COMMITMENT_COMMANDS } from '../../shared/commitmentCommands.ts';
import { DomainError, ErrorCode, type ErrorResponse, errorResponse } from '../../shared/errors.ts';
import { MEETING_COMMANDS, meetingIdField } from '../../shared/meetingCommands.ts';
import type { Principal } from '../../shared/roles.ts';
import type { LedgerCommands } from '../ledger/ledgerCommands.ts';
import type { Logger } from '../logger.ts';
import type { MeetingCommands } from './commands.ts';

export interface CommandServices {
  meetingCommands: MeetingCommands;
  ledgerCommands?: LedgerCommands | undefined;
}

type Answer = Record<string, unknown> & { ok: true };

function handle(
  socket: Pick<Socket, 'on'>,
  event: string,
  log: Logger,
  run: (payload: unknown) => Promise<Answer | ErrorResponse>,
): void {
  socket.on(event, async (payload: unknown, ack: unknown) => {
    const reply = (result: Answer | ErrorResponse) => {
      if (typeof ack === 'function') ack(result);
    };
    if (typeof ack !== 'function') log.info({ command: event }, 'command sent without an ack');
    try {
      reply(await run(payload));
    } catch (error) {
      // The service has logged it; unknown failures leave the server as `internal`, without details.
      reply(
        error instanceof DomainError
          ? error.toResponse()
          : errorResponse(ErrorCode.internal, 'The command could not be applied'),
      );
    }
  });
}

export function attachCommands(
  socket: Pick<Socket, 'on'>,
  principal: Principal,
  services: CommandServices,
  log: Logger,
): void {
  for (const command of MEETING_COMMANDS) {
    handle(socket, command, log, async (payload) => {
      const target = meetingIdField.safeParse(payload);
      if (!target.success) {
        log.info({ command, code: ErrorCode.invalidPayload }, 'meeting command without a meeting id');
        return errorResponse(ErrorCode.invalidPayload, 'meetingId: a meeting id is required');
      }
      const state = await services.meetingCommands.run(principal, command, target.data.meetingId, payload);
      return { ok: true, state };
    });
  }
  const { ledgerCommands } = services;
  if (!ledgerCommands) return;
  for (const command of COMMITMENT_COMMANDS) {
    handle(socket, command, log, async (payload) => ({
      ok: true,
      commitment: await ledgerCommands.run(principal, command, payload),
    }));
  }
}
