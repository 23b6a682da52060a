// What a return type is: one definition with its columns (each a cell reader and a plain-words
// description), the columns that identify a stored row (its keys), and its cross-field rules.
// Validation, storage, exports, templates and revisions read the keys from here and assume no
// column name of their own. Adding a return type means writing one of these and listing it in
// ./index.ts (README: "Adding a return type").
import { z } from 'zod';
import type { AreaMatch } from '../areas';
import type { Period } from '../periods';
import type { CellContext } from './cells';
import { calendarOf, type ReportingCalendar, type ReportingFrequency } from './frequency';

export type ReturnTypeId =
  | 'police'
  | 'marac'
  | 'idva'
  | 'csc'
  | 'refuge'
  | 'perpetrator-programme'
  | 'dhr'
  | 'training'
  | 'community-service'
  | 'court-outcomes'
  | 'safe-accommodation'
  | 'local-measure'
  | 'population'
  | 'benchmark';

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
  /**
   * The only values a key column may take (refuge's accommodation types): templates offer them
   * as a drop-down and, pre-filled, carry a row for each.
   */
  choices?: readonly string[];
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
  /** The period of the row (a quarter, or a yearly return's financial year), for rules that depend on its length. */
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
  /** The value of the definition's sub-key column (a refuge row's accommodation type), else ''. */
  subkey: string;
}

/**
 * The columns of a definition that identify a row, by name. Each names one of its `key` columns:
 * `area` is read by an area reader (areaCell), `period` by a period reader (a quarter, a year or
 * any period), and `sub`, when a row is finer than area and period, by any reader of text.
 */
export interface ReturnKeys {
  area: string;
  period: string;
  /** Refuge's accommodation_type, the perpetrator programme's programme, a benchmark's indicator. */
  sub?: string;
}

export type ReturnExpectation = 'everywhere' | 'where-defined';

export interface ReturnDefinition {
  type: ReturnTypeId;
  title: string;
  /** Who sends it, in the words partners use. */
  sentBy: string;
  /** Reference data (population, benchmarks) is loaded by analysts, not partners. */
  reference: boolean;
  columns: ColumnSpec[];
  rules: RowRule[];
  /** The columns that identify a stored row; see ReturnKeys. */
  keys: ReturnKeys;
  /**
   * How often it is made: 'quarterly' (the default) or 'yearly', for a financial year. Its period
   * column (periodColumnFor in ./columns), templates, deadlines and the dashboard periods its
   * figures answer all follow from it (./frequency).
   */
  frequency?: ReportingFrequency;
  /**
   * Where the return is expected: 'everywhere' (the default) an organisation is granted it, or
   * 'where-defined', only where a partnership covering the area has defined what it reports (the
   * local-measure return: a partnership's own measures) and the organisation is one that sends
   * them. The cycle gives deadlines, statuses and reminders only where it is expected.
   */
  expected?: ReturnExpectation;
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

/** Whether a return is expected only where a partnership has defined what it reports (see ReturnDefinition.expected). */
export function expectedOnlyWhereDefined(definition: Pick<ReturnDefinition, 'expected'>): boolean {
  return definition.expected === 'where-defined';
}

/** The reporting calendar of a definition: quarterly unless it declares otherwise. */
export function calendarOfReturn(definition: Pick<ReturnDefinition, 'frequency'>): ReportingCalendar {
  return calendarOf(definition.frequency);
}

export function figureColumns(definition: ReturnDefinition): string[] {
  return definition.columns.filter((c) => c.role === 'figure').map((c) => c.name);
}

/** The column spec a definition's key names (the sub-key's, for its choices and description). */
export function keyColumn(definition: ReturnDefinition, role: keyof ReturnKeys): ColumnSpec | undefined {
  const name = definition.keys[role];
  return name === undefined ? undefined : definition.columns.find((c) => c.name === name);
}

/** A period reader gives a quarter or year id, or (any period, for benchmarks) a parsed Period. */
function periodIdOf(value: unknown): string {
  return typeof value === 'string' ? value : (value as Period).id;
}

/** The stored key of a parsed row, read from the columns the definition names as its keys. */
export function rowKey(definition: ReturnDefinition, row: ParsedRow): RowKey {
  const { area, period, sub } = definition.keys;
  return {
    areaCode: (row[area] as AreaMatch).area.code,
    period: periodIdOf(row[period]),
    subkey: sub === undefined ? '' : String(row[sub]),
  };
}
