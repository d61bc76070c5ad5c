/**
 * What the prep page knows about the performance data: the agencies that can present, and the
 * meeting's objective with its goals and indicators, indexed for the agenda's lookups.
 *
 * An agenda item stores its presenter as an agency **id** (`ag-pcp`), so a renamed agency is shown
 * under its new name everywhere. Items written before the agency list existed hold free text
 * ("Secretariat of Social Defence"); those stay readable: a text equal to an agency's code or name
 * is shown as that agency, anything else as "Other: …".
 */
import { useMemo } from 'react';
import type {
  Agency,
  GoalSummary,
  IndicatorSummary,
  ObjectiveDetail,
} from '../../../../shared/performance.ts';
import type { ApiError } from '../../api/http.ts';
import { listPresenterAgencies } from '../../api/meetings.ts';
import { performanceApi } from '../../api/performance.ts';
import { useResource } from '../../api/useResource.ts';

export interface CatalogIndicator {
  indicator: IndicatorSummary;
  goal: GoalSummary;
  agency: Agency;
}

export type ObjectiveData =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'error'; error: ApiError; retry(): void }
  | { state: 'ready'; detail: ObjectiveDetail; indicators: Map<string, CatalogIndicator> };

export interface PrepCatalog {
  /** Every agency, by code; empty while loading or when the list cannot be read. */
  agencies: Agency[];
  objective: ObjectiveData;
}

export type Presenter =
  | { kind: 'none' }
  | { kind: 'agency'; agency: Agency }
  | { kind: 'other'; text: string };

export function resolvePresenter(value: string, agencies: Agency[]): Presenter {
  const text = value.trim();
  if (!text) return { kind: 'none' };
  const byId = agencies.find((agency) => agency.id === text);
  if (byId) return { kind: 'agency', agency: byId };
  const lower = text.toLowerCase();
  const legacy = agencies.find(
    (agency) => agency.code.toLowerCase() === lower || agency.name.toLowerCase() === lower,
  );
  return legacy ? { kind: 'agency', agency: legacy } : { kind: 'other', text };
}

/** The presenter in a few words, for the agenda rows. */
export function presenterLabel(value: string, agencies: Agency[]): string {
  const presenter = resolvePresenter(value, agencies);
  if (presenter.kind === 'agency') return presenter.agency.name;
  return presenter.kind === 'other' ? presenter.text : '';
}

export function indexIndicators(detail: ObjectiveDetail): Map<string, CatalogIndicator> {
  const index = new Map<string, CatalogIndicator>();
  for (const { agency, goals } of detail.agencies)
    for (const goal of goals)
      for (const indicator of goal.indicators) index.set(indicator.id, { indicator, goal, agency });
  return index;
}

/** Loads the agencies and the meeting's objective (when it has one) once per page. */
export function usePrepCatalog(objectiveId: string | null): PrepCatalog {
  const agencies = useResource('prep-agencies', listPresenterAgencies);
  const objective = useResource(`prep-objective:${objectiveId ?? ''}`, () =>
    objectiveId ? performanceApi.objective(objectiveId) : Promise.resolve(null),
  );
  const detail = objective.state === 'ready' ? objective.data : null;
  const indicators = useMemo(() => (detail ? indexIndicators(detail) : null), [detail]);

  let objectiveData: ObjectiveData;
  if (!objectiveId) objectiveData = { state: 'none' };
  else if (objective.state === 'error')
    objectiveData = { state: 'error', error: objective.error, retry: objective.reload };
  else if (detail && indicators) objectiveData = { state: 'ready', detail, indicators };
  else objectiveData = { state: 'loading' };

  const agencyList = useMemo(
    () => (agencies.state === 'ready' ? [...agencies.data].sort((a, b) => a.code.localeCompare(b.code)) : []),
    [agencies.state, agencies.data],
  );
  return { agencies: agencyList, objective: objectiveData };
}

/** How many of the agenda's indicators (each counted once) have no data for the period due. */
export function lateIndicators(
  indicatorIds: Iterable<string>,
  indicators: Map<string, CatalogIndicator>,
): { total: number; late: number } {
  const unique = new Set(indicatorIds);
  let late = 0;
  for (const id of unique) if (indicators.get(id)?.indicator.stale) late += 1;
  return { total: unique.size, late };
}
