/**
 * The item under discussion: its title, presenter, timer and indicators (the prep page's list,
 * read-only, and a chart of one of them). Before the start it previews the first item; after the
 * close it says so.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import { type MeetingLiveState, MeetingPhase } from '../../../../shared/meetingLive.ts';
import type { PinnedSeries } from '../../../../shared/pinnedData.ts';
import { type ScreenState, shownIndicatorId } from '../../../../shared/screenControl.ts';
import { agendaItemTitle, agendaKindLabel } from '../../i18n/agendaText.ts';
import { ItemIndicators } from '../meetings/ItemIndicators.tsx';
import { type PrepCatalog, presenterLabel } from '../meetings/prepCatalog.ts';
import { ItemTimer } from './ItemTimer.tsx';

// The chart library is most of the page's code and only a current item with indicators needs it:
// loaded on demand, the follow-up does not wait for it.
const IndicatorFocus = lazy(() =>
  import('./IndicatorFocus.tsx').then((module) => ({ default: module.IndicatorFocus })),
);

import { formatClockTime } from './roomFormat.ts';

const noop = () => undefined;
const NO_GOALS = new Set<string>();

interface CurrentItemPanelProps {
  item: AgendaItem | null;
  items: AgendaItem[];
  live: MeetingLiveState;
  catalog: PrepCatalog;
  pinned: Record<string, PinnedSeries>;
  /** What the big screen shows: the chart follows it unless this person looks elsewhere. */
  screen: ScreenState;
}

export function CurrentItemPanel({ item, items, live, catalog, pinned, screen }: CurrentItemPanelProps) {
  const { t } = useTranslation('room');
  if (live.phase === MeetingPhase.closed)
    return (
      <div className="card current current--note">
        <p className="current__note">
          {t('current.closed', { time: formatClockTime(live.closedAt ?? Date.now()) })}
        </p>
        <p className="muted">{t('current.closedNote')}</p>
      </div>
    );
  if (live.phase === MeetingPhase.draft) {
    const first = items[0];
    return (
      <div className="card current current--note">
        <p className="current__note">{t('current.notStarted')}</p>
        <p className="muted">
          {first ? (
            <>
              {t('current.opensWith')} <strong>{agendaItemTitle(first.title)}</strong>
            </>
          ) : (
            t('current.emptyAgenda')
          )}
        </p>
      </div>
    );
  }
  if (!item)
    return (
      <div className="card current current--note">
        <p className="current__note">{t('current.noCurrent')}</p>
      </div>
    );

  const presenter = presenterLabel(item.presenterAgency, catalog.agencies);
  const indicators = catalog.objective.state === 'ready' ? catalog.objective.indicators : null;
  return (
    <article className="card current" aria-labelledby="current-title" data-testid="current-item">
      <div className="current__head">
        <div className="current__heading">
          <p className="current__eyebrow">
            {t('current.position', { index: items.indexOf(item) + 1, total: items.length })} ·{' '}
            {agendaKindLabel(item.kind)}
          </p>
          <h2 className="current__title" id="current-title" data-testid="current-item-title">
            {agendaItemTitle(item.title)}
          </h2>
          <p className="current__presenter">
            {presenter ? (
              <>
                {t('current.presenter')} <strong>{presenter}</strong>
              </>
            ) : (
              <span className="muted">{t('current.noPresenter')}</span>
            )}
          </p>
        </div>
        <ItemTimer timing={live.timings[item.id]} timeboxMinutes={item.timeboxMinutes} />
      </div>
      {item.indicatorIds.length > 0 && (
        <div className="current__indicators">
          <ItemIndicators
            indicatorIds={item.indicatorIds}
            objective={catalog.objective}
            canEdit={false}
            goalsOnAgenda={NO_GOALS}
            onToggle={noop}
            onAddItemForGoal={noop}
          />
          <Suspense fallback={null}>
            <IndicatorFocus
              key={item.id}
              indicatorIds={item.indicatorIds}
              catalog={indicators}
              pinned={pinned}
              screen={{ indicatorId: shownIndicatorId(screen, item.indicatorIds), since: screen.since }}
            />
          </Suspense>
        </div>
      )}
    </article>
  );
}
