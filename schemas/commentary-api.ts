// Commentary over HTTP (issue 11, item 4): a partnership's narrative on a figure, a measure or an
// aim for a period, with every version kept, and the notes partners wrote on the return rows a
// figure is built from. Routes declare these, the OpenAPI document is built from them, and the
// web app types its client by them.
import { z } from 'zod';
import { PeriodIdSchema } from './periods';

/** Long enough for a few paragraphs a board reads; a report belongs in an attachment. */
export const COMMENT_MAX_CHARS = 5000;

export const CommentSubjectInputSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('figure'),
      indicator: z.string().min(1).max(100).meta({ example: 'repeat-victim-rate' }),
      area: z.string().min(1).max(20).meta({ description: "One of the partnership's areas", example: 'E09000004' }),
    }),
    z.object({ kind: z.literal('measure'), measure: z.number().int().positive().meta({ description: "A measure of the partnership's strategy" }) }),
    z.object({ kind: z.literal('aim'), aim: z.number().int().positive().meta({ description: "An aim of the partnership's strategy" }) }),
  ])
  .meta({ description: 'What the comment is about: a figure (indicator × area), a measure or an aim' });
export type CommentSubjectInput = z.infer<typeof CommentSubjectInputSchema>;

const BodySchema = z
  .string()
  .trim()
  .min(1, 'write the comment')
  .max(COMMENT_MAX_CHARS, `a comment is at most ${COMMENT_MAX_CHARS} characters`)
  .meta({ description: 'Plain text; shown as written, never as HTML' });

export const CommentInputSchema = z
  .object({
    subject: CommentSubjectInputSchema,
    period: PeriodIdSchema.meta({ description: 'The period the comment is about', example: '2025-26' }),
    body: BodySchema,
  })
  .meta({ description: 'A new comment: what it is about, the period, and its text' });
export type CommentInput = z.infer<typeof CommentInputSchema>;

export const CommentRevisionSchema = z
  .object({
    body: BodySchema,
    version: z.number().int().positive().optional().meta({
      description: 'The version you revised; if someone has revised the comment since, the answer is 409 and nothing is stored',
    }),
  })
  .meta({ description: 'A comment’s new text' });

const AuthorSchema = z.object({ id: z.number().int().nullable(), name: z.string() }).meta({ id: 'CommentAuthor' });

export const CommentVersionSchema = z
  .object({ version: z.number().int(), body: z.string(), author: AuthorSchema, writtenAt: z.string() })
  .meta({ id: 'CommentVersion' });

export const CommentSubjectSchema = z
  .object({
    kind: z.enum(['figure', 'measure', 'aim']),
    indicator: z.string().nullable(),
    area: z.string().nullable(),
    measure: z.number().int().nullable().meta({ description: 'null for a figure or aim, or once the measure was removed from the strategy' }),
    aim: z.number().int().nullable().meta({ description: 'null for a figure or measure, or once the aim was removed from the strategy' }),
    label: z.string().meta({ description: 'What the comment is about, in words, as it was when written' }),
    removed: z.boolean().meta({ description: 'The measure or aim has since been removed from the strategy' }),
  })
  .meta({ id: 'CommentSubject' });

export const FigureRevisedSchema = z
  .object({
    revised: z.boolean().meta({ description: 'The figures under the comment were revised after its current version was written' }),
    lastRevisedAt: z.string().nullable(),
    quarters: z.array(z.string()).meta({ description: 'The quarters revised since' }),
  })
  .meta({ id: 'FigureRevised', description: 'For a comment on a figure or measure: whether the figure changed after the comment was written' });

export const CommentSchema = z
  .object({
    id: z.number().int(),
    partnership: z.number().int(),
    subject: CommentSubjectSchema,
    period: z.string(),
    periodLabel: z.string(),
    body: z.string().meta({ description: 'The current version’s text' }),
    version: z.number().int(),
    author: AuthorSchema.meta({ description: 'Who wrote the current version' }),
    writtenAt: z.string().meta({ description: 'When the current version was written' }),
    createdAt: z.string(),
    history: z.array(CommentVersionSchema).meta({ description: 'Every version, oldest first; the last is the current one' }),
    figure: FigureRevisedSchema.nullable().meta({ description: 'null for a comment on an aim' }),
  })
  .meta({ id: 'Comment' });
export type Comment = z.infer<typeof CommentSchema>;

export const CommentListSchema = z.object({ commentary: z.array(CommentSchema) }).meta({ id: 'CommentList' });

export const CommentaryQuerySchema = z.object({
  period: z.string().optional().meta({ description: 'Only comments on this period, or (for a twelve-month period) on one of its quarters', example: '2025-26' }),
  subject: z.string().optional().meta({
    description: 'Only comments on this subject: figure:INDICATOR:AREA, measure:ID or aim:ID',
    example: 'figure:repeat-victim-rate:E09000004',
  }),
});

export const PartnerNoteSchema = z
  .object({
    returnType: z.string(),
    returnTitle: z.string(),
    quarter: z.string(),
    quarterLabel: z.string(),
    area: z.string(),
    areaName: z.string(),
    accommodationType: z.string().nullable(),
    organisation: z.string().nullable().meta({ description: 'The partner organisation that sent the row; null when it was loaded by an analyst' }),
    note: z.string().meta({ description: 'The partner’s free text, as written: show it as text, never as HTML' }),
  })
  .meta({ id: 'PartnerNote' });
export type PartnerNote = z.infer<typeof PartnerNoteSchema>;

export const PartnerNotesSchema = z
  .object({
    indicator: z.string(),
    area: z.string(),
    period: z.string(),
    notes: z.array(PartnerNoteSchema),
    withheld: z.number().int().meta({ description: 'Notes not shown because the quarter’s figure is not published in your view' }),
    withheldReason: z.string().nullable(),
  })
  .meta({ id: 'PartnerNotes', description: 'Notes partners wrote on the return rows a figure is built from' });
export type PartnerNotes = z.infer<typeof PartnerNotesSchema>;

export const PartnerNotesQuerySchema = z.object({
  indicator: z.string().meta({ example: 'da-incident-rate' }),
  area: z.string().meta({ example: 'E09000004' }),
  period: z.string().meta({ example: '2024-25' }),
});
