/** Priority goals: one goal in full, creation, and the owner's rating. */
import { randomUUID } from 'node:crypto';
import { reason } from '../../shared/errorReasons.ts';
import type { Goal, GoalDetail, OwnerRating, RatedStatus } from '../../shared/performance.ts';
import type { Principal } from '../../shared/roles.ts';
import { conflict, invalidPayload, noGoal } from './errors.ts';
import { loadGoalSummaries } from './objectives.ts';
import type { Store } from './queries.ts';
import { performanceWrite } from './revision.ts';
import { toAgency, toGoal, toObjective, toRating } from './rows.ts';

export async function getGoalDetail(db: Store, id: string, asOf: string): Promise<GoalDetail> {
  const [summaries, history, context] = await Promise.all([
    loadGoalSummaries(db, { kind: 'goals', ids: [id] }, asOf, { sparklines: true }),
    db.selectFrom('goal_ratings').selectAll().where('goal_id', '=', id).orderBy('id', 'desc').execute(),
    db
      .selectFrom('goals')
      .innerJoin('objectives', 'objectives.id', 'goals.objective_id')
      .innerJoin('agencies', 'agencies.id', 'goals.agency_id')
      .select([
        'objectives.id as objective_id',
        'objectives.name as objective_name',
        'objectives.description as objective_description',
        'objectives.position as objective_position',
        'agencies.id as agency_id',
        'agencies.code as agency_code',
        'agencies.name as agency_name',
      ])
      .where('goals.id', '=', id)
      .executeTakeFirst(),
  ]);
  const goal = summaries[0];
  if (!goal || !context) throw noGoal(id);
  return {
    goal,
    objective: toObjective({
      id: context.objective_id,
      name: context.objective_name,
      description: context.objective_description,
      position: context.objective_position,
    }),
    agency: toAgency({ id: context.agency_id, code: context.agency_code, name: context.agency_name }),
    ratingHistory: history.map(toRating),
  };
}

export interface NewGoal {
  id?: string | undefined;
  objectiveId: string;
  agencyId: string;
  title: string;
  description: string;
  ownerName: string;
}

export async function createGoal(db: Store, input: NewGoal): Promise<Goal> {
  return performanceWrite(db, async (trx, touched) => {
    const id = input.id ?? randomUUID();
    touched.goals([id]);
    const [objective, agency, existing] = await Promise.all([
      trx.selectFrom('objectives').select('id').where('id', '=', input.objectiveId).executeTakeFirst(),
      trx.selectFrom('agencies').select('id').where('id', '=', input.agencyId).executeTakeFirst(),
      trx.selectFrom('goals').select('id').where('id', '=', id).executeTakeFirst(),
    ]);
    if (!objective)
      throw invalidPayload(
        `objectiveId: no objective ${input.objectiveId}`,
        reason('noObjective', { id: input.objectiveId }),
      );
    if (!agency)
      throw invalidPayload(
        `agencyId: no agency ${input.agencyId}`,
        reason('noAgency', { id: input.agencyId }),
      );
    if (existing) throw conflict(`A goal with id ${id} already exists`, reason('goalIdTaken', { id }));
    const row = {
      id,
      objective_id: input.objectiveId,
      agency_id: input.agencyId,
      title: input.title,
      description: input.description,
      owner_name: input.ownerName,
    };
    await trx.insertInto('goals').values(row).execute();
    return toGoal(row, undefined);
  });
}

/** Records the owner's rating; earlier ratings stay as history. */
export async function rateGoal(
  db: Store,
  goalId: string,
  input: { status: RatedStatus; comment: string },
  by: Principal,
  now: Date = new Date(),
): Promise<OwnerRating> {
  return performanceWrite(db, async (trx, touched) => {
    touched.goals([goalId]);
    const goal = await trx.selectFrom('goals').select('id').where('id', '=', goalId).executeTakeFirst();
    if (!goal) throw noGoal(goalId);
    const row = {
      goal_id: goalId,
      status: input.status,
      comment: input.comment,
      rated_at: now.toISOString(),
      rated_by: by.name,
    };
    await trx.insertInto('goal_ratings').values(row).execute();
    return { status: row.status, comment: row.comment, ratedAt: row.rated_at, ratedBy: row.rated_by };
  });
}
