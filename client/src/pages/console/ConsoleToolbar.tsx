/**
 * The live meeting's controls, each with its key: previous / next item, pause / resume, extend,
 * capture. A refusal is said calmly in the chair's terms ("Someone moved first: now on item 3").
 */
import { useTranslation } from 'react-i18next';
import { ErrorCode } from '../../../../shared/errors.ts';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import type { MeetingLiveState } from '../../../../shared/meetingLive.ts';
import { minutesText } from '../room/roomFormat.ts';
import { KEYS } from './consoleKeys.ts';
import { KeyCaps } from './KeyHelp.tsx';
import { type ConsoleActions, EXTEND_MINUTES } from './useConsoleActions.ts';

interface ConsoleToolbarProps {
  actions: ConsoleActions;
  live: MeetingLiveState;
  items: AgendaItem[];
  canCapture: boolean;
  onCapture(): void;
}

export function ConsoleToolbar({ actions, live, items, canCapture, onCapture }: ConsoleToolbarProps) {
  const { t } = useTranslation('console');
  const { command } = actions;
  const { busy } = command;
  return (
    <div className="console__toolbar">
      <div className="console__controls" role="toolbar" aria-label={t('toolbar.controls')}>
        <button
          type="button"
          className="button"
          disabled={busy || !actions.canPrevious}
          onClick={actions.previous}
          aria-keyshortcuts="ArrowLeft P"
        >
          {t('toolbar.previous')} <KeyCaps keys={KEYS.previous} />
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !actions.canNext}
          onClick={actions.next}
          aria-keyshortcuts="ArrowRight N"
          data-testid="console-next"
        >
          {t('toolbar.next')} <KeyCaps keys={KEYS.next} />
        </button>
        <span className="console__sep" aria-hidden="true" />
        <button
          type="button"
          className="button"
          disabled={busy || !actions.hasTimer}
          onClick={actions.toggleTimer}
          aria-keyshortcuts="Space"
        >
          {actions.running ? t('toolbar.pause') : t('toolbar.resume')} <KeyCaps keys={KEYS.toggleTimer} />
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || !actions.hasTimer}
          onClick={actions.extend}
          aria-label={t('toolbar.extendLabel', { minutes: EXTEND_MINUTES })}
          aria-keyshortcuts="E"
        >
          +{minutesText(EXTEND_MINUTES)} <KeyCaps keys={KEYS.extend} />
        </button>
        <span className="console__sep" aria-hidden="true" />
        <button
          type="button"
          className="button"
          disabled={!canCapture}
          onClick={onCapture}
          aria-keyshortcuts="C"
        >
          {t('toolbar.capture')} <KeyCaps keys={KEYS.capture} />
        </button>
      </div>
      <p className="console__status" aria-live="polite" data-testid="console-status">
        {busy ? (
          t('toolbar.sending')
        ) : command.error ? (
          <Refusal actions={actions} live={live} items={items} />
        ) : actions.dropped ? (
          t('toolbar.dropped')
        ) : null}
      </p>
    </div>
  );
}

function Refusal({ actions, live, items }: Pick<ConsoleToolbarProps, 'actions' | 'live' | 'items'>) {
  const { t } = useTranslation('console');
  const error = actions.command.error;
  if (!error) return null;
  if (error.code !== ErrorCode.stale)
    return (
      <span className="console__refusal" role="alert">
        {error.message}
      </span>
    );
  // The message is already in the reader's language (useCommand translates a server refusal).
  // Said against the state this console now shows, which the live document has brought by now.
  const index = items.findIndex((item) => item.id === live.currentItemId);
  const item = items[index];
  return (
    <span className="console__refusal console__refusal--calm" role="alert" data-testid="console-stale">
      {item ? t('toolbar.moved', { position: index + 1, title: item.title }) : t('toolbar.movedNowhere')}
    </span>
  );
}
