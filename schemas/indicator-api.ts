// The read API of the indicator engine (issue 3) as zod schemas: the routes declare them, the
// OpenAPI document at /api/docs is generated from them, and the web app types its client by
// them. Every value is unrounded; the web app rounds with the indicator's `decimals`.
import { z } from 'zod';
import { AreaSchema } from './areas';
import { IndicatorSchema } from './indicators';
import { ACCOMMODATION_TYPES } from './returns/refuge';
import { SAFE_ACCOMMODATION_TYPES } from './returns/safe-accommodation';

const nullableNumber = z.number().nullable();

export const ValueStatusSchema = z.enum(['ok', 'no-data', 'incomplete', 'suppressed']).meta({
  id: 'ValueStatus',
  description:
    'ok: a value; no-data: nothing submitted, or a zero denominator; incomplete: a year with a quarter missing or a parent with a child missing (never a smaller sum); suppressed: small numbers hidden by disclosure control',
});

export const ConfidenceLevelSchema = z.enum(['95', '99.8']).meta({ id: 'ConfidenceLevel', description: 'Confidence level of the interval used for significance' });

export const BenchmarkComparisonSchema = z
  .object({
    area: z.string().meta({ description: 'The benchmark area code' }),
    value: nullableNumber.meta({ description: "The benchmark's value, when its status is ok" }),
    status: ValueStatusSchema,
    level: ConfidenceLevelSchema,
    significance: z.enum(['higher', 'lower', 'similar', 'not-compared']).meta({
      description: "higher: the area's lower limit is above the benchmark; lower: its upper limit is below; not-compared: either value is missing, suppressed or incomplete, or the value has no interval",
    }),
    assessment: z.enum(['better', 'worse', 'similar', 'higher', 'lower', 'not-compared']).meta({
      description: 'The significance judged by polarity; a no-judgement indicator keeps higher/lower',
    }),
    note: z.string().nullable().optional().meta({ description: 'Why there is no comparison, and what to load for one, when the benchmark has no figures' }),
  })
  .meta({ id: 'BenchmarkComparison' });

export const FigureWarningSchema = z
  .object({
    area: z.string(),
    quarter: z.string(),
    accommodationType: z.string().nullable(),
    code: z.string().meta({ description: "The rule's code, e.g. charges-more-than-crimes" }),
    column: z.string(),
    message: z.string().meta({ description: "The sender's sentence for analysts; a sentence without figures for everyone else" }),
  })
  .meta({ id: 'FigureWarning', description: 'A warning found at upload on a row this value is built from (DOMAIN.md 5.7)' });

export const IndicatorValueSchema = z
  .object({
    area: z.string(),
    period: z.string(),
    numerator: nullableNumber,
    denominator: nullableNumber,
    value: nullableNumber,
    lower95: nullableNumber,
    upper95: nullableNumber,
    lower998: nullableNumber,
    upper998: nullableNumber,
    status: ValueStatusSchema,
    source: z.enum(['returns', 'computed', 'imported']).nullable().meta({
      description: "returns: the area's own returns; computed: summed from its children; imported: a published value loaded as a benchmark",
    }),
    missing: z.array(z.string()).meta({ description: 'For an incomplete value: the child areas or quarters whose figures are missing or themselves incomplete' }),
    benchmark: BenchmarkComparisonSchema.nullable().meta({ description: 'Null for an area with no comparator (England)' }),
    warnings: z.array(FigureWarningSchema).optional().meta({ description: 'Warnings behind a shown value; none on a hidden one' }),
    note: z.string().nullable().optional().meta({
      description: 'Why a value has no figure, in a sentence, where there is more to say than its status (e.g. no twelve-month count of victims was sent for a year)',
    }),
  })
  .meta({ id: 'IndicatorValue' });

/**
 * A quarter against the same quarter a year before (never the quarter before: abuse is
 * seasonal). Judged as a benchmark is: this quarter's interval against last year's value.
 */
export const YearEarlierSchema = z
  .object({
    period: z.string().meta({ description: 'The same quarter a year before', example: '2019-20Q3' }),
    label: z.string(),
    value: nullableNumber.meta({ description: "Last year's value, when its status is ok" }),
    status: ValueStatusSchema,
    level: ConfidenceLevelSchema,
    significance: z.enum(['higher', 'lower', 'similar', 'not-compared']).meta({
      description: "higher: this quarter's lower limit is above last year's value; lower: its upper limit is below; not-compared: either value is missing, suppressed or incomplete, or this quarter's value has no interval",
    }),
    assessment: z.enum(['better', 'worse', 'similar', 'higher', 'lower', 'not-compared']).meta({
      description: 'The significance judged by polarity; a no-judgement indicator keeps higher/lower',
    }),
  })
  .meta({ id: 'YearEarlier' });

const yearEarlier = YearEarlierSchema.nullable().meta({ description: 'For a quarter, the same quarter a year before; null for any other period' });

