/**
 * Runs ledger commands: role check (shared/commandRoles.ts), payload check, that what the command
 * names exists and fits (objective, goal, agency, a live meeting of that objective), then the change
 * on the objective's ledger document through the DocHub (stored, then relayed), then the read model.
 * The actor and the time come from the session and the server clock; refusals change nothing.
 */
import type * as Y from 'yjs';
import { mayRunCommand } from '../../shared/commandRoles.ts';
import {
  COMMITMENT_COMMAND_BODIES,
  CommitmentCommand,
  type CreateCommitmentInput,
  type ReviewCommitmentInput,
  type UpdateCommitmentInput,
} from '../../shared/commitmentCommands.ts';
import { ledgerDocName } from '../../shared/docNames.ts';
import { reason } from '../../shared/errorReasons.ts';
import { DomainError, ErrorCode } from '../../shared/errors.ts';
import { type Commitment, readCommitment } from '../../shared/ledger.ts';
import {
  addCommitment,
  editCommitment,
  type LedgerChange,
  type LedgerContext,
  reviewCommitment,
} from '../../shared/ledgerChanges.ts';
import { MeetingPhase } from '../../shared/meetingLive.ts';
import type { Principal } from '../../shared/roles.ts';
import type { Db } from '../db/database.ts';
import type { DocHub } from '../docs/docHub.ts';
import type { Logger } from '../logger.ts';
import { invalidCommand } from '../meetings/errors.ts';
import { readAgendaSlots, readMeetingLive } from '../meetings/liveState.ts';
import { findMeeting } from '../meetings/meetingRows.ts';
import { currentCommitmentRow, upsertCommitmentRow } from './commitmentRows.ts';
import { LedgerError } from './errors.ts';
import { checkCommitmentRefs, objectiveExists } from './references.ts';

export interface LedgerCommands {
  /** Applies `command` for `principal`; resolves to the commitment after it or throws a DomainError. */
  run(principal: Principal, command: CommitmentCommand, body: unknown): Promise<Commitment>;
}

export interface LedgerCommandsDeps {
  db: Db;
  hub: DocHub;
  logger: Logger;
  now?: () => number;
}

interface LiveMeeting {
  id: string;
  startedAt: number;
}

