// The one API client. Every request goes to our own origin with the session cookie; every
// state-changing request carries the CSRF token that /api/auth/me hands out. Errors become an
// ApiError whose message is the server's sentence (written for people), or a sentence of ours
// when the server could not be reached at all.
export interface ProblemBody {
  statusCode?: number;
  error?: string;
  message?: string;
  code?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown = null,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Status 0: the request never got an answer (offline, server down). */
export const NETWORK_ERROR_STATUS = 0;

export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;

/** Set from /api/auth/me; cleared on sign-out. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A JSON body. */
  json?: unknown;
  /** A multipart body (uploads). */
  form?: FormData;
  signal?: AbortSignal;
}

export interface RawResponse<T = unknown> {
  status: number;
  body: T;
}

/** Builds a query string from defined values only: `{ a: 1, b: undefined }` → `?a=1`. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    try {
      return await response.json();
    } catch {
      return null;
    }
  }
  const text = await response.text();
  return text === '' ? null : text;
}

/** Sends a request and returns whatever came back, whatever the status (uploads need 422 bodies). */
export async function request<T = unknown>(path: string, options: RequestOptions = {}): Promise<RawResponse<T>> {
  const method = options.method ?? (options.json !== undefined || options.form ? 'POST' : 'GET');
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  if (UNSAFE_METHODS.has(method) && csrfToken) headers[CSRF_HEADER] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw new ApiError(NETWORK_ERROR_STATUS, 'The dashboard server could not be reached. Check your connection, then try again.');
  }
  return { status: response.status, body: (await readBody(response)) as T };
}

function messageFor(status: number, body: unknown): string {
  const problem = (body ?? {}) as ProblemBody;
  if (typeof problem.message === 'string' && problem.message !== '') return problem.message;
  if (status === 401) return 'Please sign in to see this.';
  if (status === 403) return 'Your account does not have permission to see this.';
  if (status === 404) return 'This page or figure could not be found.';
  if (status >= 500) return 'Something went wrong on the dashboard server. Try again in a few minutes.';
  return `The request failed (status ${status}).`;
}

/** Sends a request and returns its JSON body, or throws an ApiError for any status from 400. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { status, body } = await request<T>(path, options);
  if (status >= 400) throw new ApiError(status, messageFor(status, body), body, ((body ?? {}) as ProblemBody).code ?? null);
  return body;
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
