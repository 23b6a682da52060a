// The quarter's cycle over HTTP (DOMAIN.md 5.8): deadlines, statuses, sign-offs, approvals and
// reminders. Routes declare these, the OpenAPI document is built from them, and the web app
// types its client by them.
import { z } from 'zod';

export const CYCLE_STATUSES = ['not-due', 'due', 'received', 'late', 'overdue', 'signed-off', 'approved'] as const;
export const CycleStatusSchema = z.enum(CYCLE_STATUSES).meta({
  id: 'CycleStatus',
  description:
    'not-due: the quarter has not ended; due: ended, not received, deadline not passed; received: on time; late: first received after the deadline; overdue: not received and the deadline has passed; signed-off: the partner confirmed it complete and accurate; approved: an analyst approved it, which locks it',
});
export type CycleStatusName = z.infer<typeof CycleStatusSchema>;

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description: 'A day, YYYY-MM-DD', example: '2026-07-30' });
const QuarterSchema = z
  .string()
  .regex(/^\d{4}-\d{2}(Q[1-4])?$/)
  .meta({ description: 'The return’s period: a quarter id, or a financial year id for a yearly return', example: '2026-27Q1' });
const ByAtSchema = z.object({ at: z.string(), by: z.string() });

export const DeadlineSchema = z
  .object({
    returnType: z.string(),
    title: z.string(),
    frequency: z.enum(['quarterly', 'yearly']).meta({ description: 'How often the return is made: a yearly return’s period is a financial year, and its days count from the year’s end' }),
    daysAfterQuarterEnd: z.number().int().meta({ description: 'Days after the period (quarter, or financial year for a yearly return) ends that the return is due' }),
    isDefault: z.boolean().meta({ description: 'true when no administrator has set this type’s deadline' }),
    overrides: z.array(z.object({ quarter: z.string(), dueOn: DaySchema })),
  })
  .meta({ id: 'Deadline' });
export type Deadline = z.infer<typeof DeadlineSchema>;

export const DeadlineChangeSchema = z
  .object({
    returnType: z.string(),
    daysAfterQuarterEnd: z.number().int().min(0).max(365).optional(),
    quarter: QuarterSchema.optional().meta({ description: 'With dueOn: the one quarter whose deadline to set' }),
    dueOn: DaySchema.nullable().optional().meta({ description: 'The quarter’s own deadline; null removes it, so the type’s rule applies again' }),
  })
  .meta({ id: 'DeadlineChange' });

export const CycleCellSchema = z
  .object({
    returnType: z.string(),
    area: z.string(),
    areaName: z.string(),
    quarter: z.string(),
    dueOn: DaySchema,
    status: CycleStatusSchema,
    receivedLate: z.boolean().meta({ description: 'The first submission arrived after the deadline (kept once signed off or approved)' }),
    firstReceivedAt: z.string().nullable(),
    lastReceivedAt: z.string().nullable(),
    signedOff: ByAtSchema.nullable().meta({ description: 'The newest sign-off still covering the figures held' }),
    approved: ByAtSchema.nullable(),
    correctedAfterApproval: z.boolean().meta({ description: 'A submission changed figures after the approval in force' }),
  })
  .meta({ id: 'CycleCell' });
export type CycleCell = z.infer<typeof CycleCellSchema>;

export const CycleStatusBodySchema = z
  .object({ quarters: z.array(z.string()), items: z.array(CycleCellSchema) })
  .meta({ id: 'CycleStatusGrid' });
export type CycleStatusBody = z.infer<typeof CycleStatusBodySchema>;

export const SignOffRequestSchema = z.object({ returnType: z.string(), area: z.string(), quarter: QuarterSchema }).meta({ id: 'SignOffRequest' });
export const ApproveRequestSchema = z
  .object({
    area: z.string(),
    quarter: QuarterSchema,
    returnTypes: z.array(z.string()).min(1).optional().meta({ description: 'The return types to approve; by default every return received for the area and quarter' }),
  })
  .meta({ id: 'ApproveRequest' });
export const UnlockRequestSchema = z
  .object({ returnType: z.string(), area: z.string(), quarter: QuarterSchema, reason: z.string().trim().min(1).max(2000) })
  .meta({ id: 'UnlockRequest' });

export const ReminderSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['before-deadline', 'overdue']),
    organisation: z.object({ id: z.number().int(), name: z.string() }),
    returnType: z.string(),
    quarter: z.string(),
    dueOn: DaySchema,
    areas: z.array(z.string()),
    subject: z.string(),
    body: z.string(),
    createdAt: z.string(),
    email: z.object({
      status: z.enum(['not-sent', 'sending', 'sent', 'failed']),
      to: z.array(z.string()),
      at: z.string().nullable(),
    }),
  })
  .meta({ id: 'Reminder' });
export type Reminder = z.infer<typeof ReminderSchema>;
