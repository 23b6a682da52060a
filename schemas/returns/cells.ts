// How one cell of a return is read. Each reader is a zod schema from the cell's text to a typed
// value, so a row schema is simply a z.object of cell readers. Problems are reported as zod
// issues carrying our own `code` and a sentence for the partner who made the file.
import { z } from 'zod';
import { resolveArea, type AreaMatch } from '../areas';
import {
  ACCEPTED_QUARTER_FORMS,
  hasQuarterEnded,
  parsePeriodText,
  parseQuarterText,
  quarterId,
  quarterLabel,
  type Period,
} from '../periods';

/** What a cell reader needs to know about the world: today, to refuse quarters not yet over. */
export interface CellContext {
  now: Date;
}

export type IssueCode =
  | 'required'
  | 'not-a-count'
  | 'negative-count'
  | 'not-whole-number'
  | 'suppressed-value'
  | 'not-available-marker'
  | 'not-a-number'
  | 'invalid-period'
  | 'future-period'
  | 'invalid-year'
  | 'unknown-area'
  | 'not-local-authority'
  | 'invalid-choice'
  | 'text-too-long';

function fail(ctx: z.RefinementCtx, code: IssueCode, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: { code } });
  return z.NEVER;
}

export function issueCode(issue: z.core.$ZodIssue): IssueCode {
  return ((issue as { params?: { code?: IssueCode } }).params?.code ?? 'required') as IssueCode;
}

/** A blank cell means "not collected": it is stored as missing, never as zero. */
const isBlank = (s: string) => s.trim() === '';

