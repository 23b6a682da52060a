// The delivery plan over HTTP (issue 11, item 3): a strategy's actions with their leads,
// timescales, due dates, statuses and dated progress updates; what analysts and administrators
// send to add, change and import them. Routes declare these, the OpenAPI document is built from
// them, and the web app types its client by them.
import { z } from 'zod';
import { ProblemSchema } from './api';
import { ACTION_STATUSES, ActionStatusSchema } from './strategy-api';

/** The longest activity, lead and timescale texts we keep: a delivery plan's cell, not an essay. */
export const ACTION_TITLE_MAX = 1000;
export const ACTION_LEAD_MAX = 300;
export const ACTION_TIMESCALE_MAX = 200;
export const ACTION_UPDATE_MAX = 4000;

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day written YYYY-MM-DD').meta({ description: 'A day, YYYY-MM-DD', example: '2026-11-20' });
const trimmed = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s === '' ? null : s));

export const ActionUpdateSchema = z
  .object({
    id: z.number().int(),
    on: DaySchema.meta({ description: 'The day the progress is reported for' }),
    text: z.string(),
    author: z.object({ id: z.number().int().nullable().meta({ description: 'The author’s user id; null once the account is gone' }), name: z.string() }),
    createdAt: z.string().meta({ description: 'ISO 8601 time the update was written' }),
  })
  .meta({ id: 'ActionUpdate', description: 'A dated progress update. Updates are never rewritten: a correction is a new update.' });
export type ActionUpdate = z.infer<typeof ActionUpdateSchema>;

