/**
 * The current item's clock: remaining time, or time over the box, ticking here from the stored
 * start times (shared/itemClock.ts) — never from server ticks, so every screen agrees and a slow
 * network cannot make it stutter.
 */
import { useTranslation } from 'react-i18next';
import { itemClock } from '../../../../shared/itemClock.ts';
import type { ItemTiming } from '../../../../shared/meetingLive.ts';
import { formatDuration } from './roomFormat.ts';
import { useNow } from './useNow.ts';

export function ItemTimer({
  timing,
  timeboxMinutes,
}: {
  timing: ItemTiming | undefined;
  timeboxMinutes: number;
}) {
  const { t } = useTranslation('room');
  const running = timing?.runningSince != null;
  const now = useNow(running);
  const clock = itemClock(timing, timeboxMinutes, now);
  const boxMs = timeboxMinutes * 60_000 + (timing?.extensionsMs ?? 0);
  const extendedMinutes = Math.round((timing?.extensionsMs ?? 0) / 60_000);
  const state = !timing ? 'idle' : clock.overrun ? 'over' : running ? 'running' : 'paused';

  return (
    <div
      className={`timer timer--${state}`}
      role="timer"
      aria-label={t('timer.label')}
      data-testid="item-timer"
    >
      <p className="timer__main">
        <span className="timer__value" data-testid="timer-value">
          {clock.overrun ? '+' : ''}
          {formatDuration(Math.abs(clock.remainingMs))}
        </span>
        <span className="timer__unit">{clock.overrun ? t('timer.over') : t('timer.remaining')}</span>
      </p>
      <p className="timer__detail">
        {t('timer.elapsed', { elapsed: formatDuration(clock.elapsedMs), box: formatDuration(boxMs) })}
        {extendedMinutes > 0 && ` ${t('timer.extended', { count: extendedMinutes })}`}
        {!timing && <> · {t('timer.notStarted')}</>}
        {timing && !running && <strong className="timer__paused"> · {t('timer.paused')}</strong>}
      </p>
    </div>
  );
}
