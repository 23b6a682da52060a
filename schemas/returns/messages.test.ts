// Every message a partner can be shown about a return, rendered for sample values and read for
// the mistakes partners stumbled on: lower-case acronyms ("dA-related", "Dvpo", "a idva", "a
// marac"), column names instead of words ("dvpn issued", "repeat_victims"), wrong articles and
// plurals ("a accommodation type", "1 rows", "1 units"), and population years called calendar years.
import { describe, expect, it } from 'vitest';
import { RETURN_DEFINITIONS, RETURN_TYPES } from '.';
import { INDICATORS } from '../indicators';
import { issueCode } from './cells';
import type { RowRule } from './definition';
import { partsInWords } from './rules';
import { aReturn, columnWords, hasColumnWords, inSentence, periodInWords, plural, returnName, theReturn, theTemplate } from './words';

const NOW = { now: new Date('2026-11-22T12:00:00Z') };

/** Known mistakes, each with a pattern that finds it. */
const MISTAKES: Array<[string, RegExp]> = [
  ['acronym in lower or mixed case', /\b(dA|Da|da|dvpo|Dvpo|dvpn|Dvpn|dapo|Dapo|dvds|Dvds|idva|Idva|marac|Marac|lgbt|Lgbt|bame|Bame|cp|Cp)\b/],
  ['"a" before a vowel sound', /\ba (idva|IDVA|accommodation|area\b|indicator|[aeiAEI][a-z])/],
  ['"an" before a consonant sound', /\ban (MARAC|police|[b-df-hj-np-tv-z])/],
  ['a snake_case column name', /\b[a-z0-9]+_[a-z0-9_]+\b/],
  ['12m instead of 12-month', /\b12m\b/],
  ['a plural after 1', /(^|[^\d,.])1 (rows|units|columns|errors|warnings|areas|days|quarters)\b/],
  ['a population year called a calendar year', /[Cc]alendar year \d{4}.*population|population.*[Cc]alendar year/],
  ['a sentence starting in lower case', /^[a-z]/],
  ['two spaces or a space before a full stop', /  | \./],
];

/** Values a partner types as written (a quoted cell, a choice such as an accommodation type, an indicator id) are not prose. */
const CHOICES = RETURN_DEFINITIONS.flatMap((d) => d.columns.flatMap((c) => c.choices ?? []));
const LITERALS = new RegExp(`"[^"]*"|\\b(${[...CHOICES, ...INDICATORS.map((i) => i.id)].join('|')})\\b`, 'g');

function mistakesIn(message: string): string[] {
  const prose = message.replace(LITERALS, 'X');
  return MISTAKES.filter(([, pattern]) => pattern.test(prose)).map(([name]) => `${name}: ${message}`);
}

/** Sample figures that break a rule: the first column it reads large, the rest small. */
function brokenFigures(rule: RowRule, first: number, rest: number): Record<string, number> {
  const figures: Record<string, number> = {};
  rule.reads.forEach((c, i) => (figures[c] = i === 0 ? first : rest));
  return figures;
}

