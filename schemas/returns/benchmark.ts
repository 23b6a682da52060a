// DOMAIN.md 5.6: published comparator values for areas whose returns are not held (London from
// the MOPAC dashboard, England from ONS), loaded by analysts as reference data.
import { findIndicator, INDICATORS } from '../indicators';
import { areaCell, decimalCell, periodCell, textCell } from './cells';
import { count } from './columns';
import type { ReturnDefinition, RowFinding } from './definition';
import { z } from 'zod';

/** Half a unit in the last decimal place the publisher wrote: 15.6 may stand for 15.55 to 15.65. */
export function roundingTolerance(published: string): number {
  const decimals = published.includes('.') ? published.split('.')[1].replace(/%$/, '').length : 0;
  // A little slack for binary floating point on top of the rounding itself.
  return 0.5 * 10 ** -decimals + 1e-9;
}

function indicatorCell() {
  return z.string().transform((raw, ctx): string => {
    const id = raw.trim().toLowerCase();
    if (!findIndicator(id)) {
      ctx.addIssue({
        code: 'custom',
        params: { code: 'unknown-indicator' },
        message: `"${raw.trim()}" is not an indicator in the catalogue. Use an indicator id such as ${INDICATORS.slice(0, 3).map((i) => i.id).join(', ')}.`,
      });
      return z.NEVER;
    }
    return id;
  });
}

/**
 * The published value as written, kept beside the number so the rounding check can see how many
 * decimals the publisher used ("15.60" is more precise than "15.6").
 */
function publishedValueCell() {
  const number = decimalCell('published value');
  return z.string().transform((raw, ctx) => {
    const parsed = number.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, params: (issue as { params?: object }).params });
      return z.NEVER;
    }
    return parsed.data === null ? null : { value: parsed.data, written: raw.trim() };
  });
}

function checkPublishedValue(row: Record<string, unknown>): RowFinding[] {
  const indicator = findIndicator(row.indicator as string)!;
  const numerator = row.numerator as number | null;
  const denominator = row.denominator as number | null;
  const published = row.value as { value: number; written: string } | null;
  if (numerator === null || denominator === null) {
    if (published !== null) return [];
    return [
      {
        column: 'value',
        severity: 'error',
        code: 'missing-value',
        message: 'There is no value to store. Give the published value, or both the numerator and the denominator.',
      },
    ];
  }
  if (denominator === 0) {
    return [{ column: 'denominator', severity: 'error', code: 'zero-denominator', message: 'The denominator is 0, so no value can be worked out from it.' }];
  }
  if (published === null) return [];
  const recomputed = (numerator / denominator) * indicator.multiplier;
  if (Math.abs(recomputed - published.value) <= roundingTolerance(published.written)) return [];
  return [
    {
      column: 'value',
      severity: 'warning',
      code: 'published-value-differs',
      message: `The published value ${published.written} differs from ${numerator.toLocaleString('en-GB')} ÷ ${denominator.toLocaleString('en-GB')} × ${indicator.multiplier.toLocaleString('en-GB')} = ${recomputed.toFixed(3)} by more than rounding. The value worked out from the numerator and denominator is the one used.`,
    },
  ];
}

export const benchmark: ReturnDefinition = {
  type: 'benchmark',
  title: 'Published benchmark values',
  sentBy: 'an analyst, from published sources such as MOPAC or ONS',
  reference: true,
  columns: [
    { name: 'indicator', description: 'The indicator id from the catalogue, e.g. da-incident-rate', reader: () => indicatorCell(), role: 'key' },
    { name: 'area_code', description: 'The comparator area, as its ONS code or name, e.g. E12000007 London', reader: () => areaCell({ localAuthorityOnly: false }), role: 'key' },
    { name: 'period', description: 'The period the value covers: a quarter, financial year (2019-20), calendar year (2019) or rolling year', reader: () => periodCell(), role: 'key' },
    count('numerator', 'The published numerator (leave blank if only a rate was published)'),
    count('denominator', 'The published denominator (leave blank if only a rate was published)'),
    { name: 'value', description: 'The published value, in the indicator\'s unit', reader: () => publishedValueCell(), role: 'figure' },
    { name: 'source', description: 'Where the figure was published, e.g. MOPAC DA dashboard, January 2021', reader: () => textCell('source'), role: 'text' },
  ],
  keys: { area: 'area_code', period: 'period', sub: 'indicator' },
  rules: [],
  rowChecks: checkPublishedValue,
};
