/**
 * `/commitments`, the ledger page: every commitment across objectives, filtered, sorted and paged
 * by the query string (so a view is shared by its link), with each one's history on demand and the
 * same view as a CSV download.
 */
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentSort } from '../../../../shared/commitmentRows.ts';
import { type CommitmentList, commitmentsCsvHref, listCommitments } from '../../api/commitments.ts';
import { ApiError } from '../../api/http.ts';
import { listPresenterAgencies } from '../../api/meetings.ts';
import { performanceApi } from '../../api/performance.ts';
import { useResource } from '../../api/useResource.ts';
import { Empty, LoadError, Loading } from '../../components/PageStates.tsx';
import { useInstantSearchParams } from '../../components/useInstantSearchParams.ts';
import { i18next } from '../../i18n/i18n.ts';
import { numberFormat } from '../../i18n/locale.ts';
import { CommitmentTable } from './CommitmentTable.tsx';
import { LedgerFilters } from './LedgerFilters.tsx';
import { LedgerPager } from './LedgerPager.tsx';
import { apiQuery, currentSort, hasFilters, sortChange, withChanges } from './ledgerSearch.ts';
import '../performance/performance.css';
import './ledger.css';

export function LedgerPage() {
  const { t } = useTranslation('ledger');
  const [search, setSearch] = useInstantSearchParams();
  const query = useMemo(() => apiQuery(search), [search]);
  const list = useCommitmentList(query);
  const lookups = useResource('ledger:lookups', async () => {
    const [agencies, { objectives }] = await Promise.all([
      listPresenterAgencies(),
      performanceApi.objectives(),
    ]);
    return { agencies, objectives };
  });
  const agencyNames = useMemo(
    () => new Map((lookups.data?.agencies ?? []).map((agency) => [agency.id, agency.name])),
    [lookups.data],
  );

  const change = useCallback(
    (changes: Record<string, string | null>, options?: { replace?: boolean; keepOffset?: boolean }) =>
      setSearch((previous) => withChanges(previous, changes, options?.keepOffset), {
        replace: options?.replace ?? false,
      }),
    [setSearch],
  );
  const onSort = (sort: CommitmentSort) => change(sortChange(search, sort));
  const clear = () => {
    // Sorting is kept: only the filters go.
    const { sort, dir } = Object.fromEntries(search);
    setSearch(withChanges(new URLSearchParams(), { sort: sort ?? null, dir: dir ?? null }));
  };

  const offset = Number(query.get('offset') ?? 0);
  const limit = Number(query.get('limit'));
  return (
    <div className="page page--wide ledger-page">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('title')}</h1>
          <p className="page__subtitle">{t('subtitle')}</p>
        </div>
        <a className="button" href={commitmentsCsvHref(query)} download data-testid="csv-link">
          <span aria-hidden="true">⤓</span> {t('downloadCsv')}
        </a>
      </header>
      <section className="card ledger-card">
        {lookups.state === 'error' ? (
          <LoadError error={lookups.error} onRetry={lookups.reload} />
        ) : (
          <LedgerFilters
            search={search}
            objectives={lookups.data?.objectives ?? []}
            agencies={lookups.data?.agencies ?? []}
            onChange={change}
          />
        )}
        <div className="ledger-results" aria-busy={list.loading}>
          {list.error && (
            // A link with a value the server refuses is not fixed by trying again.
            <LoadError
              error={list.error}
              onRetry={list.error.code === 'invalid_payload' ? undefined : list.reload}
            />
          )}
          {list.error?.code === 'invalid_payload' && (
            <button
              type="button"
              className="button button--small"
              onClick={() => setSearch(new URLSearchParams())}
            >
              {t('showEvery')}
            </button>
          )}
          {!list.error && !list.data && <Loading what={t('loadingWhat')} />}
          {!list.error && list.data && (
            <>
              <div className="ledger-summary">
                <p className="ledger-total" role="status" aria-live="polite">
                  <span data-testid="ledger-total">{totalWords(list.data.total, hasFilters(search), t)}</span>
                  {list.loading && <span className="muted"> · {t('updating')}</span>}
                </p>
                {hasFilters(search) && <ClearFilters onClear={clear} />}
              </div>
              {list.data.commitments.length === 0 ? (
                <Empty title={hasFilters(search) ? t('noMatch') : t('none')}>
                  {hasFilters(search) ? t('noMatchHint') : t('noneHint')}
                </Empty>
              ) : (
                <CommitmentTable
                  rows={list.data.commitments}
                  sort={currentSort(search)}
                  onSort={onSort}
                  agencyNames={agencyNames}
                />
              )}
              <LedgerPager
                offset={offset}
                limit={limit}
                total={list.data.total}
                onPage={(next) => change({ offset: next > 0 ? String(next) : null }, { keepOffset: true })}
              />
            </>
          )}
        </div>
      </section>
    </div>
  );
}

function totalWords(total: number, filtered: boolean, t: TFunction<'ledger'>): string {
  const options = { count: total, total: numberFormat().format(total) };
  return filtered ? t('totalFiltered', options) : t('total', options);
}

function ClearFilters({ onClear }: { onClear: () => void }) {
  const { t } = useTranslation('ledger');
  return (
    <button type="button" className="button button--small" onClick={onClear}>
      <span aria-hidden="true">×</span> {t('clearFilters')}
    </button>
  );
}

/** The current page of commitments; the previous one stays on screen while the next loads. */
function useCommitmentList(query: URLSearchParams) {
  const key = query.toString();
  const [data, setData] = useState<CommitmentList | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const latest = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the query; `version` forces a reload.
  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    listCommitments(new URLSearchParams(key)).then(
      (answer) => {
        if (request !== latest.current) return;
        setData(answer);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (request !== latest.current) return;
        setError(
          failure instanceof ApiError ? failure : new ApiError('internal', i18next.t('ledger:loadFailed'), 0),
        );
        setLoading(false);
      },
    );
  }, [key, version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { data, error, loading, reload };
}
