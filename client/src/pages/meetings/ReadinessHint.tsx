/**
 * Whether the data the agenda will show is fresh: how many of its indicators have no value for the
 * period due, with the way to the objective's readiness view, where the owners to chase are listed.
 */
import { Link } from 'react-router';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import { lateIndicators, type ObjectiveData } from './prepCatalog.ts';

export function ReadinessHint({ items, objective }: { items: AgendaItem[]; objective: ObjectiveData }) {
  if (objective.state !== 'ready') return null;
  const { total, late } = lateIndicators(
    items.flatMap((item) => item.indicatorIds),
    objective.indicators,
  );
  const tone = total === 0 ? 'none' : late > 0 ? 'late' : 'ok';
  const text =
    total === 0
      ? 'No indicators on the agenda yet.'
      : late === 0
        ? `All ${total} indicators on the agenda have data for the period due.`
        : `${late} of ${total} indicators on the agenda have no data for the period due.`;
  return (
    <p className={`readiness-hint readiness-hint--${tone}`} data-testid="readiness-hint">
      <span>{text}</span>{' '}
      <Link to={`/objectives/${encodeURIComponent(objective.detail.objective.id)}/readiness`}>
        Data readiness
      </Link>
    </p>
  );
}
