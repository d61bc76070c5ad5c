/**
 * The screen's top line: the meeting and its objective, the phase, the time of day, and, while the
 * live connection is down, a small calm "reconnecting" mark with the time of the last update: the
 * content below stays as it was.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingPhase } from '../../../../shared/meetingLive.ts';
import type { ObjectiveDetail } from '../../../../shared/performance.ts';
import type { Meeting } from '../../api/meetings.ts';
import { useStore } from '../../store/index.ts';
import { formatClockTime } from '../room/roomFormat.ts';
import { useNow } from '../room/useNow.ts';

/** A first connection this slow is worth a mark; a quicker one would only make it flash. */
const FIRST_CONNECT_GRACE_MS = 3000;

export function ScreenBar({
  meeting,
  objective,
  phase,
}: {
  meeting: Meeting;
  objective: ObjectiveDetail | null;
  phase: MeetingPhase;
}) {
  const { t } = useTranslation('screen');
  const now = useNow(true, 10_000);
  return (
    <header className="screen__bar">
      <p className="screen__meeting">
        <strong>{meeting.title}</strong>
        {objective && <span className="screen__objective"> · {objective.objective.name}</span>}
      </p>
      <p className={`screen__phase screen__phase--${phase}`}>{t(`bar.phase.${phase}`)}</p>
      <Reconnecting />
      <p className="screen__clock">{formatClockTime(now)}</p>
    </header>
  );
}

function Reconnecting() {
  const { t } = useTranslation('screen');
  const connection = useStore((state) => state.connection);
  const [graceOver, setGraceOver] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setGraceOver(true), FIRST_CONNECT_GRACE_MS);
    return () => clearTimeout(timer);
  }, []);
  const down =
    connection.status !== 'connected' &&
    (connection.everConnected || connection.status === 'offline' || graceOver);
  if (!down) return null;
  return (
    <p className="screen__reconnecting" data-testid="screen-reconnecting" role="status">
      <span className="screen__reconnecting-dot" aria-hidden="true" />
      {t('bar.reconnecting')}
      {connection.lastSyncedAt !== null && (
        <span className="screen__reconnecting-since">
          {' '}
          · {t('bar.lastUpdate', { time: formatClockTime(connection.lastSyncedAt) })}
        </span>
      )}
    </p>
  );
}
