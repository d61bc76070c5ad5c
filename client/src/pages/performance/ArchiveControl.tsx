/**
 * Archiving an indicator (analysts, after a confirmation, with an optional reason) and putting it
 * back; and the notice everyone sees on an archived indicator's page. Both recorded by the server.
 */
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveMark } from '../../../../shared/performance.ts';
import { ApiError } from '../../api/http.ts';
import { performanceApi } from '../../api/performance.ts';
import { errorText } from '../../i18n/errorText.ts';
import { currentLanguage } from '../../i18n/locale.ts';

/** "March 5, 2026", "5 de março de 2026". */
const day = (iso: string) => new Date(iso).toLocaleDateString(currentLanguage(), { dateStyle: 'long' });

export function ArchivedNotice({ archived }: { archived: ArchiveMark }) {
  const { t } = useTranslation('performance');
  return (
    <p className="perf-notice archived-notice" role="note" data-testid="archived-notice">
      <strong>{t('archive.archivedOn', { date: day(archived.at), name: archived.by })}</strong>{' '}
      {t('archive.meaning')}
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
  const { t } = useTranslation(['performance', 'common']);
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
      setError(caught instanceof ApiError ? errorText(caught) : t('archive.failed'));
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
        <button type="button" className="button button--secondary" disabled={busy} onClick={unarchive}>
          {busy ? t('archive.unarchiving') : t('archive.unarchive')}
        </button>
        {errorLine}
      </>
    );
  }
  if (!confirming) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
        {t('archive.ask')}
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
        {t('archive.question', { name })}
      </p>
      <p className="perf-field__hint">{t('archive.consequence')}</p>
      <div className="perf-field">
        <label htmlFor={ids.reason}>{t('archive.reason')}</label>
        <input
          id={ids.reason}
          ref={reasonInput}
          value={reason}
          maxLength={500}
          placeholder={t('archive.reasonHint')}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <div className="perf-confirm__actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={archive}>
          {busy ? t('archive.archiving') : t('archive.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
          {t('common:cancel')}
        </button>
      </div>
      {errorLine}
    </div>
  );
}