export function createLedgerCommands(deps: LedgerCommandsDeps): LedgerCommands {
  const { db, hub } = deps;
  const logger = deps.logger.child({ module: 'ledgerCommands' });
  const now = deps.now ?? Date.now;

  async function requireObjective(objectiveId: string): Promise<void> {
    if (!(await objectiveExists(db, objectiveId)))
      throw new LedgerError(
        ErrorCode.notFound,
        `No objective ${objectiveId}`,
        reason('noObjective', { id: objectiveId }),
      );
  }

  /** The meeting, which must be a live meeting of `objectiveId` (or of any objective, if null). */
  async function requireLiveMeeting(
    meetingId: string,
    objectiveId: string | null,
  ): Promise<LiveMeeting & { objectiveId: string }> {
    const meeting = await findMeeting(db, meetingId);
    if (!meeting)
      throw new LedgerError(
        ErrorCode.notFound,
        `No meeting ${meetingId}`,
        reason('noMeeting', { id: meetingId }),
      );
    if (meeting.objectiveId === null)
      throw new LedgerError(ErrorCode.invalidState, `Meeting ${meetingId} has no objective, so no ledger`);
    if (objectiveId !== null && meeting.objectiveId !== objectiveId)
      throw new LedgerError(
        ErrorCode.invalidPayload,
        `meetingId: meeting ${meetingId} is a meeting of objective ${meeting.objectiveId}, not ${objectiveId}`,
      );
    const live = await readMeetingLive(hub, meetingId);
    if (live.phase !== MeetingPhase.live || live.startedAt === null)
      throw new LedgerError(
        ErrorCode.invalidState,
        live.phase === MeetingPhase.closed
          ? `Meeting ${meetingId} is closed: its record no longer changes`
          : `Meeting ${meetingId} has not started`,
        reason(live.phase === MeetingPhase.closed ? 'meetingRecordClosed' : 'meetingNotStarted'),
      );
    return { id: meetingId, startedAt: live.startedAt, objectiveId: meeting.objectiveId };
  }

  // Row writes of one ledger run one after another, each from the document as it is by then, so
  // concurrent changes cannot leave an older row behind a newer one.
  const rowSyncs = new Map<string, Promise<void>>();

  function syncRow(objectiveId: string, commitmentId: string): Promise<void> {
    const sync = (rowSyncs.get(objectiveId) ?? Promise.resolve()).then(async () => {
      try {
        const row = await hub.read(ledgerDocName(objectiveId), (doc) =>
          currentCommitmentRow(doc, objectiveId, commitmentId),
        );
        if (row) await upsertCommitmentRow(db, row);
      } catch (error) {
        // The change is stored and relayed; the read model heals when the app next rebuilds it.
        logger.error(
          { err: error, objective: objectiveId, commitment: commitmentId },
          'read model not updated',
        );
      }
    });
    rowSyncs.set(objectiveId, sync);
    void sync.then(() => {
      if (rowSyncs.get(objectiveId) === sync) rowSyncs.delete(objectiveId);
    });
    return sync;
  }

  /** Applies `change` to the ledger (stored, then relayed); on success, the read model follows. */
  async function applyChange(objectiveId: string, change: (doc: Y.Doc) => LedgerChange): Promise<Commitment> {
    const outcome = await hub.change(ledgerDocName(objectiveId), change);
    if (!outcome.ok) throw new LedgerError(outcome.code, outcome.message, outcome.reason);
    await syncRow(objectiveId, outcome.commitment.id);
    return outcome.commitment;
  }

  async function create(input: CreateCommitmentInput, actor: Principal): Promise<Commitment> {
    await requireObjective(input.objectiveId);
    const fields = {
      text: input.text,
      ownerAgencyId: input.ownerAgencyId,
      ownerPerson: input.ownerPerson ?? '',
      dueDate: input.dueDate,
      goalId: input.goalId,
      indicatorId: input.indicatorId ?? null,
    };
    await checkCommitmentRefs(db, input.objectiveId, fields);
    const meeting = input.meetingId ? await requireLiveMeeting(input.meetingId, input.objectiveId) : null;
    if (input.itemId !== undefined) {
      if (!meeting)
        throw new LedgerError(ErrorCode.invalidPayload, 'itemId: an agenda item needs its meetingId');
      const slots = await readAgendaSlots(hub, meeting.id);
      if (!slots.some((slot) => slot.id === input.itemId))
        throw new LedgerError(
          ErrorCode.invalidPayload,
          `itemId: no agenda item ${input.itemId} in this meeting`,
          reason('noAgendaItem', { id: String(input.itemId) }),
        );
    }
    const ctx: LedgerContext = { actor, now: now(), meetingId: meeting?.id ?? null };
    return applyChange(input.objectiveId, (doc) => {
      // The same id sent again by its maker (an answer lost on the way) is the same commitment.
      const existing = readCommitment(doc, input.id);
      if (existing && existing.createdBy.id === actor.id) return { ok: true, commitment: existing };
      return addCommitment(doc, { id: input.id, fields, madeInItemId: input.itemId ?? null }, ctx);
    });
  }

  async function update(input: UpdateCommitmentInput, actor: Principal): Promise<Commitment> {
    await requireObjective(input.objectiveId);
    const current = await hub.read(ledgerDocName(input.objectiveId), (doc) =>
      readCommitment(doc, input.commitmentId),
    );
    if (!current)
      throw new LedgerError(
        ErrorCode.notFound,
        `No commitment ${input.commitmentId} in this objective's ledger`,
        reason('noCommitment', { id: input.commitmentId }),
      );
    const { patch } = input;
    if (patch.ownerAgencyId !== undefined || patch.goalId !== undefined || patch.indicatorId !== undefined)
      await checkCommitmentRefs(db, input.objectiveId, {
        ownerAgencyId: patch.ownerAgencyId ?? current.ownerAgencyId,
        goalId: patch.goalId ?? current.goalId,
        indicatorId: patch.indicatorId !== undefined ? patch.indicatorId : current.indicatorId,
      });
    const meeting = input.meetingId ? await requireLiveMeeting(input.meetingId, input.objectiveId) : null;
    const ctx: LedgerContext = { actor, now: now(), meetingId: meeting?.id ?? null };
    return applyChange(input.objectiveId, (doc) =>
      editCommitment(doc, input.commitmentId, patch, input.expected, ctx),
    );
  }

  async function review(input: ReviewCommitmentInput, actor: Principal): Promise<Commitment> {
    const meeting = await requireLiveMeeting(input.meetingId, null);
    const ctx: LedgerContext = { actor, now: now(), meetingId: meeting.id };
    return applyChange(meeting.objectiveId, (doc) => reviewCommitment(doc, input, meeting, ctx));
  }

  async function run(principal: Principal, command: CommitmentCommand, body: unknown): Promise<Commitment> {
    const log = logger.child({ command, user: principal.id });
    try {
      if (!mayRunCommand(principal.role, command))
        throw new LedgerError(ErrorCode.forbidden, `A ${principal.role} may not run ${command}`);
      const parsed = COMMITMENT_COMMAND_BODIES[command].safeParse(body ?? {});
      if (!parsed.success) throw invalidCommand(parsed.error, body);
      const commitment =
        command === CommitmentCommand.create
          ? await create(parsed.data as CreateCommitmentInput, principal)
          : command === CommitmentCommand.update
            ? await update(parsed.data as UpdateCommitmentInput, principal)
            : await review(parsed.data as ReviewCommitmentInput, principal);
      log.info({ commitment: commitment.id, status: commitment.status }, 'ledger command applied');
      return commitment;
    } catch (error) {
      if (error instanceof DomainError)
        log.info({ code: error.code }, `ledger command refused: ${error.message}`);
      else log.error({ err: error }, 'ledger command failed');
      throw error;
    }
  }

  return { run };
}
