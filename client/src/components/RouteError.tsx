/** What a page shows when its data cannot be loaded: the server's message, and a way on. */
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ApiError } from '../api/http.ts';

export function RouteError() {
  const error = useRouteError();
  if (error instanceof ApiError && error.code === 'unauthenticated') {
    return (
      <div className="page page--narrow">
        <div className="empty">
          <h1 className="empty__title">Your session has ended</h1>
          <p className="empty__text">Sign in again to carry on where you were.</p>
          <Link
            className="button button--primary"
            to={`/signin?next=${encodeURIComponent(location.pathname)}`}
          >
            Sign in again
          </Link>
        </div>
      </div>
    );
  }
  let title = 'Something went wrong';
  let message = 'The page could not be shown. Try again in a moment.';
  if (error instanceof ApiError) {
    if (error.code === 'not_found') title = 'Not found';
    if (error.code === 'network') title = 'The server cannot be reached';
    message = error.message;
  } else if (isRouteErrorResponse(error)) {
    title = error.status === 404 ? 'Not found' : `Error ${error.status}`;
    message = error.statusText || message;
  }
  return (
    <div className="page page--narrow">
      <div className="empty">
        <h1 className="empty__title">{title}</h1>
        <p className="empty__text">{message}</p>
        <Link className="button" to="/">
          Back to home
        </Link>
      </div>
    </div>
  );
}

export function NotFound() {
  return (
    <div className="page page--narrow">
      <div className="empty">
        <h1 className="empty__title">Page not found</h1>
        <p className="empty__text">There is nothing at this address.</p>
        <Link className="button" to="/">
          Back to home
        </Link>
      </div>
    </div>
  );
}
