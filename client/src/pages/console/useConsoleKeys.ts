/**
 * Listens for the console's keys on the whole window (consoleKeys.ts says which key does what).
 * Keys typed into a field, with a modifier, or while a dialog is open are left alone.
 */
import { useEffect, useRef } from 'react';
import { actionOfKey, type ConsoleAction, isTypingTarget } from './consoleKeys.ts';

interface ConsoleKeysOptions {
  /** False for a viewer. An open dialog (the capture, the help) keeps its keys whatever this says. */
  enabled: boolean;
  onAction(action: ConsoleAction): void;
  /** 1–9: the item's indicator at that position, large on the big screen. */
  onIndicator(position: number): void;
  /** `?` opens the help even for a viewer. */
  onHelp(): void;
}

export function useConsoleKeys(options: ConsoleKeysOptions): void {
  // The listener is added once; it reads the latest actions (and the state they close over) here.
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || isTypingTarget(event.target)) return;
      // A modal dialog (the help, the capture, a review form's own dialog) owns the keyboard.
      if (document.querySelector('dialog[open]')) return;
      // So does a confirm step: Space there means its focused answer, not the timer.
      if (event.target instanceof Element && event.target.closest('[role="alertdialog"]')) return;
      const action = actionOfKey(event);
      if (action === null) return;
      const { enabled, onAction, onIndicator, onHelp } = latest.current;
      if (action === 'help') {
        event.preventDefault();
        onHelp();
        return;
      }
      if (!enabled) return;
      // Space would also press a focused button, and the arrows scroll: the console's meaning wins.
      event.preventDefault();
      if (typeof action === 'object') onIndicator(action.indicator);
      else onAction(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
