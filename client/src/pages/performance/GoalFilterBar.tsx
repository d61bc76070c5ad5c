/**
 * The objective page's filter (status, agency, rating disagrees) and sort controls. Controlled by
 * the query the page reads from the URL; every change goes back to the URL through `onChange`.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, Status, StatusCounts } from '../../../../shared/performance.ts';
import { StatusIcon } from '../../charts/StatusBadge.tsx';
import { STATUS_KEYS } from '../../charts/statusText.ts';
import {
  DEFAULT_QUERY,
  GOAL_SORTS,
  type GoalQuery,
  type GoalSort,
  isFiltered,
  STATUSES,
} from './goalQuery.ts';

const SORT_KEYS = {
  agency: 'filters.sorts.agency',
  status: 'filters.sorts.status',
  name: 'filters.sorts.name',
  staleness: 'filters.sorts.staleness',
} as const satisfies Record<GoalSort, string>;

interface Props {
  query: GoalQuery;
  agencies: Agency[];
  /** Goals by status within the agency and disagreement filters. */
  statusCounts: StatusCounts;
  /** Goals whose rating disagrees, within the agency and status filters. */
  disagreementCount: number;
  onChange: (query: GoalQuery) => void;
}

export function GoalFilterBar({ query, agencies, statusCounts, disagreementCount, onChange }: Props) {
  const { t } = useTranslation(['performance', 'charts']);
  // Labels point at their select, so a select's options are not part of the label's text.
  const id = useId();
  const toggleStatus = (status: Status, on: boolean) =>
    onChange({
      ...query,
      statuses: on ? [...query.statuses, status] : query.statuses.filter((each) => each !== status),
    });
  return (
    <search className="goal-filters" aria-label={t('filters.label')} data-testid="goal-filters">
      <div className="goal-filters__row">
        <fieldset className="goal-filters__statuses">
          <legend>{t('filters.status')}</legend>
          {STATUSES.map((status) => (
            <label key={status} className="goal-filter-chip" data-status={status}>
              <input
                type="checkbox"
                name="status"
                value={status}
                checked={query.statuses.includes(status)}
                onChange={(event) => toggleStatus(status, event.currentTarget.checked)}
              />
              <StatusIcon status={status} />
              {t(`charts:${STATUS_KEYS[status]}`)}
              <span className="goal-filter-chip__count">{statusCounts[status]}</span>
            </label>
          ))}
        </fieldset>
        <label className="goal-filter-chip goal-filter-chip--disagrees">
          <input
            type="checkbox"
            name="disagrees"
            checked={query.onlyDisagreements}
            onChange={(event) => onChange({ ...query, onlyDisagreements: event.currentTarget.checked })}
          />
          {t('filters.disagrees')}
          <span className="goal-filter-chip__count">{disagreementCount}</span>
        </label>
      </div>
      <div className="goal-filters__row">
        <div className="goal-filters__field">
          <label htmlFor={`${id}-agency`}>{t('filters.agency')}</label>
          <select
            id={`${id}-agency`}
            value={query.agencyId ?? ''}
            onChange={(event) => onChange({ ...query, agencyId: event.currentTarget.value || null })}
          >
            <option value="">{t('filters.allAgencies')}</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.code} · {agency.name}
              </option>
            ))}
          </select>
        </div>
        <div className="goal-filters__field">
          <label htmlFor={`${id}-sort`}>{t('filters.sort')}</label>
          <select
            id={`${id}-sort`}
            value={query.sort}
            onChange={(event) => {
              const sort = GOAL_SORTS.find((each) => each === event.currentTarget.value);
              onChange({ ...query, sort: sort ?? DEFAULT_QUERY.sort });
            }}
          >
            {GOAL_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(SORT_KEYS[sort])}
              </option>
            ))}
          </select>
        </div>
        {isFiltered(query) && (
          <button
            type="button"
            className="button button--secondary goal-filters__clear"
            onClick={() => onChange({ ...DEFAULT_QUERY, sort: query.sort })}
          >
            {t('filters.clear')}
          </button>
        )}
      </div>
    </search>
  );
}