// Markers partners use for small or unavailable numbers. The first set is suppression, which
// the dashboard applies itself; the second means "not available".
const SUPPRESSION_MARKERS = /^(<\s*\d+|\*+|~|c|x|\[c\]|\[x\]|\[z\]|\.\.|-\s*<\s*\d+)$/i;
const NOT_AVAILABLE_MARKERS = /^(n\/?a|na|none|nil|unknown|not known|not available|tbc|-|–|—|null|#n\/a)$/i;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** Almost every cell of a real return is plain digits: read those without the other checks. */
const PLAIN_DIGITS = /^\d{1,15}$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** "3,267" → "3267"; anything not grouped in threes by commas is left alone (and then rejected). */
function withoutThousandsSeparators(s: string): string {
  return GROUPED_NUMBER.test(s) ? s.replace(/,/g, '') : s;
}

/** The common forms of a count cell, read without zod: plain digits, or empty. Anything else is undefined. */
export function plainCount(raw: string): number | null | undefined {
  if (PLAIN_DIGITS.test(raw)) return Number(raw);
  return raw === '' ? null : undefined;
}

/** A short text cell read without zod (as textCell reads it); a long one is left to textCell's error. */
export function plainText(raw: string): string | null | undefined {
  const s = raw.trim();
  if (s.length > MAX_TEXT_LENGTH) return undefined;
  return s === '' ? null : s;
}

/** A whole number ≥ 0, or null for a blank cell. `label` names the figure in plain words. */
export function countCell(label: string) {
  return z.string().transform((raw, ctx): number | null => {
    if (PLAIN_DIGITS.test(raw)) return Number(raw);
    const s = raw.trim().replace(/\u00a0/g, '');
    if (isBlank(s)) return null;
    if (SUPPRESSION_MARKERS.test(s)) {
      return fail(
        ctx,
        'suppressed-value',
        `"${s}" looks like a suppressed or rounded figure. Returns must carry the exact count of ${label}, however small: the dashboard hides small numbers itself before anyone sees them. Please enter the exact number.`,
      );
    }
    if (NOT_AVAILABLE_MARKERS.test(s)) {
      return fail(
        ctx,
        'not-available-marker',
        `"${s}" is not a number. If the number of ${label} was not collected, leave the cell empty; if there were none, enter 0.`,
      );
    }
    const plain = withoutThousandsSeparators(s);
    if (!PLAIN_NUMBER.test(plain)) {
      return fail(ctx, 'not-a-count', `"${s}" is not a number. Enter the number of ${label} as a whole number such as 0, 12 or 3,267, or leave the cell empty if it was not collected.`);
    }
    const n = Number(plain);
    if (n < 0) return fail(ctx, 'negative-count', `${s} is below zero. The number of ${label} cannot be negative.`);
    if (!Number.isInteger(n)) {
      return fail(ctx, 'not-whole-number', `${s} is not a whole number. The number of ${label} must be a whole number.`);
    }
    if (!Number.isSafeInteger(n)) return fail(ctx, 'not-a-count', `${s} is far too large to be the number of ${label}.`);
    return n;
  });
}

/** A published rate or percentage: a number ≥ 0 that may have decimals, or null when blank. */
export function decimalCell(label: string) {
  return z.string().transform((raw, ctx): number | null => {
    const s = raw.trim().replace(/\u00a0/g, '').replace(/%$/, '');
    if (isBlank(s)) return null;
    const plain = withoutThousandsSeparators(s);
    if (!PLAIN_NUMBER.test(plain)) return fail(ctx, 'not-a-number', `"${raw.trim()}" is not a number. Enter the ${label} as a number such as 15.6, or leave the cell empty.`);
    const n = Number(plain);
    if (n < 0) return fail(ctx, 'negative-count', `${s} is below zero. The ${label} cannot be negative.`);
    return n;
  });
}

const formsList = ACCEPTED_QUARTER_FORMS.map((f) => `"${f}"`).join(', ');

/** A financial quarter in any accepted form, which must have ended by today. */
export function quarterCell(context: CellContext) {
  // A file repeats a handful of quarters on every row: read each distinct text once per upload.
  const known = new Map<string, string>();
  return z.string().transform((raw, ctx): string => {
    const cached = known.get(raw);
    if (cached !== undefined) return cached;
    const s = raw.trim();
    if (isBlank(s)) return fail(ctx, 'required', `The period is empty. Every row needs the quarter it reports, written like ${formsList}.`);
    const q = parseQuarterText(s);
    if (!q) return fail(ctx, 'invalid-period', `"${s}" is not a quarter we recognise. Write the financial quarter like one of these: ${formsList} (Q1 is April to June).`);
    if (!hasQuarterEnded(q, context.now)) {
      return fail(ctx, 'future-period', `${quarterLabel(q)} has not ended yet, so it cannot be reported. Send figures for a quarter once it is over.`);
    }
    const id = quarterId(q);
    known.set(raw, id);
    return id;
  });
}

/** Any period id (quarter, financial year, calendar year or rolling year): used by benchmark files. */
export function periodCell() {
  return z.string().transform((raw, ctx): Period => {
    const s = raw.trim();
    if (isBlank(s)) return fail(ctx, 'required', 'The period is empty. Every row needs the period its figure covers.');
    const p = parsePeriodText(s);
    if (!p) {
      return fail(
        ctx,
        'invalid-period',
        `"${s}" is not a period we recognise. Write a quarter like ${formsList}, a financial year like "2019-20", a calendar year like "2019", or a rolling year like "R12-2020-21Q2".`,
      );
    }
    return p;
  });
}

/** The year of a mid-year population estimate. */
export function yearCell(context: CellContext) {
  return z.string().transform((raw, ctx): string => {
    const s = raw.trim().replace(/^mid[-\s]?/i, '');
    if (!/^\d{4}$/.test(s) || Number(s) < 1990 || Number(s) > context.now.getUTCFullYear()) {
      return fail(ctx, 'invalid-year', `"${raw.trim()}" is not a year we can use. Write the year of the mid-year estimate, such as 2019.`);
    }
    return s;
  });
}

/** An area by GSS code, name or predecessor code; partner returns must be for a local authority. */
export function areaCell(options: { localAuthorityOnly: boolean }) {
  return z.string().transform((raw, ctx): AreaMatch => {
    const s = raw.trim();
    if (isBlank(s)) return fail(ctx, 'required', 'The area is empty. Every row needs the area it reports, as its code (such as E09000004) or its name (such as Bexley).');
    const match = resolveArea(s);
    if (!match) return fail(ctx, 'unknown-area', `"${s}" is not an area we know. Use the 9-character ONS code (such as E09000004) or the area's name (such as Bexley).`);
    if (options.localAuthorityOnly && match.area.type !== 'local-authority') {
      return fail(
        ctx,
        'not-local-authority',
        `${match.area.name} is not a local authority. Returns are made for each local authority; figures for ${match.area.name} are worked out from its authorities.`,
      );
    }
    return match;
  });
}

/** One of a fixed list; written in any case, with spaces or hyphens for underscores. */
export function choiceCell<T extends string>(label: string, choices: readonly T[]) {
  return z.string().transform((raw, ctx): T => {
    const s = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
    const found = choices.find((c) => c === s);
    if (!found) {
      const article = /^[aeiou]/i.test(label) ? 'an' : 'a';
      const what = raw.trim() === '' ? `The ${label} is empty.` : `"${raw.trim()}" is not ${article} ${label} we recognise.`;
      return fail(ctx, raw.trim() === '' ? 'required' : 'invalid-choice', `${what} Use one of: ${choices.join(', ')}.`);
    }
    return found;
  });
}

/** Free text such as notes; blank is null. A limit keeps a stray paste from filling the database. */
export const MAX_TEXT_LENGTH = 2000;
export function textCell(label: string) {
  return z.string().transform((raw, ctx): string | null => {
    const s = raw.trim();
    if (s.length > MAX_TEXT_LENGTH) return fail(ctx, 'text-too-long', `The ${label} is ${s.length.toLocaleString('en-GB')} characters long; the most we keep is ${MAX_TEXT_LENGTH.toLocaleString('en-GB')}. Please shorten it.`);
    return s === '' ? null : s;
  });
}
