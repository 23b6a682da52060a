// Every cross-field rule of DOMAIN.md section 5, through the API: one row breaking one rule.
// Errors reject the file (422) and store nothing; warnings are accepted (201) and reported. The
// return types come from the registry, and a rule without a case here fails the suite.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { findReturnDefinition, RETURN_DEFINITIONS, RETURN_TYPES } from '../../schemas/returns';
import { expectedOnlyWhereDefined } from '../../schemas/returns/definition';
import { createLocalMeasure } from '../local-measures/store';
import { createPartnership } from '../strategy/store';
import { buildTestApp, get, tableCounts, upload } from '../test/helpers';
import { csvOf, validRow, type Cells } from '../test/rows';

let app: FastifyInstance;

/** A new app on a new database for each test of the block it is called in. */
function newAppForEachTest() {
  beforeEach(async () => {
    app = await buildTestApp();
  });
  afterEach(async () => {
    await app.close();
  });
}

type Case = [type: string, rule: string, overrides: Cells, severity: 'error' | 'warning', column: string];

const CASES: Case[] = [
  ['police', 'repeat_victims > victims', { repeat_victims: 601 }, 'error', 'repeat_victims'],
  ['police', 'victims_female + victims_male > victims', { victims_female: 481 }, 'error', 'victims_female'],
  ['police', 'victims_ethnicity_recorded > victims', { victims_ethnicity_recorded: 601 }, 'error', 'victims_ethnicity_recorded'],
  ['police', 'repeat_perpetrators > perpetrators', { repeat_perpetrators: 501 }, 'error', 'repeat_perpetrators'],
  ['police', 'incidents_child_present > incidents', { incidents_child_present: 1001 }, 'error', 'incidents_child_present'],
  ['police', 'crimes > incidents', { crimes: 1001, arrests: 100, charges: 70 }, 'warning', 'crimes'],
  ['police', 'charges > crimes', { charges: 551 }, 'warning', 'charges'],
  ['police', 'dvpo_granted > dvpn_issued', { dvpo_granted: 21 }, 'warning', 'dvpo_granted'],
  ['police', 'dvds_disclosures > dvds_applications', { dvds_disclosures: 41 }, 'warning', 'dvds_disclosures'],
  ['police', 'repeat_victims_12m > victims_12m', { repeat_victims_12m: 1801 }, 'error', 'repeat_victims_12m'],
  ['police', 'victims_female_12m + victims_male_12m > victims_12m', { victims_female_12m: 1441 }, 'error', 'victims_female_12m'],
  ['police', 'victims_ethnicity_recorded_12m > victims_12m', { victims_ethnicity_recorded_12m: 1801 }, 'error', 'victims_ethnicity_recorded_12m'],
  ['police', 'repeat_perpetrators_12m > perpetrators_12m', { repeat_perpetrators_12m: 1501 }, 'error', 'repeat_perpetrators_12m'],
  ['police', 'victims > victims_12m', { victims: 1801, victims_female: 1300, victims_ethnicity_recorded: 1500 }, 'warning', 'victims'],
  ['police', 'repeat_victims > repeat_victims_12m', { repeat_victims: 501 }, 'warning', 'repeat_victims'],
  ['police', 'victims_female > victims_female_12m', { victims_female_12m: 459, victims_male_12m: 300 }, 'warning', 'victims_female'],
  ['police', 'victims_male > victims_male_12m', { victims_male_12m: 119 }, 'warning', 'victims_male'],
  ['police', 'victims_ethnicity_recorded > victims_ethnicity_recorded_12m', { victims_ethnicity_recorded_12m: 519 }, 'warning', 'victims_ethnicity_recorded'],
  ['police', 'perpetrators > perpetrators_12m', { perpetrators_12m: 499, repeat_perpetrators_12m: 300 }, 'warning', 'perpetrators'],
  ['police', 'repeat_perpetrators > repeat_perpetrators_12m', { repeat_perpetrators_12m: 119 }, 'warning', 'repeat_perpetrators'],
  ['marac', 'repeat_cases > cases_discussed', { repeat_cases: 101 }, 'error', 'repeat_cases'],
  ['marac', 'cases_bame > cases_discussed', { cases_bame: 101 }, 'error', 'cases_bame'],
  ['marac', 'cases_lgbt > cases_discussed', { cases_lgbt: 101 }, 'error', 'cases_lgbt'],
  ['marac', 'cases_disabled > cases_discussed', { cases_disabled: 101 }, 'error', 'cases_disabled'],
  ['marac', 'cases_male > cases_discussed', { cases_male: 101 }, 'error', 'cases_male'],
  ['marac', 'cases_age_16_17 > cases_discussed', { cases_age_16_17: 101 }, 'error', 'cases_age_16_17'],
  ['marac', 'referrals_* sum to more than cases_discussed', { referrals_police: 61 }, 'error', 'referrals_police'],
  ['marac', 'referrals_* sum to less than cases_discussed', { referrals_other: 4 }, 'error', 'referrals_police'],
  ['idva', 'referrals_high_risk > referrals_received', { referrals_high_risk: 201 }, 'error', 'referrals_high_risk'],
  ['idva', 'closed_abuse_ceased > cases_closed', { closed_abuse_ceased: 91 }, 'error', 'closed_abuse_ceased'],
  ['idva', 'closed_feel_safer > cases_closed', { closed_feel_safer: 91 }, 'error', 'closed_feel_safer'],
  ['idva', 'closed_quality_of_life_improved > cases_closed', { closed_quality_of_life_improved: 91 }, 'error', 'closed_quality_of_life_improved'],
  ['idva', 'clients_male > clients_engaged', { clients_male: 151 }, 'error', 'clients_male'],
  ['idva', 'clients_age_61_plus > clients_engaged', { clients_age_61_plus: 151 }, 'error', 'clients_age_61_plus'],
  ['idva', 'clients_disabled > clients_engaged', { clients_disabled: 151 }, 'error', 'clients_disabled'],
  ['idva', 'clients_lgbt > clients_engaged', { clients_lgbt: 151 }, 'error', 'clients_lgbt'],
  ['idva', 'clients_bame > clients_engaged', { clients_bame: 151 }, 'error', 'clients_bame'],
  ['idva', 'clients_engaged > referrals_received', { clients_engaged: 201 }, 'warning', 'clients_engaged'],
  ['csc', 'contacts_da > contacts', { contacts_da: 3001 }, 'error', 'contacts_da'],
  ['csc', 'referrals_da > referrals', { referrals_da: 801 }, 'error', 'referrals_da'],
  ['csc', 'assessments_da > assessments', { assessments_da: 701 }, 'error', 'assessments_da'],
  ['csc', 'cp_plans_started_da > cp_plans_started', { cp_plans_started_da: 61 }, 'error', 'cp_plans_started_da'],
  ['csc', 'early_help_episodes_da > early_help_episodes', { early_help_episodes_da: 401 }, 'error', 'early_help_episodes_da'],
  ['refuge', 'unit_nights_occupied > unit_nights_available', { unit_nights_occupied: 1841 }, 'error', 'unit_nights_occupied'],
  ['refuge', 'unit_nights_available > units × days in quarter', { unit_nights_available: 1841 }, 'error', 'unit_nights_available'],
  ['refuge', 'departures_planned_move_on > departures', { departures_planned_move_on: 8 }, 'error', 'departures_planned_move_on'],
  ['refuge', 'households_from_outside_area > households_accommodated', { households_from_outside_area: 9 }, 'error', 'households_from_outside_area'],
  ['refuge', 'households_accommodated + referrals_declined_* > referrals_received', { referrals_declined_no_space: 28 }, 'warning', 'households_accommodated'],
  ['perpetrator-programme', 'assessed_suitable > referrals', { assessed_suitable: 31, starts: 15 }, 'warning', 'assessed_suitable'],
  ['perpetrator-programme', 'starts > assessed_suitable', { starts: 23, completions: 9 }, 'warning', 'starts'],
  ['perpetrator-programme', 'completions > starts', { completions: 16 }, 'warning', 'completions'],
  ['perpetrator-programme', 'waiting days with no starts', { starts: 0, completions: 0 }, 'error', 'waiting_days_total'],
  ['dhr', 'reviews_commissioned > notifications_received', { reviews_commissioned: 3, deaths_reviewed: 3 }, 'warning', 'reviews_commissioned'],
  ['dhr', 'reviews_commissioned_suicide > reviews_commissioned', { reviews_commissioned_suicide: 2 }, 'error', 'reviews_commissioned_suicide'],
  ['dhr', 'reviews_commissioned > deaths_reviewed', { deaths_reviewed: 0 }, 'error', 'reviews_commissioned'],
  ['training', 'trained_* do not sum to professionals_trained', { trained_other: 6 }, 'error', 'trained_police'],
  ['training', 'module_basic_awareness > professionals_trained', { module_basic_awareness: 121 }, 'error', 'module_basic_awareness'],
  ['training', 'module_risk_safety_planning > professionals_trained', { module_risk_safety_planning: 121 }, 'error', 'module_risk_safety_planning'],
  ['training', 'module_children_families > professionals_trained', { module_children_families: 121 }, 'error', 'module_children_families'],
  ['training', 'module_young_people > professionals_trained', { module_young_people: 121 }, 'error', 'module_young_people'],
  ['training', 'module_champions > professionals_trained', { module_champions: 121 }, 'error', 'module_champions'],
  ['training', 'module_coercive_control > professionals_trained', { module_coercive_control: 121 }, 'error', 'module_coercive_control'],
  ['training', 'module_stalking_harassment > professionals_trained', { module_stalking_harassment: 121 }, 'error', 'module_stalking_harassment'],
  ['training', 'module_honour_based_abuse > professionals_trained', { module_honour_based_abuse: 121 }, 'error', 'module_honour_based_abuse'],
  ['training', 'evaluations_returned > professionals_trained', { evaluations_returned: 121 }, 'error', 'evaluations_returned'],
  ['training', 'evaluations_more_confident > evaluations_returned', { evaluations_more_confident: 91 }, 'error', 'evaluations_more_confident'],
  ['community-service', 'outreach_closed_feel_safer > outreach_cases_closed', { outreach_closed_feel_safer: 51 }, 'error', 'outreach_closed_feel_safer'],
  ['community-service', 'outreach_clients > referrals_received', { outreach_clients: 141 }, 'warning', 'outreach_clients'],
  ['community-service', 'group_programme_completions > group_programme_starts', { group_programme_completions: 25 }, 'warning', 'group_programme_completions'],
  ['court-outcomes', 'convictions > prosecutions_completed', { convictions: 91, guilty_pleas: 50 }, 'error', 'convictions'],
  ['court-outcomes', 'guilty_pleas > convictions', { guilty_pleas: 69 }, 'error', 'guilty_pleas'],
  ['court-outcomes', 'witnesses_supported > witnesses_attending', { witnesses_supported: 21 }, 'error', 'witnesses_supported'],
  ['court-outcomes', 'protection_orders_made > protection_order_applications', { protection_orders_made: 41 }, 'warning', 'protection_orders_made'],
  ['court-outcomes', 'special_measures_granted > special_measures_applications', { special_measures_granted: 26 }, 'warning', 'special_measures_granted'],
  ['safe-accommodation', 'households_accommodated > households_referred', { households_accommodated: 151, households_not_accommodated: '' }, 'error', 'households_accommodated'],
  ['safe-accommodation', 'households_not_accommodated + households_accommodated > households_referred', { households_not_accommodated: 99, not_accommodated_other: 15 }, 'error', 'households_not_accommodated'],
  ['safe-accommodation', 'not_accommodated_* do not sum to households_not_accommodated', { not_accommodated_other: 9 }, 'error', 'not_accommodated_no_space'],
  ['safe-accommodation', 'households_from_outside_area > households_accommodated', { households_from_outside_area: 53 }, 'error', 'households_from_outside_area'],
  ...['support_advocacy', 'support_prevention_advice', 'support_specialist', 'support_children', 'support_housing', 'support_financial_legal', 'support_counselling_therapy'].map(
    (column): Case => ['safe-accommodation', `${column} > households_accommodated`, { [column]: 53 }, 'error', column],
  ),
];

