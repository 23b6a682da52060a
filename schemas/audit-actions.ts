// The names of everything the audit trail records, in one list that the server's type
// (server/access/audit.ts) and the administration page's action filter both read, so an action
// added for the server is offered in the filter without anyone remembering to add it twice.
export const AUDIT_ACTIONS = [
  'upload',
  'upload-dry-run',
  'sign-in',
  'sign-out',
  'password-change',
  'token-create',
  'token-revoke',
  'token-use-rejected',
  'user-create',
  'user-update',
  'organisation-create',
  'grants-update',
  'sign-in-settings-update',
  'export',
  'access-denied',
  // The quarter's cycle (server/cycle)
  'deadline-update',
  'quarter-sign-off',
  'quarter-approve',
  'quarter-unlock',
  'correction-reason',
  // Partnerships and their strategies (server/strategy)
  'partnership-create',
  'partnership-update',
  'strategy-create',
  'strategy-update',
  // A partnership's own measures (server/local-measures)
  'local-measure-create',
  'local-measure-update',
  // The delivery plan (server/strategy/actions.ts)
  'action-create',
  'action-update',
  'action-delete',
  'action-progress',
  'action-import',
  // Commentary and the board paper (server/commentary, server/board-paper)
  'commentary-create',
  'commentary-revise',
  'board-paper-issue',
  // Running it for real (server/ops, sign-in throttling and alerts)
  'security-alert',
  'security-alert-acknowledge',
  'backup',
  'restore',
  'audit-retention',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
