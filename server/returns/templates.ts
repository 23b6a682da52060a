// Templates for each return type, which a partner can fill without reading a manual.
//
// Both formats may come pre-filled with one row per area (and, for a return with a sub-key that
// has a list of choices, such as safe accommodation's accommodation type, per choice) for the
// period due (the latest quarter that has ended, or for a yearly return the latest financial year):
// a partner's template carries the areas their organisation is granted. The CSV's
// first row is exactly the template's columns, so a file made from it validates. The Excel
// workbook's first sheet is the one read back; it has a note on each column header saying what to
// enter, drop-downs for the area, the period and any column with choices, a check that counts are
// whole numbers, the area's name beside its code (a column an upload reads past), a guidance
// sheet, and a sheet listing the areas, periods and choices. The periods follow the definition's
// reporting frequency (schemas/returns/frequency.ts). Which column is the area, the period
// or the sub-key comes from the definition's keys: nothing here knows a column by its name.
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { AREAS, findArea, resolveArea, type Area } from '../../schemas/areas';
import { calendarOfReturn, keyColumn, type ColumnSpec, type ReturnDefinition } from '../../schemas/returns/definition';
import { hasEnded, periodsOffered } from '../../schemas/returns/frequency';
import { aReturn, columnWords, plural } from '../../schemas/returns/words';
import type { Actor } from '../access/actor';

/** What a template is filled with: the areas (each a row, or a row per sub-key choice) and the quarter. */
export interface TemplatePrefill {
  areas: readonly Area[];
  /** The period's id: a quarter (2019-20Q3), or a yearly return's financial year (2022-23). */
  period: string;
}

export interface TemplateOptions {
  /** Rows to fill in; none gives the blank template. */
  prefill?: TemplatePrefill | null;
  /** Today, for the periods offered in the period drop-down. */
  now: Date;
}

/** The helper column beside the area column in a pre-filled Excel template (see TEMPLATE_HELPER_COLUMNS). */
const AREA_NAME_COLUMN = 'area_name';
/** Rows below the header that carry the drop-downs and checks. */
const ROWS_WITH_CHECKS = 1000;

/** A quarter as partners write it: 2019-20Q3 → "2019-20 Q3" (one of the accepted forms). */
export function quarterAsWritten(id: string): string {
  return id.replace(/Q([1-4])$/, ' Q$1');
}

