// Checks a whole file against its return definition and collects every problem, so the partner
// can fix everything in one pass. Nothing here touches the database: a file that yields any
// error is never stored.
import type { AreaMatch } from '../../schemas/areas';
import type { CellContext } from '../../schemas/returns/cells';
import { issueCode } from '../../schemas/returns/cells';
import { calendarOfReturn, NOTES_COLUMN, rowKey, rowSchema, type ParsedRow, type ReturnDefinition, type RowKey } from '../../schemas/returns/definition';
import { RETURN_DEFINITIONS } from '../../schemas/returns';
import { TEMPLATE_HELPER_COLUMNS } from '../../schemas/returns/definition';
import { aReturn, columnWords, inSentence, plural, theReturn, theTemplate } from '../../schemas/returns/words';
import type { Problem } from '../../schemas/api';
import type { RawTable } from './read-table';

/** A file with thousands of bad rows is reported in full up to this many problems of each kind. */
export const MAX_REPORTED_PROBLEMS = 1000;

export interface AcceptedRow {
  rowNumber: number;
  key: RowKey;
  /** Figures (numbers, or null for blank) and text columns other than notes. */
  values: Record<string, number | string | null>;
  notes: string | null;
}

export interface ValidationResult {
  rows: AcceptedRow[];
  errors: Problem[];
  warnings: Problem[];
}

/** Headers match ignoring case, spaces, hyphens and underscores: "Repeat Victims" = repeat_victims. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[\s\-_]+/g, '');
}

class ProblemList {
  readonly items: Problem[] = [];
  private dropped = 0;
  add(problem: Problem) {
    if (this.items.length < MAX_REPORTED_PROBLEMS) this.items.push(problem);
    else this.dropped++;
  }
  finish(kind: string): Problem[] {
    if (this.dropped === 0) return this.items;
    return [
      ...this.items,
      {
        row: null,
        column: null,
        value: null,
        code: 'too-many-problems',
        message: `There ${this.dropped === 1 ? 'is' : 'are'} ${plural(this.dropped, `more ${kind.replace(/s$/, '')}`, `more ${kind}`)} not listed here. Fix the ones above, which often fixes the rest, and upload the file again.`,
      },
    ];
  }
}

interface ColumnMap {
  /** Template column name → index of the file's column. */
  indexOf: Map<string, number>;
  headerRow: number;
}

/** Columns more than one template has (period, the area, notes, referrals_received…): no evidence of which template a file is. */
const SHARED_COLUMNS = (() => {
  const seen = new Map<string, number>();
  for (const d of RETURN_DEFINITIONS) for (const c of d.columns) seen.set(normaliseHeader(c.name), (seen.get(normaliseHeader(c.name)) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([name]) => name));
})();

/**
 * The other return type whose template the file's header matches better than the one it was sent
 * as: more of its own columns present and fewer of them missing. Columns several templates share
 * (period, the area, referrals_received…) do not count as evidence.
 */
function likelyTemplate(headers: Set<string>, definition: ReturnDefinition): { definition: ReturnDefinition; found: string[] } | null {
  const fit = (d: ReturnDefinition) => {
    const own = d.columns.filter((c) => !c.optional && !SHARED_COLUMNS.has(normaliseHeader(c.name)));
    const found = own.filter((c) => headers.has(normaliseHeader(c.name))).map((c) => c.name);
    const missing = d.columns.filter((c) => !c.optional && c.addedIn === undefined && !headers.has(normaliseHeader(c.name))).length;
    return { definition: d, found, missing };
  };
  const sent = fit(definition);
  const better = RETURN_DEFINITIONS.filter((d) => d.type !== definition.type)
    .map(fit)
    // At least half of the other template's own columns, and more of them than of the one sent as.
    .filter((f) => f.found.length >= 2 && f.found.length > sent.found.length && f.missing < sent.missing)
    .sort((a, b) => a.missing - b.missing || b.found.length - a.found.length);
  const best = better[0];
  if (!best) return null;
  const own = best.definition.columns.filter((c) => !c.optional && !SHARED_COLUMNS.has(normaliseHeader(c.name))).length;
  return best.found.length * 2 >= own ? best : null;
}

