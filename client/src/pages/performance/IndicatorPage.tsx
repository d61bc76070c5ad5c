/**
 * `/indicators/:id`: one indicator against its plan — the status from the data next to the owner's
 * rating, the latest value and the change since a chosen period, the chart and the same values as
 * a table, and the record of its changes; analysts can enter, correct or delete a value, record the
 * owner's rating, edit the indicator and archive it.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DataChange, IndicatorDetail } from '../../../../shared/performance.ts';
import { performanceApi } from '../../api/performance.ts';
import { type Resource, useResource } from '../../api/useResource.ts';
import { ChangeSinceControl } from '../../charts/ChangeSince.tsx';
import {
  buildChartRows,
  changeSince,
  defaultSincePeriod,
  periodsWithValues,
} from '../../charts/chartData.ts';
import { directionLabel, formatValue } from '../../charts/format.ts';
import { IndicatorChart } from '../../charts/IndicatorChart.tsx';
import { IndicatorDataTable } from '../../charts/IndicatorDataTable.tsx';
import { longPeriodLabel } from '../../charts/periods.ts';
import { StatusBadge } from '../../charts/StatusBadge.tsx';
import { STATUS_KEYS } from '../../charts/statusText.ts';
import { LoadError, Loading } from '../../components/PageStates.tsx';
import { ArchiveControl, ArchivedNotice } from './ArchiveControl.tsx';
import { ChangesList } from './ChangesList.tsx';
import { DataPointForm } from './DataPointForm.tsx';
import { DeletePointForm } from './DeletePointForm.tsx';
import { IndicatorEditForm } from './IndicatorEditForm.tsx';
import { disagreementText } from './RatingDisagreement.tsx';
import { RatingForm } from './RatingForm.tsx';
import { useIsAnalyst } from './useRole.ts';
import './performance.css';
import './corrections.css';

export function IndicatorPage() {
  const { t } = useTranslation(['performance', 'common']);
  const id = useParams().id ?? '';
  const detail = useResource(`indicator:${id}`, () => performanceApi.indicator(id));
  const changes = useResource(`indicator-changes:${id}`, () => performanceApi.changes(id));
  const isAnalyst = useIsAnalyst();
  const { reload: reloadDetail } = detail;
  const { reload: reloadChanges } = changes;
  const onChanged = useCallback(() => {
    reloadDetail();
    reloadChanges();
  }, [reloadDetail, reloadChanges]);
  if (detail.state === 'loading')
    return (
      <div className="perf-page">
        <Loading what={t('what.indicator')} />
      </div>
    );
  if (detail.state === 'error')
    return (
      <div className="perf-page">
        <nav className="perf-breadcrumb" aria-label={t('breadcrumb')}>
          <Link to="/objectives">{t('common:nav.objectives')}</Link>
        </nav>
        <LoadError error={detail.error} onRetry={detail.reload} />
      </div>
    );
  // Keyed by indicator so "since" and the forms start afresh when moving to another indicator.
  return (
    <IndicatorView
      key={id}
      detail={detail.data}
      changes={changes}
      isAnalyst={isAnalyst}
      onChanged={onChanged}
    />
  );
}

function IndicatorView({
  detail,
  changes,
  isAnalyst,
  onChanged,
}: {
  detail: IndicatorDetail;
  changes: Resource<{ changes: DataChange[] }>;
  isAnalyst: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation(['performance', 'charts', 'common']);
  const { indicator, goal, objective, agency, points, plan, computed, duePeriod, archived } = detail;
  const [editing, setEditing] = useState(false);
  const rows = useMemo(() => buildChartRows(points, plan), [points, plan]);
  const periods = useMemo(() => periodsWithValues(points), [points]);
  const [chosenSince, setChosenSince] = useState<string | null>(null);
  // Fall back to the default when the chosen period is gone (e.g. after a correction removed it).
  const since =
    chosenSince && periods.includes(chosenSince)
      ? chosenSince
      : defaultSincePeriod(points, indicator.frequency);
  const change = since ? changeSince(points, since, indicator.direction) : null;
  const rating = goal.ownerRating;
  const disagrees = rating !== null && computed.status !== 'no_data' && rating.status !== computed.status;
  // An archived indicator is no longer expected to report.
  const stale = !archived && (computed.latest === null || computed.latest.period < duePeriod);

  return (
    <div className="perf-page perf-page--indicator">
      <nav className="perf-breadcrumb" aria-label={t('breadcrumb')}>
        <Link to="/objectives">{t('common:nav.objectives')}</Link>
        <span aria-hidden="true">›</span>
        <Link to={`/objectives/${encodeURIComponent(objective.id)}`}>{objective.name}</Link>
        <span aria-hidden="true">›</span>
        <span>
          {agency.code} · {goal.title}
        </span>
      </nav>
      <header className="indicator-header">
        <div>
          <h1>{indicator.name}</h1>
          <p className="perf-subtitle">
            {agency.name} · {t('indicator.owner', { name: goal.ownerName })} ·{' '}
            {indicator.unit || t('indicator.noUnit')} · {directionLabel(indicator.direction)} ·{' '}
            {t(`charts:frequency.${indicator.frequency}`)}
          </p>
          <IndicatorIdLine id={indicator.id} />
          {isAnalyst && (
            <div className="indicator-actions">
              {!editing && (
                <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
                  {t('indicator.edit')}
                </button>
              )}
              <ArchiveControl
                indicatorId={indicator.id}
                name={indicator.name}
                archived={archived}
                onChanged={onChanged}
              />
            </div>
          )}
        </div>
        <div className="indicator-header__badges" data-testid="indicator-status">
          <StatusBadge status={computed.status} prefix={t('objective.data')} size="large" />
          {rating ? (
            <StatusBadge status={rating.status} prefix={t('objective.ownerPrefix')} size="large" />
          ) : (
            <span className="muted">{t('indicator.ownerNotRated')}</span>
          )}
        </div>
      </header>
      {archived && <ArchivedNotice archived={archived} />}
      {isAnalyst && editing && (
        <section className="perf-panel">
          <IndicatorEditForm
            indicator={indicator}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              onChanged();
            }}
          />
        </section>
      )}
      {disagrees && rating && (
        <p className="disagreement" role="note">
          {disagreementText(rating.status, computed.status)}
        </p>
      )}

      <div className="indicator-layout">
        <div className="indicator-main">
          <section className="key-figures" aria-label={t('indicator.keyFigures')}>
            <div className="key-figure">
              <span className="key-figure__label">{t('indicator.latest')}</span>
              <span className="key-figure__value" data-testid="latest-value">
                {computed.latest ? formatValue(computed.latest.value, indicator.unit) : '—'}
              </span>
              <span className="key-figure__sub">
                {computed.latest ? longPeriodLabel(computed.latest.period) : t('indicator.noDataYet')}
                {stale && (
                  <span className="stale-flag">{t('indicator.missingFor', { period: duePeriod })}</span>
                )}
              </span>
            </div>
            <div className="key-figure">
              <span className="key-figure__label">{t('indicator.plannedThen')}</span>
              <span className="key-figure__value key-figure__value--secondary">
                {computed.planned === null ? '—' : formatValue(computed.planned, indicator.unit)}
              </span>
              <span className="key-figure__sub">
                {computed.shortfall && computed.shortfall > 0
                  ? t('indicator.behind', { percent: Math.round(computed.shortfall * 100) })
                  : computed.latest
                    ? t('indicator.onPlan')
                    : ''}
              </span>
            </div>
            <div className="key-figure">
              <span className="key-figure__label">{t('indicator.target')}</span>
              <span className="key-figure__value key-figure__value--secondary">
                {formatValue(indicator.targetValue, indicator.unit)}
              </span>
              <span className="key-figure__sub">{t('indicator.by', { date: indicator.targetDate })}</span>
            </div>
            <div className="key-figure key-figure--wide">
              <ChangeSinceControl
                periods={periods}
                since={since}
                onSinceChange={setChosenSince}
                change={change}
                unit={indicator.unit}
                size="large"
              />
            </div>
          </section>
          <IndicatorChart indicator={indicator} rows={rows} change={change} />
          <h2 className="perf-section-title">{t('indicator.values')}</h2>
          <IndicatorDataTable indicator={indicator} rows={rows} duePeriod={duePeriod} />
          <ChangesList changes={changes} unit={indicator.unit} />
        </div>
        <aside className="indicator-side" aria-label={t('indicator.side')}>
          <section className="perf-panel">
            <h2>{t('indicator.ownersRating')}</h2>
            {rating ? (
              <>
                <StatusBadge status={rating.status} />
                <blockquote className="rating-comment">
                  {rating.comment || t('indicator.noComment')}
                </blockquote>
                <p className="muted rating-meta">
                  {t('indicator.recorded', {
                    name: rating.ratedBy,
                    date: rating.ratedAt.slice(0, 10),
                    status: t(`charts:${STATUS_KEYS[computed.status]}`).toLowerCase(),
                  })}
                </p>
              </>
            ) : (
              <p className="muted">{t('indicator.notRatedYet', { name: goal.ownerName })}</p>
            )}
          </section>
          {isAnalyst && (
            <>
              <section className="perf-panel">
                <DataPointForm
                  indicator={indicator}
                  points={points}
                  duePeriod={duePeriod}
                  onSaved={onChanged}
                />
              </section>
              <section className="perf-panel">
                <DeletePointForm indicator={indicator} points={points} onDeleted={onChanged} />
              </section>
              <section className="perf-panel">
                <RatingForm goal={goal} onSaved={onChanged} />
              </section>
            </>
          )}
        </aside>
      </div>
    </div>
  );
}

/** The indicator's id, as import files name it, with a button to copy it (or select it, where the clipboard is refused). */
function IndicatorIdLine({ id }: { id: string }) {
  const { t } = useTranslation('performance');
  const text = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'copied' | 'selected' | null>(null);
  const select = () => {
    const node = text.current;
    const selection = window.getSelection();
    if (!node || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    selection.removeAllRanges();
    selection.addRange(range);
    setCopied('selected');
  };
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(id);
      setCopied('copied');
    } catch {
      select();
    }
  };
  return (
    <p className="perf-subtitle" data-testid="indicator-id">
      {t('indicator.id')} <code ref={text}>{id}</code>{' '}
      <button type="button" className="button button--secondary" onClick={copy}>
        {t('indicator.copyId')}
      </button>{' '}
      <span className="muted" aria-live="polite">
        {copied === 'copied' ? t('indicator.copied') : copied === 'selected' ? t('indicator.selected') : ''}
      </span>
    </p>
  );
}
