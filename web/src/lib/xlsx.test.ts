// @vitest-environment node
// The Excel writer, checked by reading its output back with a real spreadsheet library.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnName, sheetName, toXlsx, xmlText } from './xlsx';

describe('building blocks', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %d is %s', (i, name) => expect(columnName(i)).toBe(name));
  it('escapes XML and drops characters XML cannot hold', () => {
    expect(xmlText('a < b & "c"\u0001')).toBe('a &lt; b &amp; &quot;c&quot;');
  });
  it('makes a valid sheet name', () => {
    expect(sheetName('Repeat victims: areas in Thames Valley, 2020-21')).toBe('Repeat victims  areas in Thames');
    expect(sheetName('[]')).toBe('Data');
  });
});

describe('toXlsx', () => {
  it('opens in a spreadsheet library with numbers as numbers and text as text', async () => {
    const bytes = toXlsx(
      [
        ['Area', 'Value', 'Note'],
        ['Bexley', 15.6, '=1+2'],
        ['Windsor & Maidenhead', 0, null],
        ['Reading', null, 'Suppressed'],
      ],
      'Incidents',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Incidents')!;
    expect(sheet).toBeDefined();
    expect(sheet.getCell('A1').value).toBe('Area');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('B2').value).toBe(15.6);
    // A formula-looking text stays text: inline strings are never evaluated.
    expect(sheet.getCell('C2').value).toBe('=1+2');
    expect(sheet.getCell('A3').value).toBe('Windsor & Maidenhead');
    expect(sheet.getCell('B3').value).toBe(0);
    expect(sheet.getCell('B4').value).toBeNull();
    expect(sheet.getCell('C4').value).toBe('Suppressed');
  });
});
