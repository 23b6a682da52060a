// The catalogue read as a statistician would: every indicator names columns its return really
// has, people are counted as people, complements are counts only where they mean something,
// and the definitions say what DOMAIN.md section 6 says they must.
import { describe, expect, it } from 'vitest';
import { INDICATORS, findIndicator, type IndicatorDefinition } from './indicators';
import { RETURN_DEFINITIONS, findReturnDefinition } from './returns';
import { figureColumns } from './returns/definition';

const countColumns = (i: IndicatorDefinition) => [...i.numerator, ...(i.denominator.kind === 'columns' ? i.denominator.columns : [])];

describe('the indicator catalogue', () => {
  it.each(INDICATORS.map((i) => [i.id, i] as const))('%s names figure columns its return has', (_, indicator) => {
    const definition = findReturnDefinition(indicator.source);
    expect(definition, indicator.source).toBeDefined();
    const figures = figureColumns(definition!);
    for (const column of countColumns(indicator)) expect(figures, `${indicator.id}: ${column}`).toContain(column);
  });

  it('has unique ids', () => {
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length);
  });

  it('counts people exactly where every column counts people, and each has a twelve-month column', () => {
    for (const indicator of INDICATORS) {
      const people = findReturnDefinition(indicator.source)?.personColumns;
      const personal = countColumns(indicator).map((c) => people?.columns.includes(c) ?? false);
      if (indicator.counts === 'people') {
        expect(personal.every(Boolean), indicator.id).toBe(true);
        expect(indicator.denominator.kind, indicator.id).toBe('columns');
        const figures = figureColumns(findReturnDefinition(indicator.source)!);
        for (const c of countColumns(indicator)) expect(figures).toContain(`${c}${people!.twelveMonthSuffix}`);
      } else {
        // An events indicator never sums a person column over quarters.
        expect(personal.some(Boolean), indicator.id).toBe(false);
      }
    }
  });

  it('treats denominator − numerator as a count only where it is always a whole number ≥ 0 of something', () => {
    // Where a complement is a count, its numerator must not be published as anything else while
    // its denominator is too: otherwise a hidden complement would follow from two shown figures.
    const forms = (i: IndicatorDefinition) => [i.numerator.join('+'), i.denominator.kind === 'columns' ? i.denominator.columns.join('+') : null];
    for (const indicator of INDICATORS.filter((i) => i.numeratorWithinDenominator)) {
      expect(indicator.denominator.kind, indicator.id).toBe('columns');
      const [numerator, denominator] = forms(indicator);
      const others = INDICATORS.filter((o) => o !== indicator && o.source === indicator.source && o.counts === indicator.counts).flatMap(forms);
      expect(others.includes(numerator) && others.includes(denominator), `${indicator.id}: both its counts are published elsewhere`).toBe(false);
    }
  });

  it('gives refuge occupancy no interval and no judgement: bed-nights are not independent, and a full refuge turns people away', () => {
    expect(findIndicator('refuge-occupancy')).toMatchObject({ ci: 'none', polarity: 'no-judgement' });
    expect(findIndicator('refuge-occupancy')!.valueNote).toMatch(/not independent/);
  });

  it('has indicators for the collected columns DOMAIN.md section 6 names', () => {
    const used = new Set(INDICATORS.flatMap((i) => countColumns(i).map((c) => `${i.source}.${c}`)));
    for (const column of ['police.dvds_disclosures', 'police.victims_female', 'police.victims_male', 'marac.children_in_households', 'idva.clients_male', 'idva.clients_disabled', 'idva.clients_lgbt', 'csc.referrals']) {
      expect(used, column).toContain(column);
    }
  });

  it('notes where a figure is easily misread', () => {
    expect(findIndicator('charge-rate')!.valueNote).toMatch(/not the share of those crimes later charged/);
    expect(findIndicator('da-incident-rate')!.valueNote).toMatch(/all ages/);
    expect(findIndicator('idva-engagement-pct')!.valueNote).toMatch(/pass 100%/);
    expect(findIndicator('repeat-victim-rate')!.valueNote).toMatch(/each person once/);
  });

  it('follows the Children in Need census for children’s social care shares', () => {
    expect(findIndicator('csc-assessments-da-pct')!.caveats.join(' ')).toMatch(/Children in Need census/);
    expect(findIndicator('csc-referrals-da-pct')).toMatchObject({ numerator: ['referrals_da'], denominator: { kind: 'columns', columns: ['referrals'] } });
  });

  it('every return type with person columns lists only columns it has', () => {
    for (const definition of RETURN_DEFINITIONS) {
      const people = definition.personColumns;
      if (!people) continue;
      const figures = figureColumns(definition);
      for (const c of people.columns) expect(figures).toContain(c);
    }
  });
});
