// The HTTP contract's bodies (DOMAIN.md section 9) as zod schemas. Routes declare them, the
// OpenAPI document at /api/docs is generated from them, and the web app types its client by them.
import { z } from 'zod';

export const ProblemSchema = z
  .object({
    row: z.number().int().nullable().meta({ description: 'Row number as the partner sees it in their spreadsheet (header = row 1); null for the file as a whole' }),
    column: z.string().nullable().meta({ description: 'Template column name' }),
    value: z.string().nullable().meta({ description: 'The cell as written' }),
    code: z.string().meta({ description: 'Stable machine-readable code, e.g. suppressed-value' }),
    message: z.string().meta({ description: 'A sentence saying what is wrong and how to fix it' }),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;

export const SubmissionSummarySchema = z
  .object({
    id: z.number().int(),
    returnType: z.string(),
    rows: z.number().int(),
    periods: z.array(z.string()),
    areas: z.array(z.string()),
  })
  .meta({ id: 'SubmissionSummary' });

const FigureValueSchema = z.union([z.number(), z.string(), z.null()]);

export const FigureChangeSchema = z
  .object({
    area: z.string().meta({ description: 'Area code' }),
    period: z.string(),
    accommodationType: z.string().nullable().meta({ description: 'Accommodation type of a refuge row; null for other returns' }),
    subkey: z.string().meta({ description: "The row's key beyond area and period: accommodation type (refuge), indicator (benchmark), else empty" }),
    column: z.string().meta({ description: 'Template column name' }),
    from: FigureValueSchema.meta({
      description: "The figure held now; null when fromWithheld (a partner is not shown another organisation's figures)",
    }),
    fromWithheld: z.boolean().meta({
      description:
        'True when a figure is held that was sent by someone outside your organisation: it would be replaced or cleared, but is not quoted. Such a figure is listed whenever the file gives it any value, even the same one.',
    }),
    to: FigureValueSchema.meta({ description: 'The figure in the file; null for a blank, which clears the figure held' }),
  })
  .meta({ id: 'FigureChange' });
export type FigureChange = z.infer<typeof FigureChangeSchema>;

const correctionFields = {
  changes: z.array(FigureChangeSchema).meta({ description: 'Figures already held that the file replaces with another figure' }),
  clears: z.array(FigureChangeSchema).meta({ description: "Figures already held that the file's blank cells clear (to is null)" }),
};

/** The fewest and most characters of the reason for correcting an approved quarter, once trimmed (DOMAIN.md 5.8). */
export const CORRECTION_REASON_MIN = 10;
export const CORRECTION_REASON_MAX = 1000;

export const CorrectionReasonSchema = z
  .string()
  .trim()
  .min(CORRECTION_REASON_MIN)
  .max(CORRECTION_REASON_MAX)
  .meta({
    id: 'CorrectionReason',
    description: `Why figures of an approved (locked) quarter are being corrected: ${CORRECTION_REASON_MIN} to ${CORRECTION_REASON_MAX} characters once trimmed. Sent as the multipart field "reason", before or after the file.`,
    example: 'Arrests for July were double counted in the first return.',
  });

export const LockedQuarterSchema = z
  .object({
    area: z.string().meta({ description: 'Area code' }),
    quarter: z.string().meta({ description: 'Quarter id, e.g. 2026-27Q1' }),
    approvedAt: z.string().meta({ description: 'ISO 8601 time the quarter was approved for this return type and area' }),
  })
  .meta({ id: 'LockedQuarter', description: 'An area and quarter of the file whose return an analyst has approved, and so locked' });

const lockedField = {
  locked: z.array(LockedQuarterSchema).meta({
    description: 'The areas and quarters of the file that are approved (locked). Storing a file that touches any of them needs a reason (multipart field "reason"); empty when none is.',
  }),
};

export const AcceptedBodySchema = z
  .object({ submission: SubmissionSummarySchema, warnings: z.array(ProblemSchema), ...correctionFields, ...lockedField })
  .meta({ id: 'AcceptedReturn' });

export const DryRunSubmissionSchema = SubmissionSummarySchema.extend({ id: z.null() }).meta({ id: 'DryRunSummary' });
export const DryRunBodySchema = z
  .object({ submission: DryRunSubmissionSchema, warnings: z.array(ProblemSchema), ...correctionFields, ...lockedField })
  .meta({ id: 'DryRunResult' });

export const QuarterApprovedBodySchema = z
  .object({
    statusCode: z.literal(409),
    error: z.string(),
    message: z.string(),
    code: z.literal('quarter-approved'),
    ...lockedField,
  })
  .meta({ id: 'QuarterApproved', description: 'The file corrects an approved (locked) quarter and no reason was sent: nothing was stored.' });

export const WouldClearBodySchema = z
  .object({
    statusCode: z.literal(409),
    error: z.string(),
    message: z.string(),
    code: z.literal('would-clear-figures'),
    ...correctionFields,
    warnings: z.array(ProblemSchema),
  })
  .meta({ id: 'WouldClearFigures', description: 'The file would clear figures already held and confirmClear=true was not sent: nothing was stored.' });

export const RejectedBodySchema = z
  .object({ errors: z.array(ProblemSchema), warnings: z.array(ProblemSchema) })
  .meta({ id: 'RejectedReturn' });

export const ErrorBodySchema = z
  .object({ statusCode: z.number().int(), error: z.string(), message: z.string(), code: z.string().optional() })
  .meta({ id: 'Error' });

export const ActorSchema = z.object({ kind: z.string(), id: z.string(), name: z.string() }).meta({ id: 'Actor' });

export const SubmissionSchema = z
  .object({
    id: z.number().int(),
    returnType: z.string(),
    receivedAt: z.string().meta({ description: 'ISO 8601 time the file was stored' }),
    submittedBy: ActorSchema,
    fileName: z.string().nullable(),
    fileFormat: z.enum(['csv', 'xlsx']),
    fileSha256: z.string(),
    rows: z.number().int(),
    periods: z.array(z.string()),
    areas: z.array(z.string()),
    warnings: z.array(ProblemSchema),
  })
  .meta({ id: 'Submission' });
export type Submission = z.infer<typeof SubmissionSchema>;

export const StoredRowSchema = z
  .object({
    areaCode: z.string(),
    period: z.string(),
    subkey: z.string().meta({ description: 'Accommodation type (refuge), indicator (benchmark), or empty' }),
    sourceRow: z.number().int(),
    values: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
    notes: z.string().nullable(),
    current: z.boolean().meta({ description: 'Whether this version is the one in use, i.e. not replaced by a later submission' }),
  })
  .meta({ id: 'StoredRow' });

export const SubmissionDetailSchema = SubmissionSchema.extend({ rowsStored: z.array(StoredRowSchema) }).meta({ id: 'SubmissionDetail' });

export const RevisionSchema = z
  .object({
    submissionId: z.number().int(),
    receivedAt: z.string(),
    submittedBy: ActorSchema,
    sourceRow: z.number().int(),
    values: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
    notes: z.string().nullable(),
    current: z.boolean(),
    changed: z.array(z.object({ column: z.string(), from: z.union([z.number(), z.string(), z.null()]), to: z.union([z.number(), z.string(), z.null()]) })).meta({
      description: 'Columns whose value differs from the version before (empty for the first version)',
    }),
  })
  .meta({ id: 'Revision' });
