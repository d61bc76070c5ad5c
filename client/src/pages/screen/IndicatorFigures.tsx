/**
 * An indicator's numbers as the screen shows them: the latest value against the trajectory and the
 * target, a change, and the status from the data beside the owner's rating, flagged when they
 * disagree. Words and shapes carry every meaning; colour only repeats it.
 */
import { useTranslation } from 'react-i18next';
import type { ChangeSince } from '../../charts/chartData.ts';
import { formatDelta, formatValue } from '../../charts/format.ts';
import { longPeriodLabel } from '../../charts/periods.ts';
import { StatusBadge } from '../../charts/StatusBadge.tsx';
import type { ScreenIndicator } from './screenIndicator.ts';

export function Figures({ view, size }: { view: ScreenIndicator; size: 'large' | 'tile' }) {
  const { t } = useTranslation('screen');
  const { indicator } = view.detail;
  const value = (number: number) => formatValue(number, indicator.unit);
  const target = t('figures.target', { date: indicator.targetDate.slice(0, 7) });
  const latest = (
    <div className="screen-figure screen-figure--latest">
      <dt>
        {view.latest
          ? `${t('figures.latest')} · ${longPeriodLabel(view.latest.period)}`
          : t('figures.latest')}
      </dt>
      <dd data-testid="screen-latest">{view.latest ? value(view.latest.value) : t('figures.noData')}</dd>
    </div>
  );
  if (size === 'tile')
    return (
      <p className="screen-figures--tile">
        <strong data-testid="screen-latest">
          {view.latest ? value(view.latest.value) : t('figures.noData')}
        </strong>
        {view.planned !== null && (
          <span className="screen-muted">
            {' '}
            / {t('figures.trajectory').toLowerCase()} {value(view.planned)}
          </span>
        )}
      </p>
    );
  return (
    <dl className="screen-figures screen-figures--large">
      {latest}
      {view.planned !== null && (
        <div className="screen-figure">
          <dt>{t('figures.trajectory')}</dt>
          <dd>{value(view.planned)}</dd>
        </div>
      )}
      <div className="screen-figure">
        <dt>{target}</dt>
        <dd>{value(indicator.targetValue)}</dd>
      </div>
    </dl>
  );
}

export function Change({ change, unit, label }: { change: ChangeSince | null; unit: string; label: string }) {
  const { t } = useTranslation('charts');
  if (!change) return null;
  return (
    <p className="screen-change" data-meaning={change.meaning}>
      <span className="screen-change__what">
        <span className="screen-change__arrow" aria-hidden="true">
          {change.delta > 0 ? '▲' : change.delta < 0 ? '▼' : '■'}
        </span>
        <strong>{formatDelta(change.delta, unit)}</strong> <span>({t(`changeSince.${change.meaning}`)})</span>
      </span>{' '}
      <span className="screen-change__since">{label}</span>
    </p>
  );
}

export function Statuses({ view }: { view: ScreenIndicator }) {
  const { t } = useTranslation('screen');
  return (
    <p className="screen-statuses">
      <StatusBadge status={view.status} prefix={t('figures.data')} size="large" />
      {view.rating ? (
        <StatusBadge status={view.rating} prefix={t('figures.owner')} size="large" />
      ) : (
        <span className="screen-muted">{t('figures.notRated')}</span>
      )}
      {view.disagrees && (
        <span className="screen-flag" data-testid="screen-disagrees">
          ⚑ {t('figures.disagrees')}
        </span>
      )}
    </p>
  );
}
