/**
 * The follow-up, reviewed from the keyboard: ↓/↑ select a commitment, D marks it done, R keeps it
 * open with a new date, X drops it (with a reason); the same buttons sit on the selected row for the
 * mouse and a tablet (tap a row to select it). Reviews are ledger commands; the result reaches every
 * screen through the ledger document.
 */
import { type FormEvent, type MutableRefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpEntry } from '../../../../shared/followUp.ts';
import { ReviewOutcome } from '../../../../shared/ledger.ts';
import { MeetingPhase } from '../../../../shared/meetingLive.ts';
import { reviewCommitment } from '../../api/ledgerCommands.ts';
import type { CommitmentNames } from '../room/LedgerPanels.tsx';
import { daysFromToday, formatDueDate } from '../room/roomFormat.ts';
import { useCommand } from '../room/useCommand.ts';
import { KEYS } from './consoleKeys.ts';
import { KeyCaps } from './KeyHelp.tsx';

/** Carried this many times or more: flagged. */
const LONG_CARRIED = 3;

export type ReviewKey = 'down' | 'up' | 'done' | 'keep' | 'drop';
export type ReviewKeyHandler = (key: ReviewKey) => void;
type Mode = 'buttons' | 'keep' | 'drop';

interface ReviewListProps {
  meetingId: string;
  entries: FollowUpEntry[];
  phase: MeetingPhase;
  canReview: boolean;
  names: CommitmentNames;
  keys: MutableRefObject<ReviewKeyHandler | null>;
}

