/**
 * Readiness of an objective for its meeting: which indicators lack a value for the latest period
 * due, grouped by agency and by owner so analysts know whom to chase.
 */
import type { Agency, MissingIndicator, Readiness } from '../../shared/performance.ts';
import { latestDuePeriod } from '../../shared/periods.ts';
import { isStale } from '../../shared/status.ts';
import { noObjective } from './errors.ts';
import { loadLatestPoints, loadPointsInPeriods, pointKey, type Scope, type Store } from './queries.ts';
import { toAgency, toObjective } from './rows.ts';

interface Tally {
  missing: number;
  total: number;
}

export async function getReadiness(db: Store, objectiveId: string, asOf: string): Promise<Readiness> {
  const scope: Scope = { kind: 'objective', id: objectiveId };
  const due = { weekly: latestDuePeriod(asOf, 'weekly'), monthly: latestDuePeriod(asOf, 'monthly') };
  const [objective, indicators, latest, duePoints] = await Promise.all([
    db.selectFrom('objectives').selectAll().where('id', '=', objectiveId).executeTakeFirst(),
    db
      .selectFrom('indicators')
      .innerJoin('goals', 'goals.id', 'indicators.goal_id')
      .innerJoin('agencies', 'agencies.id', 'goals.agency_id')
      .select([
        'indicators.id',
        'indicators.name',
        'indicators.frequency',
        'indicators.baseline_date',
        'goals.id as goal_id',
        'goals.title as goal_title',
        'goals.owner_name',
        'agencies.id as agency_id',
        'agencies.code as agency_code',
        'agencies.name as agency_name',
      ])
      .where('goals.objective_id', '=', objectiveId)
      // An archived indicator reports nothing any more: it is not waited for.
      .where('indicators.archived_at', 'is', null)
      .orderBy('agencies.code')
      .orderBy('goals.owner_name')
      .orderBy('goals.title')
      .orderBy('indicators.name')
      .execute(),
    loadLatestPoints(db, scope),
    loadPointsInPeriods(db, scope, [due.weekly, due.monthly]),
  ]);
  if (!objective) throw noObjective(objectiveId);

  const missing: MissingIndicator[] = [];
  const byAgency = new Map<string, Tally & { agency: Agency }>();
  const byOwner = new Map<string, Tally & { ownerName: string; agency: Agency }>();
  for (const row of indicators) {
    const agency = toAgency({ id: row.agency_id, code: row.agency_code, name: row.agency_name });
    const stale = isStale(
      { frequency: row.frequency, baselineDate: row.baseline_date },
      (period) => duePoints.has(pointKey(row.id, period)),
      asOf,
    );
    const agencyTally = byAgency.get(agency.id) ?? { agency, missing: 0, total: 0 };
    const ownerKey = `${agency.id}|${row.owner_name}`;
    const ownerTally = byOwner.get(ownerKey) ?? { ownerName: row.owner_name, agency, missing: 0, total: 0 };
    byAgency.set(agency.id, agencyTally);
    byOwner.set(ownerKey, ownerTally);
    agencyTally.total += 1;
    ownerTally.total += 1;
    if (!stale) continue;
    agencyTally.missing += 1;
    ownerTally.missing += 1;
    missing.push({
      indicatorId: row.id,
      indicatorName: row.name,
      goalId: row.goal_id,
      goalTitle: row.goal_title,
      agency,
      ownerName: row.owner_name,
      frequency: row.frequency,
      duePeriod: due[row.frequency],
      lastPeriod: latest.get(row.id)?.period ?? null,
    });
  }
  // Most to chase first, then the worst share missing; ties in a stable, readable order.
  const byMissing = <T extends Tally>(a: T, b: T) =>
    b.missing - a.missing || b.missing / b.total - a.missing / a.total;
  return {
    objective: toObjective(objective),
    asOf,
    indicatorCount: indicators.length,
    missing,
    byAgency: [...byAgency.values()].sort(
      (a, b) => byMissing(a, b) || a.agency.code.localeCompare(b.agency.code),
    ),
    byOwner: [...byOwner.values()].sort((a, b) => byMissing(a, b) || a.ownerName.localeCompare(b.ownerName)),
  };
}