/** The key cells of each pre-filled row, in order: by area name, then sub-key choice (a sub-key without choices is left for the partner). */
export function templateRows(definition: ReturnDefinition, prefill: TemplatePrefill): Array<Record<string, string>> {
  if (definition.reference) return [];
  const calendar = calendarOfReturn(definition);
  const { area, period, sub } = definition.keys;
  const areas = [...prefill.areas].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const subkeys: readonly string[] = keyColumn(definition, 'sub')?.choices ?? [''];
  return areas.flatMap((a) =>
    subkeys.map((subkey) => ({
      [period]: calendar.asWritten(prefill.period),
      [area]: a.code,
      ...(sub !== undefined && subkey ? { [sub]: subkey } : {}),
    })),
  );
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The header row of the template's columns, then a row per area (and type) for the quarter, if pre-filled. */
export function templateCsv(definition: ReturnDefinition, prefill?: TemplatePrefill | null): string {
  const names = definition.columns.map((c) => c.name);
  const lines = [names.join(',')];
  if (prefill) for (const row of templateRows(definition, prefill)) lines.push(names.map((n) => csvCell(row[n] ?? '')).join(','));
  return lines.map((l) => `${l}\r\n`).join('');
}

/** Whether a figure column holds whole-number counts (a published benchmark value may have decimals). */
function isCount(column: ColumnSpec): boolean {
  return column.role === 'figure' && column.plain !== undefined;
}

/** A header's note in Excel: what to enter in the column. */
function columnNote(definition: ReturnDefinition, column: ColumnSpec): string {
  const how =
    column.role === 'figure'
      ? isCount(column)
        ? 'A whole number. Leave the cell empty if it was not collected; enter 0 if there were none.'
        : 'A number; decimals allowed.'
      : column.name === definition.keys.period && !definition.reference
        ? `Choose from the list, or write a ${calendarOfReturn(definition).noun} such as ${calendarOfReturn(definition).acceptedForms[0]}.`
        : column.name === definition.keys.area
          ? "Choose from the list, or write the area's name."
          : column.choices
            ? 'Choose from the list.'
            : '';
  const optional = column.optional ? ' This column may be left out.' : '';
  return `${column.description}. ${how}${optional}`.replace(/\.\. /, '. ').trim();
}

/** A spreadsheet column's letters from its index from 0: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

type Validation = ExcelJS.DataValidation;
const addValidation = (sheet: ExcelJS.Worksheet, range: string, validation: Validation) =>
  (sheet as unknown as { dataValidations: { add(address: string, v: Validation): void } }).dataValidations.add(range, validation);

export async function templateXlsx(definition: ReturnDefinition, options: TemplateOptions): Promise<Buffer> {
  const prefill = options.prefill ?? null;
  const rows = prefill ? templateRows(definition, prefill) : [];
  const withAreaName = rows.length > 0;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Domestic abuse partnership dashboard';

  // The sheet read back comes first: the reader takes the first visible worksheet.
  const data = workbook.addWorksheet('Return');
  const guide = workbook.addWorksheet('Guidance');
  const lists = workbook.addWorksheet('Lists');

  // Lists: areas (code, name) in A:B, quarters in D (months in E), then each column's choices from F.
  const listAreas = prefill && prefill.areas.length > 0 ? [...prefill.areas].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) : listedAreas(definition);
  lists.getCell('A1').value = 'Area code';
  lists.getCell('B1').value = 'Area name';
  listAreas.forEach((area, i) => {
    lists.getCell(`A${i + 2}`).value = area.code;
    lists.getCell(`B${i + 2}`).value = area.name;
  });
  const calendar = calendarOfReturn(definition);
  const quarters = periodsOffered(calendar, options.now);
  lists.getCell('D1').value = calendar.noun.replace(/^./, (l) => l.toUpperCase());
  lists.getCell('E1').value = 'Months';
  quarters.forEach((q, i) => {
    lists.getCell(`D${i + 2}`).value = calendar.asWritten(q);
    lists.getCell(`E${i + 2}`).value = calendar.label(q).replace(/^.*\((.*)\)$/, '$1');
  });
  const choiceLists = new Map<string, string>();
  definition.columns
    .filter((c) => c.choices)
    .forEach((c, k) => {
      const letter = columnLetter(5 + k);
      choiceLists.set(c.name, `Lists!$${letter}$2:$${letter}$${c.choices!.length + 1}`);
      lists.getCell(`${letter}1`).value = columnWords(c.name).replace(/^./, (l) => l.toUpperCase());
      c.choices!.forEach((choice, i) => (lists.getCell(`${letter}${i + 2}`).value = choice));
      lists.getColumn(letter).width = 22;
    });
  lists.getRow(1).font = { bold: true };
  for (const [col, width] of [['A', 14], ['B', 28], ['D', 14], ['E', 18]] as const) lists.getColumn(col).width = width;

  // The return sheet: the template's columns, with the area's name beside its code when pre-filled.
  const columns: Array<{ name: string; spec: ColumnSpec | null }> = [];
  for (const spec of definition.columns) {
    columns.push({ name: spec.name, spec });
    if (spec.name === definition.keys.area && withAreaName) columns.push({ name: AREA_NAME_COLUMN, spec: null });
  }
  data.addRow(columns.map((c) => c.name));
  data.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    const cell = data.getRow(1).getCell(i + 1);
    cell.note = c.spec ? columnNote(definition, c.spec) : "The area's name, for your reference. It follows the code and is not read.";
    data.getColumn(i + 1).width = c.name === AREA_NAME_COLUMN ? 26 : Math.max(14, Math.min(30, c.name.length + 4));
  });
  const letterOf = (name: string) => columnLetter(columns.findIndex((c) => c.name === name));
  rows.forEach((row, r) => {
    const excelRow = data.getRow(r + 2);
    columns.forEach((c, i) => {
      if (c.name === AREA_NAME_COLUMN) {
        const area = listAreas.find((a) => a.code === row[definition.keys.area]);
        excelRow.getCell(i + 1).value = {
          formula: `IFERROR(VLOOKUP(${letterOf(definition.keys.area)}${r + 2},Lists!$A:$B,2,FALSE),"")`,
          result: area?.name ?? '',
        };
      } else if (row[c.name] !== undefined) {
        excelRow.getCell(i + 1).value = row[c.name];
      }
    });
  });
  data.views = [{ state: 'frozen', ySplit: 1 }];

  // Drop-downs and checks on the rows a partner fills.
  const last = Math.max(ROWS_WITH_CHECKS, rows.length + 1);
  const range = (name: string) => `${letterOf(name)}2:${letterOf(name)}${last}`;
  for (const c of columns) {
    if (!c.spec) continue;
    const name = c.name;
    if (name === definition.keys.period && !definition.reference) {
      addValidation(data, range(name), {
        type: 'list',
        allowBlank: true,
        formulae: [`Lists!$D$2:$D$${quarters.length + 1}`],
        showErrorMessage: true,
        errorStyle: 'warning',
        ...(calendar.frequency === 'yearly'
          ? {
              errorTitle: 'Not a financial year in the list',
              error: 'Write the financial year like 2022-23 (April 2022 to March 2023). Years not in the list are accepted if they have ended.',
              promptTitle: 'Financial year',
              prompt: 'The financial year the row reports, April to March. This return is made once a year.',
            }
          : {
              errorTitle: 'Not a quarter in the list',
              error: 'Write the financial quarter like 2019-20 Q3 (Q1 is April to June). Quarters not in the list are accepted if they have ended.',
              promptTitle: 'Quarter',
              prompt: 'The financial quarter the row reports. Q1 is April to June.',
            }),
        showInputMessage: true,
      });
    } else if (name === definition.keys.area) {
      addValidation(data, range(name), {
        type: 'list',
        allowBlank: true,
        formulae: [`Lists!$A$2:$A$${listAreas.length + 1}`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: 'Not an area in the list',
        error: "Use the area's ONS code (such as E09000004) or its name (such as Bexley). The Lists sheet shows the codes and names.",
        showInputMessage: true,
        promptTitle: 'Area',
        prompt: `The ${definition.reference ? 'area' : 'local authority'}: choose its code from the list.`,
      });
    } else if (c.spec.choices) {
      const article = /^[aeiou]/i.test(columnWords(name)) ? 'an' : 'a';
      addValidation(data, range(name), {
        type: 'list',
        allowBlank: true,
        formulae: [choiceLists.get(name)!],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: `Not ${article} ${columnWords(name)}`,
        error: `Choose one of: ${c.spec.choices.join(', ')}.`,
      });
    } else if (isCount(c.spec)) {
      addValidation(data, range(name), {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Not a whole number',
        error: `Enter the number of ${columnWords(name)} as a whole number of 0 or more, however small: the dashboard hides small numbers itself. Leave the cell empty if it was not collected.`,
      });
    }
  }

  // Guidance: what the return is, how to fill it, and every column.
  guide.getColumn(1).width = 34;
  guide.getColumn(2).width = 44;
  guide.getColumn(3).width = 80;
  guide.getColumn(4).width = 40;
  guide.addRow([definition.title]).font = { bold: true, size: 14 };
  guide.addRow([`Sent by ${definition.sentBy}.`]);
  guide.addRow([]);
  const steps = [
    prefill
      ? `The Return sheet has ${plural(rows.length, 'row')} ready for ${calendar.label(prefill.period)}: one for each area${keyColumn(definition, 'sub')?.choices ? ` and ${columnWords(definition.keys.sub!)}` : ''}. Fill in the figures on each row.`
      : `Add a row on the Return sheet for each area and ${definition.reference ? 'period' : calendar.noun}, choosing the area and the ${definition.reference ? 'period' : calendar.noun} from the drop-downs.`,
    'Enter exact counts, even small ones: the dashboard hides numbers from 1 to 4 itself. Leave a cell empty if the figure was not collected; enter 0 if there were none.',
    'Keep every column, even one you leave empty. Hover over a column heading to see what it holds.',
    `Upload the file as ${aReturn(definition.type)}. You can check it first: nothing is stored until it has no errors.`,
  ];
  guide.addRow(['How to fill in this template']).font = { bold: true };
  steps.forEach((s, i) => guide.addRow([`${i + 1}.`, s]));
  guide.addRow([]);
  guide.addRow(['Column', 'In words', 'What to enter', 'Required']).font = { bold: true };
  for (const c of definition.columns) {
    guide.addRow([c.name, columnWords(c.name), columnNote(definition, c), c.optional ? 'Optional column' : 'Column required; a cell may be left empty if not collected']);
  }
  if (withAreaName) guide.addRow([AREA_NAME_COLUMN, "area's name", 'Filled in from the area code, for your reference. It is not read.', 'Optional column']);
  for (let r = 1; r <= guide.rowCount; r++) guide.getRow(r).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The areas offered in a blank template's drop-down: local authorities for partner returns, every area for reference data. */
function listedAreas(definition: ReturnDefinition): Area[] {
  return AREAS.filter((a) => definition.reference || a.type === 'local-authority')
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export function templateFileName(definition: ReturnDefinition, extension: 'csv' | 'xlsx', prefill?: TemplatePrefill | null): string {
  return prefill ? `${definition.type}-return-${prefill.period}.${extension}` : `${definition.type}-return-template.${extension}`;
}

/** The template routes' query: what to pre-fill (see templatePrefill). */
export const TemplateQuery = z.object({
  area: z
    .string()
    .optional()
    .meta({ description: "Local authorities (codes or names, comma-separated) to pre-fill a row for each. Without it a partner's template is pre-filled with their organisation's areas; an analyst's is blank.", example: 'E09000004,E09000005' }),
  period: z.string().optional().meta({ description: 'The period to pre-fill, which must have ended: a quarter, or for a yearly return a financial year; by default the latest ended (the one due)', example: '2019-20 Q3' }),
  blank: z.enum(['true', 'false']).optional().meta({ description: 'true: the blank template, with nothing pre-filled' }),
});
export type PrefillRequest = z.infer<typeof TemplateQuery>;
export type PrefillOutcome = { ok: true; prefill: TemplatePrefill | null } | { ok: false; statusCode: 400 | 403; code: string; message: string };

/**
 * What a template is pre-filled with for this actor. A partner gets a row for each area their
 * organisation is granted for the return (or the ones of those asked for with `area`); an analyst
 * or administrator gets the blank template unless they ask for areas. The quarter is the latest
 * that has ended (the one due) unless `period` names another that has ended. Reference data
 * (population, benchmarks) is always blank; so is any template asked for with `blank=true`.
 */
export function templatePrefill(definition: ReturnDefinition, actor: Actor, request: PrefillRequest, now: Date): PrefillOutcome {
  if (definition.reference || request.blank === 'true') return { ok: true, prefill: null };
  const calendar = calendarOfReturn(definition);
  let period = calendar.latestEnded(now);
  if (request.period !== undefined && request.period.trim() !== '') {
    const asked = calendar.parseText(request.period);
    if (!asked) {
      return { ok: false, statusCode: 400, code: 'invalid-period', message: `"${request.period}" is not a ${calendar.noun} we recognise. Write it like ${calendar.acceptedForms.map((f) => `"${f}"`).join(', ')}.` };
    }
    if (!hasEnded(calendar, asked, now)) return { ok: false, statusCode: 400, code: 'future-period', message: `${calendar.label(asked)} has not ended yet, so there is no return due for it.` };
    period = asked;
  }
  const granted = actor.role === 'partner' ? actor.grants.filter((g) => g.returnType === definition.type).map((g) => g.areaCode) : null;
  let areas: Area[];
  if (request.area !== undefined && request.area.trim() !== '') {
    areas = [];
    for (const text of request.area.split(',').map((t) => t.trim()).filter(Boolean)) {
      const match = resolveArea(text);
      if (!match || match.area.type !== 'local-authority') {
        return { ok: false, statusCode: 400, code: 'unknown-area', message: `"${text}" is not a local authority we know. Give its ONS code (such as E09000004) or its name (such as Bexley).` };
      }
      if (granted && !granted.includes(match.area.code)) {
        return { ok: false, statusCode: 403, code: 'not-granted', message: `Your organisation is not set up to send ${aReturn(definition.type)} for ${match.area.name}.` };
      }
      if (!areas.includes(match.area)) areas.push(match.area);
    }
  } else if (granted) {
    areas = granted.map((code) => findArea(code)).filter((a): a is Area => a !== undefined);
  } else {
    return { ok: true, prefill: null };
  }
  return { ok: true, prefill: areas.length > 0 ? { areas, period } : null };
}
