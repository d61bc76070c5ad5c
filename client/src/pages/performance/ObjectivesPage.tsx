/**
 * `/objectives`: every strategic objective at a glance — goals by computed status, indicators
 * whose data is late, and goals whose owner's rating disagrees with the data.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ObjectiveOverview } from '../../../../shared/performance.ts';
import { performanceApi } from '../../api/performance.ts';
import { useResource } from '../../api/useResource.ts';
import { Empty, LoadError, Loading } from '../../components/PageStates.tsx';
import { StatusBar } from './StatusBar.tsx';
import { useIsAnalyst } from './useRole.ts';
import './performance.css';

export function ObjectivesPage() {
  const { t } = useTranslation(['performance', 'common']);
  const overview = useResource('objectives', performanceApi.objectives);
  // Importing is an analyst's job; viewers are not offered a form the server would refuse.
  const isAnalyst = useIsAnalyst();
  return (
    <div className="perf-page">
      <header className="perf-header">
        <div>
          <h1>{t('objectives.title')}</h1>
          <p className="perf-subtitle">{t('objectives.subtitle')}</p>
        </div>
        {isAnalyst && (
          <Link className="button button--secondary" to="/data/import">
            {t('common:nav.importData')}
          </Link>
        )}
      </header>
      {overview.state === 'loading' && <Loading what={t('what.objectives')} />}
      {overview.state === 'error' && <LoadError error={overview.error} onRetry={overview.reload} />}
      {overview.state === 'ready' && overview.data.objectives.length === 0 && (
        <Empty title={t('objectives.none')}>
          {t('objectives.noneLead')}{' '}
          {isAnalyst ? (
            <Link to="/data/import">{t('objectives.noneImport')}</Link>
          ) : (
            t('objectives.noneByAnalyst')
          )}
          .
        </Empty>
      )}
      {overview.state === 'ready' && overview.data.objectives.length > 0 && (
        <ul className="objective-grid">
          {overview.data.objectives.map((objective) => (
            <li key={objective.id}>
              <ObjectiveCard objective={objective} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ObjectiveCard({ objective }: { objective: ObjectiveOverview }) {
  const { t } = useTranslation('performance');
  return (
    <article className="objective-card" data-objective-id={objective.id}>
      <h2>
        <Link to={`/objectives/${encodeURIComponent(objective.id)}`}>{objective.name}</Link>
      </h2>
      {objective.description && <p className="objective-card__description">{objective.description}</p>}
      <p className="objective-card__meta">
        {t('count.goal', { count: objective.goalCount })} ·{' '}
        {t('count.agency', { count: objective.agencyCount })}
      </p>
      <StatusBar counts={objective.statusCounts} />
      <dl className="objective-card__flags">
        <div className={objective.staleIndicatorCount > 0 ? 'is-flagged' : undefined}>
          <dt>{t('objectives.lateData')}</dt>
          <dd>{t('count.indicator', { count: objective.staleIndicatorCount })}</dd>
        </div>
        <div className={objective.disagreementCount > 0 ? 'is-flagged' : undefined}>
          <dt>{t('objectives.disagree')}</dt>
          <dd>{t('count.goal', { count: objective.disagreementCount })}</dd>
        </div>
      </dl>
      <nav className="objective-card__links" aria-label={t('objectives.links', { name: objective.name })}>
        <Link to={`/objectives/${encodeURIComponent(objective.id)}`}>{t('objectives.goalsByAgency')}</Link>
        <Link to={`/objectives/${encodeURIComponent(objective.id)}/readiness`}>
          {t('objectives.readiness')}
        </Link>
      </nav>
    </article>
  );
}
