/**
 * `/objectives/:id`: the objective's goals grouped by the agency that owns them. Each goal shows its
 * owner, the status computed from the data next to the owner's rating (flagged when they
 * disagree), and its indicators with a sparkline and the latest value. The goals can be filtered
 * (status, agency, rating disagrees) and sorted; the choice lives in the URL query (goalQuery.ts).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type {
  Agency,
  GoalSummary,
  IndicatorSummary,
  ObjectiveDetail,
} from '../../../../shared/performance.ts';
import { performanceApi } from '../../api/performance.ts';
import { useResource } from '../../api/useResource.ts';
import { formatValue } from '../../charts/format.ts';
import { longPeriodLabel } from '../../charts/periods.ts';
import { Sparkline } from '../../charts/Sparkline.tsx';
import { StatusBadge } from '../../charts/StatusBadge.tsx';
import { NameKeepsEnd } from '../../components/NameKeepsEnd.tsx';
import { Empty, LoadError, Loading } from '../../components/PageStates.tsx';
import { useInstantSearchParams } from '../../components/useInstantSearchParams.ts';
import { ArchivedIndicators } from './ArchivedIndicators.tsx';
import { GoalFilterBar } from './GoalFilterBar.tsx';
import {
  DEFAULT_QUERY,
  disagreementCountFor,
  filterAndSortGoals,
  type GoalQuery,
  goalQueryParams,
  groupByAgency,
  parseGoalQuery,
  statusCountsFor,
} from './goalQuery.ts';
import { RatingDisagreement } from './RatingDisagreement.tsx';
import { StatusBar } from './StatusBar.tsx';
import './performance.css';
import './corrections.css';

export function ObjectivePage() {
  const { t } = useTranslation('performance');
  const id = useParams().id ?? '';
  const detail = useResource(`objective:${id}`, () => performanceApi.objective(id));
  if (detail.state === 'loading')
    return (
      <div className="perf-page">
        <Loading what={t('what.objective')} />
      </div>
    );
  if (detail.state === 'error')
    return (
      <div className="perf-page">
        <BackToObjectives />
        <LoadError error={detail.error} onRetry={detail.reload} />
      </div>
    );
  const { objective, agencies } = detail.data;
  return (
    <div className="perf-page">
      <BackToObjectives />
      <header className="perf-header">
        <div>
          <h1>{objective.name}</h1>
          {objective.description && <p className="perf-subtitle">{objective.description}</p>}
          <p className="perf-subtitle">
            <Link to={`/objectives/${encodeURIComponent(objective.id)}/series`}>{t('objective.series')}</Link>
          </p>
        </div>
        <Link
          className="button button--secondary"
          to={`/objectives/${encodeURIComponent(objective.id)}/readiness`}
        >
          {t('objectives.readiness')}
          {objective.staleIndicatorCount > 0 && (
            <span className="perf-count-pill">
              {t('objective.latePill', { number: objective.staleIndicatorCount })}
            </span>
          )}
        </Link>
      </header>
      <section className="perf-summary" aria-label={t('objective.summary')}>
        <StatusBar counts={objective.statusCounts} size="large" />
        <p>
          {t('objective.summaryLine', {
            goals: objective.goalCount,
            agencies: objective.agencyCount,
            disagreements: objective.disagreementCount,
          })}
        </p>
      </section>
      {agencies.length === 0 ? (
        <Empty title={t('objective.noGoals')} />
      ) : (
        <FilteredGoals agencies={agencies} />
      )}
      <ArchivedIndicators objectiveId={objective.id} />
    </div>
  );
}

/** The goals under the filter and sort kept in the URL: grouped by agency, or one list in the chosen order. */
function FilteredGoals({ agencies }: { agencies: ObjectiveDetail['agencies'] }) {
  const { t } = useTranslation('performance');
  const [params, setParams] = useInstantSearchParams();
  const query = parseGoalQuery(params);
  const all = useMemo(
    () => agencies.flatMap(({ agency, goals }) => goals.map((goal) => ({ goal, agency }))),
    [agencies],
  );
  const shown = filterAndSortGoals(all, query);
  // Replace, not push: each click is a refinement, and Back should leave the page.
  const change = (next: GoalQuery) => setParams(goalQueryParams(next), { replace: true });
  return (
    <>
      <GoalFilterBar
        query={query}
        agencies={agencies.map(({ agency }) => agency)}
        statusCounts={statusCountsFor(all, query)}
        disagreementCount={disagreementCountFor(all, query)}
        onChange={change}
      />
      <p className="goal-filters__result" role="status" data-testid="goal-count">
        {shown.length === all.length
          ? t('objective.all', { total: all.length })
          : t('objective.showing', { shown: shown.length, total: all.length })}
      </p>
      {shown.length === 0 && (
        <Empty title={t('objective.noMatch')}>
          <button type="button" className="button button--secondary" onClick={() => change(DEFAULT_QUERY)}>
            {t('filters.clear')}
          </button>
        </Empty>
      )}
      {query.sort === 'agency' ? (
        groupByAgency(shown).map(({ agency, goals }) => (
          <section key={agency.id} className="agency-section" aria-labelledby={`agency-${agency.id}`}>
            <h2 id={`agency-${agency.id}`}>
              <span className="agency-code">{agency.code}</span> {agency.name}
              <span className="agency-section__count">{t('count.goal', { count: goals.length })}</span>
            </h2>
            <ul className="goal-list">
              {goals.map((goal) => (
                <li key={goal.id}>
                  <GoalRow goal={goal} />
                </li>
              ))}
            </ul>
          </section>
        ))
      ) : (
        <ul className="goal-list goal-list--flat">
          {shown.map(({ goal, agency }) => (
            <li key={goal.id}>
              <GoalRow goal={goal} agency={agency} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function BackToObjectives() {
  const { t } = useTranslation(['performance', 'common']);
  return (
    <nav className="perf-breadcrumb" aria-label={t('breadcrumb')}>
      <Link to="/objectives">{t('common:nav.objectives')}</Link>
    </nav>
  );
}

/** One goal; `agency` is named on the card when the list is not grouped by agency. */
function GoalRow({ goal, agency }: { goal: GoalSummary; agency?: Agency }) {
  const { t } = useTranslation('performance');
  return (
    <article className="goal-row" data-goal-id={goal.id}>
      <div className="goal-row__head">
        <div>
          <h3>{goal.title}</h3>
          <p className="goal-row__owner">
            {agency && (
              <span className="agency-code" title={agency.name}>
                {agency.code}
              </span>
            )}{' '}
            {t('objective.owner', { name: goal.ownerName })}
          </p>
        </div>
        <div className="goal-row__badges">
          <StatusBadge status={goal.computedStatus} prefix={t('objective.data')} />
          {goal.ownerRating ? (
            <StatusBadge status={goal.ownerRating.status} prefix={t('objective.ownerPrefix')} />
          ) : (
            <span className="muted goal-row__unrated">{t('objective.notRated')}</span>
          )}
        </div>
      </div>
      {goal.ratingDisagrees && <RatingDisagreement goal={goal} />}
      {goal.indicators.length === 0 ? (
        <p className="muted">{t('objective.noIndicators')}</p>
      ) : (
        <table className="indicator-rows">
          <caption className="visually-hidden">{t('objective.indicatorsOf', { goal: goal.title })}</caption>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{t('objective.indicator')}</th>
              <th scope="col">{t('objective.trend')}</th>
              <th scope="col">{t('objective.latestValue')}</th>
              <th scope="col">{t('objective.status')}</th>
            </tr>
          </thead>
          <tbody>
            {goal.indicators.map((indicator) => (
              <IndicatorRow key={indicator.id} indicator={indicator} />
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

function IndicatorRow({ indicator }: { indicator: IndicatorSummary }) {
  const { t } = useTranslation('performance');
  const latest = indicator.computed.latest;
  return (
    <tr data-indicator-id={indicator.id}>
      <th scope="row">
        <Link to={`/indicators/${encodeURIComponent(indicator.id)}`}>
          <NameKeepsEnd name={indicator.name} />
        </Link>
      </th>
      <td>
        <Sparkline values={indicator.sparkline} unit={indicator.unit} />
      </td>
      <td className="indicator-rows__latest">
        {latest ? (
          <>
            <strong>{formatValue(latest.value, indicator.unit)}</strong>
            <span className="muted"> {longPeriodLabel(latest.period)}</span>
          </>
        ) : (
          <span className="muted">{t('objective.noData')}</span>
        )}
        {indicator.stale && <span className="stale-flag">{t('objective.late')}</span>}
        {indicator.broken && (
          <span className="broken-flag" title={indicator.broken.reason}>
            {t('objective.broken', { reason: indicator.broken.reason })}
          </span>
        )}
      </td>
      <td>
        <StatusBadge status={indicator.computed.status} size="small" />
      </td>
    </tr>
  );
}
