/**
 * One of the current item's indicators as a full chart (the indicator page's chart: actual values
 * against the trajectory and target, with the change since a chosen span), and a choice among the
 * item's indicators when it has several. It follows the big screen: the indicator shown large there
 * and its "change since" span; a person may look at another indicator here and then follow the
 * screen again. Once the meeting has started the chart shows the values pinned at its start, and
 * says which of them have been corrected since.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataPoint } from '../../../../shared/performance.ts';
import { corrections, type PinnedSeries } from '../../../../shared/pinnedData.ts';
import type { SinceSpan } from '../../../../shared/screenControl.ts';
import { performanceApi } from '../../api/performance.ts';
import { useResource } from '../../api/useResource.ts';
import { buildChartRows, changeSince } from '../../charts/chartData.ts';
import { formatValue } from '../../charts/format.ts';
import { IndicatorChart } from '../../charts/IndicatorChart.tsx';
import { longPeriodLabel } from '../../charts/periods.ts';
import { sincePeriodFor } from '../../charts/sinceSpan.ts';
import { errorText } from '../../i18n/errorText.ts';
import type { CatalogIndicator } from '../meetings/prepCatalog.ts';
import { formatClockTime } from './roomFormat.ts';

/** At most this many corrections are spelled out under the chart. */
const MAX_CORRECTIONS_SHOWN = 3;

/** What the big screen shows of the current item: the indicator large on it and the span. */
export interface ScreenView {
  indicatorId: string | null;
  since: SinceSpan;
}

interface IndicatorFocusProps {
  indicatorIds: string[];
  catalog: Map<string, CatalogIndicator> | null;
  /** The series pinned when the meeting started, by indicator id. */
  pinned: Record<string, PinnedSeries>;
  screen: ScreenView;
}

export function IndicatorFocus({ indicatorIds, catalog, pinned, screen }: IndicatorFocusProps) {
  const { t } = useTranslation('room');
  // The indicator this person looks at instead of the screen's; null: follow the screen.
  const [looking, setLooking] = useState<string | null>(null);
  const onScreen = screen.indicatorId ?? indicatorIds[0] ?? null;
  const away = looking !== null && looking !== onScreen && indicatorIds.includes(looking);
  // Once the screen comes to the indicator looked at, this page follows the screen again.
  useEffect(() => {
    if (looking !== null && looking === onScreen) setLooking(null);
  }, [looking, onScreen]);
  const id = away ? looking : onScreen;
  if (id === null) return null;
  const name = (indicatorId: string) => catalog?.get(indicatorId)?.indicator.name ?? indicatorId;
  return (
    <div
      className="focus"
      data-testid="indicator-focus"
      data-indicator-id={id}
      data-following={away ? 'no' : 'yes'}
    >
      {indicatorIds.length > 1 && (
        <fieldset className="focus__tabs">
          <legend className="visually-hidden">{t('focus.choose')}</legend>
          {indicatorIds.map((indicatorId) => (
            <button
              key={indicatorId}
              type="button"
              className={`focus__tab${indicatorId === id ? ' is-active' : ''}`}
              aria-pressed={indicatorId === id}
              onClick={() => setLooking(indicatorId === onScreen ? null : indicatorId)}
            >
              <span className="focus__tab-name">{name(indicatorId)}</span>
              {indicatorId === onScreen && <span className="focus__on-screen">{t('focus.onScreen')}</span>}
            </button>
          ))}
        </fieldset>
      )}
      {away && (
        <p className="focus__away" role="status">
          {t('focus.lookingAway')}{' '}
          <button type="button" className="button button--small" onClick={() => setLooking(null)}>
            {t('focus.follow')}
          </button>
        </p>
      )}
      <FocusChart key={id} indicatorId={id} pinned={pinned[id] ?? null} since={screen.since} />
    </div>
  );
}

interface FocusChartProps {
  indicatorId: string;
  pinned: PinnedSeries | null;
  since: SinceSpan;
}

function FocusChart({ indicatorId, pinned, since: span }: FocusChartProps) {
  const { t } = useTranslation(['room', 'common']);
  const detail = useResource(`room-indicator:${indicatorId}`, () => performanceApi.indicator(indicatorId));
  const data = detail.state === 'ready' ? detail.data : null;
  const points = useMemo(
    (): DataPoint[] =>
      pinned
        ? pinned.points.map((point) => ({ indicatorId, enteredBy: '', note: null, ...point }))
        : (data?.points ?? []),
    [pinned, data, indicatorId],
  );
  const rows = useMemo(() => (data ? buildChartRows(points, data.plan) : []), [data, points]);
  if (detail.state === 'loading') return <p className="focus__note">{t('focus.loading')}</p>;
  if (detail.state === 'error')
    return (
      <p className="focus__note" role="alert">
        {t('focus.failed', { message: errorText(detail.error) })}{' '}
        <button type="button" className="button button--small" onClick={detail.reload}>
          {t('common:retry')}
        </button>
      </p>
    );
  const { indicator } = detail.data;
  const since = sincePeriodFor(points, indicator.frequency, span);
  const change = since ? changeSince(points, since, indicator.direction) : null;
  const changed = pinned ? corrections(pinned, detail.data.points) : [];
  const value = (number: number) => formatValue(number, indicator.unit);
  return (
    <>
      {change && (
        <p
          className="focus__since"
          data-testid="focus-since"
          data-span={span}
          data-period={change.from.period}
        >
          {t('focus.since', { period: longPeriodLabel(change.from.period) })}:{' '}
          <strong>
            {value(change.from.value)} → {value(change.to.value)}
          </strong>
        </p>
      )}
      <IndicatorChart indicator={indicator} rows={rows} change={change} height="clamp(200px, 30vh, 420px)" />
      {pinned && (
        <p className="focus__note" data-testid="pinned-note">
          {t('focus.pinned', { time: formatClockTime(pinned.pinnedAt) })}
          {changed.length > 0 && (
            <>
              {' '}
              <strong>{t('focus.corrected', { count: changed.length })}</strong>{' '}
              {changed
                .slice(0, MAX_CORRECTIONS_SHOWN)
                .map((each) => {
                  const period = longPeriodLabel(each.period);
                  const from = value(each.pinned);
                  return each.current === null
                    ? t('focus.removed', { period, from })
                    : `${period}: ${from} → ${value(each.current)}`;
                })
                .join('; ')}
              {changed.length > MAX_CORRECTIONS_SHOWN && '; …'}
            </>
          )}
        </p>
      )}
    </>
  );
}
