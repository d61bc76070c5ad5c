/**
 * In place of the editor when the item I was on is removed by someone else: who removed it, what I
 * was typing in it, and Restore (the item with its fields and notes, my typing on top) or Dismiss.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { draftPatch, type FieldDrafts, type RemovalNotice } from './useRemovalNotice.ts';

interface RemovedItemNoticeProps {
  notice: RemovalNotice;
  /** Null for viewers: they are told, and cannot restore. */
  onRestore: (() => void) | null;
  onDismiss(): void;
}

export function RemovedItemNotice({ notice, onRestore, onDismiss }: RemovedItemNoticeProps) {
  const { t } = useTranslation('meetings');
  const box = useRef<HTMLDivElement>(null);
  // The field I was typing in is gone: the focus comes here rather than to the page's top.
  useEffect(() => box.current?.focus(), []);
  const title = notice.removal?.fields.title ?? notice.seen.title;
  const typed = Object.entries(notice.drafts) as Array<[keyof FieldDrafts, string]>;
  const valid = draftPatch(notice.drafts);
  return (
    <div className="removed-notice" role="alert" tabIndex={-1} ref={box} data-testid="removed-notice">
      <h2 className="removed-notice__title">
        {notice.removal
          ? t('removed.by', { name: notice.removal.by.name, title })
          : t('removed.gone', { title })}
      </h2>
      <p className="muted">{onRestore ? t('removed.restoreHint') : t('removed.readOnlyHint')}</p>
      {onRestore && typed.length > 0 && (
        <div className="removed-notice__drafts">
          <p>{t('removed.yourTyping')}</p>
          <dl>
            {typed.map(([field, text]) => (
              <div key={field} className="removed-notice__draft">
                <dt>{field === 'title' ? t('removed.title') : t('removed.timebox')}</dt>
                <dd>
                  {field === 'title' ? `“${text}”` : t('removed.minutes', { minutes: text })}
                  {valid[field] === undefined && <span className="muted"> {t('removed.notValid')}</span>}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      <div className="removed-notice__actions">
        {onRestore && (
          <button type="button" className="button button--primary" onClick={onRestore}>
            {t('removed.restore')}
          </button>
        )}
        <button type="button" className="button" onClick={onDismiss}>
          {t('removed.dismiss')}
        </button>
      </div>
    </div>
  );
}
