// Which of an upload's warnings belong to which stored row, so that they can be stored with the
// row and travel with its figures (DOMAIN.md 5.7). Each keeps the sentence the sender was shown,
// which may quote the figures ("charges (57) is more than crimes (55)"), and gains a second
// sentence built from the return definition alone, never from the figures, for readers of the
// suppressed view: a quoted count could be a small one (DOMAIN.md 8).
import type { Problem } from '../../schemas/api';
import { figureColumns, type ReturnDefinition, type RowRule } from '../../schemas/returns/definition';
import type { AcceptedRow } from '../ingest/validate';
import { partsInWords } from '../../schemas/returns/rules';
import { columnWords } from '../../schemas/returns/words';

/** The code of the note a correction after approval leaves on its rows (server/returns/ingest.ts). */
export const CORRECTED_AFTER_APPROVAL = 'corrected-after-approval';

export interface RowWarning {
  code: string;
  /** The column the warning is reported against. */
  column: string;
  /** Every column the rule reads: a figure computed from any of them carries the warning. */
  reads: string[];
  /** The sentence the sender was shown; may contain figures. */
  message: string;
  /** A sentence without figures, for the suppressed view. */
  publicMessage: string;
}

/**
 * The warnings of each accepted row, by the row's spreadsheet row number. Warnings about the file
 * as a whole (an unknown column, a column missing from an older template) belong to no row.
 */
export function warningsByRow(definition: ReturnDefinition, rows: readonly AcceptedRow[], warnings: readonly Problem[]): Map<number, RowWarning[]> {
  const stored = new Set(rows.map((r) => r.rowNumber));
  const byRow = new Map<number, RowWarning[]>();
  for (const w of warnings) {
    if (w.row === null || w.column === null || !stored.has(w.row)) continue;
    // A rule is found by its code and the column it reports: two rules may share a code.
    const rule = definition.rules.find((r) => r.code === w.code && r.column === w.column);
    // A correction's reason belongs to every figure of the row, in the sender's own words: it is
    // shown only beside published figures (the engine attaches warnings to shown values only).
    const correction = w.code === CORRECTED_AFTER_APPROVAL;
    const warning: RowWarning = correction
      ? { code: w.code, column: w.column, reads: figureColumns(definition), message: w.message, publicMessage: w.message }
      : {
          code: w.code,
          column: w.column,
          reads: rule ? [...rule.reads] : [w.column],
          message: w.message,
          publicMessage: publicSentence(definition, rule, w.column),
        };
    byRow.set(w.row, [...(byRow.get(w.row) ?? []), warning]);
  }
  return byRow;
}

/**
 * `charges` → "charges"; `dvpo_granted` → "DVPOs granted" (schemas/returns/words.ts); `victims_12m`
 * → "victims over the twelve months", in words because this sentence carries no digit.
 */
function words(definition: ReturnDefinition, column: string): string {
  const suffix = definition.personColumns?.twelveMonthSuffix;
  if (suffix && column.endsWith(suffix)) return `${words(definition, column.slice(0, -suffix.length))} over the twelve months`;
  return columnWords(column);
}

const dashed = (text: string) => text.replace(/_/g, '-');

/**
 * What the rule found, in words and without figures. The shapes are those of
 * schemas/returns/rules.ts, recognised by their codes; any other rule gets a general sentence.
 */
function finding(definition: ReturnDefinition, rule: RowRule | undefined, column: string): string {
  const w = (c: string) => words(definition, c);
  if (!rule) return `a check on ${w(column)} raised a warning`;
  const parts = rule.reads.slice(0, -1);
  const whole = rule.reads[rule.reads.length - 1];
  if (parts.length === 1 && rule.code === dashed(`${parts[0]}-more-than-${whole}`)) return `${w(parts[0])} were more than ${w(whole)}`;
  if (parts.length > 1 && rule.code === dashed(`sum-more-than-${whole}`)) return `${partsInWords(parts)} together came to more than ${w(whole)}`;
  if (parts.length > 1 && rule.code === dashed(`sum-not-equal-${whole}`)) return `${partsInWords(parts)} did not add up to ${w(whole)}`;
  return `a check on ${rule.reads.map(w).join(', ')} raised a warning`;
}

/**
 * E.g. "When the police force sent these figures, a check found that charges were more than
 * crimes. They were stored as sent." Built from the definition only: it takes no figures.
 */
export function publicSentence(definition: ReturnDefinition, rule: RowRule | undefined, column: string): string {
  // "an analyst, from published sources such as MOPAC or ONS" → "an analyst"
  const sender = definition.sentBy.split(',')[0];
  return `When ${sender} sent these figures, a check found that ${finding(definition, rule, column)}. They were stored as sent.`;
}
