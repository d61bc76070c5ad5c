/**
 * The objectives overview (`GET /api/objectives`): every objective with its goals counted by
 * status, agencies, stale indicators and disagreements. It is read far more often than data
 * changes, and a write changes one goal or a few: so the overview is kept per database with the
 * revision it reflects and each goal's facts, and after writes only the goals they touched
 * (`performance_changes`, see revision.ts) are read again. Anything the log cannot tell (a write
 * that touched everything, a reader far behind, another `asOf`) recomputes the whole government.
 *
 * Why this is exact: every write bumps the revision and logs what it touched in one transaction,
 * and revisions follow commit order. A kept overview is answered only while the revision has not
 * moved, so it never includes a later write in part; and a goal left as it was was touched by no
 * write since the overview it comes from. The result is the same, byte for byte, as computing it
 * all afresh (test/server/performance/overviewIncremental.test.ts).
 */
import type { ObjectiveOverview } from '../../shared/performance.ts';
import { factsOf, type GoalFacts, overviewOf } from './goalSummaries.ts';
import { loadGoalSummaries } from './objectives.ts';
import { ALL, type Scope, type Store } from './queries.ts';
import { currentRevision, goalsTouched } from './revision.ts';
import { groupBy, toObjective } from './rows.ts';

type GoalEntry = GoalFacts & { objectiveId: string };

interface KeptOverview {
  revision: number;
  asOf: string;
  goals: ReadonlyMap<string, GoalEntry>;
  overviews: ObjectiveOverview[];
}

const kept = new WeakMap<Store, KeptOverview>();

export interface OverviewOptions {
  /** Read again only the goals that writes touched (default); false recomputes everything after any write. */
  incremental?: boolean;
}

/** Every objective's overview as of a date. */
export async function listObjectiveOverviews(
  db: Store,
  asOf: string,
  options: OverviewOptions = {},
): Promise<ObjectiveOverview[]> {
  const revision = await currentRevision(db);
  const before = kept.get(db);
  const comparable = before !== undefined && before.asOf === asOf;
  if (comparable && before.revision === revision) return before.overviews;

  let goals: Map<string, GoalEntry> | null = null;
  if (comparable && before.revision < revision && options.incremental !== false) {
    const touched = await goalsTouched(db, before.revision, revision);
    // More than half the goals: one pass over everything costs less.
    if (touched && touched.size <= before.goals.size / 2) {
      goals = new Map(before.goals);
      for (const id of touched) goals.delete(id);
      if (touched.size > 0) {
        for (const [id, entry] of await loadGoalEntries(db, { kind: 'goals', ids: [...touched] }, asOf)) {
          goals.set(id, entry);
        }
      }
    }
  }
  const [objectives, loaded] = await Promise.all([
    db.selectFrom('objectives').selectAll().orderBy('position').orderBy('name').execute(),
    goals ? Promise.resolve(goals) : loadGoalEntries(db, ALL, asOf),
  ]);
  const goalsByObjective = groupBy([...loaded.values()], (goal) => goal.objectiveId);
  const overviews = objectives.map((objective) =>
    overviewOf(toObjective(objective), goalsByObjective.get(objective.id) ?? []),
  );
  // Concurrent reads: never replace an overview with an older one.
  const latest = kept.get(db);
  if (!latest || latest.asOf !== asOf || latest.revision <= revision) {
    kept.set(db, { revision, asOf, goals: loaded, overviews });
  }
  return overviews;
}

async function loadGoalEntries(db: Store, scope: Scope, asOf: string): Promise<Map<string, GoalEntry>> {
  const summaries = await loadGoalSummaries(db, scope, asOf, { sparklines: false });
  return new Map(
    summaries.map((summary) => [summary.id, { ...factsOf(summary), objectiveId: summary.objectiveId }]),
  );
}
