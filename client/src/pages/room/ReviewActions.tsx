/**
 * A live meeting's review of one commitment: done and escalate in one press; keep open asks for
 * the new due date and drop for a reason, inline. The result arrives through the ledger document,
 * for everyone at once; a refusal is shown here with the server's words.
 */
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Commitment, ReviewOutcome } from '../../../../shared/ledger.ts';
import { reviewCommitment } from '../../api/ledgerCommands.ts';
import { daysFromToday } from './roomFormat.ts';
import { useCommand } from './useCommand.ts';
import './commitments.css';

type Mode = 'buttons' | 'keep' | 'drop';

interface ReviewActionsProps {
  meetingId: string;
  commitment: Commitment;
  /** Called once a review was recorded (the row then shows it). */
  onReviewed?: () => void;
}

export function ReviewActions({ meetingId, commitment, onReviewed }: ReviewActionsProps) {
  const { t } = useTranslation(['room', 'common']);
  const command = useCommand();
  const [mode, setMode] = useState<Mode>('buttons');
  const [newDate, setNewDate] = useState(() => daysFromToday(7));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = useId();
  const fieldRef = useRef<HTMLInputElement>(null);
  // The date or the reason is what is asked next: it takes the focus.
  useEffect(() => {
    if (mode !== 'buttons') fieldRef.current?.focus();
  }, [mode]);

  const review = async (
    outcome: ReviewOutcome,
    extra: { newDueDate?: string; reason?: string } = {},
  ): Promise<void> => {
    setProblem(null);
    const result = await command.run((socket) =>
      reviewCommitment(socket, { meetingId, commitmentId: commitment.id, outcome, ...extra }),
    );
    if (result.ok) {
      setMode('buttons');
      setReason('');
      onReviewed?.();
    }
  };

  const submitKeep = (event: FormEvent) => {
    event.preventDefault();
    if (!newDate) return setProblem(t('review.dateRequired'));
    void review(ReviewOutcome.keptOpen, { newDueDate: newDate });
  };
  const submitDrop = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setProblem(t('review.reasonRequired'));
    void review(ReviewOutcome.dropped, { reason: reason.trim() });
  };
  const cancel = () => {
    setMode('buttons');
    setProblem(null);
    command.clear();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') cancel();
  };
  const message = problem ?? command.error?.message ?? null;

  return (
    <fieldset className="review-actions">
      <legend className="visually-hidden">{t('review.group', { text: commitment.text })}</legend>
      {mode === 'buttons' && (
        <div className="review-actions__buttons">
          {(
            [
              [t('review.done'), () => void review(ReviewOutcome.done)],
              [t('review.keep'), () => setMode('keep')],
              [t('review.drop'), () => setMode('drop')],
              [t('review.escalate'), () => void review(ReviewOutcome.escalated)],
            ] as const
          ).map(([label, onClick]) => (
            <button
              key={label}
              type="button"
              className="button button--small"
              disabled={command.busy}
              onClick={onClick}
            >
              {label}
            </button>
          ))}
        </div>
      )}
      {mode !== 'buttons' && (
        <form
          className="review-actions__form"
          onSubmit={mode === 'keep' ? submitKeep : submitDrop}
          onKeyDown={onKeyDown}
        >
          <label className="field__label" htmlFor={fieldId}>
            {mode === 'keep' ? t('review.newDate') : t('review.reason')}
          </label>
          {mode === 'keep' ? (
            <input
              ref={fieldRef}
              id={fieldId}
              className="input"
              type="date"
              required
              value={newDate}
              onChange={(event) => setNewDate(event.target.value)}
            />
          ) : (
            <input
              ref={fieldRef}
              id={fieldId}
              className="input"
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
          <button type="submit" className="button button--small button--primary" disabled={command.busy}>
            {mode === 'keep' ? t('review.keepSave') : t('review.dropSave')}
          </button>
          <button type="button" className="button button--small button--ghost" onClick={cancel}>
            {t('common:cancel')}
          </button>
        </form>
      )}
      {message && (
        <p className="review-actions__error" role="alert">
          {message}
        </p>
      )}
    </fieldset>
  );
}
