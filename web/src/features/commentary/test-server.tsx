// The commentary tests' fake server: each route a function of the request that answers with a
// status and a JSON body; any request no route answers fails the test, and every request is
// recorded (method, path with its query, JSON body) so a test can say what was sent and how often.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { Comment } from './api';

export interface Sent {
  method: string;
  path: string;
  body: unknown;
}

export type Answer = { status?: number; body: unknown };
export type Route = (sent: Sent) => Answer;

export function fakeServer(routes: Record<string, Route>) {
  const sent: Sent[] = [];
  const unhandled: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      const request: Sent = { method: init?.method ?? 'GET', path: url.pathname + url.search, body: typeof init?.body === 'string' ? JSON.parse(init.body) : null };
      sent.push(request);
      const route = routes[`${request.method} ${request.path}`];
      if (!route) {
        unhandled.push(`${request.method} ${request.path}`);
        throw new Error(`unexpected request ${request.method} ${request.path}`);
      }
      const answer = route(request);
      return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  return { sent, unhandled };
}

export function withClient(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

export function me(role: 'admin' | 'analyst' | 'board' | 'partner') {
  return { user: { id: 9, email: `${role}@demo.invalid`, name: `Demo ${role}`, role, organisation: null, grants: [] }, actor: { kind: 'user', name: `Demo ${role}`, role, grants: [] }, csrfToken: 'csrf' };
}

const ANALYST = { id: 2, name: 'Demo analyst' };

/** A comment as the API sends it; `versions` are its texts, oldest first, a day apart from 18 November 2026. */
export function comment(over: Partial<Comment> & { id: number; versions?: string[] }): Comment {
  const { versions = ['A comment.'], ...rest } = over;
  const history = versions.map((body, i) => ({ version: i + 1, body, author: ANALYST, writtenAt: `2026-11-${18 + i}T10:00:00.000Z` }));
  const current = history[history.length - 1];
  return {
    partnership: 1,
    subject: { kind: 'aim', indicator: null, area: null, measure: null, aim: 1, label: 'Aim: Prevention', removed: false },
    period: 'R12-2026-27Q2',
    periodLabel: '12 months to Sep 2026',
    body: current.body,
    version: current.version,
    author: current.author,
    writtenAt: current.writtenAt,
    createdAt: history[0].writtenAt,
    history,
    figure: null,
    ...rest,
  };
}