/**
 * A return expected only where a partnership defines what it reports (the local-measure return)
 * accepts a row only for a measure a partnership covering its area has defined: the example row's.
 */
async function defineWhatTheExampleReports(type: string) {
  if (!expectedOnlyWhereDefined(findReturnDefinition(type)!)) return;
  const row = validRow(type);
  const partnership = await createPartnership(app.db, { name: 'Example partnership', areas: [String(row.area_code)], benchmark: 'E92000001', members: [] }, new Date());
  await createLocalMeasure(app.db, partnership, { id: String(row.measure), title: 'Example measure', unit: 'people', aim: 'prevention-and-workforce', numerator: 'People', denominator: null, multiplier: 1, polarity: 'higher-better', interval: 'byar', organisations: [] }, new Date());
}

describe('every valid example row is accepted without warnings', () => {
  newAppForEachTest();
  it.each(RETURN_TYPES)('%s', async (type) => {
    await defineWhatTheExampleReports(type);
    const { status, body } = await upload(app, type, csvOf([validRow(type)]));
    expect(status).toBe(201);
    expect(body.warnings).toEqual([]);
    expect(body.submission).toMatchObject({ returnType: type, rows: 1 });
  });
});

describe('cross-field rules (DOMAIN.md section 5)', () => {
  it('has a case for every rule of every registered return', () => {
    const rules = RETURN_DEFINITIONS.flatMap((d) => d.rules.map((r) => `${d.type}: ${r.column} (${r.severity})`));
    const cases = new Set(CASES.map(([type, , , severity, column]) => `${type}: ${column} (${severity})`));
    expect(rules.filter((rule) => !cases.has(rule))).toEqual([]);
  });

  describe('one row breaking one rule', () => {
    // One app for every case, rather than one each (a hundred databases built and dropped, which
    // doubled the file's time on PostgreSQL): a case breaking an error rule stores nothing, as it
    // checks, and one breaking a warning rule stores a submission that no other case reads
    // (problems are found in the uploaded rows alone, never from what is stored).
    beforeAll(async () => {
      app = await buildTestApp();
    });
    afterAll(async () => {
      await app.close();
    });

    it.each(CASES)('%s: %s is %s… ', async (type, _rule, overrides, severity, column) => {
      const before = await tableCounts(app);
      // The broken row is row 3: a valid row for another area comes first.
      const rows = [validRow(type, { [findReturnDefinition(type)!.keys.area]: 'E09000005' }), validRow(type, overrides)];
      const { status, body } = await upload(app, type, csvOf(rows));
      const problems = severity === 'error' ? body.errors : body.warnings;
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ row: 3, column, value: String(validRow(type, overrides)[column]) });
      expect(problems[0].message.length).toBeGreaterThan(40);
      if (severity === 'error') {
        expect(status).toBe(422);
        expect(await tableCounts(app)).toEqual(before);
      } else {
        expect(status).toBe(201);
        const stored = await get(app, `/api/submissions/${body.submission.id}`);
        expect(stored.json().warnings).toEqual(body.warnings);
      }
    });
  });

  describe('cells and periods', () => {
    newAppForEachTest();

    it('is not checked when one of its cells is blank', async () => {
      const { status, body } = await upload(app, 'police', csvOf([validRow('police', { repeat_victims: 601, victims: '', repeat_victims_12m: 700 })]));
      expect(status).toBe(201);
      expect(body.warnings).toEqual([]);
    });

    it('MARAC referral sources are not summed when one is blank', async () => {
      const { status } = await upload(app, 'marac', csvOf([validRow('marac', { referrals_other: '', referrals_police: 1 })]));
      expect(status).toBe(201);
    });

    it('says in plain words what is wrong with the figures', async () => {
      const { body } = await upload(app, 'police', csvOf([validRow('police', { repeat_victims: 601 })]));
      expect(body.errors[0].message).toBe(
        'There are more repeat victims (601) than victims (600). Repeat victims are counted among all victims, so there cannot be more of them.',
      );
    });

    it('uses the length of the quarter for refuge capacity: 2019-20 Q4 has 91 days', async () => {
      // Jan–Mar 2020 (leap year): 20 units × 91 days = 1,820.
      const row = validRow('refuge', { period: '2019-20Q4', unit_nights_available: 1821, unit_nights_occupied: 1500 });
      const { status, body } = await upload(app, 'refuge', csvOf([row]));
      expect(status).toBe(422);
      expect(body.errors[0].message).toContain('20 units × 91 days in the quarter = 1,820');
    });
  });
});

