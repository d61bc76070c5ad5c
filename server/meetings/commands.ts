/**
 * Runs meeting commands: role check (the one table in shared/meetingCommands.ts), payload check,
 * the meeting must exist, then the transition on the live-state document through the DocHub. The
 * actor comes from the session; refusals throw a MeetingError and change nothing.
 */
import type * as Y from 'yjs';
import { mayRunCommand } from '../../shared/commandRoles.ts';
import { meetingDocName, meetingLiveDocName } from '../../shared/docNames.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { type CommandBody, MEETING_COMMAND_BODIES, MeetingCommand } from '../../shared/meetingCommands.ts';
import {
  changeTimer,
  closeMeeting,
  goToItem,
  type MeetingLiveState,
  readLiveState,
  startMeeting,
  type Transition,
  type TransitionContext,
} from '../../shared/meetingLive.ts';
import { writePinned } from '../../shared/pinnedData.ts';
import type { Principal } from '../../shared/roles.ts';
import { changeScreen } from '../../shared/screenControl.ts';
import type { Db } from '../db/database.ts';
import type { DocHub } from '../docs/docHub.ts';
import type { Logger } from '../logger.ts';
import { invalidCommand, MeetingError, noSuchMeeting } from './errors.ts';
import { readAgendaSlots } from './liveState.ts';
import { getMeeting, meetingExists, recordMeetingPhase } from './meetingRows.ts';
import { ensureNextMeeting } from './nextMeeting.ts';
import { loadSeriesToPin } from './pinnedData.ts';

export interface MeetingCommands {
  /** Applies `command` for `principal`; resolves to the state after it or throws a MeetingError. */
  run(
    principal: Principal,
    command: MeetingCommand,
    meetingId: string,
    body: unknown,
  ): Promise<MeetingLiveState>;
}

export interface MeetingCommandsDeps {
  db: Db;
  hub: DocHub;
  logger: Logger;
  /** The clock commands are stamped with (tests may pin it). */
  now?: () => number;
}

export function createMeetingCommands(deps: MeetingCommandsDeps): MeetingCommands {
  const { db, hub } = deps;
  const logger = deps.logger.child({ module: 'meetingCommands' });
  const now = deps.now ?? Date.now;

  async function apply(
    command: MeetingCommand,
    meetingId: string,
    body: CommandBody<MeetingCommand>,
    ctx: TransitionContext,
  ): Promise<{ outcome: Transition; state: MeetingLiveState }> {
    const needsAgenda =
      command === MeetingCommand.start ||
      command === MeetingCommand.goTo ||
      command === MeetingCommand.screen;
    const agenda = needsAgenda ? await readAgendaSlots(hub, meetingId) : [];
    const agendaIds = agenda.map((slot) => slot.id);
    // Read before the transaction (it is synchronous); pinned only if the start succeeds.
    const pins =
      command === MeetingCommand.start
        ? await loadSeriesToPin(
            db,
            agenda.flatMap((slot) => slot.indicatorIds),
          )
        : null;
    // The transition reads and writes in one synchronous transaction: two commands never interleave.
    return hub.change(meetingLiveDocName(meetingId), (doc) => {
      const outcome = transition(doc);
      if (outcome.ok && pins) writePinned(doc, pins, ctx.now);
      // Same tick as the phase change: connected writers lose write at once, and the hub caps any
      // join authorized an instant before (authorize answers `read` from now on).
      if (outcome.ok && command === MeetingCommand.close) hub.restrict(meetingDocName(meetingId), 'read');
      return { outcome, state: readLiveState(doc) };
    });

    function transition(doc: Y.Doc): Transition {
      switch (command) {
        case MeetingCommand.start:
          return startMeeting(doc, agendaIds, ctx);
        case MeetingCommand.goTo:
          return goToItem(doc, agendaIds, body as CommandBody<typeof MeetingCommand.goTo>, ctx);
        case MeetingCommand.timer:
          return changeTimer(doc, body as CommandBody<typeof MeetingCommand.timer>, ctx);
        case MeetingCommand.screen: {
          const screenBody = body as CommandBody<typeof MeetingCommand.screen>;
          const item = agenda.find((slot) => slot.id === screenBody.expectedItemId);
          return changeScreen(doc, screenBody, item?.indicatorIds ?? [], ctx);
        }
        case MeetingCommand.close:
          return closeMeeting(doc, ctx);
      }
    }
  }

  async function run(
    principal: Principal,
    command: MeetingCommand,
    meetingId: string,
    body: unknown,
  ): Promise<MeetingLiveState> {
    const log = logger.child({ command, meeting: meetingId, user: principal.id });
    try {
      if (!mayRunCommand(principal.role, command))
        throw new MeetingError(ErrorCode.forbidden, `A ${principal.role} may not run ${command}`);
      const parsed = MEETING_COMMAND_BODIES[command].safeParse(body ?? {});
      if (!parsed.success) throw invalidCommand(parsed.error, body);
      if (!(await meetingExists(db, meetingId))) throw noSuchMeeting(meetingId);
      const { outcome, state } = await apply(command, meetingId, parsed.data, {
        actor: principal,
        now: now(),
      });
      if (!outcome.ok) throw new MeetingError(outcome.code, outcome.message, outcome.reason);
      if (command === MeetingCommand.start || command === MeetingCommand.close)
        await recordMeetingPhase(db, meetingId, state);
      if (command === MeetingCommand.close) {
        // The meeting is closed whatever happens here: a failure to plan the next one is logged.
        try {
          const next = await ensureNextMeeting(db, hub, await getMeeting(db, meetingId), principal.id, now());
          if (next?.created) log.info({ next: next.meeting.id }, 'next meeting of the series created');
        } catch (error) {
          log.error({ err: error }, 'the next meeting of the series could not be created');
        }
      }
      log.info({ phase: state.phase, item: state.currentItemId }, 'meeting command applied');
      return state;
    } catch (error) {
      if (error instanceof MeetingError)
        log.info({ code: error.code }, `meeting command refused: ${error.message}`);
      else log.error({ err: error }, 'meeting command failed');
      throw error;
    }
  }

  return { run };
}
