/**
 * The item under discussion: its title, presenter, timer and indicators (the prep page's list,
 * read-only, and a chart of one of them). Before the start it previews the first item; after the
 * close it says so.
 */
import { lazy, Suspense } from 'react';
import { AGENDA_ITEM_KIND_LABELS, type AgendaItem } from '../../../../shared/meetingDoc.ts';
import { type MeetingLiveState, MeetingPhase } from '../../../../shared/meetingLive.ts';
import type { PinnedSeries } from '../../../../shared/pinnedData.ts';
import { type ScreenState, shownIndicatorId } from '../../../../shared/screenControl.ts';
import { ItemIndicators } from '../meetings/ItemIndicators.tsx';
import { type PrepCatalog, presenterLabel } from '../meetings/prepCatalog.ts';
import { ItemTimer } from './ItemTimer.tsx';

// The chart library is most of the page's code and only a current item with indicators needs it:
// loaded on demand, the follow-up does not wait for it.
const IndicatorFocus = lazy(() =>
  import('./IndicatorFocus.tsx').then((module) => ({ default: module.IndicatorFocus })),
);

import { formatClockTime } from './roomFormat.ts';

const TEXT = {
  position: (index: number, total: number) => `Item ${index} of ${total}`,
  presenter: 'Presented by',
  noPresenter: 'No presenter set',
  notStarted: 'The meeting has not started.',
  opensWith: 'It opens with:',
  emptyAgenda: 'The agenda is empty.',
  closed: (time: string) => `The meeting closed at ${time}.`,
  closedNote: 'It is now a record: the commitments made in it are on the right and in the memo.',
  noCurrent: 'The current item is no longer on the agenda: go to an item from the agenda.',
};

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
  if (live.phase === MeetingPhase.closed)
    return (
      <div className="card current current--note">
        <p className="current__note">{TEXT.closed(formatClockTime(live.closedAt ?? Date.now()))}</p>
        <p className="muted">{TEXT.closedNote}</p>
      </div>
    );
  if (live.phase === MeetingPhase.draft) {
    const first = items[0];
    return (
      <div className="card current current--note">
        <p className="current__note">{TEXT.notStarted}</p>
        <p className="muted">
          {first ? (
            <>
              {TEXT.opensWith} <strong>{first.title}</strong>
            </>
          ) : (
            TEXT.emptyAgenda
          )}
        </p>
      </div>
    );
  }
  if (!item)
    return (
      <div className="card current current--note">
        <p className="current__note">{TEXT.noCurrent}</p>
      </div>
    );

  const presenter = presenterLabel(item.presenterAgency, catalog.agencies);
  const indicators = catalog.objective.state === 'ready' ? catalog.objective.indicators : null;
  return (
    <article className="card current" aria-labelledby="current-title" data-testid="current-item">
      <div className="current__head">
        <div className="current__heading">
          <p className="current__eyebrow">
            {TEXT.position(items.indexOf(item) + 1, items.length)} · {AGENDA_ITEM_KIND_LABELS[item.kind]}
          </p>
          <h2 className="current__title" id="current-title" data-testid="current-item-title">
            {item.title}
          </h2>
          <p className="current__presenter">
            {presenter ? (
              <>
                {TEXT.presenter} <strong>{presenter}</strong>
              </>
            ) : (
              <span className="muted">{TEXT.noPresenter}</span>
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
