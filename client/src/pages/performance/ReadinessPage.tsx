/**
 * `/objectives/:id/readiness`: before a meeting, which indicators still lack data for the latest
 * period due, counted by agency and by owner so analysts know whom to chase.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MissingIndicator, Readiness } from '../../../../shared/performance.ts';
import { performanceApi } from '../../api/performance.ts';
import { useResource } from '../../api/useResource.ts';
import { Empty, LoadError, Loading } from '../../components/PageStates.tsx';
import './performance.css';

export function ReadinessPage() {
  const { t } = useTranslation(['performance', 'common']);
  const id = useParams().id ?? '';
  const readiness = useResource(`readiness:${id}`, () => performanceApi.readiness(id));
  return (
    <div className="perf-page">
      <nav className="perf-breadcrumb" aria-label={t('breadcrumb')}>
        <Link to="/objectives">{t('common:nav.objectives')}</Link>
        {readiness.state === 'ready' && (
          <>
            <span aria-hidden="true">›</span>
            <Link to={`/objectives/${encodeURIComponent(id)}`}>{readiness.data.objective.name}</Link>
          </>
        )}
      </nav>
      {readiness.state === 'loading' && <Loading what={t('what.readiness')} />}
      {readiness.state === 'error' && <LoadError error={readiness.error} onRetry={readiness.reload} />}
      {readiness.state === 'ready' && <ReadinessView readiness={readiness.data} />}
    </div>
  );
}

function ReadinessView({ readiness }: { readiness: Readiness }) {
  const { t } = useTranslation('performance');
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
          <h1>{t('readiness.title', { name: objective.name })}</h1>
          <p className="perf-subtitle">{t('readiness.asOf', { date: asOf })}</p>
        </div>
      </header>
      <section className="readiness-summary" aria-label={t('readiness.summary')}>
        <div className="key-figure">
          <span className="key-figure__label">{t('readiness.missingData')}</span>
          <span className="key-figure__value" data-testid="missing-count">
            {missing.length}
          </span>
          <span className="key-figure__sub">{t('readiness.ofIndicators', { total: indicatorCount })}</span>
        </div>
        <div className="key-figure">
          <span className="key-figure__label">{t('readiness.upToDate')}</span>
          <span className="key-figure__value key-figure__value--secondary">{ready}</span>
          <span className="key-figure__sub">
            {indicatorCount === 0
              ? '—'
              : t('readiness.ready', { percent: Math.round((ready / indicatorCount) * 100) })}
          </span>
        </div>
      </section>
      {indicatorCount === 0 && <Empty title={t('readiness.noIndicators')} />}
      {indicatorCount > 0 && missing.length === 0 && (
        <Empty title={t('readiness.allReady')}>{t('readiness.nothingToChase')}</Empty>
      )}
      {missing.length > 0 && (
        <div className="readiness-columns">
          <section className="perf-panel">
            <table className="data-table">
              <caption>{t('readiness.byAgency')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('readiness.agency')}</th>
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
              <caption>{t('readiness.byOwner')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('readiness.owner')}</th>
                  <th scope="col">{t('readiness.agency')}</th>
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
            <caption>{t('readiness.withoutData', { agency: agencyName, count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('readiness.indicator')}</th>
                <th scope="col">{t('readiness.goal')}</th>
                <th scope="col">{t('readiness.owner')}</th>
                <th scope="col">{t('readiness.due')}</th>
                <th scope="col">{t('readiness.lastData')}</th>
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
                  <td>{row.lastPeriod ?? <span className="muted">{t('readiness.never')}</span>}</td>
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
  const { t } = useTranslation('performance');
  return (
    <>
      <th scope="col" className="numeric">
        {t('readiness.missing')}
      </th>
      <th scope="col" className="numeric">
        {t('readiness.indicators')}
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
