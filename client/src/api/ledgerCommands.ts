/**
 * Ledger commands from the browser: typed Socket.IO emits with an ack over the tab's one connection,
 * like the meeting commands (./meetingCommands.ts). Each resolves to the server's answer,
 * `{ ok: true, commitment }` or `{ error: { code, message } }`; it rejects only when no answer came
 * in time (offline).
 */
import {
  type CommitmentAck,
  CommitmentCommand,
  type CommitmentPayload,
} from '../../../shared/commitmentCommands.ts';
import { COMMAND_TIMEOUT_MS, CommandNotSent, type CommandSocket } from './meetingCommands.ts';

export function sendCommitmentCommand<C extends CommitmentCommand>(
  socket: CommandSocket,
  command: C,
  payload: CommitmentPayload<C>,
  timeoutMs = COMMAND_TIMEOUT_MS,
): Promise<CommitmentAck> {
  // socket.io would buffer the emit and deliver it on reconnect, long after the caller gave up on
  // it (a buffered close landing minutes later): offline, nothing is sent.
  if (!socket.connected) return Promise.reject(new CommandNotSent());
  // socket.io's typings cannot narrow a generic event name to one signature; the map is checked above.
  const emit = socket.timeout(timeoutMs).emitWithAck as (
    event: C,
    payload: CommitmentPayload<C>,
  ) => Promise<CommitmentAck>;
  return emit.call(socket.timeout(timeoutMs), command, payload);
}

/**
 * Makes a commitment. `id` is drawn by the sender (`newCommitmentId`): sending the same id again
 * after a lost answer answers with the commitment already made instead of making a second one.
 */
export const createCommitment = (
  socket: CommandSocket,
  input: CommitmentPayload<typeof CommitmentCommand.create>,
) => sendCommitmentCommand(socket, CommitmentCommand.create, input);

export const updateCommitment = (
  socket: CommandSocket,
  input: CommitmentPayload<typeof CommitmentCommand.update>,
) => sendCommitmentCommand(socket, CommitmentCommand.update, input);

/** A live meeting's review of a commitment on its follow-up (the last review in a meeting counts). */
export const reviewCommitment = (
  socket: CommandSocket,
  input: CommitmentPayload<typeof CommitmentCommand.review>,
) => sendCommitmentCommand(socket, CommitmentCommand.review, input);

/**
 * A UUID for a new commitment. `crypto.randomUUID` exists only in secure contexts (HTTPS or
 * localhost); a StatRoom reached over plain HTTP on an office network still needs ids.
 */
export function newCommitmentId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
