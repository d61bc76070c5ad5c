/**
 * What a route shows when it fails: its loader (the session check), or a page that throws (the big
 * screen when its meeting cannot be read, or a bug). The server's message, and a way on. A page's
 * own API data shows its loading and errors in the page (PageStates.tsx).
 */
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ApiError } from '../api/http.ts';
import { errorText } from '../i18n/errorText.ts';

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (error instanceof ApiError && error.code === 'unauthenticated') {
    return (
      <div className="page page--narrow">
        <div className="empty">
          <h1 className="empty__title">{t('routeError.sessionEnded')}</h1>
          <p className="empty__text">{t('routeError.signInAgainText')}</p>
          <Link
            className="button button--primary"
            to={`/signin?next=${encodeURIComponent(location.pathname)}`}
          >
            {t('routeError.signInAgain')}
          </Link>
        </div>
      </div>
    );
  }
  let title = t('routeError.somethingWrong');
  let message = t('routeError.notShown');
  if (error instanceof ApiError) {
    if (error.code === 'not_found') title = t('routeError.notFound');
    if (error.code === 'network') title = t('routeError.unreachable');
    message = errorText(error);
  } else if (isRouteErrorResponse(error)) {
    title =
      error.status === 404 ? t('routeError.notFound') : t('routeError.status', { status: error.status });
    message = error.statusText || message;
  }
  return (
    <div className="page page--narrow">
      <div className="empty">
        <h1 className="empty__title">{title}</h1>
        <p className="empty__text">{message}</p>
        <Link className="button" to="/">
          {t('backHome')}
        </Link>
      </div>
    </div>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <div className="empty">
        <h1 className="empty__title">{t('routeError.pageNotFound')}</h1>
        <p className="empty__text">{t('routeError.nothingHere')}</p>
        <Link className="button" to="/">
          {t('backHome')}
        </Link>
      </div>
    </div>
  );
}
