/**
 * The meeting's controls by phase: start; previous / next, pause / resume, +1 / +5 min and close
 * (with a confirm step); after the close, when it closed and the memo. Every command names the
 * item on this screen, so a press that crossed someone else's is refused (`stale`) and said so.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorCode } from '../../../../shared/errors.ts';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import { type MeetingLiveState, MeetingPhase } from '../../../../shared/meetingLive.ts';
import {
  closeMeeting,
  extendTimer,
  goToItem,
  pauseTimer,
  startMeeting,
  startTimer,
} from '../../api/meetingCommands.ts';
import type { Meeting } from '../../api/meetings.ts';
import { ConfirmCloseDialog } from './ConfirmCloseDialog.tsx';
import { formatClockTime, minutesText } from './roomFormat.ts';
import { useCommand } from './useCommand.ts';

interface MeetingControlsProps {
  meeting: Meeting;
  live: MeetingLiveState;
  items: AgendaItem[];
  current: AgendaItem | null;
  canRun: boolean;
}

export function MeetingControls({ meeting, live, items, current, canRun }: MeetingControlsProps) {
  const { t } = useTranslation('room');
  const command = useCommand();
  const [confirming, setConfirming] = useState(false);
  const { busy } = command;

  if (live.phase === MeetingPhase.closed) {
    return (
      <div className="room__controls">
        {live.closedAt !== null && (
          <span className="room__closed" data-testid="closed-at">
            {t('controls.closedAt', { time: formatClockTime(live.closedAt) })}
          </span>
        )}
        <Link className="button button--primary" to={`/meetings/${encodeURIComponent(meeting.id)}/memo`}>
          {t('controls.memo')}
        </Link>
      </div>
    );
  }
  if (!canRun) return <p className="room__readonly">{t('controls.readOnly')}</p>;

  const error = command.error && (
    <p className="room__command-error" role="alert" data-testid="command-error">
      {command.error.code === ErrorCode.stale && <strong>{t('controls.stale')} </strong>}
      {command.error.message}
    </p>
  );

  if (live.phase === MeetingPhase.draft) {
    return (
      <div className="room__controls-wrap">
        <div className="room__controls">
          <button
            type="button"
            className="button button--primary"
            disabled={busy || items.length === 0}
            aria-busy={busy}
            onClick={() => void command.run((socket) => startMeeting(socket, meeting.id))}
          >
            {t('controls.start')}
          </button>
        </div>
        {items.length === 0 && <p className="room__hint">{t('controls.emptyAgenda')}</p>}
        {error}
      </div>
    );
  }

  const index = current ? items.indexOf(current) : -1;
  const timing = current ? live.timings[current.id] : undefined;
  const running = timing?.runningSince != null;
  const itemId = current?.id ?? live.currentItemId ?? '';
  const send = (go: Parameters<typeof command.run>[0]) => {
    setConfirming(false);
    void command.run(go);
  };

  return (
    <div className="room__controls-wrap">
      <div className="room__controls" role="toolbar" aria-label={t('controls.label')}>
        <button
          type="button"
          className="button"
          disabled={busy || index <= 0}
          onClick={() => send((socket) => goToItem(socket, meeting.id, itemId, 'previous'))}
        >
          <span aria-hidden="true">←</span> {t('controls.previous')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || index < 0 || index >= items.length - 1}
          onClick={() => send((socket) => goToItem(socket, meeting.id, itemId, 'next'))}
        >
          {t('controls.next')} <span aria-hidden="true">→</span>
        </button>
        <span className="room__controls-sep" aria-hidden="true" />
        <button
          type="button"
          className="button"
          disabled={busy || !timing}
          onClick={() =>
            send((socket) =>
              running ? pauseTimer(socket, meeting.id, itemId) : startTimer(socket, meeting.id, itemId),
            )
          }
        >
          {running ? t('controls.pause') : t('controls.resume')}
        </button>
        {[1, 5].map((minutes) => (
          <button
            key={minutes}
            type="button"
            className="button"
            disabled={busy || !timing}
            aria-label={t('controls.extendLabel', { count: minutes })}
            onClick={() => send((socket) => extendTimer(socket, meeting.id, itemId, minutes))}
          >
            +{minutesText(minutes)}
          </button>
        ))}
        <span className="room__controls-sep" aria-hidden="true" />
        {!confirming && (
          <button
            type="button"
            className="button button--danger-ghost"
            disabled={busy}
            onClick={() => {
              command.clear();
              setConfirming(true);
            }}
          >
            {t('controls.close')}
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmCloseDialog
          className="room__confirm"
          label={t('controls.close')}
          busy={busy}
          onConfirm={() => send((socket) => closeMeeting(socket, meeting.id))}
          onCancel={() => setConfirming(false)}
        />
      )}
      {error}
    </div>
  );
}
