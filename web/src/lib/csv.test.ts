// CSV downloads: formulas are neutralised (CSV injection), quoting follows RFC 4180, the file
// starts with a byte order mark so Excel reads UTF-8.
import { describe, expect, it } from 'vitest';
import { csvCell, fileSlug, neutraliseCell, toCsv, UTF8_BOM } from './csv';

describe('neutraliseCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-5', "'-5"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tindented', "'\tindented"],
    ['\rreturn', "'\rreturn"],
    ['=HYPERLINK("http://example.invalid")', '\'=HYPERLINK("http://example.invalid")'],
    ['Bexley', 'Bexley'],
    ['15.6', '15.6'],
    ['a=b', 'a=b'],
    ['', ''],
    // What a spreadsheet folds or skips before reading a formula
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['\u200B=1+1', "'\u200B=1+1"],
    [' =1+1', "' =1+1"],
    ['\uFE62cmd', "'\uFE62cmd"],
    ['\nline', "'\nline"],
  ])('%j → %j', (input, expected) => expect(neutraliseCell(input)).toBe(expected));
});

describe('csvCell', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [0, '0'],
    [3835, '3835'],
    [15.6, '15.6'],
    [-5, '-5'],
    [Number.NaN, ''],
    ['Windsor and Maidenhead', 'Windsor and Maidenhead'],
    ['Bedford, Luton', '"Bedford, Luton"'],
    ['He said "no"', '"He said ""no"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1,2', '"\'=1,2"'],
  ])('%j → %j', (input, expected) => expect(csvCell(input)).toBe(expected));
});

describe('toCsv', () => {
  it('writes a BOM, a header row and CRLF line ends', () => {
    const text = toCsv([
      ['Quarter', 'Value'],
      ['2019-20Q3', 15.6],
      ['2019-20Q4', null],
    ]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.slice(1)).toBe('Quarter,Value\r\n2019-20Q3,15.6\r\n2019-20Q4,\r\n');
  });
});

describe('fileSlug', () => {
  it('makes a safe file name', () => {
    expect(fileSlug('repeat-victim-rate', 'Windsor and Maidenhead', '2019-20Q3')).toBe('repeat-victim-rate-windsor-and-maidenhead-2019-20q3');
    expect(fileSlug("Clare's Law: <all>")).toBe('clare-s-law-all');
  });
});