export const IndicatorValueWithYearEarlierSchema = IndicatorValueSchema.extend({ yearEarlier }).meta({ id: 'IndicatorValueWithYearEarlier' });

export const IndicatorValuesSchema = z
  .object({ indicator: IndicatorSchema, values: z.array(IndicatorValueWithYearEarlierSchema) })
  .meta({ id: 'IndicatorValues' });

export const IndicatorListSchema = z.object({ indicators: z.array(IndicatorSchema) }).meta({ id: 'IndicatorList' });

export const TrendSchema = z
  .object({
    marker: z.enum(['increasing', 'decreasing', 'no-significant-change', 'cannot-be-calculated', 'not-tested']).meta({
      description: 'not-tested: the period is a quarter; quarterly figures are seasonal and are never tested for trend (PHEindicatormethods), only compared with the same quarter a year before',
    }),
    judgement: z.enum(['getting-better', 'getting-worse', 'increasing', 'decreasing', 'no-significant-change', 'cannot-be-calculated', 'not-tested']),
    periods: z.array(z.string()).meta({ description: 'The five comparable periods, a year apart, oldest first (tested for a year or rolling year only)' }),
    chiSquared: nullableNumber,
    reason: z.string(),
  })
  .meta({ id: 'Trend' });

export const ReferenceComparisonSchema = z
  .object({
    low: nullableNumber,
    high: nullableNumber,
    label: z.string(),
    scale: z.number().meta({ description: "The period's share of a year applied to a yearly reference (0.25 for a quarter)" }),
    comparison: z.enum(['below', 'within', 'above', 'not-compared']),
  })
  .meta({ id: 'ReferenceComparison' });

export const DisclosureSchema = z
  .object({
    view: z.enum(['suppressed', 'unsuppressed']),
    threshold: z.number().int().meta({ description: 'Counts from 1 to threshold − 1 are suppressed in the suppressed view' }),
  })
  .meta({ id: 'Disclosure' });

export const AreaRefSchema = z
  .object({ code: z.string(), name: z.string(), type: z.string() })
  .meta({ id: 'AreaRef' });

export const PeriodRefSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['quarter', 'financial-year', 'calendar-year', 'rolling-year']),
    label: z.string(),
    quarters: z.array(z.string()),
  })
  .meta({ id: 'PeriodRef' });

export const AreaEntrySchema = AreaSchema.extend({
  defaultBenchmark: z.string().nullable(),
  benchmarkChoices: z.array(z.string()),
  children: z.array(z.string()),
}).meta({ id: 'AreaEntry' });

export const AreaListSchema = z.object({ areas: z.array(AreaEntrySchema) }).meta({ id: 'AreaList' });

export const SeriesPointSchema = IndicatorValueSchema.extend({ label: z.string() }).meta({ id: 'SeriesPoint' });

export const SeriesKindSchema = z.enum(['quarter', 'rolling-year', 'financial-year']).meta({
  id: 'SeriesKind',
  description:
    "quarter: each quarter's own figure; rolling-year: at each quarter, the twelve months ending with it (a year's figure at every quarter, free of the seasons); financial-year: one point for each financial year ending within the quarters asked for (the series for a return made once a year)",
});

export const IndicatorSeriesSchema = z
  .object({
    indicator: IndicatorSchema,
    area: AreaRefSchema,
    benchmarkArea: AreaRefSchema.nullable(),
    accommodationType: z.string().nullable(),
    disclosure: DisclosureSchema,
    kind: SeriesKindSchema,
    points: z.array(SeriesPointSchema).meta({ description: 'Oldest first: one point per quarter (the quarter, or the twelve months ending with it), or per financial year' }),
    trend: TrendSchema.meta({ description: 'The recent trend at the last point (a quarter is not tested)' }),
  })
  .meta({ id: 'IndicatorSeries' });

export const ComparedAreaSchema = IndicatorValueSchema.extend({ name: z.string() }).meta({ id: 'ComparedArea' });

export const AreaComparisonSchema = z
  .object({
    indicator: IndicatorSchema,
    period: PeriodRefSchema,
    parent: ComparedAreaSchema.meta({ description: 'The parent, which is the benchmark of every child' }),
    areas: z.array(ComparedAreaSchema),
    disclosure: DisclosureSchema,
  })
  .meta({ id: 'AreaComparison' });

export const SparklinePointSchema = z
  .object({ period: z.string(), label: z.string(), value: nullableNumber.meta({ description: 'The value, when its status is ok' }), status: ValueStatusSchema })
  .meta({ id: 'SparklinePoint' });

export const SummaryIndicatorSchema = z
  .object({
    indicator: IndicatorSchema.pick({ id: true, title: true, unit: true, decimals: true, polarity: true, ci: true, source: true, denominator: true, counts: true, valueNote: true }),
    value: IndicatorValueSchema,
    yearEarlier,
    trend: TrendSchema,
    sparkline: z.array(SparklinePointSchema).meta({ description: 'The comparable periods a year apart, oldest first, ending with the period shown (the trend’s points)' }),
    reference: ReferenceComparisonSchema.nullable(),
  })
  .meta({ id: 'SummaryIndicator' });

