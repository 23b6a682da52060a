// Bodies of the operational API (issue 14): security alerts administrators read, and the health
// answers load balancers and monitoring read. Shared by the server and the web app.
import { z } from 'zod';

export const SECURITY_ALERT_KINDS = ['account-under-attack', 'address-blocked'] as const;

export const SecurityAlertSchema = z
  .object({
    id: z.number().int(),
    raisedAt: z.string(),
    kind: z.enum(SECURITY_ALERT_KINDS),
    subject: z.string().meta({ description: 'The account (email as typed) or the network address' }),
    message: z.string().meta({ description: 'What happened and what to do, in a sentence or two' }),
    details: z.record(z.string(), z.unknown()),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
  })
  .meta({ id: 'SecurityAlert' });
export type SecurityAlert = z.infer<typeof SecurityAlertSchema>;

export const SecurityAlertsSchema = z
  .object({ unacknowledged: z.number().int(), items: z.array(SecurityAlertSchema) })
  .meta({ id: 'SecurityAlerts' });
export type SecurityAlerts = z.infer<typeof SecurityAlertsSchema>;

export const LiveSchema = z.object({ status: z.literal('ok') });

export const ReadySchema = z
  .object({
    status: z.enum(['ready', 'not-ready']),
    /** A sentence saying why not, and what to do: only when not ready. */
    reason: z.string().optional(),
    code: z.string().optional(),
  })
  .meta({ id: 'Readiness' });
export type Readiness = z.infer<typeof ReadySchema>;
