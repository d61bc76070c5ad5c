/**
 * "Indicators to show" for one agenda item: what is selected (name, latest value, status, each
 * linking to its indicator page), and, for analysts, the objective's catalogue to pick from.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Agency, GoalSummary } from '../../../../shared/performance.ts';
import { formatValue } from '../../charts/format.ts';
import { longPeriodLabel } from '../../charts/periods.ts';
import { StatusBadge } from '../../charts/StatusBadge.tsx';
import { errorText } from '../../i18n/errorText.ts';
import { IndicatorPicker } from './IndicatorPicker.tsx';
import { usePickerMemory } from './pickerMemory.ts';
import type { CatalogIndicator, ObjectiveData } from './prepCatalog.ts';

interface ItemIndicatorsProps {
  indicatorIds: string[];
  objective: ObjectiveData;
  canEdit: boolean;
  goalsOnAgenda: Set<string>;
  onToggle(indicatorId: string, selected: boolean): void;
  onAddItemForGoal(goal: GoalSummary, agency: Agency): void;
}

export function ItemIndicators({
  indicatorIds,
  objective,
  canEdit,
  goalsOnAgenda,
  onToggle,
  onAddItemForGoal,
}: ItemIndicatorsProps) {
  const { t } = useTranslation('meetings');
  const { open, setOpen } = usePickerMemory();
  const headingId = useId();
  const pickerId = useId();
  const catalog = objective.state === 'ready' ? objective.indicators : null;

  return (
    <section className="item-indicators" aria-labelledby={headingId}>
      <div className="item-indicators__head">
        <h3 className="field__label item-indicators__title" id={headingId}>
          {t('indicators.title')}
          {indicatorIds.length > 0 && <span className="count">{indicatorIds.length}</span>}
        </h3>
        {canEdit && objective.state === 'ready' && (
          <button
            type="button"
            className="button button--small"
            aria-expanded={open}
            aria-controls={pickerId}
            onClick={() => setOpen(!open)}
          >
            {open ? t('indicators.done') : t('indicators.choose')}
          </button>
        )}
      </div>

      <ObjectiveState objective={objective} hasSelection={indicatorIds.length > 0} />

      {indicatorIds.length > 0 && (
        <ul className="item-indicators__list" data-testid="item-indicators">
          {indicatorIds.map((id) => (
            <SelectedIndicator
              key={id}
              id={id}
              entry={catalog?.get(id) ?? null}
              loading={objective.state === 'loading'}
              onRemove={canEdit ? () => onToggle(id, false) : null}
            />
          ))}
        </ul>
      )}

      {open && objective.state === 'ready' && (
        <div id={pickerId}>
          <IndicatorPicker
            detail={objective.detail}
            selectedIds={indicatorIds}
            goalsOnAgenda={goalsOnAgenda}
            onToggle={onToggle}
            onAddItemForGoal={onAddItemForGoal}
          />
        </div>
      )}
    </section>
  );
}

function ObjectiveState({ objective, hasSelection }: { objective: ObjectiveData; hasSelection: boolean }) {
  const { t } = useTranslation(['meetings', 'common']);
  if (objective.state === 'none')
    return <p className="item-indicators__note">{t('indicators.noObjective')}</p>;
  if (objective.state === 'error')
    return (
      <p className="item-indicators__note" role="alert">
        {t('indicators.loadFailed', { reason: errorText(objective.error) })}{' '}
        <button type="button" className="button button--ghost button--small" onClick={objective.retry}>
          {t('common:retry')}
        </button>
      </p>
    );
  if (objective.state === 'loading' && !hasSelection)
    return <p className="item-indicators__note">{t('indicators.loading')}</p>;
  if (objective.state === 'ready' && !hasSelection)
    return <p className="item-indicators__note">{t('indicators.noneChosen')}</p>;
  return null;
}

function SelectedIndicator({
  id,
  entry,
  loading,
  onRemove,
}: {
  id: string;
  entry: CatalogIndicator | null;
  loading: boolean;
  onRemove: (() => void) | null;
}) {
  const { t } = useTranslation(['meetings', 'common']);
  const name = entry?.indicator.name ?? id;
  const latest = entry?.indicator.computed.latest ?? null;
  return (
    <li className="item-indicator" data-testid="item-indicator" data-indicator-id={id}>
      <Link className="item-indicator__name" to={`/indicators/${encodeURIComponent(id)}`}>
        {name}
      </Link>
      <span className="item-indicator__latest">
        {entry ? (
          latest ? (
            <>
              <strong>{formatValue(latest.value, entry.indicator.unit)}</strong>
              <span className="muted"> {longPeriodLabel(latest.period)}</span>
            </>
          ) : (
            <span className="muted">{t('indicators.noData')}</span>
          )
        ) : (
          <span className="muted">{loading ? t('common:loading') : t('indicators.notUnderObjective')}</span>
        )}
        {entry?.indicator.stale && <span className="late-flag">{t('indicators.late')}</span>}
      </span>
      {entry && <StatusBadge status={entry.indicator.computed.status} size="small" />}
      {onRemove && (
        <button
          type="button"
          className="icon-button item-indicator__remove"
          aria-label={t('indicators.removeNamed', { name })}
          onClick={onRemove}
        >
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.8" />
          </svg>
        </button>
      )}
    </li>
  );
}
