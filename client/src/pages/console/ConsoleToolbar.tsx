/**
 * The live meeting's controls, each with its key: previous / next item, pause / resume, extend,
 * capture. A refusal is said calmly in the chair's terms ("Someone moved first: now on item 3").
 */
import { ErrorCode } from '../../../../shared/errors.ts';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import type { MeetingLiveState } from '../../../../shared/meetingLive.ts';
import { KEYS } from './consoleKeys.ts';
import { KeyCaps } from './KeyHelp.tsx';
import { type ConsoleActions, EXTEND_MINUTES } from './useConsoleActions.ts';

const TEXT = {
  controls: 'Meeting controls',
  previous: 'Previous',
  next: 'Next item',
  pause: 'Pause',
  resume: 'Resume',
  extend: `+${EXTEND_MINUTES} min`,
  extendLabel: `Give this item ${EXTEND_MINUTES} more minutes`,
  capture: 'Capture commitment',
  moved: (position: number, title: string) =>
    `Someone moved first: now on item ${position}, “${title}”. Nothing was changed.`,
  movedNowhere: 'Someone moved first. Nothing was changed.',
  sending: 'Sending…',
  dropped: 'The last key came while a command was on its way, so it was not sent: press it again.',
};

interface ConsoleToolbarProps {
  actions: ConsoleActions;
  live: MeetingLiveState;
  items: AgendaItem[];
  canCapture: boolean;
  onCapture(): void;
}

export function ConsoleToolbar({ actions, live, items, canCapture, onCapture }: ConsoleToolbarProps) {
  const { command } = actions;
  const { busy } = command;
  return (
    <div className="console__toolbar">
      <div className="console__controls" role="toolbar" aria-label={TEXT.controls}>
        <button
          type="button"
          className="button"
          disabled={busy || !actions.canPrevious}
          onClick={actions.previous}
          aria-keyshortcuts="ArrowLeft P"
        >
          {TEXT.previous} <KeyCaps keys={KEYS.previous} />
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !actions.canNext}
          onClick={actions.next}
          aria-keyshortcuts="ArrowRight N"
          data-testid="console-next"
        >
          {TEXT.next} <KeyCaps keys={KEYS.next} />
        </button>
        <span className="console__sep" aria-hidden="true" />
        <button
          type="button"
          className="button"
          disabled={busy || !actions.hasTimer}
          onClick={actions.toggleTimer}
          aria-keyshortcuts="Space"
        >
          {actions.running ? TEXT.pause : TEXT.resume} <KeyCaps keys={KEYS.toggleTimer} />
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || !actions.hasTimer}
          onClick={actions.extend}
          aria-label={TEXT.extendLabel}
          aria-keyshortcuts="E"
        >
          {TEXT.extend} <KeyCaps keys={KEYS.extend} />
        </button>
        <span className="console__sep" aria-hidden="true" />
        <button
          type="button"
          className="button"
          disabled={!canCapture}
          onClick={onCapture}
          aria-keyshortcuts="C"
        >
          {TEXT.capture} <KeyCaps keys={KEYS.capture} />
        </button>
      </div>
      <p className="console__status" aria-live="polite" data-testid="console-status">
        {busy ? (
          TEXT.sending
        ) : command.error ? (
          <Refusal actions={actions} live={live} items={items} />
        ) : actions.dropped ? (
          TEXT.dropped
        ) : null}
      </p>
    </div>
  );
}

function Refusal({ actions, live, items }: Pick<ConsoleToolbarProps, 'actions' | 'live' | 'items'>) {
  const error = actions.command.error;
  if (!error) return null;
  if (error.code !== ErrorCode.stale)
    return (
      <span className="console__refusal" role="alert">
        {error.message}
      </span>
    );
  // Said against the state this console now shows, which the live document has brought by now.
  const index = items.findIndex((item) => item.id === live.currentItemId);
  const item = items[index];
  return (
    <span className="console__refusal console__refusal--calm" role="alert" data-testid="console-stale">
      {item ? TEXT.moved(index + 1, item.title) : TEXT.movedNowhere}
    </span>
  );
}
