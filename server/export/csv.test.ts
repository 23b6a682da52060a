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
    ['\n=1+1', "'\n=1+1"],
    ['Two meetings cancelled', 'Two meetings cancelled'],
    ['', ''],
  ])('%j → %j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  // Each of these reads as a formula once Excel or LibreOffice folds it (NFKC) or skips what is
  // invisible before it; the apostrophe goes first and the rest is kept exactly as sent.
  it.each([
    ['fullwidth equals', '\uFF1D1+1'],
    ['fullwidth plus', '\uFF0B1+1'],
    ['fullwidth hyphen-minus', '\uFF0D1+1'],
    ['fullwidth commercial at', '\uFF20SUM(A1)'],
    ['small equals', '\uFE661+1'],
    ['small plus', '\uFE621+1'],
    ['small hyphen-minus', '\uFE631+1'],
    ['zero-width space before =', '\u200B=1+1'],
    ['zero-width joiner and non-joiner before =', '\u200D\u200C=1+1'],
    ['word joiner before +', '\u2060+1'],
    ['byte-order mark before @', '\uFEFF@SUM(A1)'],
    ['left-to-right mark before -', '\u200E-1+1'],
    ['soft hyphen before =', '\u00AD=1'],
    ['space before =', ' =1+1'],
    ['no-break space before =', '\u00A0=1+1'],
    ['ideographic space before fullwidth equals', '\u3000\uFF1D1+1'],
    ['zero-width space before a tab', '\u200B\tcmd'],
    ['zero-width space before a carriage return', '\u200B\rcmd'],
  ])('%s', (_, cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  it.each([
    ['a note that only mentions =', 'Rate = incidents / population'],
    ['a fullwidth equals later on', 'A\uFF1DB'],
    ['an invisible character before ordinary text', '\u200BTwo meetings'],
    ['a Welsh place name', 'Ynys Môn'],
  ])('leaves alone %s', (_, cell) => {
    expect(neutraliseCell(cell)).toBe(cell);
  });

  it('quotes, keeps numbers as numbers and writes blanks for missing values', () => {
    const text = toCsv(['area', 'value', 'note'], [['E09000004', -1.5, '=1+2'], ['E09000005', null, 'a, "b"']]);
    expect(text).toBe('\ufeffarea,value,note\r\nE09000004,-1.5,\'=1+2\r\nE09000005,,"a, ""b"""\r\n');
  });

  it('neutralises a fullwidth formula in a whole document, and keeps its text', () => {
    const text = toCsv(['note'], [['\uFF1DHYPERLINK("http://evil.example")']]);
    expect(text).toBe('\ufeffnote\r\n"\'\uFF1DHYPERLINK(""http://evil.example"")"\r\n');
  });
});
