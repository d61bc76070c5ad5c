/**
 * The console's top line: the way back to the meeting page, the meeting, its phase and the
 * connection, Start (draft) or Close with a confirm step (live), the memo (closed), and the keys.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import { type MeetingLiveState, MeetingPhase } from '../../../../shared/meetingLive.ts';
import type { Meeting } from '../../api/meetings.ts';
import { ConnectionBadge } from '../../components/ConnectionBadge.tsx';
import { formatMeetingDate } from '../meetings/meetingDates.ts';
import { ConfirmCloseDialog } from '../room/ConfirmCloseDialog.tsx';
import { formatClockTime } from '../room/roomFormat.ts';
import type { ConsoleActions } from './useConsoleActions.ts';

const TEXT = {
  back: 'Meeting page',
  backLabel: 'Back to the meeting page',
  console: 'Chair’s console',
  phase: { draft: 'Not started', live: 'In progress', closed: 'Closed' } satisfies Record<
    MeetingPhase,
    string
  >,
  start: 'Start meeting',
  emptyAgenda: 'Add agenda items on the preparation page before starting.',
  close: 'Close meeting…',
  closedAt: (time: string) => `Closed at ${time}`,
  memo: 'Open the memo',
  keys: 'Keys',
};

interface ConsoleBarProps {
  meeting: Meeting;
  live: MeetingLiveState;
  items: AgendaItem[];
  actions: ConsoleActions;
  canRun: boolean;
  onHelp(): void;
}

export function ConsoleBar({ meeting, live, items, actions, canRun, onHelp }: ConsoleBarProps) {
  const [confirming, setConfirming] = useState(false);
  const { busy } = actions.command;
  useEffect(() => {
    if (live.phase !== MeetingPhase.live) setConfirming(false);
  }, [live.phase]);
  const meetingPath = `/meetings/${encodeURIComponent(meeting.id)}`;

  return (
    <header className="console__bar">
      <Link className="button console__back" to={meetingPath} aria-label={TEXT.backLabel}>
        <span aria-hidden="true">←</span> {TEXT.back}
      </Link>
      <div className="console__heading">
        <p className="console__eyebrow">
          {TEXT.console} ·{' '}
          <time dateTime={meeting.scheduledFor}>{formatMeetingDate(meeting.scheduledFor)}</time>
        </p>
        <h1 className="console__title">{meeting.title}</h1>
      </div>
      <span className={`phase-badge phase-badge--${live.phase}`} data-testid="phase-badge">
        {TEXT.phase[live.phase]}
      </span>
      {/* The meeting page's light badge: the dark top bar's would not read on this background. */}
      <span className="room__conn">
        <ConnectionBadge />
      </span>
      <div className="console__bar-end">
        {canRun && live.phase === MeetingPhase.draft && (
          <>
            {items.length === 0 && <span className="console__hint">{TEXT.emptyAgenda}</span>}
            <button
              type="button"
              className="button button--primary"
              disabled={busy || items.length === 0}
              aria-busy={busy}
              onClick={actions.start}
            >
              {TEXT.start}
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
            {TEXT.close}
          </button>
        )}
        {live.phase === MeetingPhase.closed && (
          <>
            {live.closedAt !== null && (
              <span className="console__hint" data-testid="closed-at">
                {TEXT.closedAt(formatClockTime(live.closedAt))}
              </span>
            )}
            <Link className="button button--primary" to={`${meetingPath}/memo`}>
              {TEXT.memo}
            </Link>
          </>
        )}
        <button type="button" className="button" onClick={onHelp} aria-keyshortcuts="?">
          {TEXT.keys} <kbd className="kbd">?</kbd>
        </button>
      </div>
      {confirming && (
        <ConfirmCloseDialog
          className="console__confirm"
          label={TEXT.close}
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
