/** Strategic objectives: the overview of all, one objective's goals by agency, and creation. */
import { randomUUID } from 'node:crypto';
import type {
  Agency,
  GoalSummary,
  Objective,
  ObjectiveDetail,
  ObjectiveOverview,
} from '../../shared/performance.ts';
import { conflict, notFound } from './errors.ts';
import { factsOf, overviewOf, summarizeGoal } from './goalSummaries.ts';
import { type IndicatorState, loadIndicatorStates } from './indicatorStates.ts';
import { ALL, loadLatestRatings, type Scope, type Store } from './queries.ts';
import { performanceWrite, revisionMemo } from './revision.ts';
import { groupBy, toAgency, toGoal, toObjective } from './rows.ts';

/** Goals in scope, each summarized with its indicators' states and latest rating. */
export async function loadGoalSummaries(
  db: Store,
  scope: Scope,
  asOf: string,
  options: { sparklines: boolean },
): Promise<GoalSummary[]> {
  let goalsQuery = db.selectFrom('goals').selectAll();
  if (scope.kind === 'objective') goalsQuery = goalsQuery.where('objective_id', '=', scope.id);
  if (scope.kind === 'goal') goalsQuery = goalsQuery.where('id', '=', scope.id);
  const [goals, ratings, states] = await Promise.all([
    goalsQuery.orderBy('title').orderBy('id').execute(),
    loadLatestRatings(db, scope),
    loadIndicatorStates(db, scope, asOf, options),
  ]);
  const statesByGoal = groupBy<IndicatorState>(states, (state) => state.indicator.goalId);
  return goals.map((goal) =>
    summarizeGoal(toGoal(goal, ratings.get(goal.id)), statesByGoal.get(goal.id) ?? []),
  );
}

/**
 * Every objective's overview as of a date. The whole government is a handful of set-based
 * queries (~1,000 indicators, their latest points); the result is reused until any performance
 * write bumps the revision, since the home page is read far more often than data changes.
 */
export const listObjectiveOverviews: (db: Store, asOf: string) => Promise<ObjectiveOverview[]> =
  revisionMemo(computeObjectiveOverviews);

async function computeObjectiveOverviews(db: Store, asOf: string): Promise<ObjectiveOverview[]> {
  const [objectives, goals] = await Promise.all([
    db.selectFrom('objectives').selectAll().orderBy('position').orderBy('name').execute(),
    loadGoalSummaries(db, ALL, asOf, { sparklines: false }),
  ]);
  const goalsByObjective = groupBy(goals, (goal) => goal.objectiveId);
  return objectives.map((objective) =>
    overviewOf(toObjective(objective), (goalsByObjective.get(objective.id) ?? []).map(factsOf)),
  );
}

export async function getObjectiveDetail(db: Store, id: string, asOf: string): Promise<ObjectiveDetail> {
  const scope: Scope = { kind: 'objective', id };
  const [objective, goals, agencies] = await Promise.all([
    db.selectFrom('objectives').selectAll().where('id', '=', id).executeTakeFirst(),
    loadGoalSummaries(db, scope, asOf, { sparklines: true }),
    db
      .selectFrom('agencies')
      .selectAll()
      .where('id', 'in', db.selectFrom('goals').select('agency_id').where('objective_id', '=', id))
      .orderBy('code')
      .execute(),
  ]);
  if (!objective) throw notFound(`No objective ${id}`);
  const goalsByAgency = groupBy(goals, (goal) => goal.agencyId);
  return {
    objective: overviewOf(toObjective(objective), goals.map(factsOf)),
    agencies: agencies.map((agency) => ({
      agency: toAgency(agency) satisfies Agency,
      goals: goalsByAgency.get(agency.id) ?? [],
    })),
  };
}

export interface NewObjective {
  id?: string | undefined;
  name: string;
  description: string;
  position?: number | undefined;
}

export async function createObjective(db: Store, input: NewObjective): Promise<Objective> {
  return performanceWrite(db, async (trx) => {
    const id = input.id ?? randomUUID();
    if (await trx.selectFrom('objectives').select('id').where('id', '=', id).executeTakeFirst()) {
      throw conflict(`An objective with id ${id} already exists`);
    }
    let position = input.position;
    if (position === undefined) {
      const last = await trx
        .selectFrom('objectives')
        .select((eb) => eb.fn.max('position').as('position'))
        .executeTakeFirst();
      position = (last?.position ?? 0) + 1;
    }
    const row = { id, name: input.name, description: input.description, position };
    await trx.insertInto('objectives').values(row).execute();
    return toObjective(row);
  });
}