export const PlanActionSchema = z
  .object({
    id: z.number().int(),
    strategyId: z.number().int(),
    title: z.string().meta({ description: 'The activity, in the plan’s words' }),
    aim: z.object({ id: z.number().int(), number: z.number().int().meta({ description: 'Its position in the strategy, from 1' }), title: z.string() }).nullable(),
    measure: z
      .object({ id: z.number().int(), indicator: z.string(), indicatorTitle: z.string(), area: z.string() })
      .nullable()
      .meta({ description: 'The strategy measure that shows whether the action works' }),
    leadAgency: z.string().nullable(),
    leadPerson: z.string().nullable().meta({ description: 'A role or person at the lead agency' }),
    timescale: z.string().nullable().meta({ description: 'The timescale as the plan writes it ("Year 1", "March 2022", "Ongoing")' }),
    due: DaySchema.nullable().meta({ description: 'The due date: as sent, or read from the timescale when it states one' }),
    status: ActionStatusSchema,
    overdue: z.boolean().meta({ description: 'The due date has passed and the action is not complete' }),
    updates: z.array(ActionUpdateSchema).meta({ description: 'Progress updates, newest first' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PlanAction' });
export type PlanAction = z.infer<typeof PlanActionSchema>;

export const DeliveryPlanSchema = z
  .object({
    partnership: z.object({ id: z.number().int(), name: z.string() }),
    strategy: z.object({ id: z.number().int(), title: z.string(), from: z.string(), to: z.string() }),
    today: DaySchema.meta({ description: 'The day overdue is judged against' }),
    summary: z
      .object({ total: z.number().int(), overdue: z.number().int(), byStatus: z.record(z.enum(ACTION_STATUSES), z.number().int()) })
      .meta({ description: 'The whole plan, whatever the filters' }),
    actions: z.array(PlanActionSchema).meta({ description: 'In the plan’s order, filtered as asked' }),
  })
  .meta({ id: 'DeliveryPlan' });
export type DeliveryPlan = z.infer<typeof DeliveryPlanSchema>;

const StatusListSchema = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''))
  .pipe(z.array(ActionStatusSchema))
  .meta({ description: `One status or several, comma-separated: ${ACTION_STATUSES.join(', ')}`, example: 'at-risk,off-track' });

export const DeliveryPlanQuerySchema = z.object({
  strategy: z.coerce.number().int().positive().optional().meta({ description: 'A strategy version id (default: the version in force today)' }),
  status: StatusListSchema.optional(),
  overdue: z.enum(['true', 'false']).optional().meta({ description: 'true: only overdue actions; false: only those not overdue' }),
});

export const ActionInputSchema = z
  .object({
    title: trimmed(ACTION_TITLE_MAX),
    aim: z.number().int().positive().nullable().optional().meta({ description: 'An aim id of this strategy; by default the aim of the measure, if one is given' }),
    measure: z.number().int().positive().nullable().optional().meta({ description: 'A measure id of this strategy' }),
    leadAgency: trimmed(ACTION_LEAD_MAX),
    leadPerson: optionalText(ACTION_LEAD_MAX).meta({ description: 'A role ("DA Coordinator") rather than a name, unless the person agreed' }),
    timescale: optionalText(ACTION_TIMESCALE_MAX),
    due: DaySchema.nullable().optional().meta({ description: 'Default: the date the timescale states, if any' }),
    status: ActionStatusSchema.default('not-assessable').meta({ description: 'Default not-assessable: not yet reported on' }),
  })
  .meta({ id: 'NewAction', description: 'A new action of the delivery plan' });
export type ActionInput = z.infer<typeof ActionInputSchema>;

export const ActionChangeSchema = z
  .object({
    title: trimmed(ACTION_TITLE_MAX).optional(),
    aim: z.number().int().positive().nullable().optional(),
    measure: z.number().int().positive().nullable().optional().meta({ description: 'A measure of another aim moves the action to that aim, unless aim is sent too' }),
    leadAgency: trimmed(ACTION_LEAD_MAX).optional(),
    leadPerson: optionalText(ACTION_LEAD_MAX),
    timescale: optionalText(ACTION_TIMESCALE_MAX).meta({ description: 'A new timescale also sets the due date to the one it states (or none), unless due is sent too' }),
    due: DaySchema.nullable().optional(),
    status: ActionStatusSchema.optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'send at least one field to change' })
  .meta({ id: 'ActionChange', description: 'What to change; fields left out stay as they are' });
export type ActionChange = z.infer<typeof ActionChangeSchema>;

export const ActionUpdateInputSchema = z
  .object({
    on: DaySchema.meta({ description: 'The day the progress is reported for: today or earlier' }),
    text: trimmed(ACTION_UPDATE_MAX).meta({
      description: 'What has happened. A record the board reads: about the work, never about a victim or any person using services.',
    }),
    status: ActionStatusSchema.optional().meta({ description: 'The action’s status from now on, if it changes with this update' }),
  })
  .meta({ id: 'NewActionUpdate' });
export type ActionUpdateInput = z.infer<typeof ActionUpdateInputSchema>;

export const ActionPreviewSchema = z
  .object({
    row: z.number().int().meta({ description: 'The row in the file' }),
    title: z.string(),
    aim: z.object({ id: z.number().int(), number: z.number().int(), title: z.string() }).nullable(),
    measure: z.object({ id: z.number().int(), indicator: z.string() }).nullable(),
    leadAgency: z.string(),
    leadPerson: z.string().nullable(),
    timescale: z.string().nullable(),
    due: DaySchema.nullable(),
    status: ActionStatusSchema,
  })
  .meta({ id: 'ActionPreview', description: 'An action as a row of an imported file gives it' });

export const ActionImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    strategy: z.object({ id: z.number().int(), title: z.string() }),
    rows: z.number().int(),
    created: z.array(z.number().int()).meta({ description: 'The new actions’ ids, in the file’s order (empty for a dry run)' }),
    actions: z.array(ActionPreviewSchema),
    warnings: z.array(ProblemSchema),
  })
  .meta({ id: 'ActionImportResult' });
export type ActionImportResult = z.infer<typeof ActionImportResultSchema>;

export const ActionImportQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).optional().meta({ description: 'true: check the file and report what would be created, without storing anything' }),
});

export const DeletedActionSchema = z.object({ id: z.number().int(), deleted: z.literal(true) }).meta({ id: 'DeletedAction' });
