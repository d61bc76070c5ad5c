/** The key-help sheet (`?`): every key of the console, from the one table the buttons also show. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleAction, KEYS, keyCap } from './consoleKeys.ts';
import { EXTEND_MINUTES } from './useConsoleActions.ts';

export function KeyCaps({ keys }: { keys: readonly string[] }) {
  const { t } = useTranslation('console');
  return (
    <span className="keycaps">
      {keys.map((key, index) => (
        <span key={key}>
          {index > 0 && <span className="keycaps__or"> {t('keys.or')} </span>}
          <kbd className="kbd">{keyCap(key)}</kbd>
        </span>
      ))}
    </span>
  );
}

export function KeyHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation(['console', 'common']);
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
          {t('keys.title')}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {t('common:close')} <kbd className="kbd">Esc</kbd>
        </button>
      </div>
      <p className="muted">{t('keys.intro')}</p>
      <dl className="keyhelp__list" data-testid="key-help">
        {Object.values(ConsoleAction).map((action) => (
          <div key={action} className="keyhelp__row">
            <dt>
              <KeyCaps keys={KEYS[action]} />
            </dt>
            <dd>{t(`keys.actions.${action}`, { minutes: EXTEND_MINUTES })}</dd>
          </div>
        ))}
        <div className="keyhelp__row">
          <dt>
            <kbd className="kbd">1</kbd>…<kbd className="kbd">9</kbd>
          </dt>
          <dd>{t('keys.indicator')}</dd>
        </div>
      </dl>
    </dialog>
  );
}
