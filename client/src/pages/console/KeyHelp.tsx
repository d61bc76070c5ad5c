/** The key-help sheet (`?`): every key of the console, from the one table the buttons also show. */
import { useEffect, useRef } from 'react';
import { type ConsoleAction, KEYS, keyCap } from './consoleKeys.ts';
import { EXTEND_MINUTES } from './useConsoleActions.ts';

const TEXT = {
  title: 'Keys',
  intro: 'Keys work anywhere on the console except while typing in a field.',
  close: 'Close',
  indicator: 'Show the item’s 1st…9th indicator large on the big screen',
  or: 'or',
  actions: {
    next: 'Next item',
    previous: 'Previous item',
    toggleTimer: 'Pause or resume the item timer',
    extend: `Give the item ${EXTEND_MINUTES} more minutes`,
    capture: 'Capture a commitment (Enter saves, Esc cancels)',
    selectDown: 'Select the next follow-up commitment',
    selectUp: 'Select the previous follow-up commitment',
    reviewDone: 'Mark the selected commitment done',
    reviewNewDate: 'Keep the selected commitment open with a new date',
    reviewDrop: 'Drop the selected commitment (asks why)',
    takeBack: 'Take the big screen back from the presenter',
    help: 'This sheet',
  } satisfies Record<ConsoleAction, string>,
};

export function KeyCaps({ keys }: { keys: readonly string[] }) {
  return (
    <span className="keycaps">
      {keys.map((key, index) => (
        <span key={key}>
          {index > 0 && <span className="keycaps__or"> {TEXT.or} </span>}
          <kbd className="kbd">{keyCap(key)}</kbd>
        </span>
      ))}
    </span>
  );
}

export function KeyHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="console-dialog keyhelp" aria-labelledby="keyhelp-title" onClose={onClose}>
      <div className="console-dialog__head">
        <h2 id="keyhelp-title" className="console-dialog__title">
          {TEXT.title}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {TEXT.close} <kbd className="kbd">Esc</kbd>
        </button>
      </div>
      <p className="muted">{TEXT.intro}</p>
      <dl className="keyhelp__list" data-testid="key-help">
        {(Object.keys(TEXT.actions) as ConsoleAction[]).map((action) => (
          <div key={action} className="keyhelp__row">
            <dt>
              <KeyCaps keys={KEYS[action]} />
            </dt>
            <dd>{TEXT.actions[action]}</dd>
          </div>
        ))}
        <div className="keyhelp__row">
          <dt>
            <kbd className="kbd">1</kbd>…<kbd className="kbd">9</kbd>
          </dt>
          <dd>{TEXT.indicator}</dd>
        </div>
      </dl>
    </dialog>
  );
}
