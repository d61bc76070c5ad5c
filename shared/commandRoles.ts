/**
 * Who may run each command, meeting and ledger alike: the one role table (a later issue adds the
 * chair and presenter roles here). Roles not listed are refused with `forbidden`.
 */
import { CommitmentCommand } from './commitmentCommands.ts';
import { MeetingCommand } from './meetingCommands.ts';
import { Role } from './roles.ts';

export type Command = MeetingCommand | CommitmentCommand;

export const COMMAND_ROLES: Record<Command, readonly Role[]> = {
  [MeetingCommand.start]: [Role.analyst],
  [MeetingCommand.goTo]: [Role.analyst],
  [MeetingCommand.timer]: [Role.analyst],
  // The presenter is an analyst account until accounts bring the agency head's own role.
  [MeetingCommand.screen]: [Role.analyst],
  [MeetingCommand.close]: [Role.analyst],
  [CommitmentCommand.create]: [Role.analyst],
  [CommitmentCommand.update]: [Role.analyst],
  [CommitmentCommand.review]: [Role.analyst],
};

export const mayRunCommand = (role: Role, command: Command): boolean => COMMAND_ROLES[command].includes(role);
