// The administration API (/api/admin): users, organisations and their grants, API tokens, the
// sign-in settings, the audit trail and security alerts. Each list has its query options; each change invalidates what it changed
// and the audit trail, which records it.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api-client';
import { adminKeys } from '../../lib/query-keys';
import type { ApiToken, AuditEvent, CreatedApiToken, Grant, Organisation, Role, SignInSettings, User } from '../../../../schemas/access-api';

import type { SecurityAlert, SecurityAlerts } from '../../../../schemas/operations-api';

export type { ApiToken, AuditEvent, Organisation, SignInSettings, User } from '../../../../schemas/access-api';
export type { SecurityAlert } from '../../../../schemas/operations-api';
export { ORGANISATION_KINDS } from '../../../../schemas/access-api';

export interface AuditFilters {
  action?: string;
  actor?: string;
  outcome?: string;
  limit?: number;
  offset?: number;
}

export const usersQueryOptions = queryOptions({ queryKey: adminKeys.users(), queryFn: () => api<{ items: User[] }>('/api/admin/users').then((b) => b.items) });
export const organisationsQueryOptions = queryOptions({
  queryKey: adminKeys.organisations(),
  queryFn: () => api<{ items: Organisation[] }>('/api/admin/organisations').then((b) => b.items),
});
export const tokensQueryOptions = queryOptions({ queryKey: adminKeys.tokens(), queryFn: () => api<{ items: ApiToken[] }>('/api/admin/tokens').then((b) => b.items) });
export const signInSettingsQueryOptions = queryOptions({ queryKey: adminKeys.signInSettings(), queryFn: () => api<SignInSettings>('/api/admin/sign-in-settings') });

export function auditQueryOptions(filters: AuditFilters) {
  return queryOptions({
    queryKey: adminKeys.audit(filters),
    queryFn: () => api<{ total: number; items: AuditEvent[] }>(`/api/admin/audit${queryString({ ...filters })}`),
  });
}

function useAdminMutation<TBody, TResult>(fn: (body: TBody) => Promise<TResult>, changes: ReadonlyArray<readonly unknown[]>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([...changes, adminKeys.audits()].map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}

export function useCreateUser() {
  return useAdminMutation((body: { email: string; name: string; role: Role; organisationId: number | null; password: string }) => api<User>('/api/admin/users', { json: body }), [adminKeys.users()]);
}

export function useUpdateUser() {
  return useAdminMutation(
    ({ id, ...body }: { id: number; name?: string; role?: Role; organisationId?: number | null; disabled?: boolean; unlock?: boolean }) => api<User>(`/api/admin/users/${id}`, { method: 'PATCH', json: body }),
    [adminKeys.users()],
  );
}

export function useCreateOrganisation() {
  return useAdminMutation((body: { name: string; kind: string }) => api<Organisation>('/api/admin/organisations', { json: body }), [adminKeys.organisations()]);
}

export function useSetGrants() {
  return useAdminMutation(
    ({ id, grants }: { id: number; grants: Grant[] }) => api<Organisation>(`/api/admin/organisations/${id}/grants`, { method: 'PUT', json: { grants } }),
    [adminKeys.organisations(), adminKeys.users()],
  );
}

export function useCreateToken() {
  return useAdminMutation((body: { organisationId: number; name: string }) => api<CreatedApiToken>('/api/admin/tokens', { json: body }), [adminKeys.tokens()]);
}

export function useRevokeToken() {
  return useAdminMutation((id: number) => api<ApiToken>(`/api/admin/tokens/${id}`, { method: 'DELETE' }), [adminKeys.tokens()]);
}

/** Replaces all four sign-in settings at once; they apply at once to every session. */
export function useSetSignInSettings() {
  return useAdminMutation((body: SignInSettings) => api<SignInSettings>('/api/admin/sign-in-settings', { method: 'PUT', json: body }), [adminKeys.signInSettings()]);
}

/** Alerts of sustained attacks on sign-in (server/access/security-alerts.ts), newest first. */
export const securityAlertsKey = [...adminKeys.all, 'security-alerts'] as const;
export const securityAlertsQueryOptions = queryOptions({ queryKey: securityAlertsKey, queryFn: () => api<SecurityAlerts>('/api/admin/security-alerts') });

export function useAcknowledgeAlert() {
  return useAdminMutation((id: number) => api<SecurityAlert>(`/api/admin/security-alerts/${id}/acknowledge`, { method: 'POST', json: {} }), [securityAlertsKey]);
}
