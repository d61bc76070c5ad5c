/**
 * An objective's archived indicators, under its goals: out of the listings and status, but still
 * one click away, to read their record or put them back. Nothing shows when there are none.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { performanceApi } from '../../api/performance.ts';
import { useResource } from '../../api/useResource.ts';
import { currentLanguage } from '../../i18n/locale.ts';

/** "Mar 5, 2026", "5 de mar. de 2026". */
const day = (iso: string) => new Date(iso).toLocaleDateString(currentLanguage(), { dateStyle: 'medium' });

export function ArchivedIndicators({ objectiveId }: { objectiveId: string }) {
  const { t } = useTranslation('performance');
  const archived = useResource(`archived-indicators:${objectiveId}`, () =>
    performanceApi.archivedIndicators(objectiveId),
  );
  if (archived.state !== 'ready' || archived.data.indicators.length === 0) return null;
  const { indicators } = archived.data;
  return (
    <details className="archived-list" data-testid="archived-indicators">
      <summary>{t('archived.title', { count: indicators.length })}</summary>
      <p className="muted">{t('archived.note')}</p>
      <ul>
        {indicators.map((indicator) => (
          <li key={indicator.id} data-indicator-id={indicator.id}>
            <Link to={`/indicators/${encodeURIComponent(indicator.id)}`}>{indicator.name}</Link>{' '}
            <span className="muted">
              {indicator.agency.code} · {indicator.goalTitle} ·{' '}
              {t('archived.archived', { date: day(indicator.archived.at), name: indicator.archived.by })}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
