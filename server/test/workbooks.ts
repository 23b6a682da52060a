// Workbooks made to measure, for tests and the benchmark: one worksheet, a header of five
// columns and `rows` rows of whole numbers. Ten thousand rows are about 1.2 MB of sheet XML.
import { writeZip } from '../ingest/read/zip';

const COLUMNS = 'ABCDE';

function cells(row: number, values: Array<string | number>): string {
  return values
    .map((v, c) => (typeof v === 'number' ? `<c r="${COLUMNS[c]}${row}"><v>${v}</v></c>` : `<c r="${COLUMNS[c]}${row}" t="inlineStr"><is><t>${v}</t></is></c>`))
    .join('');
}

export function syntheticWorkbook(rows: number): Buffer {
  const body = [`<row r="1">${cells(1, ['a', 'b', 'c', 'd', 'e'])}</row>`];
  for (let r = 2; r <= rows + 1; r++) body.push(`<row r="${r}">${cells(r, [r, r + 1, r + 2, r + 3, r + 4])}</row>`);
  return writeZip([
    {
      name: 'xl/workbook.xml',
      data: '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Return" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body.join('')}</sheetData></worksheet>` },
  ]);
}
