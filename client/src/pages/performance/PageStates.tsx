/** Loading, error and empty states shared by the performance pages, so each says the same thing the same way. */
import type { ReactNode } from 'react';
import type { ApiError } from '../../api/http.ts';

export function Loading({ what }: { what: string }) {
  return (
    <div className="perf-state" role="status" aria-live="polite">
      <span className="perf-spinner" aria-hidden="true" />
      Loading {what}…
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const heading =
    error.code === 'not_found'
      ? 'Not found'
      : error.code === 'unauthenticated'
        ? 'Please sign in'
        : error.code === 'forbidden'
          ? 'Not allowed'
          : 'Could not load this page';
  return (
    <div className="perf-state perf-state--error" role="alert">
      <strong>{heading}</strong>
      <p>{error.message}</p>
      {onRetry && error.code !== 'not_found' && (
        <button type="button" className="perf-button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="perf-state perf-state--empty">
      <strong>{title}</strong>
      {children && <div>{children}</div>}
    </div>
  );
}
