/**
 * Loading, error and empty states for a page's API data (`useResource`), the same on every page,
 * so each says the same thing the same way.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/http.ts';
import type { Resource } from '../api/useResource.ts';
import { errorText } from '../i18n/errorText.ts';
import './pageStates.css';

/** `what` is already in the reader's language: "objectives", "os objetivos". */
export function Loading({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <div className="page-state" role="status" aria-live="polite">
      <span className="page-spinner" aria-hidden="true" />
      {t('states.loading', { what })}
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  const heading =
    error.code === 'not_found'
      ? t('states.notFound')
      : error.code === 'unauthenticated'
        ? t('states.signIn')
        : error.code === 'forbidden'
          ? t('states.notAllowed')
          : t('states.loadFailed');
  return (
    <div className="page-state page-state--error" role="alert">
      <strong>{heading}</strong>
      <p>{errorText(error)}</p>
      {onRetry && error.code !== 'not_found' && (
        <button type="button" className="button button--primary" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-state page-state--empty">
      <strong>{title}</strong>
      {children && <div>{children}</div>}
    </div>
  );
}

/** A page's resource until it is ready: loading, then its error with a retry (`what` as for `Loading`). */
export function NotReady({
  resource,
  what,
}: {
  resource: Resource<unknown> & { reload: () => void };
  what: string;
}) {
  return resource.state === 'error' ? (
    <LoadError error={resource.error} onRetry={resource.reload} />
  ) : (
    <Loading what={what} />
  );
}