/** A rule's message as validate.ts shows it (its first letter in capitals). */
function shown(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

describe('the proof-reader', () => {
  it.each([
    'Upload a idva service return',
    'Upload a marac return',
    'Upload a accommodation type',
    'The number of dA-related incidents',
    'Dvpo granted (5) is more than dvpn issued (3).',
    'repeat_victims (5) is more than victims (3).',
    'We read 1 rows.',
    'There are 1 units.',
  ])('finds the mistake in %j', (message) => {
    expect(mistakesIn(message)).not.toEqual([]);
  });
});

describe('every rule of every return', () => {
  const cases = RETURN_DEFINITIONS.flatMap((d) => d.rules.map((rule) => [d.type, rule.code, rule.column, rule] as const));

  it.each(cases)('%s %s (%s) reads well, with figures written as partners write them', (_type, _code, _column, rule) => {
    // A rule is broken by a large first column and small others, or (a figure without its whole) by a zero.
    const broken = (first: number) => rule.check(brokenFigures(rule, first, 1), { period: '2019-20Q3' }) ?? rule.check(brokenFigures(rule, first, 0), { period: '2019-20Q3' });
    const messages = [broken(5000), broken(200)];
    for (const message of messages) {
      expect(message).not.toBeNull();
      expect(mistakesIn(shown(message!))).toEqual([]);
      expect(message).toMatch(/\.$/);
    }
    // Figures are written as partners write them.
    expect(messages[0]).toMatch(/5,0\d\d/);
  });

  it('names DVPOs, DVPNs and DA in capitals (the messages partners quoted)', () => {
    const police = RETURN_DEFINITIONS.find((d) => d.type === 'police')!;
    const dvpo = police.rules.find((r) => r.column === 'dvpo_granted')!;
    expect(dvpo.check({ dvpo_granted: 5, dvpn_issued: 3 }, { period: '2019-20Q3' })).toBe(
      'There are more DVPOs granted (5) than DVPNs issued (3). A protection order usually follows a notice: please check both figures.',
    );
    const crimes = police.rules.find((r) => r.column === 'crimes')!;
    expect(crimes.check({ crimes: 56, incidents: 55 }, { period: '2019-20Q3' })).toMatch(/^There are more DA-related crimes \(56\) than DA-related incidents \(55\)\./);
    const twelve = police.rules.find((r) => r.column === 'repeat_victims_12m')!;
    expect(twelve.check({ repeat_victims_12m: 9, victims_12m: 8 }, { period: '2019-20Q3' })).toMatch(/^There are more 12-month repeat victims \(9\) than 12-month victims \(8\)\./);
  });

  it('says "1 unit" for a refuge with one unit', () => {
    const refuge = RETURN_DEFINITIONS.find((d) => d.type === 'refuge')!;
    const capacity = refuge.rules.find((r) => r.code === 'unit-nights-more-than-units-times-days')!;
    expect(capacity.check({ unit_nights_available: 93, units: 1 }, { period: '2019-20Q3' })).toContain('than 1 unit × 92 days in the quarter = 92.');
  });

  it('lists the MARAC referral sources once, in words', () => {
    const marac = RETURN_DEFINITIONS.find((d) => d.type === 'marac')!;
    const sum = marac.rules.find((r) => r.code === 'sum-not-equal-cases-discussed')!;
    const figures = Object.fromEntries(sum.reads.map((c) => [c, c === 'cases_discussed' ? 10 : 1]));
    expect(sum.check(figures, { period: '2019-20Q3' })).toMatch(
      /^Referrals from the police, IDVAs, health services, children's services, housing and anyone else add up to 6, not to the number of cases discussed \(10\)\./,
    );
  });
});

describe('every cell message of every column', () => {
  // Values that give each kind of cell error.
  const BAD_VALUES = ['abc', '-1', '12.5', 'n/a', '<5', '*', '9'.repeat(20), '2030-31 Q1', 'Q5 2019', 'Atlantis', 'London', 'x'.repeat(2001), ''];
  const cases = RETURN_DEFINITIONS.flatMap((d) => d.columns.map((c) => [d.type, c.name, c] as const));

  it.each(cases)('%s %s', (_type, _name, column) => {
    const reader = column.reader(NOW);
    for (const value of BAD_VALUES) {
      const result = reader.safeParse(value);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        expect(issueCode(issue)).toBeTruthy();
        expect(mistakesIn(issue.message)).toEqual([]);
      }
    }
  });

  it('a count names its column in words: "DA-related incidents", never "dA-related"', () => {
    const police = RETURN_DEFINITIONS.find((d) => d.type === 'police')!;
    const incidents = police.columns.find((c) => c.name === 'incidents')!.reader(NOW).safeParse('<5');
    expect(incidents.success).toBe(false);
    expect(incidents.error!.issues[0].message).toContain('the exact count of DA-related incidents');
    const dvpn = police.columns.find((c) => c.name === 'dvpn_issued')!.reader(NOW).safeParse('n/a');
    expect(dvpn.error!.issues[0].message).toContain('If the number of DVPNs issued was not collected');
  });

  it('"an accommodation type", not "a accommodation type"', () => {
    const refuge = RETURN_DEFINITIONS.find((d) => d.type === 'refuge')!;
    const result = refuge.columns.find((c) => c.name === 'accommodation_type')!.reader(NOW).safeParse('hostel');
    expect(result.error!.issues[0].message).toBe('"hostel" is not an accommodation type we recognise. Use one of: refuge, specialist_refuge, dispersed, second_stage, other.');
  });
});

