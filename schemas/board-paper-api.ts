// The board paper over HTTP (issue 11, item 5): a partnership's quarterly paper for a twelve-month
// period, in the order a board reads it (summary, exceptions, commentary, actions, data notes),
// and the record of a paper issued, whose figures the next paper compares with. Routes declare
// these, the OpenAPI document is built from them, and the web app types its client by them.
// Every figure is as the reader's disclosure view shows it; every `…Text` field is the figure
// written as the paper prints it (en-GB, the indicator's decimals), for screen, print and Word.
import { z } from 'zod';
import { CommentSchema, PartnerNoteSchema } from './commentary-api';
import { TrendSchema, ValueStatusSchema } from './indicator-api';
import { MeasureStatusSchema, TargetSchema, ActionStatusSchema } from './strategy-api';

const nullableNumber = z.number().nullable();
const AreaNameSchema = z.object({ code: z.string(), name: z.string() });

export const PaperFigureSchema = z
  .object({
    period: z.string(),
    periodLabel: z.string(),
    value: nullableNumber,
    lower95: nullableNumber,
    upper95: nullableNumber,
    status: ValueStatusSchema,
    note: z.string().nullable(),
    text: z.string().meta({ description: 'The value as printed ("27.4%", "15.6 per 1,000 people"), or why there is none ("Hidden: small numbers")' }),
  })
  .meta({ id: 'PaperFigure' });

export const SpineSchema = z
  .object({
    england: z.object({ value: nullableNumber, status: ValueStatusSchema, text: z.string() }).nullable().meta({ description: "England's value for the period, where the engine has one" }),
    group: AreaNameSchema.nullable().meta({ description: 'The areas compared for lowest and highest: the children of this area (the benchmark)' }),
    lowest: z.object({ area: z.string(), areaName: z.string(), value: z.number(), text: z.string() }).nullable(),
    highest: z.object({ area: z.string(), areaName: z.string(), value: z.number(), text: z.string() }).nullable(),
    areasCompared: z.number().int().meta({ description: 'How many of the group have a published value; lowest and highest need two' }),
  })
  .meta({ id: 'Spine', description: 'A Fingertips-style spine: the value against England and the lowest and highest of its comparator group' });

export const PaperMeasureSchema = z
  .object({
    id: z.number().int(),
    indicator: z.string(),
    indicatorTitle: z.string(),
    unit: z.string(),
    decimals: z.number().int(),
    polarity: z.enum(['higher-better', 'lower-better', 'no-judgement']),
    area: z.string(),
    areaName: z.string(),
    owner: z.string(),
    latest: PaperFigureSchema,
    baseline: PaperFigureSchema,
    target: TargetSchema,
    targetText: z.string(),
    status: MeasureStatusSchema,
    statusText: z.string(),
    reason: z.string(),
    benchmark: z
      .object({ area: z.string(), areaName: z.string(), value: nullableNumber, text: z.string(), assessment: z.string(), assessmentText: z.string() })
      .nullable(),
    trend: TrendSchema.extend({
      text: z.string(),
      points: z.array(z.object({ period: z.string(), label: z.string(), value: nullableNumber, status: ValueStatusSchema })).meta({ description: 'Five points a year apart, oldest first, ending with the period' }),
    }),
    spine: SpineSchema,
    notes: z.array(PartnerNoteSchema).meta({ description: "Partners' notes on the return rows behind the latest figure" }),
    notesWithheld: z.number().int(),
  })
  .meta({ id: 'PaperMeasure' });
export type PaperMeasure = z.infer<typeof PaperMeasureSchema>;

const StatusCountsSchema = z.object({ 'on-track': z.number().int(), 'at-risk': z.number().int(), 'off-track': z.number().int(), 'not-assessable': z.number().int() });

export const PaperSummarySchema = z
  .object({
    sentence: z.string().meta({ description: 'The summary in a sentence: how many measures are on track, at risk, off track' }),
    measureCounts: StatusCountsSchema,
    aims: z.array(z.object({ id: z.number().int(), title: z.string(), status: MeasureStatusSchema, statusText: z.string(), measures: z.array(PaperMeasureSchema) })),
  })
  .meta({ id: 'PaperSummary' });

export const OffTrackSchema = z.object({
  aim: z.number().int(),
  aimTitle: z.string(),
  measure: z.number().int(),
  indicator: z.string(),
  indicatorTitle: z.string(),
  area: z.string(),
  areaName: z.string(),
  valueText: z.string(),
  targetText: z.string(),
  reason: z.string(),
});

