/**
 * The agenda down the side: each item with its time box and the time spent on it (computed from
 * the stored timings), the current one highlighted; while the meeting is live an analyst clicks an
 * item to go to it.
 */

import { itemClock } from '../../../../shared/itemClock.ts';
import { AGENDA_ITEM_KIND_LABELS, type AgendaItem } from '../../../../shared/meetingDoc.ts';
import { type ItemTiming, type MeetingLiveState, MeetingPhase } from '../../../../shared/meetingLive.ts';
import { goToItem } from '../../api/meetingCommands.ts';
import { formatMinutes } from './roomFormat.ts';
import { useCommand } from './useCommand.ts';
import { useNow } from './useNow.ts';

const TEXT = {
  title: 'Agenda',
  empty: 'Nothing on the agenda.',
  box: (minutes: number) => `${minutes} min`,
  spent: (spent: string, box: number) => `${spent} of ${box} min`,
  over: 'over time',
  current: 'now',
  goTo: (title: string) => `Go to “${title}”`,
  done: 'done',
};

interface AgendaRailProps {
  meetingId: string;
  items: AgendaItem[];
  live: MeetingLiveState;
  canRun: boolean;
}

export function AgendaRail({ meetingId, items, live, canRun }: AgendaRailProps) {
  const command = useCommand();
  const clickable = canRun && live.phase === MeetingPhase.live && live.currentItemId !== null;
  const total = items.reduce((sum, item) => sum + item.timeboxMinutes, 0);

  const goTo = (itemId: string) => {
    const from = live.currentItemId;
    if (from === null) return;
    void command.run((socket) => goToItem(socket, meetingId, from, { itemId }));
  };

  return (
    <nav className="card room__rail rail" aria-labelledby="rail-title">
      <h2 className="card__title rail__title" id="rail-title">
        {TEXT.title} <span className="count">{TEXT.box(total)}</span>
      </h2>
      {command.error && (
        <p className="room__command-error" role="alert">
          {command.error.message}
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">{TEXT.empty}</p>
      ) : (
        <ol className="rail__list">
          {items.map((item, index) => {
            const isCurrent = item.id === live.currentItemId && live.phase === MeetingPhase.live;
            const timing = live.timings[item.id];
            const body = (
              <>
                <span className="rail__number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="rail__text">
                  <span className="rail__item-title" data-testid="rail-item-title">
                    {item.title}
                  </span>
                  <span className="rail__meta">
                    {AGENDA_ITEM_KIND_LABELS[item.kind]} · <SpentTime timing={timing} item={item} />
                  </span>
                </span>
                {isCurrent && <span className="rail__now">{TEXT.current}</span>}
                {!isCurrent && timing?.endedAt != null && <span className="rail__done">{TEXT.done}</span>}
              </>
            );
            return (
              <li
                key={item.id}
                className={`rail__item${isCurrent ? ' is-current' : ''}`}
                aria-current={isCurrent ? 'step' : undefined}
                data-testid="rail-item"
              >
                {clickable && !isCurrent ? (
                  <button
                    type="button"
                    className="rail__button"
                    disabled={command.busy}
                    aria-label={TEXT.goTo(item.title)}
                    onClick={() => goTo(item.id)}
                  >
                    {body}
                  </button>
                ) : (
                  <div className="rail__button rail__button--static">{body}</div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </nav>
  );
}

/** Minutes spent against the box; only the running item re-renders each tick. */
function SpentTime({ timing, item }: { timing: ItemTiming | undefined; item: AgendaItem }) {
  const now = useNow(timing?.runningSince != null, 5000);
  if (!timing) return <span>{TEXT.box(item.timeboxMinutes)}</span>;
  const clock = itemClock(timing, item.timeboxMinutes, now);
  return (
    <span className={clock.overrun ? 'rail__over' : undefined}>
      {TEXT.spent(formatMinutes(clock.elapsedMs), item.timeboxMinutes)}
      {clock.overrun && <span className="visually-hidden"> {TEXT.over}</span>}
    </span>
  );
}
