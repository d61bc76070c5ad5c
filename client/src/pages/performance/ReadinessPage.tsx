/**
 * `/objectives/:id/readiness`: before a meeting, which indicators still lack data for the latest
 * period due, counted by agency and by owner so analysts know whom to chase.
 */
import { Link, useParams } from 'react-router';
import type { MissingIndicator, Readiness } from '../../../../shared/performance.ts';
import { performanceApi } from '../../api/performance.ts';
import { Empty, LoadError, Loading } from './PageStates.tsx';
import { useResource } from './useResource.ts';
import './performance.css';

export function ReadinessPage() {
  const id = useParams().id ?? '';
  const readiness = useResource(`readiness:${id}`, () => performanceApi.readiness(id));
  return (
    <div className="perf-page">
      <nav className="perf-breadcrumb" aria-label="Breadcrumb">
        <Link to="/objectives">Objectives</Link>
        {readiness.state === 'ready' && (
          <>
            <span aria-hidden="true">›</span>
            <Link to={`/objectives/${encodeURIComponent(id)}`}>{readiness.data.objective.name}</Link>
          </>
        )}
      </nav>
      {readiness.state === 'loading' && <Loading what="data readiness" />}
      {readiness.state === 'error' && <LoadError error={readiness.error} onRetry={readiness.reload} />}
      {readiness.state === 'ready' && <ReadinessView readiness={readiness.data} />}
    </div>
  );
}

function ReadinessView({ readiness }: { readiness: Readiness }) {
  const { objective, asOf, indicatorCount, missing } = readiness;
  const ready = indicatorCount - missing.length;
  const byAgency = [...readiness.byAgency].sort(
    (a, b) => b.missing - a.missing || a.agency.code.localeCompare(b.agency.code),
  );
  const byOwner = [...readiness.byOwner].sort(
    (a, b) => b.missing - a.missing || a.ownerName.localeCompare(b.ownerName),
  );
  const missingByAgency = groupByAgency(missing);
  return (
    <>
      <header className="perf-header">
        <div>
          <h1>Data readiness: {objective.name}</h1>
          <p className="perf-subtitle">Latest period due as of {asOf}.</p>
        </div>
      </header>
      <section className="readiness-summary" aria-label="Summary">
        <div className="key-figure">
          <span className="key-figure__label">Missing data</span>
          <span className="key-figure__value" data-testid="missing-count">
            {missing.length}
          </span>
          <span className="key-figure__sub">of {indicatorCount} indicators</span>
        </div>
        <div className="key-figure">
          <span className="key-figure__label">Up to date</span>
          <span className="key-figure__value key-figure__value--secondary">{ready}</span>
          <span className="key-figure__sub">
            {indicatorCount === 0 ? '—' : `${Math.round((ready / indicatorCount) * 100)}% ready`}
          </span>
        </div>
      </section>
      {indicatorCount === 0 && <Empty title="This objective has no indicators yet" />}
      {indicatorCount > 0 && missing.length === 0 && (
        <Empty title="Every indicator has data for its latest period due">Nothing to chase.</Empty>
      )}
      {missing.length > 0 && (
        <div className="readiness-columns">
          <section className="perf-panel">
            <table className="data-table">
              <caption>By agency</caption>
              <thead>
                <tr>
                  <th scope="col">Agency</th>
                  <CountHeaders />
                </tr>
              </thead>
              <tbody>
                {byAgency.map((row) => (
                  <tr key={row.agency.id} className={row.missing > 0 ? 'is-flagged' : undefined}>
                    <th scope="row">
                      <span className="agency-code">{row.agency.code}</span> {row.agency.name}
                    </th>
                    <CountCells missing={row.missing} total={row.total} />
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="perf-panel">
            <table className="data-table">
              <caption>By owner</caption>
              <thead>
                <tr>
                  <th scope="col">Owner</th>
                  <th scope="col">Agency</th>
                  <CountHeaders />
                </tr>
              </thead>
              <tbody>
                {byOwner.map((row) => (
                  <tr
                    key={`${row.agency.id}:${row.ownerName}`}
                    className={row.missing > 0 ? 'is-flagged' : undefined}
                  >
                    <th scope="row">{row.ownerName}</th>
                    <td>{row.agency.code}</td>
                    <CountCells missing={row.missing} total={row.total} />
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
      {missingByAgency.map(([agencyName, rows]) => (
        <section key={agencyName} className="perf-panel readiness-missing">
          <table className="data-table">
            <caption>
              {agencyName}: {rows.length} {rows.length === 1 ? 'indicator' : 'indicators'} without data
            </caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Goal</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Last data</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.indicatorId} data-indicator-id={row.indicatorId}>
                  <th scope="row">
                    <Link to={`/indicators/${encodeURIComponent(row.indicatorId)}`}>{row.indicatorName}</Link>
                  </th>
                  <td>{row.goalTitle}</td>
                  <td>{row.ownerName}</td>
                  <td>{row.duePeriod}</td>
                  <td>{row.lastPeriod ?? <span className="muted">never</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

function groupByAgency(missing: MissingIndicator[]): Array<[string, MissingIndicator[]]> {
  const groups = new Map<string, MissingIndicator[]>();
  for (const row of missing) {
    const key = `${row.agency.code} · ${row.agency.name}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** The two count columns both readiness tables end with. */
function CountHeaders() {
  return (
    <>
      <th scope="col" className="numeric">
        Missing
      </th>
      <th scope="col" className="numeric">
        Indicators
      </th>
    </>
  );
}

function CountCells({ missing, total }: { missing: number; total: number }) {
  return (
    <>
      <td className="numeric missing-cell">{missing}</td>
      <td className="numeric">{total}</td>
    </>
  );
}
