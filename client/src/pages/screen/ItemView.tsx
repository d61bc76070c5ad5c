/**
 * The current item: where it sits in the agenda, its title, presenter and timer; the indicator the
 * screen shows large and the item's others as tiles; on the right, the open commitments of its
 * agency or goals and those made in this meeting (newest first, so a new one is always in view).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { followUp, madeInMeeting } from '../../../../shared/followUp.ts';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import type { MeetingLiveState } from '../../../../shared/meetingLive.ts';
import type { PinnedSeries } from '../../../../shared/pinnedData.ts';
import { type ScreenState, shownIndicatorId } from '../../../../shared/screenControl.ts';
import type { Meeting } from '../../api/meetings.ts';
import { agendaItemTitle, agendaKindLabel } from '../../i18n/agendaText.ts';
import { ItemTimer } from '../room/ItemTimer.tsx';
import { FitList } from './FitList.tsx';
import { FocusIndicator } from './FocusIndicator.tsx';
import { IndicatorTile } from './IndicatorTile.tsx';
import { FollowUpCommitment, MadeList } from './ScreenCommitment.tsx';
import type { ScreenLedger } from './screenLedger.ts';
import type { ScreenNames } from './screenNames.ts';
import { useIndicatorDetail } from './useIndicatorDetail.ts';

/** Tiles in the row under the large indicator; with more, the last place says how many more. */
const TILES = 3;
const tilesShown = (ids: string[]) => (ids.length > TILES ? ids.slice(0, TILES - 1) : ids);

export interface ItemViewProps {
  meeting: Meeting;
  item: AgendaItem;
  items: AgendaItem[];
  live: MeetingLiveState;
  pinned: Record<string, PinnedSeries>;
  screen: ScreenState;
  names: ScreenNames;
  ledger: ScreenLedger;
}

export function ItemView({ meeting, item, items, live, pinned, screen, names, ledger }: ItemViewProps) {
  const { t } = useTranslation('screen');
  const shownId = shownIndicatorId(screen, item.indicatorIds);
  const others = item.indicatorIds.filter((id) => id !== shownId);
  const shown = useIndicatorDetail(shownId);
  const presenter = item.presenterAgency ? names.agency(item.presenterAgency) : null;

  // The follow-up this item concerns: its presenter's, or its goal's; the whole list otherwise.
  const goalId = shown.state === 'ready' ? shown.data.goal.id : null;
  const agencyId = shown.state === 'ready' ? shown.data.agency.id : names.agencyId(item.presenterAgency);
  const entries = useMemo(() => {
    const all = followUp(
      ledger.ledger,
      { id: meeting.id, startedAt: live.startedAt },
      Date.now(),
      ledger.history,
    );
    if (!agencyId && !goalId) return all;
    return all.filter(
      ({ commitment }) => commitment.ownerAgencyId === agencyId || commitment.goalId === goalId,
    );
  }, [ledger, meeting.id, live.startedAt, agencyId, goalId]);

  const made = useMemo(() => madeInMeeting(ledger.ledger, meeting.id).reverse(), [ledger, meeting.id]);

  const followUpList = (
    <section className="screen-panel screen-panel--follow" aria-labelledby="screen-open-title">
      <h2 className="screen-section-title" id="screen-open-title">
        {presenter && (agencyId || goalId) ? t('item.openOf', { agency: presenter }) : t('item.open')}
        {ledger.known && <span className="screen-count">{entries.length}</span>}
      </h2>
      {entries.length === 0 ? (
        <p className="screen-muted">{ledger.known ? t('item.openNone') : t('commitmentsLoading')}</p>
      ) : (
        <FitList
          className="screen-commitments"
          items={entries}
          keyOf={(entry) => entry.commitment.id}
          more={(number) => t('more', { number })}
          render={(entry) => <FollowUpCommitment entry={entry} names={names} />}
        />
      )}
    </section>
  );

  return (
    <div className={`screen-item${shownId ? '' : ' screen-item--no-data'}`}>
      <header className="screen-item__head">
        <div className="screen-item__heading">
          <p className="screen-eyebrow">
            {t('item.position', { index: items.indexOf(item) + 1, total: items.length })} ·{' '}
            {agendaKindLabel(item.kind)}
            {screen.driver && (
              <span className="screen-item__driver">
                {' '}
                · {t('item.driving', { name: screen.driver.name })}
              </span>
            )}
          </p>
          <h1 className="screen-item__title" data-testid="screen-item-title">
            {agendaItemTitle(item.title)}
          </h1>
          {presenter && (
            <p className="screen-item__presenter">
              {t('item.presenter')} <strong>{presenter}</strong>
            </p>
          )}
        </div>
        <ItemTimer timing={live.timings[item.id]} timeboxMinutes={item.timeboxMinutes} />
      </header>
      <div className="screen-item__main">
        {shownId ? (
          <div className="screen-item__data">
            <FocusIndicator
              key={shownId}
              indicatorId={shownId}
              detail={shown}
              pinned={pinned[shownId] ?? null}
              since={screen.since}
            />
            {others.length > 0 && (
              <ul className="screen-tiles">
                {tilesShown(others).map((id) => (
                  <li key={id}>
                    <IndicatorTile
                      indicatorId={id}
                      pinned={pinned[id] ?? null}
                      lastMeetingDate={names.lastMeetingDate}
                    />
                  </li>
                ))}
                {others.length > TILES && (
                  <li className="screen-tiles__more" data-testid="screen-more">
                    {t('item.moreIndicators', { count: others.length - TILES + 1 })}
                  </li>
                )}
              </ul>
            )}
          </div>
        ) : (
          followUpList
        )}
        <aside
          className={`screen-item__side${entries.length === 0 ? ' is-follow-empty' : ''}${made.length === 0 ? ' is-made-empty' : ''}`}
        >
          {shownId && followUpList}
          <MadeList
            made={made}
            names={names}
            title={t('item.made')}
            known={ledger.known}
            empty={t('item.madeNone')}
            className="screen-panel--made"
          />
        </aside>
      </div>
    </div>
  );
}
