/**
 * The goal owner's own rating, recorded by an analyst on the owner's word: one of the three
 * statuses and a sentence saying why.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal, RatedStatus } from '../../../../shared/performance.ts';
import { ApiError } from '../../api/http.ts';
import { performanceApi } from '../../api/performance.ts';
import { StatusIcon } from '../../charts/StatusBadge.tsx';
import { STATUS_KEYS } from '../../charts/statusText.ts';
import { errorText } from '../../i18n/errorText.ts';

const RATED: RatedStatus[] = ['on_track', 'at_risk', 'off_track'];

export function RatingForm({ goal, onSaved }: { goal: Goal; onSaved: () => void }) {
  const { t } = useTranslation(['performance', 'charts']);
  const ids = { title: useId(), comment: useId(), commentError: useId() };
  const [status, setStatus] = useState<RatedStatus | null>(goal.ownerRating?.status ?? null);
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const statusError = status === null ? t('rating.choose') : null;
  const commentError = comment.trim() === '' ? t('rating.sayWhy') : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setSaved(false);
    setServerError(null);
    if (status === null || commentError) return;
    setSaving(true);
    try {
      await performanceApi.putRating(goal.id, { status, comment: comment.trim() });
      setSaved(true);
      setComment('');
      setTouched(false);
      onSaved();
    } catch (error) {
      setServerError(error instanceof ApiError ? errorText(error) : t('rating.failed'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="perf-form" onSubmit={submit} noValidate aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('rating.title')}</h2>
      <fieldset className="rating-choices">
        <legend>{t('rating.question', { name: goal.ownerName })}</legend>
        {RATED.map((choice) => (
          <label key={choice} className="rating-choice" data-status={choice}>
            <input
              type="radio"
              name="rating"
              value={choice}
              checked={status === choice}
              onChange={() => setStatus(choice)}
            />
            <StatusIcon status={choice} />
            {t(`charts:${STATUS_KEYS[choice]}`)}
          </label>
        ))}
        {touched && statusError && <p className="perf-field__error">{statusError}</p>}
      </fieldset>
      <div className="perf-field">
        <label htmlFor={ids.comment}>{t('rating.why')}</label>
        <textarea
          id={ids.comment}
          name="comment"
          rows={3}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          aria-invalid={touched && commentError !== null}
          aria-describedby={touched && commentError ? ids.commentError : undefined}
        />
        {touched && commentError && (
          <p id={ids.commentError} className="perf-field__error">
            {commentError}
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary" disabled={saving}>
        {saving ? t('rating.saving') : t('rating.save')}
      </button>
      {serverError && (
        <p className="perf-form__error" role="alert">
          {serverError}
        </p>
      )}
      {saved && (
        <p className="perf-form__ok" role="status">
          {t('rating.saved')}
        </p>
      )}
    </form>
  );
}
