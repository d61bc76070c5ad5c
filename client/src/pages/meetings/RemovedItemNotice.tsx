/**
 * In place of the editor when the item I was on is removed by someone else: who removed it, what I
 * was typing in it, and Restore (the item with its fields and notes, my typing on top) or Dismiss.
 */
import { useEffect, useRef } from 'react';
import { draftPatch, type FieldDrafts, type RemovalNotice } from './useRemovalNotice.ts';

const TEXT = {
  removedBy: (name: string, title: string) => `${name} removed “${title}”`,
  removed: (title: string) => `“${title}” was removed`,
  restoreHint: 'Restore brings it back where it was, with its fields and shared notes.',
  readOnlyHint: 'It is no longer on the agenda.',
  yourTyping: 'You were typing in it, not yet saved; Restore keeps it:',
  notValid: '(not valid, so not kept)',
  title: 'Title',
  timebox: 'Time box',
  minutes: (text: string) => `${text} min`,
  restore: 'Restore',
  dismiss: 'Dismiss',
};

interface RemovedItemNoticeProps {
  notice: RemovalNotice;
  /** Null for viewers: they are told, and cannot restore. */
  onRestore: (() => void) | null;
  onDismiss(): void;
}

export function RemovedItemNotice({ notice, onRestore, onDismiss }: RemovedItemNoticeProps) {
  const box = useRef<HTMLDivElement>(null);
  // The field I was typing in is gone: the focus comes here rather than to the page's top.
  useEffect(() => box.current?.focus(), []);
  const title = notice.removal?.fields.title ?? notice.seen.title;
  const typed = Object.entries(notice.drafts) as Array<[keyof FieldDrafts, string]>;
  const valid = draftPatch(notice.drafts);
  return (
    <div className="removed-notice" role="alert" tabIndex={-1} ref={box} data-testid="removed-notice">
      <h2 className="removed-notice__title">
        {notice.removal ? TEXT.removedBy(notice.removal.by.name, title) : TEXT.removed(title)}
      </h2>
      <p className="muted">{onRestore ? TEXT.restoreHint : TEXT.readOnlyHint}</p>
      {onRestore && typed.length > 0 && (
        <div className="removed-notice__drafts">
          <p>{TEXT.yourTyping}</p>
          <dl>
            {typed.map(([field, text]) => (
              <div key={field} className="removed-notice__draft">
                <dt>{field === 'title' ? TEXT.title : TEXT.timebox}</dt>
                <dd>
                  {field === 'title' ? `“${text}”` : TEXT.minutes(text)}
                  {valid[field] === undefined && <span className="muted"> {TEXT.notValid}</span>}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      <div className="removed-notice__actions">
        {onRestore && (
          <button type="button" className="button button--primary" onClick={onRestore}>
            {TEXT.restore}
          </button>
        )}
        <button type="button" className="button" onClick={onDismiss}>
          {TEXT.dismiss}
        </button>
      </div>
    </div>
  );
}