describe('benchmark reference data', () => {
  newAppForEachTest();
  it('recomputes the value from numerator and denominator and warns when the published one differs by more than rounding', async () => {
    const rows = [
      // 3,835 / 248,287 × 1,000 = 15.446: published 15.4 is within rounding.
      validRow('benchmark', { area_code: 'E09000004', numerator: 3835, denominator: 248287, value: '15.4' }),
      // 15.6 is not.
      validRow('benchmark', { area_code: 'E09000004', period: '2018', numerator: 3835, denominator: 248287, value: '15.6' }),
    ];
    const { status, body } = await upload(app, 'benchmark', csvOf(rows));
    expect(status).toBe(201);
    expect(body.warnings).toHaveLength(1);
    expect(body.warnings[0]).toMatchObject({ row: 3, column: 'value', code: 'published-value-differs' });
  });

  it('needs a value, or a numerator and a denominator', async () => {
    const { status, body } = await upload(app, 'benchmark', csvOf([validRow('benchmark', { value: '' })]));
    expect(status).toBe(422);
    expect(body.errors[0]).toMatchObject({ row: 2, column: 'value', code: 'missing-value' });
  });

  it('rejects an indicator that is not in the catalogue', async () => {
    const { status, body } = await upload(app, 'benchmark', csvOf([validRow('benchmark', { indicator: 'happiness-index' })]));
    expect(status).toBe(422);
    expect(body.errors[0]).toMatchObject({ row: 2, column: 'indicator', code: 'unknown-indicator', value: 'happiness-index' });
  });

  it('accepts every kind of period', async () => {
    const rows = ['2019-20Q3', '2019-20', '2019', 'R12-2019-20Q3', '2019/20 Q2'].map((period) => validRow('benchmark', { period }));
    const { status, body } = await upload(app, 'benchmark', csvOf(rows));
    expect(status).toBe(201);
    expect(body.submission.periods).toEqual(['2019', '2019-20', '2019-20Q2', '2019-20Q3', 'R12-2019-20Q3']);
  });
});
