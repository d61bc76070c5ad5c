/**
 * `/objectives`: every strategic objective at a glance — goals by computed status, indicators
 * whose data is late, and goals whose owner's rating disagrees with the data.
 */
import { Link } from 'react-router';
import type { ObjectiveOverview } from '../../../../shared/performance.ts';
import { performanceApi } from '../../api/performance.ts';
import { Empty, LoadError, Loading } from './PageStates.tsx';
import { StatusBar } from './StatusBar.tsx';
import { useResource } from './useResource.ts';
import { useIsAnalyst } from './useRole.ts';
import './performance.css';

export function ObjectivesPage() {
  const overview = useResource('objectives', performanceApi.objectives);
  // Importing is an analyst's job; viewers are not offered a form the server would refuse.
  const isAnalyst = useIsAnalyst();
  return (
    <div className="perf-page">
      <header className="perf-header">
        <div>
          <h1>Strategic objectives</h1>
          <p className="perf-subtitle">
            Goals by status computed from the data, late data and rating disagreements.
          </p>
        </div>
        {isAnalyst && (
          <Link className="perf-button perf-button--secondary" to="/data/import">
            Import data
          </Link>
        )}
      </header>
      {overview.state === 'loading' && <Loading what="objectives" />}
      {overview.state === 'error' && <LoadError error={overview.error} onRetry={overview.reload} />}
      {overview.state === 'ready' && overview.data.objectives.length === 0 && (
        <Empty title="No objectives yet">
          Objectives, goals and indicators are set up by administrators; data can then be{' '}
          {isAnalyst ? <Link to="/data/import">imported from a CSV file</Link> : 'imported by an analyst'}.
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
  return (
    <article className="objective-card" data-objective-id={objective.id}>
      <h2>
        <Link to={`/objectives/${encodeURIComponent(objective.id)}`}>{objective.name}</Link>
      </h2>
      {objective.description && <p className="objective-card__description">{objective.description}</p>}
      <p className="objective-card__meta">
        {objective.goalCount} {objective.goalCount === 1 ? 'goal' : 'goals'} · {objective.agencyCount}{' '}
        {objective.agencyCount === 1 ? 'agency' : 'agencies'}
      </p>
      <StatusBar counts={objective.statusCounts} />
      <dl className="objective-card__flags">
        <div className={objective.staleIndicatorCount > 0 ? 'is-flagged' : undefined}>
          <dt>Late data</dt>
          <dd>
            {objective.staleIndicatorCount} {objective.staleIndicatorCount === 1 ? 'indicator' : 'indicators'}
          </dd>
        </div>
        <div className={objective.disagreementCount > 0 ? 'is-flagged' : undefined}>
          <dt>Rating ≠ data</dt>
          <dd>
            {objective.disagreementCount} {objective.disagreementCount === 1 ? 'goal' : 'goals'}
          </dd>
        </div>
      </dl>
      <nav className="objective-card__links" aria-label={`${objective.name} links`}>
        <Link to={`/objectives/${encodeURIComponent(objective.id)}`}>Goals by agency</Link>
        <Link to={`/objectives/${encodeURIComponent(objective.id)}/readiness`}>Data readiness</Link>
      </nav>
    </article>
  );
}
