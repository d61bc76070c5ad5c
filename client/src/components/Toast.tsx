/** A short-lived message with one action (e.g. Undo), announced to screen readers. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

interface ToastProps {
  message: string;
  actionLabel?: string;
  onAction?: () => void;
  onDismiss: () => void;
  /** Long enough to read and reach the button; the action stays available until then. */
  timeoutMs?: number;
}

export function Toast({ message, actionLabel, onAction, onDismiss, timeoutMs = 10_000 }: ToastProps) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setTimeout(onDismiss, timeoutMs);
    return () => clearTimeout(timer);
  }, [onDismiss, timeoutMs]);
  return (
    <div className="toast" role="status">
      <span className="toast__message">{message}</span>
      {actionLabel && onAction && (
        <button type="button" className="toast__action" onClick={onAction}>
          {actionLabel}
        </button>
      )}
      <button type="button" className="toast__close" aria-label={t('dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