export function ReviewList({ meetingId, entries, phase, canReview, names, keys }: ReviewListProps) {
  const { t } = useTranslation(['console', 'common']);
  const command = useCommand();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('buttons');
  const [newDate, setNewDate] = useState(() => daysFromToday(7));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const active = canReview && phase === MeetingPhase.live;
  // The first unreviewed commitment is selected until the chair picks another.
  const selected =
    entries.find((entry) => entry.commitment.id === selectedId) ??
    entries.find((entry) => entry.review === null) ??
    entries[0] ??
    null;

  useEffect(() => {
    if (mode !== 'buttons') fieldRef.current?.focus();
  }, [mode]);
  useEffect(() => {
    if (!active) return;
    document
      .querySelector(`[data-review-row="${selected?.commitment.id ?? ''}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selected, active]);

  const review = async (outcome: ReviewOutcome, extra: { newDueDate?: string; reason?: string } = {}) => {
    if (!selected || command.busy) return;
    const commitmentId = selected.commitment.id;
    setProblem(null);
    const result = await command.run((socket) =>
      reviewCommitment(socket, { meetingId, commitmentId, outcome, ...extra }),
    );
    if (result.ok) {
      setMode('buttons');
      setReason('');
      // Reviewed: on to the next one still waiting.
      const next = entries.find((entry) => entry.review === null && entry.commitment.id !== commitmentId);
      if (next) setSelectedId(next.commitment.id);
    }
  };
  const open = (next: Mode) => {
    setProblem(null);
    command.clear();
    setNewDate(daysFromToday(7));
    setMode(next);
  };
  const cancel = () => {
    setMode('buttons');
    setProblem(null);
  };
  const move = (step: number) => {
    if (entries.length === 0) return;
    const index = selected ? entries.indexOf(selected) : -1;
    const next = entries[Math.min(entries.length - 1, Math.max(0, index + step))];
    if (next) {
      setSelectedId(next.commitment.id);
      setMode('buttons');
    }
  };

  // The console's keys reach this list through `keys`, re-pointed after each render at its latest state.
  useEffect(() => {
    keys.current = active
      ? (key) => {
          if (key === 'down') return move(1);
          if (key === 'up') return move(-1);
          if (key === 'done') return void review(ReviewOutcome.done);
          return open(key);
        }
      : null;
    return () => {
      keys.current = null;
    };
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'keep') {
      if (!newDate) return setProblem(t('review.dateRequired'));
      void review(ReviewOutcome.keptOpen, { newDueDate: newDate });
    } else {
      if (!reason.trim()) return setProblem(t('review.reasonRequired'));
      void review(ReviewOutcome.dropped, { reason: reason.trim() });
    }
  };
  const reviewed = entries.filter((entry) => entry.review !== null).length;
  // A refusal's message is already in the reader's language (useCommand translates it).
  const message = problem ?? command.error?.message ?? null;

  return (
    <section className="card console-panel" aria-labelledby="console-follow-up-title" data-testid="follow-up">
      <h2 className="console__section-title" id="console-follow-up-title">
        {t('review.title')} <span className="count">{entries.length}</span>
        {phase !== MeetingPhase.draft && entries.length > 0 && (
          <span className="console-panel__summary">
            {t('review.summary', { reviewed, total: entries.length })}
          </span>
        )}
      </h2>
      {active && entries.length > 0 && <p className="console__hint">{t('review.hint')}</p>}
      {entries.length === 0 ? (
        <p className="muted">{phase === MeetingPhase.draft ? t('review.emptyDraft') : t('review.empty')}</p>
      ) : (
        <ul className="review-list">
          {entries.map((entry) => {
            const { commitment } = entry;
            const isSelected = active && entry === selected;
            return (
              <li
                key={commitment.id}
                className={`review-row${isSelected ? ' is-selected' : ''}${entry.review ? ' is-reviewed' : ''}`}
                data-review-row={commitment.id}
                data-testid="follow-up-row"
                data-commitment-id={commitment.id}
                data-review={entry.review?.outcome ?? ''}
                aria-current={isSelected ? 'true' : undefined}
              >
                {/* A tap or click selects the row; its actions then appear below it. */}
                <button
                  type="button"
                  className="review-row__select"
                  disabled={!active}
                  aria-label={t('review.select', { text: commitment.text })}
                  onClick={() => {
                    setSelectedId(commitment.id);
                    setMode('buttons');
                  }}
                />
                <p className="review-row__text">{commitment.text}</p>
                <p className="review-row__meta">
                  <strong>{names.agency(commitment.ownerAgencyId)}</strong> ·{' '}
                  {t('review.due', { date: formatDueDate(entry.dueDateThen) })}
                  {entry.overdue && <span className="flag flag--overdue">{t('review.overdue')}</span>}
                  {entry.timesCarried > 0 && (
                    <span
                      className={`flag${entry.timesCarried >= LONG_CARRIED ? ' flag--carried-long' : ''}`}
                    >
                      {t('review.carried', { times: entry.timesCarried })}
                    </span>
                  )}
                  {entry.review && (
                    <span
                      className={`review-row__outcome review--${entry.review.outcome}`}
                      data-testid="review-outcome"
                    >
                      {t(`review.outcome.${entry.review.outcome}`)}
                    </span>
                  )}
                </p>
                {isSelected && mode === 'buttons' && (
                  <div className="review-row__actions">
                    <button
                      type="button"
                      className="button"
                      disabled={command.busy}
                      onClick={() => void review(ReviewOutcome.done)}
                    >
                      {t('review.done')} <KeyCaps keys={KEYS.reviewDone} />
                    </button>
                    <button
                      type="button"
                      className="button"
                      disabled={command.busy}
                      onClick={() => open('keep')}
                    >
                      {t('review.keep')} <KeyCaps keys={KEYS.reviewNewDate} />
                    </button>
                    <button
                      type="button"
                      className="button"
                      disabled={command.busy}
                      onClick={() => open('drop')}
                    >
                      {t('review.drop')} <KeyCaps keys={KEYS.reviewDrop} />
                    </button>
                  </div>
                )}
                {isSelected && mode !== 'buttons' && (
                  <form
                    className="review-row__form"
                    onSubmit={submit}
                    onKeyDown={(event) => {
                      if (event.key === 'Escape') cancel();
                    }}
                  >
                    <label className="console__label" htmlFor="console-review-field">
                      {mode === 'keep' ? t('review.newDate') : t('review.reason')}
                    </label>
                    {mode === 'keep' ? (
                      <input
                        ref={fieldRef}
                        id="console-review-field"
                        className="input"
                        type="date"
                        required
                        value={newDate}
                        onChange={(event) => setNewDate(event.target.value)}
                      />
                    ) : (
                      <input
                        ref={fieldRef}
                        id="console-review-field"
                        className="input"
                        maxLength={500}
                        value={reason}
                        onChange={(event) => setReason(event.target.value)}
                      />
                    )}
                    <button type="submit" className="button button--primary" disabled={command.busy}>
                      {t('common:save')} <kbd className="kbd">Enter</kbd>
                    </button>
                    <button type="button" className="button button--ghost" onClick={cancel}>
                      {t('common:cancel')} <kbd className="kbd">Esc</kbd>
                    </button>
                  </form>
                )}
                {isSelected && message && (
                  <p className="review-row__error" role="alert">
                    {message}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
