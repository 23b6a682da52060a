// What a return type is: one definition with its columns (each a cell reader and a plain-words
// description), the key that identifies a stored row, and its cross-field rules. Adding a
// return type means writing one of these and listing it in ./index.ts.
import { z } from 'zod';
import type { CellContext } from './cells';

export type ReturnTypeId = 'police' | 'marac' | 'idva' | 'csc' | 'refuge' | 'population' | 'benchmark';

export interface ColumnSpec {
  /** Template header, snake_case. */
  name: string;
  /** What the column holds, for the template's guidance and the API docs. */
  description: string;
  /** How a cell is read; built per upload because some readers need today's date. */
  reader: (context: CellContext) => z.ZodType<unknown, string>;
  /**
   * Reads a cell in its common form (plain digits, blank) without zod, or returns undefined to
   * leave it to `reader`, which words every error. A national return is some 23,000 cells,
   * almost all plain digits.
   */
  plain?: (raw: string) => unknown;
  /** A key identifies the stored row; figures are numbers; text is kept as written. */
  role: 'key' | 'figure' | 'text';
  /** Optional columns may be left out of a file altogether (only `notes` and benchmark `source`). */
  optional?: boolean;
  /**
   * When the column joined the template. A file made from an earlier version (without it) is
   * accepted with a warning, and the column counts as blank (DOMAIN.md 5.1).
   */
  addedIn?: string;
}

/** A parsed row: figures are numbers or null (blank), keys and text as their readers give them. */
export type ParsedRow = Record<string, unknown>;
export type Figures = Record<string, number | null>;

export interface RuleContext {
  /** The quarter of the row, for rules that depend on its length. */
  period: string;
}

export interface RowRule {
  /** The column the problem is reported against: the first written in the rule. */
  column: string;
  /** Every column the rule reads: it is not checked when one of them is blank. */
  reads: string[];
  severity: 'error' | 'warning';
  code: string;
  /** Returns a sentence for the partner when the rule is broken, otherwise null. */
  check: (figures: Record<string, number>, context: RuleContext) => string | null;
}

export interface RowFinding {
  column: string;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/** How a stored row is identified: a resubmission replaces exactly the keys it carries. */
export interface RowKey {
  areaCode: string;
  period: string;
  /** The accommodation type of a refuge row, the indicator of a benchmark row, else ''. */
  subkey: string;
}

export interface ReturnDefinition {
  type: ReturnTypeId;
  title: string;
  /** Who sends it, in the words partners use. */
  sentBy: string;
  /** Reference data (population, benchmarks) is loaded by analysts, not partners. */
  reference: boolean;
  columns: ColumnSpec[];
  rules: RowRule[];
  /** Builds the stored key from a parsed row. */
  key: (row: ParsedRow) => RowKey;
  /**
   * Columns that count distinct people, which never add up across quarters, and the suffix of
   * their twelve-month counterparts (DOMAIN.md 5.1): a year takes `victims_12m` of its last quarter.
   */
  personColumns?: { columns: readonly string[]; twelveMonthSuffix: string };
  /** Checks that need more than counts (e.g. a published value against its recomputation). */
  rowChecks?: (row: ParsedRow) => RowFinding[];
}

/** The free-text column every template may carry. */
export const NOTES_COLUMN = 'notes';

/**
 * Columns our own Excel templates add beside the return's columns to help the partner (the name
 * of the area in each row). They are not part of the return: an upload reads past them silently.
 */
export const TEMPLATE_HELPER_COLUMNS = ['area_name'] as const;

export function rowSchema(definition: ReturnDefinition, context: CellContext) {
  const shape: Record<string, z.ZodType<unknown, string>> = {};
  for (const column of definition.columns) shape[column.name] = column.reader(context);
  return z.object(shape);
}

export function figureColumns(definition: ReturnDefinition): string[] {
  return definition.columns.filter((c) => c.role === 'figure').map((c) => c.name);
}
