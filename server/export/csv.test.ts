import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv';

describe('CSV output neutralises spreadsheet formulas', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['Two meetings cancelled', 'Two meetings cancelled'],
    ['', ''],
  ])('%j → %j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it('quotes, keeps numbers as numbers and writes blanks for missing values', () => {
    const text = toCsv(['area', 'value', 'note'], [['E09000004', -1.5, '=1+2'], ['E09000005', null, 'a, "b"']]);
    expect(text).toBe('\ufeffarea,value,note\r\nE09000004,-1.5,\'=1+2\r\nE09000005,,"a, ""b"""\r\n');
  });
});
