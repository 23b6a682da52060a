// The quarter's cycle: statuses, deadlines, sign-off, approval and unlocking, through the one API client.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CycleStatusBody, Deadline, Reminder } from '../../../../schemas/cycle-api';
import { api, queryString } from '../../lib/api-client';
import { cycleKeys } from '../../lib/query-keys';

export { cycleKeys };

export interface CycleFilters {
  type?: string;
  area?: string;
  from?: string;
  to?: string;
}

export function cycleStatusQueryOptions(filters: CycleFilters) {
  return queryOptions({ queryKey: cycleKeys.status(filters), queryFn: () => api<CycleStatusBody>(`/api/cycle/status${queryString({ ...filters })}`) });
}

export function useCycleStatus(filters: CycleFilters, enabled = true) {
  return useQuery({ ...cycleStatusQueryOptions(filters), enabled });
}

export function useReminders(enabled: boolean) {
  return useQuery({ queryKey: cycleKeys.reminders(), queryFn: () => api<{ items: Reminder[] }>('/api/cycle/reminders'), enabled });
}

export function useDeadlines() {
  return useQuery({ queryKey: cycleKeys.deadlines(), queryFn: () => api<{ deadlines: Deadline[] }>('/api/cycle/deadlines') });
}

export type DeadlineChange = { returnType: string; daysAfterQuarterEnd: number } | { returnType: string; quarter: string; dueOn: string | null };

export function useDeadlineChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: DeadlineChange) => api<{ deadlines: Deadline[] }>('/api/admin/deadlines', { method: 'PUT', json: change }),
    // A deadline moves statuses (late, overdue) as well as the calendar.
    onSuccess: () => client.invalidateQueries({ queryKey: cycleKeys.all }),
  });
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