function mapColumns(table: RawTable, definition: ReturnDefinition, errors: ProblemList, warnings: ProblemList): ColumnMap | null {
  const wanted = new Map(definition.columns.map((c) => [normaliseHeader(c.name), c.name]));
  const helpers = new Set(TEMPLATE_HELPER_COLUMNS.map(normaliseHeader));
  const indexOf = new Map<string, number>();
  const headerRow = table.headerRowNumber;
  const headers = new Set(table.header.map(normaliseHeader));
  const absentFromFile = definition.columns.filter((c) => !c.optional && c.addedIn === undefined && !headers.has(normaliseHeader(c.name)));
  if (absentFromFile.length > 0) {
    // A file made from another return's template: one error naming it, not a list of missing columns.
    const other = likelyTemplate(headers, definition);
    if (other) {
      const type = other.definition.type;
      const shown = other.found.slice(0, 2).join(', ') + (other.found.length > 2 ? ', …' : '');
      errors.add({
        row: headerRow,
        column: null,
        value: null,
        code: 'wrong-template',
        message: `This looks like ${theTemplate(type)} (${shown}), not ${theReturn(definition.type)}. Upload it as ${aReturn(type)}, or use ${theTemplate(definition.type)}.`,
      });
      return null;
    }
  }
  table.header.forEach((header, index) => {
    const name = wanted.get(normaliseHeader(header));
    if (header.trim() === '') return;
    // Columns our own templates add to help the partner (the area's name) are read past silently.
    if (!name && helpers.has(normaliseHeader(header))) return;
    if (!name) {
      warnings.add({
        row: headerRow,
        column: header,
        value: header,
        code: 'unknown-column',
        message: `The column "${header}" is not part of ${theTemplate(definition.type)}, so it has been ignored.`,
      });
    } else if (indexOf.has(name)) {
      errors.add({
        row: headerRow,
        column: name,
        value: header,
        code: 'duplicate-column',
        message: `The column "${name}" appears twice. Keep only one of them so it is clear which figures to use.`,
      });
    } else {
      indexOf.set(name, index);
    }
  });
  const absent = definition.columns.filter((c) => !c.optional && !indexOf.has(c.name));
  // Columns added to the template since the file's version count as blank, with one warning.
  const fromEarlierTemplate = absent.filter((c) => c.addedIn !== undefined);
  const missing = absent.filter((c) => c.addedIn === undefined);
  if (fromEarlierTemplate.length > 0 && missing.length === 0) {
    const names = fromEarlierTemplate.map((c) => c.name);
    warnings.add({
      row: headerRow,
      column: names[0],
      value: null,
      code: 'earlier-template',
      message: `This file was made from an earlier version of ${theTemplate(definition.type)}: it has no ${names.length === 1 ? 'column' : 'columns'} ${names.join(', ')} (added in ${fromEarlierTemplate[0].addedIn}). The figures it has were read, and those columns count as blank. Download the current template for your next return.`,
    });
  }
  for (const column of missing) {
    errors.add({
      row: headerRow,
      column: column.name,
      value: null,
      code: 'missing-column',
      message: `The column "${column.name}" (${inSentence(column.description)}) is missing. Every column of the template must be there, even if its cells are empty: this usually means the file was made from a different template. Download ${theTemplate(definition.type)} and copy the figures into it.`,
    });
  }
  return missing.length > 0 || errors.items.length > 0 ? null : { indexOf, headerRow };
}

/** The text of each template column in one row; a column the file lacks (notes) reads as blank. */
function cellsOf(cells: string[], definition: ReturnDefinition, columns: ColumnMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of definition.columns) {
    const index = columns.indexOf.get(c.name);
    out[c.name] = index === undefined ? '' : (cells[index] ?? '');
  }
  return out;
}

/**
 * Reads a row without zod when every cell is in its common form, else returns null. Figures
 * and text use their column's `plain` reader; keys (a quarter, an area, a type), which repeat
 * on every row, are read by their zod reader once per distinct text in the upload.
 */
function plainRowReader(definition: ReturnDefinition, context: CellContext): (cells: Record<string, string>) => ParsedRow | null {
  const readers = definition.columns.map((column) => {
    if (column.plain) return { name: column.name, read: column.plain };
    if (column.role !== 'key') return { name: column.name, read: () => undefined };
    const reader = column.reader(context);
    const known = new Map<string, unknown>();
    const read = (raw: string) => {
      if (known.has(raw)) return known.get(raw);
      const result = reader.safeParse(raw);
      if (!result.success) return undefined;
      known.set(raw, result.data);
      return result.data;
    };
    return { name: column.name, read };
  });
  return (cells) => {
    const row: ParsedRow = {};
    for (const { name, read } of readers) {
      const value = read(cells[name]);
      if (value === undefined) return null;
      row[name] = value;
    }
    return row;
  };
}

