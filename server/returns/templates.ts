// Empty templates for each return type: the header row partners fill in. The Excel version
// carries a second sheet explaining every column; the first sheet is the one we read back.
import ExcelJS from 'exceljs';
import type { ReturnDefinition } from '../../schemas/returns/definition';

export function templateCsv(definition: ReturnDefinition): string {
  return definition.columns.map((c) => c.name).join(',') + '\r\n';
}

export async function templateXlsx(definition: ReturnDefinition): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Domestic abuse partnership dashboard';
  const data = workbook.addWorksheet('Return');
  data.addRow(definition.columns.map((c) => c.name));
  data.getRow(1).font = { bold: true };
  data.columns.forEach((column) => (column.width = 18));
  data.views = [{ state: 'frozen', ySplit: 1 }];

  const guide = workbook.addWorksheet('Guidance');
  guide.addRow(['Column', 'What to enter', 'Required']).font = { bold: true };
  for (const c of definition.columns) guide.addRow([c.name, c.description, c.optional ? 'Optional column' : 'Column required; a cell may be left blank if not collected']);
  guide.addRow([]);
  guide.addRow(['', 'Enter exact counts, even small ones: the dashboard hides numbers from 1 to 4 itself. A blank cell means "not collected", 0 means none.']);
  guide.getColumn(1).width = 32;
  guide.getColumn(2).width = 90;
  guide.getColumn(3).width = 40;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function templateFileName(definition: ReturnDefinition, extension: 'csv' | 'xlsx'): string {
  return `${definition.type}-return-template.${extension}`;
}
