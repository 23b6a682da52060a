// Partnerships and their strategies over HTTP (DOMAIN.md section 9, issue 11): the partnership
// list, a strategy's aims and measures with their statuses, and what administrators and
// analysts send to set them up. Routes declare these, the OpenAPI document is built from them,
// and the web app types its client by them.
import { z } from 'zod';
import { parsePeriodId } from './periods';

export const MEASURE_STATUSES = ['on-track', 'at-risk', 'off-track', 'not-assessable'] as const;
export const MeasureStatusSchema = z.enum(MEASURE_STATUSES).meta({
  id: 'MeasureStatus',
  description:
    'on-track: the latest figure (its 95% interval) reaches the target or the straight path to it; at-risk: short of that, but moved significantly the right way since the baseline (or, against a benchmark, similar to it); off-track: neither; not-assessable: no published figure to judge (suppressed, no data, incomplete) or nothing after the baseline yet',
});
export type MeasureStatus = z.infer<typeof MeasureStatusSchema>;

export const ACTION_STATUSES = [...MEASURE_STATUSES, 'complete'] as const;
export const ActionStatusSchema = z.enum(ACTION_STATUSES).meta({ id: 'ActionStatus' });

/** A financial year id: '2021-22'. */
export const FinancialYearSchema = z
  .string()
  .refine((s) => parsePeriodId(s)?.kind === 'financial-year', { message: 'a financial year id such as 2021-22' })
  .meta({ description: 'Financial year id', example: '2021-22' });

/** Strategies are judged over twelve months: a financial year, a calendar year or a rolling twelve months. */
export function isTwelveMonthPeriod(id: string): boolean {
  const kind = parsePeriodId(id)?.kind;
  return kind === 'financial-year' || kind === 'calendar-year' || kind === 'rolling-year';
}
export const TwelveMonthPeriodSchema = z
  .string()
  .refine(isTwelveMonthPeriod, { message: 'a twelve-month period: 2020-21 (financial year), 2020 (calendar year) or R12-2020-21Q2 (twelve months to a quarter)' })
  .meta({ description: 'A twelve-month period id', example: '2020-21' });

export const DirectionSchema = z.enum(['increase', 'decrease']).meta({ id: 'TargetDirection', description: 'Which way is progress' });
export type Direction = z.infer<typeof DirectionSchema>;

export const TargetSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('value'),
      value: z.number().finite(),
      by: TwelveMonthPeriodSchema.meta({ description: 'The twelve months whose figure should reach the value' }),
      direction: DirectionSchema.meta({ description: 'increase: at least the value; decrease: at most the value' }),
    }),
    z.object({
      kind: z.literal('direction'),
      direction: DirectionSchema,
      by: TwelveMonthPeriodSchema.optional().meta({ description: 'By when, for the record' }),
    }),
    z.object({
      kind: z.literal('range'),
      low: z.number().finite().nullable(),
      high: z.number().finite().nullable(),
      label: z.string().max(300).optional(),
    }),
    z.object({
      kind: z.literal('benchmark'),
      benchmark: z.string().nullable().optional().meta({ description: "The comparator area; by default the partnership's benchmark" }),
      direction: DirectionSchema.optional().meta({ description: "Which way is better; by default the indicator's polarity (required for an indicator without one)" }),
    }),
  ])
  .meta({ id: 'MeasureTarget', description: 'A value by a date with a direction; a direction only; a reference range; or better than a benchmark' });
export type Target = z.infer<typeof TargetSchema>;

export const PartnershipSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    areas: z.array(z.string()).meta({ description: 'GSS codes of the authorities it covers' }),
    benchmark: z.string().meta({ description: 'Its default benchmark area' }),
    strategies: z.array(z.object({ id: z.number().int(), title: z.string(), from: z.string(), to: z.string() })),
    members: z
      .array(z.object({ id: z.number().int(), name: z.string(), email: z.string(), role: z.string() }))
      .optional()
      .meta({ description: 'Board members and analysts who belong to it; administrators only' }),
  })
  .meta({ id: 'Partnership' });
export type Partnership = z.infer<typeof PartnershipSchema>;

export const PartnershipListSchema = z.object({ partnerships: z.array(PartnershipSchema) }).meta({ id: 'PartnershipList' });

const AreaCodeSchema = z.string().min(1).max(20).meta({ example: 'E06000060' });

export const PartnershipInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    areas: z.array(AreaCodeSchema).min(1).max(50),
    benchmark: AreaCodeSchema.optional().meta({ description: 'Default: the first area’s default benchmark (its police force area; London for a London borough)' }),
    members: z.array(z.number().int().positive()).max(500).default([]).meta({ description: 'User ids of board members and analysts' }),
  })
  .meta({ description: 'A new partnership' });
export type PartnershipInput = z.infer<typeof PartnershipInputSchema>;

export const PartnershipChangeSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    areas: z.array(AreaCodeSchema).min(1).max(50).optional(),
    benchmark: AreaCodeSchema.optional(),
    members: z.array(z.number().int().positive()).max(500).optional(),
  })
  .meta({ description: 'What to change; each field sent replaces the one held' });
