// Valid example rows for every return type, written out in full so tests state the data they
// send. Each passes every rule; tests break one thing at a time.
export type Cells = Record<string, string | number>;

export const VALID_ROWS: Record<string, Cells> = {
  police: {
    period: '2019-20Q3', area_code: 'E09000004', incidents: 1000, crimes: 550, incidents_child_present: 250, victims: 600,
    repeat_victims: 180, victims_female: 460, victims_male: 120, victims_ethnicity_recorded: 520, perpetrators: 500,
    repeat_perpetrators: 120, arrests: 180, charges: 70, dvpn_issued: 20, dvpo_granted: 15, dapo_granted: 3,
    dvds_applications: 40, dvds_disclosures: 20,
    // Distinct people over the twelve months ending with the quarter: more than in the quarter,
    // fewer than the four quarters' counts added up.
    victims_12m: 1800, repeat_victims_12m: 500, victims_female_12m: 1380, victims_male_12m: 360,
    victims_ethnicity_recorded_12m: 1560, perpetrators_12m: 1500, repeat_perpetrators_12m: 360, notes: '',
  },
  marac: {
    period: '2019-20Q3', area_code: 'E09000004', cases_discussed: 100, repeat_cases: 30, referrals_police: 60, referrals_idva: 15,
    referrals_health: 8, referrals_childrens_services: 7, referrals_housing: 5, referrals_other: 5, children_in_households: 130,
    cases_bame: 12, cases_lgbt: 2, cases_disabled: 10, cases_male: 5, cases_age_16_17: 1, notes: '',
  },
  idva: {
    period: '2019-20Q3', area_code: 'E09000004', referrals_received: 200, referrals_high_risk: 120, clients_engaged: 150, cases_closed: 90,
    closed_abuse_ceased: 60, closed_feel_safer: 70, closed_quality_of_life_improved: 65, clients_male: 10, clients_age_61_plus: 8,
    clients_disabled: 20, clients_lgbt: 4, clients_bame: 25, notes: '',
  },
  csc: {
    period: '2019-20Q3', area_code: 'E09000004', contacts: 3000, contacts_da: 600, referrals: 800, referrals_da: 250, assessments: 700,
    assessments_da: 300, cp_plans_started: 60, cp_plans_started_da: 35, early_help_episodes: 400, early_help_episodes_da: 120, notes: '',
  },
  refuge: {
    // 2019-20 Q3 is Oct–Dec: 92 days, so 20 units give at most 1,840 unit-nights.
    period: '2019-20Q3', area_code: 'E09000004', accommodation_type: 'refuge', units: 20, unit_nights_available: 1840,
    unit_nights_occupied: 1600, referrals_received: 40, households_accommodated: 8, referrals_declined_no_space: 20,
    referrals_declined_unsuitable: 5, adults_accommodated: 8, children_accommodated: 11, departures: 7, departures_planned_move_on: 5,
    nights_stayed_departures: 700, households_from_outside_area: 6, notes: '',
  },
  'perpetrator-programme': {
    period: '2019-20Q3', area_code: 'E09000004', programme: 'community_voluntary', referrals: 30, assessed_suitable: 22, starts: 15,
    completions: 9, waiting_days_total: 630, notes: '',
  },
  dhr: {
    period: '2019-20Q3', area_code: 'E09000004', notifications_received: 2, reviews_commissioned: 1, reviews_commissioned_suicide: 0,
    deaths_reviewed: 1, children_bereaved: 2, reviews_in_progress: 4, reviews_submitted_home_office: 1, reviews_published: 0, notes: '',
  },
  training: {
    // The sectors add up to the 120 professionals trained; each module has at most 120 places.
    period: '2019-20Q3', area_code: 'E09000004', professionals_trained: 120, trained_police: 10, trained_health: 30, trained_social_care: 25,
    trained_education: 20, trained_housing: 10, trained_criminal_justice: 5, trained_voluntary: 15, trained_other: 5,
    module_basic_awareness: 60, module_risk_safety_planning: 30, module_children_families: 20, module_young_people: 10, module_champions: 8,
    module_coercive_control: 25, module_stalking_harassment: 12, module_honour_based_abuse: 6, evaluations_returned: 90,
    evaluations_more_confident: 78, notes: '',
  },
  'community-service': {
    period: '2019-20Q3', area_code: 'E09000004', helpline_contacts: 500, referrals_received: 140, outreach_clients: 60, outreach_cases_closed: 50,
    outreach_closed_feel_safer: 41, counselling_clients: 20, group_programme_starts: 24, group_programme_completions: 16,
    one_stop_shop_visits: 85, champions_trained: 12, notes: '',
  },
  'court-outcomes': {
    period: '2019-20Q3', area_code: 'E09000004', prosecutions_completed: 90, convictions: 68, guilty_pleas: 50, restraining_orders: 30,
    protection_order_applications: 40, protection_orders_made: 32, special_measures_applications: 25, special_measures_granted: 22,
    witnesses_attending: 20, witnesses_supported: 15, notes: '',
  },
  'safe-accommodation': {
    // Yearly: a financial year. The main reasons add up to the 92 households not accommodated;
    // 52 + 92 of the 150 referred leaves 6 still being assessed at the year's end.
    period: '2022-23', area_code: 'E09000004', accommodation_type: 'refuge', units_at_year_end: 18, households_referred: 150,
    households_accommodated: 52, households_not_accommodated: 92, not_accommodated_no_space: 50, not_accommodated_needs_not_met: 14,
    not_accommodated_no_recourse: 7, not_accommodated_declined: 13, not_accommodated_other: 8, children_accommodated: 68,
    households_from_outside_area: 34, support_advocacy: 47, support_prevention_advice: 42, support_specialist: 10, support_children: 29,
    support_housing: 36, support_financial_legal: 23, support_counselling_therapy: 16, notes: '',
  },
  // Accepted only where a partnership covering the area defines the measure (defineExampleMeasure).
  'local-measure': { period: '2019-20Q3', area_code: 'E09000004', measure: 'champions-trained', numerator: 12, denominator: '', notes: '' },
  population: { year: '2019', area_code: 'E09000004', all_ages: 248287, aged_16_plus: 195000, females_16_plus: 101000, aged_0_17: 57000, notes: '' },
  benchmark: { indicator: 'da-incident-rate', area_code: 'E12000007', period: '2019', numerator: '', denominator: '', value: '17.3', source: 'MOPAC' },
};

function quoteIfNeeded(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A CSV of the given rows, with the header taken from the first row's keys. */
export function csvOf(rows: Cells[], eol = '\n'): string {
  const header = Object.keys(rows[0]);
  const lines = [header.join(','), ...rows.map((r) => header.map((h) => quoteIfNeeded(String(r[h] ?? ''))).join(','))];
  return lines.join(eol) + eol;
}

export function validRow(type: string, overrides: Cells = {}): Cells {
  return { ...VALID_ROWS[type], ...overrides };
}
