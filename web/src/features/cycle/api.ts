// The quarter's cycle: statuses, sign-off, approval and unlocking, through the one API client.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CycleStatusBody, Reminder } from '../../../../schemas/cycle-api';
import { api, queryString } from '../../lib/api-client';

export const cycleKeys = {
  all: ['cycle'] as const,
  status: (filters: { type?: string; from?: string; to?: string }) => [...cycleKeys.all, 'status', filters] as const,
  reminders: () => [...cycleKeys.all, 'reminders'] as const,
};

export function cycleStatusQueryOptions(filters: { type?: string; from?: string; to?: string }) {
  return queryOptions({ queryKey: cycleKeys.status(filters), queryFn: () => api<CycleStatusBody>(`/api/cycle/status${queryString(filters)}`) });
}

export function useCycleStatus(filters: { type?: string; from?: string; to?: string }) {
  return useQuery(cycleStatusQueryOptions(filters));
}

export function useReminders(enabled: boolean) {
  return useQuery({ queryKey: cycleKeys.reminders(), queryFn: () => api<{ items: Reminder[] }>('/api/cycle/reminders'), enabled });
}

export type CycleAction =
  | { kind: 'sign-off'; returnType: string; area: string; quarter: string }
  | { kind: 'approve'; returnType: string; area: string; quarter: string }
  | { kind: 'unlock'; returnType: string; area: string; quarter: string; reason: string };

export function useCycleAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: CycleAction) => {
      if (action.kind === 'sign-off') return api('/api/cycle/sign-offs', { method: 'POST', json: { returnType: action.returnType, area: action.area, quarter: action.quarter } });
      if (action.kind === 'approve') return api('/api/cycle/approvals', { method: 'POST', json: { area: action.area, quarter: action.quarter, returnTypes: [action.returnType] } });
      return api('/api/admin/approvals/unlock', { method: 'POST', json: { returnType: action.returnType, area: action.area, quarter: action.quarter, reason: action.reason } });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: cycleKeys.all }),
  });
}