export type PartnershipChange = z.infer<typeof PartnershipChangeSchema>;

export const MeasureInputSchema = z.object({
  id: z.number().int().positive().optional().meta({ description: 'An existing measure of this aim to keep (its id stays); omit for a new one' }),
  indicator: z.string().meta({ example: 'repeat-victim-rate' }),
  area: AreaCodeSchema,
  baseline: TwelveMonthPeriodSchema.meta({ description: 'The twelve months whose figure is the baseline; the value is read from the data' }),
  target: TargetSchema,
  owner: z.string().trim().min(1).max(200),
});

export const AimInputSchema = z.object({
  id: z.number().int().positive().optional().meta({ description: 'An existing aim of this strategy to keep (its id stays); omit for a new one' }),
  title: z.string().trim().min(1).max(300),
  description: z.string().max(2000).nullable().optional(),
  measures: z.array(MeasureInputSchema).max(50).default([]),
});

export const StrategyInputSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    from: FinancialYearSchema,
    to: FinancialYearSchema,
    aims: z.array(AimInputSchema).max(30),
  })
  .meta({ description: 'A strategy version: its aims in order, each with its measures. Sending it again replaces the aims and measures; those sent with their id keep it.' });
export type StrategyInput = z.infer<typeof StrategyInputSchema>;

export const MeasureValueSchema = z
  .object({
    period: z.string(),
    periodLabel: z.string(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    value: z.number().nullable(),
    lower95: z.number().nullable(),
    upper95: z.number().nullable(),
    status: z.enum(['ok', 'no-data', 'incomplete', 'suppressed']),
    note: z.string().nullable(),
  })
  .meta({ id: 'MeasureValue' });

export const MeasureSchema = z
  .object({
    id: z.number().int(),
    indicator: z.string(),
    indicatorTitle: z.string(),
    unit: z.string(),
    area: z.string(),
    areaName: z.string(),
    owner: z.string(),
    baseline: MeasureValueSchema,
    target: TargetSchema,
    latest: MeasureValueSchema.extend({
      benchmark: z
        .object({ area: z.string(), areaName: z.string(), value: z.number().nullable(), assessment: z.string() })
        .nullable()
        .meta({ description: "The latest figure against the measure's benchmark (the target's, else the partnership's)" }),
    }),
    path: z.number().nullable().meta({ description: 'For a value target: where the straight path from baseline to target stands at the latest period' }),
    status: MeasureStatusSchema,
    reason: z.string().meta({ description: 'Why the measure has its status, in a sentence' }),
  })
  .meta({ id: 'Measure' });
export type Measure = z.infer<typeof MeasureSchema>;

export const AimSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    status: MeasureStatusSchema.meta({ description: 'The worst status among its assessable measures; not-assessable when none is' }),
    measures: z.array(MeasureSchema),
  })
  .meta({ id: 'Aim' });

export const ActionSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    aim: z.number().int().nullable(),
    lead: z.string().nullable(),
    due: z.string().nullable(),
    status: ActionStatusSchema,
    measure: z.number().int().nullable().meta({ description: 'The measure id the action serves' }),
    leadAgency: z.string().nullable(),
    leadPerson: z.string().nullable(),
    timescale: z.string().nullable().meta({ description: 'As the plan writes it ("Year 1", "March 2022", "Ongoing")' }),
    overdue: z.boolean().meta({ description: 'Due before today and not complete' }),
    latestUpdate: z
      .object({ on: z.string(), text: z.string(), author: z.string() })
      .nullable()
      .meta({ description: 'The newest progress update; GET /api/partnerships/{id}/actions has them all' }),
  })
  .meta({ id: 'Action', description: 'An action of the delivery plan: lead is the lead agency and lead person together' });

export const StrategyViewSchema = z
  .object({
    partnership: z.object({ id: z.number().int(), name: z.string(), benchmark: z.string() }),
    strategy: z.object({ id: z.number().int(), title: z.string(), from: z.string(), to: z.string() }),
    period: z.object({
      id: z.string(),
      label: z.string(),
      chosen: z.enum(['requested', 'latest-twelve-months']).meta({ description: 'Whether the period was asked for or is the latest complete twelve months' }),
    }),
    aims: z.array(AimSchema),
    actions: z.array(ActionSchema),
  })
  .meta({ id: 'StrategyView' });
export type StrategyView = z.infer<typeof StrategyViewSchema>;

export const StrategyQuerySchema = z.object({
  period: z.string().optional().meta({ description: 'The twelve months to judge (default: the latest complete twelve months); the strategy shown is the version in force then', example: '2023-24' }),
  strategy: z.coerce.number().int().positive().optional().meta({ description: 'A strategy version id, to see that version instead of the one in force' }),
});

export const StrategySummarySchema = z.object({ id: z.number().int(), title: z.string(), from: z.string(), to: z.string() }).meta({ id: 'StrategySummary' });
