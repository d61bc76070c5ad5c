/**
 * One of the item's other indicators, as a tile one line high (a row under the chart, so the chart
 * keeps its room): its latest value against the trajectory, the change since the last meeting, and
 * its statuses.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinnedSeries } from '../../../../shared/pinnedData.ts';
import { longPeriodLabel } from '../../charts/periods.ts';
import { Change, Figures, Statuses } from './IndicatorFigures.tsx';
import { changeOverSpan, changeSinceMeeting, screenIndicator } from './screenIndicator.ts';
import { useIndicatorDetail } from './useIndicatorDetail.ts';

interface IndicatorTileProps {
  indicatorId: string;
  pinned: PinnedSeries | null;
  lastMeetingDate: string | null;
}

// Memoized like FocusIndicator: the ledger changing does not change a tile.
export const IndicatorTile = memo(function IndicatorTile({
  indicatorId,
  pinned,
  lastMeetingDate,
}: IndicatorTileProps) {
  const { t } = useTranslation('screen');
  const detail = useIndicatorDetail(indicatorId);
  const data = detail.state === 'ready' ? detail.data : null;
  const view = useMemo(() => (data ? screenIndicator(data, pinned) : null), [data, pinned]);
  if (!view)
    return (
      <article className="screen-tile" data-indicator-id={indicatorId}>
        <p className="screen-muted">{detail.state === 'failed' ? t('tile.failed') : t('tile.loading')}</p>
      </article>
    );
  // Without an earlier meeting (or data from before it), the indicator page's default span.
  const sinceMeeting = changeSinceMeeting(view, lastMeetingDate);
  const change = sinceMeeting ?? changeOverSpan(view, 'auto');
  const label = sinceMeeting
    ? t('tile.sinceMeeting')
    : change
      ? t('focus.since', { period: longPeriodLabel(change.from.period) })
      : '';
  return (
    <article className="screen-tile" data-testid="screen-tile" data-indicator-id={indicatorId}>
      <h3 className="screen-tile__name">{view.detail.indicator.name}</h3>
      <Figures view={view} size="tile" />
      <Change change={change} unit={view.detail.indicator.unit} label={label} />
      <Statuses view={view} />
    </article>
  );
});
