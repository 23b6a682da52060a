// The local measure return's Excel template, pre-filled like every other template (server/returns/
// templates.ts: notes on each heading, drop-downs for the area and the quarter, a guidance sheet)
// and beyond it with what only the partnerships' definitions know: a row for each measure and area
// the partner sends, a Measures sheet listing each measure's id, title, unit and what its numerator
// and denominator count, a drop-down of those ids in the measure column, and the list in the
// measure heading's note. The measure column is the definition's sub-key, found through its keys.
import ExcelJS from 'exceljs';
import { findArea, type Area } from '../../schemas/areas';
import type { LocalMeasure } from '../../schemas/local-measures-api';
import { keyColumn, type ReturnDefinition } from '../../schemas/returns/definition';
import { columnLetter, quarterAsWritten, templateXlsx } from '../returns/templates';

export const MEASURES_SHEET = 'Measures';

export interface MeasureToSend {
  measure: Pick<LocalMeasure, 'id' | 'title' | 'unit' | 'numerator' | 'denominator'>;
  /** The areas the partner sends it for (each a pre-filled row); none lists the measure only. */
  areas: readonly string[];
}

/** One measure in words, for the heading's note: "champions-trained: DA champions trained (champions; a count)". */
function measureInWords({ measure }: MeasureToSend): string {
  return `${measure.id}: ${measure.title} (${measure.unit}; ${measure.denominator === null ? 'a count, leave the denominator blank' : `out of ${measure.denominator.toLowerCase()}`})`;
}

export async function localMeasureTemplateXlsx(definition: ReturnDefinition, options: { measures: readonly MeasureToSend[]; period: string; now: Date }): Promise<Buffer> {
  const measureColumn = keyColumn(definition, 'sub')!;
  const rows = options.measures.flatMap((m) => m.areas.map((area) => ({ area, measure: m.measure.id })));
  const areas = [...new Set(rows.map((r) => r.area))].map((code) => findArea(code)).filter((a): a is Area => a !== undefined);
  // The shared template: notes, drop-downs, guidance and, pre-filled, the area's name beside its code.
  const base = await templateXlsx(definition, { prefill: areas.length > 0 ? { areas, period: options.period } : null, now: options.now });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(base as unknown as ArrayBuffer);
  const data = workbook.getWorksheet('Return')!;
  const guide = workbook.getWorksheet('Guidance')!;
  const header = (data.getRow(1).values as unknown[]).slice(1) as string[];
  const at = (name: string) => header.indexOf(name) + 1;

  // A row for each area and measure, sorted as the shared rows are (by area name), replacing its row per area.
  const byName = (code: string) => findArea(code)?.name ?? code;
  const sorted = [...rows].sort((a, b) => byName(a.area).localeCompare(byName(b.area), 'en-GB') || a.measure.localeCompare(b.measure));
  if (data.rowCount > 1) data.spliceRows(2, data.rowCount - 1);
  sorted.forEach((row, r) => {
    const excelRow = data.getRow(r + 2);
    excelRow.getCell(at(definition.keys.period)).value = quarterAsWritten(options.period);
    excelRow.getCell(at(definition.keys.area)).value = row.area;
    const nameColumn = at('area_name');
    if (nameColumn > 0) {
      excelRow.getCell(nameColumn).value = { formula: `IFERROR(VLOOKUP(${columnLetter(at(definition.keys.area) - 1)}${r + 2},Lists!$A:$B,2,FALSE),"")`, result: byName(row.area) };
    }
    excelRow.getCell(at(measureColumn.name)).value = row.measure;
  });

  // The measures, with what each counts: the list the measure column's drop-down offers.
  const sheet = workbook.addWorksheet(MEASURES_SHEET);
  sheet.addRow(['Measure id', 'Title', 'Unit', 'Numerator: what it counts', 'Denominator: what it is out of']).font = { bold: true };
  for (const { measure } of options.measures) sheet.addRow([measure.id, measure.title, measure.unit, measure.numerator, measure.denominator ?? 'None: a count (leave the denominator blank)']);
  for (const [column, width] of [['A', 26], ['B', 36], ['C', 14], ['D', 44], ['E', 44]] as const) sheet.getColumn(column).width = width;

  const letter = columnLetter(at(measureColumn.name) - 1);
  const heading = data.getRow(1).getCell(at(measureColumn.name));
  if (options.measures.length > 0) {
    (data as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${Math.max(1000, rows.length + 1)}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`${MEASURES_SHEET}!$A$2:$A$${options.measures.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Not a measure you send',
      error: `Choose one of the measures on the ${MEASURES_SHEET} sheet: ${options.measures.map((m) => m.measure.id).join(', ')}.`,
    });
    heading.note = `${measureColumn.description}. Choose from the list: ${options.measures.map(measureInWords).join('; ')}.`;
  } else {
    heading.note = `${measureColumn.description}. No measure is listed for you: ask the partnership's administrator which measures your organisation sends.`;
  }
  guide.addRow([]);
  guide.addRow(['Measures']).font = { bold: true };
  guide.addRow([
    '',
    options.measures.length > 0
      ? `The ${MEASURES_SHEET} sheet lists the measures ${rows.length > 0 ? 'your organisation sends' : 'partnerships have defined'}, with what each counts. A count leaves its denominator blank.`
      : "No measure is listed: ask the partnership's administrator which measures your organisation sends.",
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