export const SignificantChangeSchema = z.object({
  indicator: z.string(),
  indicatorTitle: z.string(),
  area: z.string(),
  areaName: z.string(),
  period: z.string(),
  earlierPeriod: z.string(),
  value: z.number(),
  earlierValue: z.number(),
  valueText: z.string(),
  earlierText: z.string(),
  significance: z.enum(['higher', 'lower']),
  assessment: z.enum(['better', 'worse', 'higher', 'lower']),
  inStrategy: z.boolean().meta({ description: 'The indicator and area are a measure of the strategy' }),
  sentence: z.string(),
});

export const ReturnExceptionSchema = z.object({
  returnType: z.string(),
  returnName: z.string(),
  area: z.string(),
  areaName: z.string(),
  quarter: z.string(),
  quarterLabel: z.string(),
  status: z.enum(['late', 'overdue', 'due']).meta({ description: 'late: received after its deadline; overdue: not received and the deadline has passed; due: not received yet, deadline to come' }),
  dueOn: z.string(),
  sentence: z.string(),
});

export const RevisedFigureSchema = z.object({
  indicator: z.string(),
  indicatorTitle: z.string(),
  area: z.string(),
  areaName: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  before: z.object({ status: ValueStatusSchema, value: nullableNumber, text: z.string() }),
  now: z.object({ status: ValueStatusSchema, value: nullableNumber, text: z.string() }),
  sentence: z.string(),
});

export const PaperExceptionsSchema = z
  .object({
    offTrack: z.array(OffTrackSchema),
    significantChanges: z.array(SignificantChangeSchema).meta({
      description: "Every indicator of the partnership's areas whose figure differs significantly (95% interval) from the same period a year before; worse first",
    }),
    returns: z.array(ReturnExceptionSchema).meta({ description: "Returns for the partnership's areas and the period's quarters that came late or have not come" }),
    revised: z.array(RevisedFigureSchema).meta({ description: 'Figures shown in the last issued paper whose value is different now' }),
  })
  .meta({ id: 'PaperExceptions' });

export const PaperActionSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    aim: z.number().int().nullable(),
    aimTitle: z.string().nullable(),
    lead: z.string().nullable(),
    due: z.string(),
    dueText: z.string(),
    status: ActionStatusSchema,
    statusText: z.string(),
  })
  .meta({ id: 'PaperAction' });

export const PaperActionsSchema = z
  .object({
    today: z.string(),
    dueBy: z.string().meta({ description: 'Actions due from today to this day (three months on) are listed as due' }),
    overdue: z.array(PaperActionSchema).meta({ description: 'Due before today and not complete' }),
    dueSoon: z.array(PaperActionSchema),
  })
  .meta({ id: 'PaperActions' });

export const DataNoteSchema = z
  .object({
    code: z.enum(['demo-data', 'disclosure', 'people-counted-once', 'comparisons', 'late-returns', 'corrections-after-approval', 'revised-figures']),
    title: z.string(),
    text: z.string(),
  })
  .meta({ id: 'DataNote' });

export const IssuedPaperSchema = z
  .object({ id: z.number().int(), period: z.string(), periodLabel: z.string(), issuedAt: z.string(), issuedBy: z.string(), figures: z.number().int() })
  .meta({ id: 'IssuedPaper' });

export const BoardPaperSchema = z
  .object({
    title: z.string(),
    partnership: z.object({ id: z.number().int(), name: z.string(), areas: z.array(AreaNameSchema), benchmark: AreaNameSchema }),
    strategy: z.object({ id: z.number().int(), title: z.string(), from: z.string(), to: z.string() }),
    period: z.object({ id: z.string(), label: z.string(), quarters: z.array(z.string()), chosen: z.enum(['requested', 'latest-twelve-months']) }),
    preparedAt: z.string(),
    disclosure: z.object({ view: z.enum(['suppressed', 'unsuppressed']), threshold: z.number().int() }),
    demo: z.boolean(),
    lastIssued: IssuedPaperSchema.nullable().meta({ description: 'The last paper issued for this partnership, which "revised" compares with' }),
    summary: PaperSummarySchema,
    exceptions: PaperExceptionsSchema,
    commentary: z.array(CommentSchema).meta({ description: 'Comments on the period and its quarters, oldest first' }),
    actions: PaperActionsSchema,
    dataNotes: z.array(DataNoteSchema),
  })
  .meta({ id: 'BoardPaper' });
export type BoardPaper = z.infer<typeof BoardPaperSchema>;

export const BoardPaperQuerySchema = z.object({
  period: z.string().optional().meta({ description: 'A twelve-month period (default: the latest complete twelve months)', example: '2025-26' }),
});

export const IssuePaperInputSchema = z
  .object({ period: z.string().min(1).meta({ description: 'The twelve-month period of the paper issued', example: '2025-26' }) })
  .meta({ description: 'The period of the paper issued' });

export const IssuedPaperListSchema = z.object({ papers: z.array(IssuedPaperSchema) }).meta({ id: 'IssuedPaperList' });
