// A partnership's own measures over HTTP (issue 13, DOMAIN.md 5.9): what an administrator sends
// to define one, what may change once figures are held, and what the list answers. The web app
// types its client by these; the OpenAPI document is built from them.
import { z } from 'zod';
import { STRATEGY_AIMS } from './indicators';

/** The id partners write in the return's `measure` column: lower-case words joined by hyphens. */
export const MEASURE_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const MEASURE_ID_MAX = 60;

/** How a measure is scaled: a count or a plain ratio (1), a percentage (100), per 1,000 (1000). */
export const LOCAL_MULTIPLIERS = [1, 100, 1000] as const;

export const LocalPolaritySchema = z.enum(['higher-better', 'lower-better', 'no-judgement']);
/**
 * wilson: the Wilson score interval, for a proportion (its numerator is part of its denominator);
 * byar: exact Poisson limits below 10 events and Byar's method from 10, for a count or a rate;
 * none: no interval and no significance judgement.
 */
export const LocalIntervalSchema = z.enum(['wilson', 'byar', 'none']).meta({
  description: 'wilson for a proportion; byar (exact Poisson below 10 events, Byar’s method from 10) for a count or a rate; none for no interval',
});

const text = (max: number) => z.string().trim().min(1).max(max);
const aims = Object.keys(STRATEGY_AIMS) as [keyof typeof STRATEGY_AIMS, ...Array<keyof typeof STRATEGY_AIMS>];

/** What the arithmetic of a measure is made of: fixed once the return holds figures for it. */
export const ARITHMETIC_FIELDS = ['denominator', 'multiplier', 'polarity', 'interval'] as const;

export const LocalMeasureInputSchema = z
  .object({
    id: z.string().trim().max(MEASURE_ID_MAX).regex(MEASURE_ID_PATTERN, 'lower-case letters and digits in words joined by hyphens, e.g. champions-trained').meta({ example: 'champions-trained' }),
    title: text(200).meta({ example: 'Domestic abuse champions trained' }),
    definition: text(1000).optional().meta({ description: 'What the measure is, for the board; the title when left out' }),
    unit: text(60).meta({ example: 'champions' }),
    aim: z.enum(aims).default('prevention-and-workforce').meta({ description: 'The strategy aim it serves, for grouping in the catalogue' }),
    numerator: text(300).meta({ description: 'What the numerator counts, in words', example: 'People who completed domestic abuse champion training' }),
    denominator: text(300).nullable().default(null).meta({ description: 'What the denominator counts, in words; null for a count' }),
    multiplier: z.union([z.literal(1), z.literal(100), z.literal(1000)]).default(1).meta({ description: '1 for a count or ratio, 100 for a percentage, 1000 for a rate per 1,000' }),
    polarity: LocalPolaritySchema,
    interval: LocalIntervalSchema,
    organisations: z.array(z.number().int().positive()).max(100).meta({ description: 'Ids of the organisations that may send it' }),
  })
  .meta({ id: 'NewLocalMeasure' });
export type LocalMeasureInput = z.infer<typeof LocalMeasureInputSchema>;

export const LocalMeasureChangeSchema = z
  .object({
    title: text(200).optional(),
    definition: text(1000).optional(),
    unit: text(60).optional(),
    aim: z.enum(aims).optional(),
    numerator: text(300).optional(),
    denominator: text(300).nullable().optional(),
    multiplier: z.union([z.literal(1), z.literal(100), z.literal(1000)]).optional(),
    polarity: LocalPolaritySchema.optional(),
    interval: LocalIntervalSchema.optional(),
    organisations: z.array(z.number().int().positive()).max(100).optional(),
  })
  .strict()
  .meta({
    id: 'LocalMeasureChange',
    description: 'Wording and senders may always change. Whether there is a denominator, the multiplier, polarity and interval may change only while no figures are held for the measure.',
  });
export type LocalMeasureChange = z.infer<typeof LocalMeasureChangeSchema>;

export const LocalMeasureSchema = z
  .object({
    id: z.string(),
    /** The indicator id it is served under: local:<partnership id>:<measure id>. */
    indicator: z.string(),
    partnership: z.number().int(),
    title: z.string(),
    definition: z.string(),
    unit: z.string(),
    aim: z.string(),
    numerator: z.string(),
    denominator: z.string().nullable(),
    multiplier: z.number(),
    polarity: LocalPolaritySchema,
    interval: LocalIntervalSchema,
    organisations: z.array(z.object({ id: z.number().int(), name: z.string() })),
    /** Whether the return holds figures for it (its arithmetic is then fixed). */
    hasFigures: z.boolean(),
  })
  .meta({ id: 'LocalMeasure' });
export type LocalMeasure = z.infer<typeof LocalMeasureSchema>;

export const LocalMeasureListSchema = z.object({ measures: z.array(LocalMeasureSchema) }).meta({ id: 'LocalMeasureList' });

/** The indicator id of a partnership's measure. */
export function localIndicatorId(partnershipId: number, measureId: string): string {
  return `local:${partnershipId}:${measureId}`;
}

/** The partnership and measure of a local indicator id, or null for any other id. */
export function parseLocalIndicatorId(id: string): { partnership: number; measure: string } | null {
  const m = /^local:(\d+):(.+)$/.exec(id);
  return m ? { partnership: Number(m[1]), measure: m[2] } : null;
}
