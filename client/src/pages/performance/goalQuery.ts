/**
 * The objective page's filter and sort, kept in the URL query so that a link shares the view:
 * `?status=off_track&status=at_risk&agency=<id>&disagrees=1&sort=status`. Pure functions over the
 * goals the API returns; the page only renders what these give back.
 */
import type { Agency, GoalSummary, Status, StatusCounts } from '../../../../shared/performance.ts';

export const STATUSES: readonly Status[] = ['on_track', 'at_risk', 'off_track', 'no_data'];

export const GOAL_SORTS = ['agency', 'status', 'name', 'staleness'] as const;
export type GoalSort = (typeof GOAL_SORTS)[number];

export interface GoalQuery {
  /** Empty: every status. */
  statuses: Status[];
  /** Null: every agency. */
  agencyId: string | null;
  onlyDisagreements: boolean;
  sort: GoalSort;
}

export interface GoalWithAgency {
  goal: GoalSummary;
  agency: Agency;
}

export const DEFAULT_QUERY: GoalQuery = {
  statuses: [],
  agencyId: null,
  onlyDisagreements: false,
  sort: 'agency',
};

const isSort = (value: string): value is GoalSort => (GOAL_SORTS as readonly string[]).includes(value);

/** Unknown values in a hand-edited link are ignored rather than emptying the page. */
export function parseGoalQuery(params: URLSearchParams): GoalQuery {
  const statuses = STATUSES.filter((status) => params.getAll('status').some((value) => value === status));
  const sort = params.get('sort') ?? '';
  return {
    statuses,
    agencyId: params.get('agency') || null,
    onlyDisagreements: params.get('disagrees') === '1',
    sort: isSort(sort) ? sort : DEFAULT_QUERY.sort,
  };
}

/** The query as URL parameters, defaults left out so the plain page keeps its plain address. */
export function goalQueryParams(query: GoalQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const status of STATUSES) if (query.statuses.includes(status)) params.append('status', status);
  if (query.agencyId) params.set('agency', query.agencyId);
  if (query.onlyDisagreements) params.set('disagrees', '1');
  if (query.sort !== DEFAULT_QUERY.sort) params.set('sort', query.sort);
  return params;
}

export function isFiltered(query: GoalQuery): boolean {
  return query.statuses.length > 0 || query.agencyId !== null || query.onlyDisagreements;
}

/** Every filter but the status one: the status chips count within the rest of the filter. */
function matchesOtherFilters(entry: GoalWithAgency, query: GoalQuery): boolean {
  if (query.agencyId !== null && entry.agency.id !== query.agencyId) return false;
  if (query.onlyDisagreements && !entry.goal.ratingDisagrees) return false;
  return true;
}

export function matchesGoalQuery(entry: GoalWithAgency, query: GoalQuery): boolean {
  if (query.statuses.length > 0 && !query.statuses.includes(entry.goal.computedStatus)) return false;
  return matchesOtherFilters(entry, query);
}

/** Goals by status among those the agency and disagreement filters keep. */
export function statusCountsFor(entries: GoalWithAgency[], query: GoalQuery): StatusCounts {
  const counts: StatusCounts = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const entry of entries) if (matchesOtherFilters(entry, query)) counts[entry.goal.computedStatus] += 1;
  return counts;
}

/** Goals whose rating disagrees among those the status and agency filters keep. */
export function disagreementCountFor(entries: GoalWithAgency[], query: GoalQuery): number {
  const rest = { ...query, onlyDisagreements: false };
  return entries.filter((entry) => entry.goal.ratingDisagrees && matchesGoalQuery(entry, rest)).length;
}

// Worst first: a chair reads down from the goals that need them.
const SEVERITY: Record<Status, number> = { off_track: 0, at_risk: 1, no_data: 2, on_track: 3 };

const lateCount = (goal: GoalSummary) => goal.indicators.filter((indicator) => indicator.stale).length;
const byTitle = (a: GoalWithAgency, b: GoalWithAgency) =>
  a.goal.title.localeCompare(b.goal.title) || a.goal.id.localeCompare(b.goal.id);
const byStatus = (a: GoalWithAgency, b: GoalWithAgency) =>
  SEVERITY[a.goal.computedStatus] - SEVERITY[b.goal.computedStatus];
const byAgency = (a: GoalWithAgency, b: GoalWithAgency) => a.agency.name.localeCompare(b.agency.name);

const COMPARE: Record<GoalSort, (a: GoalWithAgency, b: GoalWithAgency) => number> = {
  agency: (a, b) => byAgency(a, b) || byStatus(a, b) || byTitle(a, b),
  status: (a, b) => byStatus(a, b) || byAgency(a, b) || byTitle(a, b),
  name: byTitle,
  // Most late indicators first, then the share of them that are late.
  staleness: (a, b) =>
    lateCount(b.goal) - lateCount(a.goal) ||
    lateCount(b.goal) / Math.max(1, b.goal.indicators.length) -
      lateCount(a.goal) / Math.max(1, a.goal.indicators.length) ||
    byStatus(a, b) ||
    byTitle(a, b),
};

export function filterAndSortGoals(entries: GoalWithAgency[], query: GoalQuery): GoalWithAgency[] {
  return entries.filter((entry) => matchesGoalQuery(entry, query)).sort(COMPARE[query.sort]);
}

/** Consecutive runs of one agency, for the grouped (by agency) view. */
export function groupByAgency(entries: GoalWithAgency[]): Array<{ agency: Agency; goals: GoalSummary[] }> {
  const groups: Array<{ agency: Agency; goals: GoalSummary[] }> = [];
  for (const { agency, goal } of entries) {
    const last = groups.at(-1);
    if (last && last.agency.id === agency.id) last.goals.push(goal);
    else groups.push({ agency, goals: [goal] });
  }
  return groups;
}
