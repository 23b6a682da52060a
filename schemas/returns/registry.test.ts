// Every registered return type read the way the rest of the code reads it: through its keys and
// its columns, never by a column name assumed elsewhere. A definition that names a key, a rule's
// column or an indicator's column it does not have fails here, not as "no data" on a dashboard.
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../indicators';
import { findReturnDefinition, PARTNER_RETURN_DEFINITIONS, RETURN_DEFINITIONS, RETURN_TYPES } from '.';
import { periodColumnFor } from './columns';
import { expectedOnlyWhereDefined, figureColumns, keyColumn, type ReturnDefinition } from './definition';
import { hasColumnWords } from './words';

const each = RETURN_DEFINITIONS.map((d) => [d.type, d] as const);
const keyNames = (d: ReturnDefinition) => [d.keys.area, d.keys.period, ...(d.keys.sub === undefined ? [] : [d.keys.sub])];

describe('the registry', () => {
  it('has one definition per type, found by its type', () => {
    expect(new Set(RETURN_TYPES).size).toBe(RETURN_DEFINITIONS.length);
    for (const d of RETURN_DEFINITIONS) expect(findReturnDefinition(d.type)).toBe(d);
  });

  it('holds the local measure return like any other, expected only where a partnership defines a measure', () => {
    expect(findReturnDefinition('local-measure')?.expected).toBe('where-defined');
    expect(PARTNER_RETURN_DEFINITIONS.map((d) => d.type)).toContain('local-measure');
  });

  it('lists partner returns as every definition that is not reference data', () => {
    expect(PARTNER_RETURN_DEFINITIONS.map((d) => d.type)).toEqual(RETURN_DEFINITIONS.filter((d) => !d.reference).map((d) => d.type));
  });
});

describe.each(each)('%s', (_, definition) => {
  it('names as its keys columns it has, each a key column, and every key column is one of them', () => {
    const keys = keyNames(definition);
    expect(new Set(keys).size).toBe(keys.length);
    for (const name of keys) expect(definition.columns.find((c) => c.name === name)?.role, name).toBe('key');
    expect(definition.columns.filter((c) => c.role === 'key').map((c) => c.name).sort()).toEqual([...keys].sort());
  });

  it('reads its period as its reporting frequency says (a quarter, or a yearly return’s financial year)', () => {
    if (definition.reference) return;
    expect(definition.columns.find((c) => c.name === definition.keys.period)).toBe(periodColumnFor(definition.frequency));
  });

  it('gives only key columns a list of choices', () => {
    for (const column of definition.columns.filter((c) => c.choices)) expect(column.role, column.name).toBe('key');
    const sub = keyColumn(definition, 'sub');
    if (sub?.choices) expect(sub.choices.length).toBeGreaterThan(0);
  });

  it('has unique column names, each with a description and words for messages', () => {
    const names = definition.columns.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of definition.columns) {
      expect(c.description.length, c.name).toBeGreaterThan(5);
      expect(hasColumnWords(c.name), `${c.name} has no words in schemas/returns/words.ts`).toBe(true);
    }
  });

  it('has rules that read only its figure columns and report against one they read', () => {
    const figures = figureColumns(definition);
    for (const rule of definition.rules) {
      expect(rule.reads, rule.code).toContain(rule.column);
      for (const column of rule.reads) expect(figures, `${rule.code}: ${column}`).toContain(column);
    }
    const codes = definition.rules.map((r) => `${r.column}|${r.code}`);
    expect(new Set(codes).size, 'two rules with the same code on the same column').toBe(codes.length);
  });

  it('is expected everywhere, or only where defined if it is a partner return whose indicators partnerships define at run time', () => {
    if (!expectedOnlyWhereDefined(definition)) return;
    expect(definition.reference).toBe(false);
    // Its indicators are the partnerships' own measures (server/local-measures), none in the catalogue.
    expect(INDICATORS.filter((i) => i.source === definition.type)).toEqual([]);
  });

  it('has indicators (if any) that read only its figure columns', () => {
    const figures = figureColumns(definition);
    for (const indicator of INDICATORS.filter((i) => i.source === definition.type)) {
      const columns = [...indicator.numerator, ...(indicator.denominator.kind === 'columns' ? indicator.denominator.columns : [])];
      for (const column of columns) expect(figures, `${indicator.id}: ${column}`).toContain(column);
    }
  });
});

describe('the catalogue', () => {
  it('draws every indicator from a registered partner return', () => {
    const partner = new Set(PARTNER_RETURN_DEFINITIONS.map((d) => d.type as string));
    for (const indicator of INDICATORS) expect(partner, indicator.id).toContain(indicator.source);
  });
});
