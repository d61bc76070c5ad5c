/**
 * The step before closing a meeting, for the meeting page and the chair's console: it takes the
 * focus on its safe answer, so Enter or Space does not close the meeting, and Esc keeps it open.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmCloseDialogProps {
  className: string;
  label: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmCloseDialog({ className, label, busy, onConfirm, onCancel }: ConfirmCloseDialogProps) {
  const { t } = useTranslation('room');
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div
      className={className}
      role="alertdialog"
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p>{t('confirmClose.question')}</p>
      <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
        {t('confirmClose.confirm')}
      </button>
      <button type="button" className="button" ref={cancelRef} onClick={onCancel}>
        {t('confirmClose.cancel')}
      </button>
    </div>
  );
}
