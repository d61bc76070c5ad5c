/**
 * The ledger page's state is its query string, so a filtered, sorted page can be shared by link.
 * The page's keys are the API's keys: the API query is the page's query, minus anything unknown,
 * plus the page size.
 */
import {
  COMMITMENT_QUERY_KEYS,
  type CommitmentSort,
  DEFAULT_SORT_DIRECTION,
  type SortDirection,
} from '../../../../shared/commitmentRows.ts';
import type { CommitmentStatus } from '../../../../shared/ledger.ts';

export const PAGE_SIZE = 50;

/** In the order the filter offers them. */
export const STATUS_CHOICES = ['open', 'done', 'dropped'] as const satisfies readonly CommitmentStatus[];

const KNOWN: ReadonlySet<string> = new Set(COMMITMENT_QUERY_KEYS);

/** What the API is asked for: the known, non-empty keys of the page's query, and a page size. */
export function apiQuery(search: URLSearchParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of search) if (KNOWN.has(key) && value !== '') query.append(key, value);
  if (!query.has('limit')) query.set('limit', String(PAGE_SIZE));
  return query;
}

/** `search` with `changes` applied (null or '' removes a key); a new filter starts again at page one. */
export function withChanges(
  search: URLSearchParams,
  changes: Record<string, string | null>,
  keepOffset = false,
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
  }
  if (!keepOffset) next.delete('offset');
  return next;
}

export function selectedStatuses(search: URLSearchParams): Set<string> {
  return new Set(
    search
      .getAll('status')
      .flatMap((value) => value.split(','))
      .filter((status) => (STATUS_CHOICES as readonly string[]).includes(status)),
  );
}

export function currentSort(search: URLSearchParams): { sort: CommitmentSort; dir: SortDirection } {
  const raw = search.get('sort');
  const sort = (raw && raw in DEFAULT_SORT_DIRECTION ? raw : 'due') as CommitmentSort;
  const dir = search.get('dir');
  return { sort, dir: dir === 'asc' || dir === 'desc' ? dir : DEFAULT_SORT_DIRECTION[sort] };
}

/** Clicking the current sort's header turns it around; another header starts in its own direction. */
export function sortChange(search: URLSearchParams, sort: CommitmentSort): Record<string, string | null> {
  const current = currentSort(search);
  if (current.sort !== sort) return { sort, dir: null };
  const flipped: SortDirection = current.dir === 'asc' ? 'desc' : 'asc';
  return { sort, dir: flipped === DEFAULT_SORT_DIRECTION[sort] ? null : flipped };
}

export function hasFilters(search: URLSearchParams): boolean {
  return ['objectiveId', 'agencyId', 'owner', 'status', 'overdue', 'minCarried', 'q'].some(
    (key) => (search.get(key) ?? '') !== '',
  );
}
