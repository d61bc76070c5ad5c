/**
 * An objective's archived indicators, under its goals: out of the listings and status, but still
 * one click away, to read their record or put them back. Nothing shows when there are none.
 */
import { Link } from 'react-router';
import { performanceApi } from '../../api/performance.ts';
import { useResource } from './useResource.ts';

const TEXT = {
  title: (count: number) => `Archived indicators (${count})`,
  note: 'Not counted in the status above. Open one to see its data and changes, or to put it back in use.',
  archived: (date: string, by: string) => `archived on ${date} by ${by}`,
} as const;

const day = (iso: string) => new Date(iso).toLocaleDateString('en', { dateStyle: 'medium' });

export function ArchivedIndicators({ objectiveId }: { objectiveId: string }) {
  const archived = useResource(`archived-indicators:${objectiveId}`, () =>
    performanceApi.archivedIndicators(objectiveId),
  );
  if (archived.state !== 'ready' || archived.data.indicators.length === 0) return null;
  const { indicators } = archived.data;
  return (
    <details className="archived-list" data-testid="archived-indicators">
      <summary>{TEXT.title(indicators.length)}</summary>
      <p className="muted">{TEXT.note}</p>
      <ul>
        {indicators.map((indicator) => (
          <li key={indicator.id} data-indicator-id={indicator.id}>
            <Link to={`/indicators/${encodeURIComponent(indicator.id)}`}>{indicator.name}</Link>{' '}
            <span className="muted">
              {indicator.agency.code} · {indicator.goalTitle} ·{' '}
              {TEXT.archived(day(indicator.archived.at), indicator.archived.by)}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