function storedValues(parsed: ParsedRow, definition: ReturnDefinition): Record<string, number | string | null> {
  const values: Record<string, number | string | null> = {};
  for (const c of definition.columns) {
    if (c.role === 'key' || c.name === NOTES_COLUMN) continue;
    const v = parsed[c.name];
    // A published benchmark value is parsed with the text as written; store the number.
    values[c.name] = v !== null && typeof v === 'object' && 'value' in v ? (v as { value: number }).value : (v as number | string | null);
  }
  return values;
}

function describeKey(key: RowKey): string {
  const sub = key.subkey ? `, ${key.subkey.replace(/_/g, ' ')}` : '';
  return `${key.areaCode}, ${key.period}${sub}`;
}

export function validateTable(table: RawTable, definition: ReturnDefinition, context: CellContext): ValidationResult {
  const errors = new ProblemList();
  const warnings = new ProblemList();
  const columns = mapColumns(table, definition, errors, warnings);
  if (!columns) return { rows: [], errors: errors.finish('errors'), warnings: warnings.finish('warnings') };

  if (table.rows.length === 0) {
    errors.add({
      row: null,
      column: null,
      value: null,
      code: 'no-rows',
      message: `The file has a header row but no figures under it. Add a row for each area and ${definition.reference ? 'period' : calendarOfReturn(definition).noun}, then upload it again.`,
    });
  }

  const schema = rowSchema(definition, context);
  const readPlain = plainRowReader(definition, context);
  const firstRowOfKey = new Map<string, number>();
  const rows: AcceptedRow[] = [];

  for (const raw of table.rows) {
    const cells = cellsOf(raw.cells, definition, columns);
    // The common row (plain digits, known keys) is read directly; any other goes through zod,
    // which reads it the same way and words every problem.
    const plain = readPlain(cells);
    const parsed = plain ? { success: true as const, data: plain } : schema.safeParse(cells);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0]);
        errors.add({ row: raw.rowNumber, column, value: cells[column] ?? null, code: issueCode(issue), message: issue.message });
      }
      continue;
    }
    const row = parsed.data as ParsedRow;
    const at = (column: string, severity: 'error' | 'warning', code: string, message: string) =>
      (severity === 'error' ? errors : warnings).add({ row: raw.rowNumber, column, value: cells[column] ?? null, code, message });

    const areaColumn = definition.keys.area;
    const area = row[areaColumn] as AreaMatch;
    if (area.via === 'predecessor') {
      at(areaColumn, 'warning', 'predecessor-area-code', `${cells[areaColumn]} is an old code for ${area.area.name}. The figures have been stored under its current code, ${area.area.code}. Please use the new code in future returns.`);
    }

    const key = rowKey(definition, row);
    for (const rule of definition.rules) {
      if (rule.reads.some((c) => row[c] === null)) continue; // not checked when a cell is blank
      const message = rule.check(row as Record<string, number>, { period: key.period });
      if (message) at(rule.column, rule.severity, rule.code, message.charAt(0).toUpperCase() + message.slice(1));
    }
    for (const finding of definition.rowChecks?.(row) ?? []) at(finding.column, finding.severity, finding.code, finding.message);

    const keyText = `${key.areaCode}|${key.period}|${key.subkey}`;
    const earlier = firstRowOfKey.get(keyText);
    if (earlier !== undefined) {
      const what = definition.keys.sub === undefined ? 'area and period' : `area, period and ${columnWords(definition.keys.sub)}`;
      at(areaColumn, 'error', 'duplicate-row', `This row is for the same ${what} as row ${earlier} (${describeKey(key)}). Each ${what} may appear only once in a file.`);
      continue;
    }
    firstRowOfKey.set(keyText, raw.rowNumber);
    rows.push({ rowNumber: raw.rowNumber, key, values: storedValues(row, definition), notes: (row[NOTES_COLUMN] as string | null) ?? null });
  }

  return { rows, errors: errors.finish('errors'), warnings: warnings.finish('warnings') };
}