describe('words', () => {
  it('every column of every return has words written for it', () => {
    const missing = RETURN_DEFINITIONS.flatMap((d) => d.columns.filter((c) => !hasColumnWords(c.name)).map((c) => `${d.type}.${c.name}`));
    expect(missing).toEqual([]);
    for (const d of RETURN_DEFINITIONS) for (const c of d.columns) expect(mistakesIn(`The ${columnWords(c.name)}.`)).toEqual([]);
  });

  it('names each return type with the right article and capitals', () => {
    expect(RETURN_TYPES.map((t) => `Upload ${aReturn(t)}`)).toEqual([
      'Upload a police return',
      'Upload a MARAC return',
      'Upload an IDVA service return',
      "Upload a children's social care return",
      'Upload a safe accommodation return',
      'Upload a perpetrator programme return',
      'Upload a domestic homicide review return',
      'Upload a training return',
      'Upload a community services return',
      'Upload a court outcomes return',
      'Upload a yearly safe accommodation duty return',
      'Upload a local measure return',
      'Upload population estimates',
      'Upload published benchmark values',
    ]);
    expect(theReturn('idva')).toBe('the IDVA service return');
    expect(theTemplate('marac')).toBe('the MARAC return template');
    expect(theTemplate('benchmark')).toBe('the published benchmark values template');
    for (const t of RETURN_TYPES) expect(mistakesIn(`Upload ${aReturn(t)}, the ${returnName(t)}.`)).toEqual([]);
  });

  it('lowers a description for a sentence only when it starts with an ordinary word', () => {
    expect(inSentence('Distinct victims')).toBe('distinct victims');
    expect(inSentence('Unit-nights available over the quarter')).toBe('unit-nights available over the quarter');
    expect(inSentence('DA-related incidents recorded')).toBe('DA-related incidents recorded');
    expect(inSentence("Clare's Law applications")).toBe("Clare's Law applications");
    expect(inSentence('Domestic Violence Protection Orders granted')).toBe('Domestic Violence Protection Orders granted');
    expect(inSentence('Cases referred by an IDVA')).toBe('cases referred by an IDVA');
    expect(inSentence('IDVA caseload')).toBe('IDVA caseload');
  });

  it('says a shared opening once in a list of columns', () => {
    expect(partsInWords(['victims_female', 'victims_male'])).toBe('female victims and male victims');
    expect(partsInWords(['referrals_police', 'referrals_idva'])).toBe('referrals from the police and IDVAs');
  });

  it('counts in the singular for one', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(2, 'row')).toBe('2 rows');
    expect(plural(1200, 'row')).toBe('1,200 rows');
    expect(plural(1, 'child', 'children')).toBe('1 child');
  });

  it('calls a population year a mid-year estimate, not a calendar year', () => {
    expect(periodInWords('population', '2017')).toBe('mid-2017 population estimate');
    expect(periodInWords('benchmark', '2017')).toBe('Calendar year 2017');
    expect(periodInWords('police', '2019-20Q3')).toBe('2019-20 Q3 (Oct–Dec 2019)');
  });
});
