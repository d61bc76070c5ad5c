/** Strategic objectives: one objective's goals by agency, and creation (the overview of all: overview.ts). */
import { randomUUID } from 'node:crypto';
import { reason } from '../../shared/errorReasons.ts';
import type { Agency, GoalSummary, Objective, ObjectiveDetail } from '../../shared/performance.ts';
import { conflict, noObjective } from './errors.ts';
import { factsOf, overviewOf, summarizeGoal } from './goalSummaries.ts';
import { type IndicatorState, loadIndicatorStates } from './indicatorStates.ts';
import { loadLatestRatings, type Scope, type Store } from './queries.ts';
import { performanceWrite } from './revision.ts';
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
  if (scope.kind === 'goals') goalsQuery = goalsQuery.where('id', 'in', scope.ids);
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
  if (!objective) throw noObjective(id);
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
  return performanceWrite(db, async (trx, touched) => {
    // The overview reads the list of objectives afresh: a new one touches no goal.
    touched.noGoals();
    const id = input.id ?? randomUUID();
    if (await trx.selectFrom('objectives').select('id').where('id', '=', id).executeTakeFirst()) {
      throw conflict(`An objective with id ${id} already exists`, reason('objectiveIdTaken', { id }));
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
