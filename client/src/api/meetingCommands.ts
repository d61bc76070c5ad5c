/**
 * Meeting commands from the browser: typed Socket.IO emits with an ack over the tab's one
 * connection (the provider's socket). Each resolves to the server's answer, `{ ok: true, state }`
 * or `{ error: { code, message } }`; it rejects only when no answer came in time (offline).
 */
import type { Socket } from 'socket.io-client';
import {
  type CommandAck,
  type CommandBody,
  type CommandPayload,
  type GoToTarget,
  MeetingCommand,
} from '../../../shared/meetingCommands.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/protocol.ts';

/** Thrown (as a rejection) when the tab is offline: the command was not sent at all. */
export class CommandNotSent extends Error {
  constructor() {
    super('You are offline: nothing was sent');
    this.name = 'CommandNotSent';
  }
}

export type CommandSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Long enough for a slow proxy's long-polling round trip; a button can say "no answer" after it. */
export const COMMAND_TIMEOUT_MS = 10_000;

export function sendMeetingCommand<C extends MeetingCommand>(
  socket: CommandSocket,
  command: C,
  payload: CommandPayload<C>,
  timeoutMs = COMMAND_TIMEOUT_MS,
): Promise<CommandAck> {
  // socket.io would buffer the emit and deliver it on reconnect, long after the caller gave up on
  // it (a buffered close landing minutes later): offline, nothing is sent.
  if (!socket.connected) return Promise.reject(new CommandNotSent());
  // socket.io's typings cannot narrow a generic event name to one signature; the map is checked above.
  const emit = socket.timeout(timeoutMs).emitWithAck as (
    event: C,
    payload: CommandPayload<C>,
  ) => Promise<CommandAck>;
  return emit.call(socket.timeout(timeoutMs), command, payload);
}

export const startMeeting = (socket: CommandSocket, meetingId: string) =>
  sendMeetingCommand(socket, MeetingCommand.start, { meetingId });

/** `expectedItemId` is the item on the sender's screen: if someone moved first, the answer is `stale`. */
export const goToItem = (socket: CommandSocket, meetingId: string, expectedItemId: string, to: GoToTarget) =>
  sendMeetingCommand(socket, MeetingCommand.goTo, { meetingId, expectedItemId, to });

export const startTimer = (socket: CommandSocket, meetingId: string, expectedItemId: string) =>
  sendMeetingCommand(socket, MeetingCommand.timer, { meetingId, expectedItemId, action: 'start' });

export const pauseTimer = (socket: CommandSocket, meetingId: string, expectedItemId: string) =>
  sendMeetingCommand(socket, MeetingCommand.timer, { meetingId, expectedItemId, action: 'pause' });

export const extendTimer = (
  socket: CommandSocket,
  meetingId: string,
  expectedItemId: string,
  minutes: number,
) =>
  sendMeetingCommand(socket, MeetingCommand.timer, { meetingId, expectedItemId, action: 'extend', minutes });

export const closeMeeting = (socket: CommandSocket, meetingId: string) =>
  sendMeetingCommand(socket, MeetingCommand.close, { meetingId });

/** Who drives the big screen and what it shows (shared/screenControl.ts). */
export const changeScreen = (
  socket: CommandSocket,
  meetingId: string,
  body: CommandBody<typeof MeetingCommand.screen>,
) => sendMeetingCommand(socket, MeetingCommand.screen, { meetingId, ...body });