export const AreaSummarySchema = z
  .object({
    area: AreaRefSchema,
    period: PeriodRefSchema,
    periodChosen: z.enum(['requested', 'latest-twelve-months']).meta({
      description: 'latest-twelve-months: no period was asked for, so the summary is for the twelve months ending with the latest quarter of the area’s police return',
    }),
    benchmarkArea: AreaRefSchema.nullable(),
    level: ConfidenceLevelSchema,
    disclosure: DisclosureSchema,
    aims: z.array(z.object({ aim: z.string(), title: z.string(), indicators: z.array(SummaryIndicatorSchema) })),
  })
  .meta({ id: 'AreaSummary' });

// Queries. Lists are comma-separated so a URL stays readable: area=E09000004,E12000007.
/** Every kind of accommodation a return keyed by accommodation type has (the refuge return's and the yearly safe accommodation return's). */
const ALL_ACCOMMODATION_TYPES = [...new Set<string>([...ACCOMMODATION_TYPES, ...SAFE_ACCOMMODATION_TYPES])] as [string, ...string[]];
const accommodationType = z.enum(ALL_ACCOMMODATION_TYPES).optional().meta({ description: 'Safe accommodation indicators only (refuge and the yearly safe accommodation return): one accommodation type instead of the sum over all types' });
const level = ConfidenceLevelSchema.default('95');

export const ValuesQuerySchema = z.object({
  area: z.string().min(1).meta({ description: 'Area codes, comma-separated', example: 'E09000004,E12000007' }),
  period: z.string().min(1).meta({ description: 'Period ids, comma-separated', example: '2019,2020' }),
  benchmark: z.string().optional().meta({ description: "Benchmark area code; default: each area's police force area (London for a London borough)", example: 'E92000001' }),
  level,
  accommodationType,
});

export const SeriesQuerySchema = z.object({
  area: z.string().min(1).meta({ example: 'E09000004' }),
  kind: SeriesKindSchema.default('quarter'),
  from: z.string().optional().meta({ description: 'First quarter; default: the first with data', example: '2018-19Q1' }),
  to: z.string().optional().meta({ description: 'Last quarter; default: the latest with data', example: '2020-21Q4' }),
  benchmark: z.string().optional(),
  level,
  accommodationType,
});

export const CompareQuerySchema = z.object({
  parent: z.string().min(1).meta({ example: 'E23000029' }),
  period: z.string().min(1).meta({ example: '2020-21' }),
  level,
  accommodationType,
});

export const SummaryQuerySchema = z.object({
  period: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Default: the latest complete twelve months, ending with the latest quarter of the area’s police return (a financial year when that quarter is Q4)', example: '2020-21' }),
  benchmark: z.string().optional(),
  level,
});

/**
 * The revisions behind an indicator's figures for one area and period: each later version of a
 * stored row the indicator reads, with the columns it changed. The values before and after, and
 * who sent them, are in the unsuppressed view only; everyone else learns that a figure was
 * revised, and when.
 */
export const IndicatorRevisionsSchema = z
  .object({
    indicator: z.string(),
    area: AreaRefSchema,
    period: PeriodRefSchema,
    revisions: z.array(
      z.object({
        quarter: z.string(),
        quarterLabel: z.string(),
        accommodationType: z.string().nullable(),
        submissionId: z.number().int(),
        receivedAt: z.string(),
        columns: z.array(z.string()).meta({ description: "The indicator's columns this revision changed" }),
        warnings: z.array(z.string()).meta({ description: 'Warnings found on the revised figures when they were sent (figure-free outside the unsuppressed view)' }),
        submittedBy: z
          .object({ kind: z.string(), id: z.string(), name: z.string() })
          .nullable()
          .meta({ description: 'Who sent the revision: unsuppressed view only, otherwise null' }),
        changes: z
          .array(z.object({ column: z.string(), from: z.union([z.number(), z.string(), z.null()]), to: z.union([z.number(), z.string(), z.null()]) }))
          .nullable()
          .meta({ description: 'Values before and after: unsuppressed view only, otherwise null' }),
        afterApproval: z.boolean().meta({ description: 'Whether this revision corrected a quarter an analyst had approved (locked) for the area (DOMAIN.md 5.8)' }),
        reason: z.string().nullable().meta({
          description: "The sender's reason for correcting the approved quarter, where the revision's columns may be named (see columns); null for a revision not made after approval, and where they may not",
        }),
      }),
    ),
  })
  .meta({ id: 'IndicatorRevisions' });

export const RevisionsQuerySchema = z.object({
  area: z.string().min(1).meta({ example: 'E06000060' }),
  period: z.string().min(1).meta({ example: '2020-21' }),
});
