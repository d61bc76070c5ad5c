/**
 * The console's top line: the way back to the meeting page, the meeting, its phase and the
 * connection, Start (draft) or Close with a confirm step (live), the memo (closed), the keys, and
 * the language (the console has no app top bar to carry it).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import { type MeetingLiveState, MeetingPhase } from '../../../../shared/meetingLive.ts';
import type { Meeting } from '../../api/meetings.ts';
import { ConnectionBadge } from '../../components/ConnectionBadge.tsx';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { formatMeetingDate } from '../meetings/meetingDates.ts';
import { ConfirmCloseDialog } from '../room/ConfirmCloseDialog.tsx';
import { formatClockTime } from '../room/roomFormat.ts';
import type { ConsoleActions } from './useConsoleActions.ts';

interface ConsoleBarProps {
  meeting: Meeting;
  live: MeetingLiveState;
  items: AgendaItem[];
  actions: ConsoleActions;
  canRun: boolean;
  onHelp(): void;
}

export function ConsoleBar({ meeting, live, items, actions, canRun, onHelp }: ConsoleBarProps) {
  const { t } = useTranslation('console');
  const [confirming, setConfirming] = useState(false);
  const { busy } = actions.command;
  useEffect(() => {
    if (live.phase !== MeetingPhase.live) setConfirming(false);
  }, [live.phase]);
  const meetingPath = `/meetings/${encodeURIComponent(meeting.id)}`;

  return (
    <header className="console__bar">
      <Link className="button console__back" to={meetingPath} aria-label={t('bar.backLabel')}>
        <span aria-hidden="true">←</span> {t('bar.back')}
      </Link>
      <div className="console__heading">
        <p className="console__eyebrow">
          {t('bar.console')} ·{' '}
          <time dateTime={meeting.scheduledFor}>{formatMeetingDate(meeting.scheduledFor)}</time>
        </p>
        <h1 className="console__title">{meeting.title}</h1>
      </div>
      <span className={`phase-badge phase-badge--${live.phase}`} data-testid="phase-badge">
        {t(`bar.phase.${live.phase}`)}
      </span>
      {/* The meeting page's light badge: the dark top bar's would not read on this background. */}
      <span className="room__conn">
        <ConnectionBadge />
      </span>
      <div className="console__bar-end">
        {canRun && live.phase === MeetingPhase.draft && (
          <>
            {items.length === 0 && <span className="console__hint">{t('bar.emptyAgenda')}</span>}
            <button
              type="button"
              className="button button--primary"
              disabled={busy || items.length === 0}
              aria-busy={busy}
              onClick={actions.start}
            >
              {t('bar.start')}
            </button>
          </>
        )}
        {canRun && live.phase === MeetingPhase.live && !confirming && (
          <button
            type="button"
            className="button button--danger-ghost"
            disabled={busy}
            onClick={() => {
              actions.command.clear();
              setConfirming(true);
            }}
          >
            {t('bar.close')}
          </button>
        )}
        {live.phase === MeetingPhase.closed && (
          <>
            {live.closedAt !== null && (
              <span className="console__hint" data-testid="closed-at">
                {t('bar.closedAt', { time: formatClockTime(live.closedAt) })}
              </span>
            )}
            <Link className="button button--primary" to={`${meetingPath}/memo`}>
              {t('bar.memo')}
            </Link>
          </>
        )}
        <button type="button" className="button" onClick={onHelp} aria-keyshortcuts="?">
          {t('bar.keys')} <kbd className="kbd">?</kbd>
        </button>
        <span className="console__language">
          <LanguageSwitch />
        </span>
      </div>
      {confirming && (
        <ConfirmCloseDialog
          className="console__confirm"
          label={t('bar.close')}
          busy={busy}
          onConfirm={() => {
            setConfirming(false);
            actions.close();
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </header>
  );
}
