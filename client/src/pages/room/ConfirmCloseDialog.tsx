/**
 * The step before closing a meeting, for the meeting page and the chair's console: it takes the
 * focus on its safe answer, so Enter or Space does not close the meeting, and Esc keeps it open.
 */
import { useEffect, useRef } from 'react';

const TEXT = {
  question: 'Close the meeting now? It becomes a record; open commitments carry to the next meeting.',
  confirm: 'Close now',
  cancel: 'Keep it open',
};

interface ConfirmCloseDialogProps {
  className: string;
  label: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmCloseDialog({ className, label, busy, onConfirm, onCancel }: ConfirmCloseDialogProps) {
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
      <p>{TEXT.question}</p>
      <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
        {TEXT.confirm}
      </button>
      <button type="button" className="button" ref={cancelRef} onClick={onCancel}>
        {TEXT.cancel}
      </button>
    </div>
  );
}
