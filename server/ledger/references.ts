/**
 * Checks that what a commitment names exists and fits together: the objective, the owner agency,
 * the goal (of that objective) and the indicator (of that goal). Read-only queries of the
 * performance tables; each failure is an `invalid_payload` naming the field.
 */

import { reason } from '../../shared/errorReasons.ts';
import { ErrorCode, type ErrorReason } from '../../shared/errors.ts';
import type { Db } from '../db/database.ts';
import { LedgerError } from './errors.ts';

export async function objectiveExists(db: Db, objectiveId: string): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('objectives')
    .select('id')
    .where('id', '=', objectiveId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface CommitmentRefs {
  ownerAgencyId: string;
  goalId: string;
  indicatorId: string | null;
}

export async function checkCommitmentRefs(db: Db, objectiveId: string, refs: CommitmentRefs): Promise<void> {
  const [agency, goal, indicator] = await Promise.all([
    db.kysely.selectFrom('agencies').select('id').where('id', '=', refs.ownerAgencyId).executeTakeFirst(),
    db.kysely
      .selectFrom('goals')
      .select(['id', 'objective_id'])
      .where('id', '=', refs.goalId)
      .executeTakeFirst(),
    refs.indicatorId === null
      ? Promise.resolve(undefined)
      : db.kysely
          .selectFrom('indicators')
          .select(['id', 'goal_id'])
          .where('id', '=', refs.indicatorId)
          .executeTakeFirst(),
  ]);
  const invalid = (message: string, why: ErrorReason) =>
    new LedgerError(ErrorCode.invalidPayload, message, why);
  if (!agency)
    throw invalid(
      `ownerAgencyId: no agency ${refs.ownerAgencyId}`,
      reason('noAgency', { id: refs.ownerAgencyId }),
    );
  if (!goal) throw invalid(`goalId: no goal ${refs.goalId}`, reason('noGoal', { id: refs.goalId }));
  if (goal.objective_id !== objectiveId)
    throw invalid(
      `goalId: goal ${refs.goalId} is not a goal of objective ${objectiveId}`,
      reason('goalNotOfObjective', { goal: refs.goalId, objective: objectiveId }),
    );
  if (refs.indicatorId !== null && !indicator)
    throw invalid(
      `indicatorId: no indicator ${refs.indicatorId}`,
      reason('noIndicator', { id: refs.indicatorId }),
    );
  if (indicator && indicator.goal_id !== refs.goalId)
    throw invalid(
      `indicatorId: indicator ${refs.indicatorId} does not measure goal ${refs.goalId}`,
      reason('indicatorNotOfGoal', { indicator: String(refs.indicatorId), goal: refs.goalId }),
    );
}
