/**
 * The meeting's controls by phase: start; previous / next, pause / resume, +1 / +5 min and close
 * (with a confirm step); after the close, when it closed and the memo. Every command names the
 * item on this screen, so a press that crossed someone else's is refused (`stale`) and said so.
 */
import { useState } from 'react';
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
import { formatClockTime } from './roomFormat.ts';
import { useCommand } from './useCommand.ts';

const TEXT = {
  start: 'Start meeting',
  emptyAgenda: 'Add agenda items on the preparation page before starting.',
  previous: 'Previous item',
  next: 'Next item',
  pause: 'Pause timer',
  resume: 'Resume timer',
  extend: (minutes: number) => `+${minutes} min`,
  extendLabel: (minutes: number) => `Give this item ${minutes} more minute${minutes === 1 ? '' : 's'}`,
  close: 'Close meeting',
  closedAt: (time: string) => `Closed at ${time}`,
  memo: 'Open the memo',
  readOnly: 'Read-only: analysts run the meeting',
  stale: 'Someone else acted first, so nothing was changed.',
  controls: 'Meeting controls',
};

interface MeetingControlsProps {
  meeting: Meeting;
  live: MeetingLiveState;
  items: AgendaItem[];
  current: AgendaItem | null;
  canRun: boolean;
}

export function MeetingControls({ meeting, live, items, current, canRun }: MeetingControlsProps) {
  const command = useCommand();
  const [confirming, setConfirming] = useState(false);
  const { busy } = command;

  if (live.phase === MeetingPhase.closed) {
    return (
      <div className="room__controls">
        {live.closedAt !== null && (
          <span className="room__closed" data-testid="closed-at">
            {TEXT.closedAt(formatClockTime(live.closedAt))}
          </span>
        )}
        <Link className="button button--primary" to={`/meetings/${encodeURIComponent(meeting.id)}/memo`}>
          {TEXT.memo}
        </Link>
      </div>
    );
  }
  if (!canRun) return <p className="room__readonly">{TEXT.readOnly}</p>;

  const error = command.error && (
    <p className="room__command-error" role="alert" data-testid="command-error">
      {command.error.code === ErrorCode.stale && <strong>{TEXT.stale} </strong>}
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
            {TEXT.start}
          </button>
        </div>
        {items.length === 0 && <p className="room__hint">{TEXT.emptyAgenda}</p>}
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
      <div className="room__controls" role="toolbar" aria-label={TEXT.controls}>
        <button
          type="button"
          className="button"
          disabled={busy || index <= 0}
          onClick={() => send((socket) => goToItem(socket, meeting.id, itemId, 'previous'))}
        >
          <span aria-hidden="true">←</span> {TEXT.previous}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || index < 0 || index >= items.length - 1}
          onClick={() => send((socket) => goToItem(socket, meeting.id, itemId, 'next'))}
        >
          {TEXT.next} <span aria-hidden="true">→</span>
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
          {running ? TEXT.pause : TEXT.resume}
        </button>
        {[1, 5].map((minutes) => (
          <button
            key={minutes}
            type="button"
            className="button"
            disabled={busy || !timing}
            aria-label={TEXT.extendLabel(minutes)}
            onClick={() => send((socket) => extendTimer(socket, meeting.id, itemId, minutes))}
          >
            {TEXT.extend(minutes)}
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
            {TEXT.close}
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmCloseDialog
          className="room__confirm"
          label={TEXT.close}
          busy={busy}
          onConfirm={() => send((socket) => closeMeeting(socket, meeting.id))}
          onCancel={() => setConfirming(false)}
        />
      )}
      {error}
    </div>
  );
}
