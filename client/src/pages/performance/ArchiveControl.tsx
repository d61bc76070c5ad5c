/**
 * Archiving an indicator (analysts, after a confirmation, with an optional reason) and putting it
 * back; and the notice everyone sees on an archived indicator's page. Both recorded by the server.
 */
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { ArchiveMark } from '../../../../shared/performance.ts';
import { ApiError } from '../../api/http.ts';
import { performanceApi } from '../../api/performance.ts';

const TEXT = {
  archivedOn: (date: string, by: string) => `Archived on ${date} by ${by}.`,
  archivedMeaning:
    'It no longer appears on the objective’s page, in the overview, in status or readiness, or when preparing a meeting. Its data, this page and the meetings that showed it are kept.',
  ask: 'Archive…',
  question: (name: string) => `Archive “${name}”?`,
  consequence:
    'It leaves the objective’s page, the overview, status, readiness and the meeting preparation’s picker. Its data and this page are kept, and it can be put back.',
  reason: 'Reason (optional)',
  reasonHint: 'e.g. replaced by a better measure',
  confirm: 'Archive',
  archiving: 'Archiving…',
  cancel: 'Cancel',
  unarchive: 'Put back in use',
  unarchiving: 'Putting back…',
  failed: 'The indicator could not be changed',
} as const;

const day = (iso: string) => new Date(iso).toLocaleDateString('en', { dateStyle: 'long' });

export function ArchivedNotice({ archived }: { archived: ArchiveMark }) {
  return (
    <p className="perf-notice archived-notice" role="note" data-testid="archived-notice">
      <strong>{TEXT.archivedOn(day(archived.at), archived.by)}</strong> {TEXT.archivedMeaning}
    </p>
  );
}

interface Props {
  indicatorId: string;
  name: string;
  archived: ArchiveMark | null;
  onChanged: () => void;
}

export function ArchiveControl({ indicatorId, name, archived, onChanged }: Props) {
  const ids = { question: useId(), reason: useId() };
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (confirming) reasonInput.current?.focus();
  }, [confirming]);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      setConfirming(false);
      setReason('');
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : TEXT.failed);
    } finally {
      setBusy(false);
    }
  }
  const archive = () => run(() => performanceApi.archiveIndicator(indicatorId, reason.trim()));
  const unarchive = () => run(() => performanceApi.unarchiveIndicator(indicatorId, ''));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setConfirming(false);
    }
  };

  const errorLine = error && (
    <p className="perf-form__error" role="alert">
      {error}
    </p>
  );
  if (archived) {
    return (
      <>
        <button
          type="button"
          className="perf-button perf-button--secondary"
          disabled={busy}
          onClick={unarchive}
        >
          {busy ? TEXT.unarchiving : TEXT.unarchive}
        </button>
        {errorLine}
      </>
    );
  }
  if (!confirming) {
    return (
      <button
        type="button"
        className="perf-button perf-button--secondary"
        onClick={() => setConfirming(true)}
      >
        {TEXT.ask}
      </button>
    );
  }
  return (
    <div
      className="perf-confirm archive-confirm"
      role="alertdialog"
      aria-labelledby={ids.question}
      onKeyDown={onKeyDown}
    >
      <p id={ids.question} className="perf-confirm__question">
        {TEXT.question(name)}
      </p>
      <p className="perf-field__hint">{TEXT.consequence}</p>
      <div className="perf-field">
        <label htmlFor={ids.reason}>{TEXT.reason}</label>
        <input
          id={ids.reason}
          ref={reasonInput}
          value={reason}
          maxLength={500}
          placeholder={TEXT.reasonHint}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <div className="perf-confirm__actions">
        <button type="button" className="perf-button perf-button--danger" disabled={busy} onClick={archive}>
          {busy ? TEXT.archiving : TEXT.confirm}
        </button>
        <button
          type="button"
          className="perf-button perf-button--secondary"
          onClick={() => setConfirming(false)}
        >
          {TEXT.cancel}
        </button>
      </div>
      {errorLine}
    </div>
  );
}
