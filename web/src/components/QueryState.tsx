// Every query has a loading state and an error state that says what happened and what to do.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError, NETWORK_ERROR_STATUS } from '../lib/api-client';
import { Link } from '../app/router';

export function Loading({ what }: { what: string }) {
  return (
    <p className="app-loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** What the person can do about an error, by its status. */
export function adviceFor(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Reload the page. If it keeps happening, tell your dashboard administrator.';
  if (error.status === NETWORK_ERROR_STATUS) return 'Check your internet connection, then try again.';
  if (error.status === 401) return 'Your session may have ended. Sign in again.';
  if (error.status === 403) return 'Ask your dashboard administrator for access if you need it.';
  if (error.status === 404) return 'Check the address, or go back to the overview.';
  if (error.status === 429) return 'Wait a minute, then try again.';
  if (error.status >= 500) return 'Try again in a few minutes. If it keeps happening, tell your dashboard administrator.';
  return 'Check what you chose, then try again.';
}

export function ErrorState({ error, what, onRetry }: { error: unknown; what: string; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const status = error instanceof ApiError ? error.status : null;
  return (
    <div className="govuk-error-summary" role="alert">
      <div>
        <h2 className="govuk-error-summary__title">Sorry, {what} could not be shown</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">{message}</p>
          <p className="govuk-body">{adviceFor(error)}</p>
          <div className="app-actions">
            {onRetry && status !== 401 && status !== 403 && (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={onRetry}>
                Try again
              </button>
            )}
            {status === 401 && (
              <Link className="govuk-link" to={`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`}>
                Sign in
              </Link>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}

/** Renders a query's data, or its loading or error state. */
export function QueryState<T>({ query, what, children }: { query: UseQueryResult<T>; what: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) return <ErrorState error={query.error} what={what} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
