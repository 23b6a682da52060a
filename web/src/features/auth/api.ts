// Who is signed in, signing in and out, and what the sign-in page shows. A 401 from /me means
// signed out; so does a 404 (a server without the auth routes, during development).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../../lib/api-client';
import { authKeys } from '../../lib/query-keys';
import type { MeBody, Role, SignInInfo } from '../../../../schemas/access-api';

export type { Grant, Role } from '../../../../schemas/access-api';

/** The signed-in user: /api/auth/me when someone is signed in. */
export interface Me {
  user: NonNullable<MeBody['user']>;
  csrfToken: string | null;
}

export async function getMe(): Promise<Me | null> {
  try {
    const body = await api<MeBody>('/api/auth/me');
    setCsrfToken(body.csrfToken);
    return body.user ? { user: body.user, csrfToken: body.csrfToken } : null;
  } catch (error) {
    if (isApiError(error, 401) || isApiError(error, 404)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQueryOptions = queryOptions({ queryKey: authKeys.me(), queryFn: getMe, staleTime: 5 * 60_000 });

export function useMe() {
  return useQuery(meQueryOptions);
}

export async function getSignInInfo(): Promise<SignInInfo> {
  try {
    return await api<SignInInfo>('/api/auth/sign-in-info');
  } catch (error) {
    if (isApiError(error, 404)) return { demo: false, demoAccounts: [] };
    throw error;
  }
}

export const signInInfoQueryOptions = queryOptions({ queryKey: authKeys.signInInfo(), queryFn: getSignInInfo, staleTime: 30 * 60_000 });

export function useSignInInfo() {
  return useQuery(signInInfoQueryOptions);
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) => api<null>('/api/auth/login', { json: credentials }),
    onSuccess: async () => {
      // Nothing cached under the previous identity may show under the new one.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.all[0] });
      await client.invalidateQueries({ queryKey: authKeys.me() });
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<null>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.all[0] });
      client.setQueryData(authKeys.me(), null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api<null>('/api/auth/password', { json: body }),
  });
}

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'Administrator',
  analyst: 'Analyst',
  board: 'Board member',
  partner: 'Partner',
};

/** Who may open which part of the app (the server enforces the same; this only hides links). */
export const ACCESS = {
  dashboard: ['admin', 'analyst', 'board'] as Role[],
  returns: ['admin', 'analyst', 'partner'] as Role[],
  admin: ['admin'] as Role[],
  signedIn: ['admin', 'analyst', 'board', 'partner'] as Role[],
};

/** Partners start at their returns; everyone else on their partnership's strategy (issue 11), or the list of partnerships. */
export function homePathFor(role: Role): string {
  return role === 'partner' ? '/returns' : '/strategy';
}
