/**
 * Whether the data the agenda will show is fresh: how many of its indicators have no value for the
 * period due, with the way to the objective's readiness view, where the owners to chase are listed.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import { lateIndicators, type ObjectiveData } from './prepCatalog.ts';

export function ReadinessHint({ items, objective }: { items: AgendaItem[]; objective: ObjectiveData }) {
  const { t } = useTranslation('meetings');
  if (objective.state !== 'ready') return null;
  const { total, late } = lateIndicators(
    items.flatMap((item) => item.indicatorIds),
    objective.indicators,
  );
  const tone = total === 0 ? 'none' : late > 0 ? 'late' : 'ok';
  const text =
    total === 0
      ? t('readiness.none')
      : late === 0
        ? t('readiness.allFresh', { count: total })
        : t('readiness.late', { count: late, total });
  return (
    <p className={`readiness-hint readiness-hint--${tone}`} data-testid="readiness-hint">
      <span>{text}</span>{' '}
      <Link to={`/objectives/${encodeURIComponent(objective.detail.objective.id)}/readiness`}>
        {t('readiness.link')}
      </Link>
    </p>
  );
}
