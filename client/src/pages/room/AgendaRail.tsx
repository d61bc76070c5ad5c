/**
 * The agenda down the side: each item with its time box and the time spent on it (computed from
 * the stored timings), the current one highlighted; while the meeting is live an analyst clicks an
 * item to go to it.
 */

import { useTranslation } from 'react-i18next';
import { itemClock } from '../../../../shared/itemClock.ts';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import { type ItemTiming, type MeetingLiveState, MeetingPhase } from '../../../../shared/meetingLive.ts';
import { goToItem } from '../../api/meetingCommands.ts';
import { agendaItemTitle, agendaKindLabel } from '../../i18n/agendaText.ts';
import { formatMinutes, minutesText } from './roomFormat.ts';
import { useCommand } from './useCommand.ts';
import { useNow } from './useNow.ts';

interface AgendaRailProps {
  meetingId: string;
  items: AgendaItem[];
  live: MeetingLiveState;
  canRun: boolean;
}

export function AgendaRail({ meetingId, items, live, canRun }: AgendaRailProps) {
  const { t } = useTranslation('room');
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
        {t('rail.title')} <span className="count">{minutesText(total)}</span>
      </h2>
      {command.error && (
        <p className="room__command-error" role="alert">
          {command.error.message}
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">{t('rail.empty')}</p>
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
                  {/* The mark goes under a title too long to share its line ("CONCLUÍDO" is wide). */}
                  <span className="rail__head">
                    <span className="rail__item-title" data-testid="rail-item-title">
                      {agendaItemTitle(item.title)}
                    </span>
                    {isCurrent && <span className="rail__now">{t('rail.current')}</span>}
                    {!isCurrent && timing?.endedAt != null && (
                      <span className="rail__done">{t('rail.done')}</span>
                    )}
                  </span>
                  <span className="rail__meta">
                    {agendaKindLabel(item.kind)} · <SpentTime timing={timing} item={item} />
                  </span>
                </span>
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
                    aria-label={t('rail.goTo', { title: item.title })}
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
  const { t } = useTranslation('room');
  const now = useNow(timing?.runningSince != null, 5000);
  if (!timing) return <span className="rail__spent">{minutesText(item.timeboxMinutes)}</span>;
  const clock = itemClock(timing, item.timeboxMinutes, now);
  return (
    <span className={`rail__spent${clock.overrun ? ' rail__over' : ''}`}>
      {t('rail.spent', { spent: formatMinutes(clock.elapsedMs), box: item.timeboxMinutes })}
      {clock.overrun && <span className="visually-hidden"> {t('rail.over')}</span>}
    </span>
  );
}
