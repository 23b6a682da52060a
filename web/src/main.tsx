// The entry point: styles, the query client (shared cache, sensible retries, a signed-out check
// when any request says 401) and the app frame. Pages load as separate chunks.
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ApiError } from './lib/api-client';
import { authKeys } from './lib/query-keys';
import './styles/app.scss';

// GOV.UK Frontend styles some components differently once JavaScript is known to run.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

const MAX_RETRIES = 2;

const client: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      // A 401 anywhere but /me means the session ended: ask /me again, which shows sign-in.
      if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== authKeys.all[0]) {
        void client.invalidateQueries({ queryKey: authKeys.me() });
      }
    },
  }),
  mutationCache: new MutationCache({
    onError: (error) => {
      if (error instanceof ApiError && error.status === 401) void client.invalidateQueries({ queryKey: authKeys.me() });
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      // Retry only what may succeed next time: network failures and server errors.
      retry: (count, error) => count < MAX_RETRIES && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
