// The demo's delivery plans (DOMAIN.md section 10, issue 11): Oxfordshire's from its strategy's
// Appendix C (the Year 1 plan, 2019-20) and Bexley's from its "Bexley Delivery Plan" (Year 1 of
// the five themes), in our own words, each under the aim and, where one fits, the measure it
// serves. Leads are the bodies the documents name; a lead person is a role, never a name (where
// Bexley's plan names an officer we give the role its strategy describes). Timescales are the
// documents' own, read into due dates as an import would read them.
//
// What happened since is synthetic: statuses and dated progress updates made up so that, in
// December 2026, the plans show actions complete, actions on track and actions overdue (work
// re-timed by the board that slipped again), as a real plan a few years on would.
import { DEMO_ACCOUNTS } from '../access/demo-accounts';
import type { Db } from '../db/database';
import { addActionUpdate, createActions, planLinks } from '../strategy/actions';
import { londonDay, parseTimescale } from '../strategy/actions-timescale';
import { strategyDb } from '../strategy/tables';
import type { StrategyActionsTable } from '../strategy/tables';

export interface DemoAction {
  /** The aim's number in the demo strategy (server/demo/strategies.ts). */
  aim: number;
  /** The indicator of one of that aim's measures. */
  measure?: string;
  title: string;
  leadAgency: string;
  leadPerson?: string;
  timescale: string;
  status: StrategyActionsTable['status'];
  /** Progress updates: day and words. */
  updates?: Array<[string, string]>;
}

const OXFORDSHIRE_LEAD = 'Strategic Lead for Domestic Abuse / VAWG Co-ordinator';
const BEXLEY_COMMISSIONING = 'Domestic Abuse and Sexual Violence Commissioning Manager';

/** seeds/003, Appendix C: Domestic Abuse Strategy 2019–2024, Year 1 (2019-20) Delivery Plan. */
export const OXFORDSHIRE_PLAN: DemoAction[] = [
  // 1. Prevention
  {
    aim: 1,
    title: 'Run the multi-agency domestic abuse training programme: basic awareness, children and families, risk and safety planning, champions, and young people',
    leadAgency: 'Oxfordshire County Council',
    leadPerson: OXFORDSHIRE_LEAD,
    timescale: 'Year 1',
    status: 'complete',
    updates: [
      ['2019-10-16', 'All five modules running since April; numbers trained by agency go to the Strategic Board each quarter.'],
      ['2020-04-21', 'Programme delivered for 2019-20. Police, health and housing staff were the largest groups trained.'],
    ],
  },
  {
    aim: 1,
    title: 'Write new training on coercive control, stalking and harassment, and honour-based abuse, with a plan to deliver it',
    leadAgency: 'Oxfordshire County Council',
    leadPerson: OXFORDSHIRE_LEAD,
    timescale: 'From early 2020',
    status: 'complete',
    updates: [['2020-09-29', 'All three modules written; delivered online from September 2020.']],
  },
  {
    aim: 1,
    title: 'Gather what schools and colleges do on healthy relationships, and support a joined-up approach to the new statutory Relationships and Sex Education',
    leadAgency: 'Oxfordshire County Council',
    leadPerson: OXFORDSHIRE_LEAD,
    timescale: 'Year 1',
    status: 'complete',
    updates: [['2020-03-18', 'Known providers mapped; work by individual schools is not included, as the plan says.']],
  },
  {
    aim: 1,
    title: 'Community needs assessment with Black, Asian, minority ethnic and refugee communities on the barriers to getting help from statutory and voluntary services',
    leadAgency: 'Thames Valley BAMER Project Board',
    timescale: 'Final report March 2020',
    status: 'complete',
    updates: [['2020-05-12', 'Final report received, later than planned; its recommendations went to the Strategic Board in June.']],
  },
  {
    aim: 1,
    title: 'Plan and hold a Thames Valley domestic abuse conference with the other Thames Valley domestic abuse co-ordinators',
    leadAgency: 'Thames Valley Domestic Abuse Co-ordinators Group',
    leadPerson: OXFORDSHIRE_LEAD,
    timescale: 'Year 1',
    status: 'complete',
  },
  // 2. Provision
  {
    aim: 2,
    measure: 'idva-engagement-pct',
    title: 'Manage the co-commissioned domestic abuse services so that the full range of specialist support is delivered and its performance indicators are met',
    leadAgency: 'Oxfordshire County Council Contracts Team',
    leadPerson: 'Contract manager',
    timescale: 'Quarterly',
    status: 'on-track',
    updates: [
      ['2026-05-13', 'Q4 2025-26 monitoring meeting held; all performance indicators met.'],
      ['2026-08-12', 'Q1 2026-27 monitoring meeting held; the provider’s recovery plan for waiting times agreed.'],
    ],
  },
  {
    aim: 2,
    title: 'Peer audit of the domestic abuse pathway for young people, hearing from the children, young people and families in it',
    leadAgency: 'Oxfordshire County Council',
    leadPerson: OXFORDSHIRE_LEAD,
    timescale: 'July / August 2019',
    status: 'complete',
    updates: [['2019-09-10', 'Audit done in July and August; findings reported to the Strategic Board.']],
  },
  {
    aim: 2,
    title: 'Report to the safeguarding board’s quality group on how domestic abuse affects children in Oxfordshire, with plans for the gaps in services',
    leadAgency: 'Oxfordshire County Council',
    leadPerson: OXFORDSHIRE_LEAD,
    timescale: 'September or December 2019',
    status: 'complete',
  },
  {
    aim: 2,
    measure: 'idva-feel-safer-pct',
    title: 'Map recovery programmes and counselling for adult and child survivors, find the gaps and widen access',
    leadAgency: 'Operational Board for Domestic Abuse',
    leadPerson: 'Chair of the recovery task and finish group',
    timescale: 'Year 1; re-set to September 2026',
    status: 'at-risk',
    updates: [
      ['2021-02-23', 'Recovery programmes mapped. Counselling pathways still differ by district.'],
      ['2026-03-17', 'Task and finish group re-formed; the Strategic Board set September 2026 for its report.'],
      ['2026-10-06', 'Report not ready: two counselling providers have not yet sent their waiting-list figures.'],
    ],
  },
  {
    aim: 2,
    title: 'Scope the sanctuary schemes in each district to find good practice and gaps',
    leadAgency: 'Strategic Board for Domestic Abuse',
    leadPerson: 'District council community safety leads',
    timescale: 'Year 1',
    status: 'complete',
    updates: [['2020-11-04', 'All five districts reported; scoping finished later than planned.']],
  },
  // 3. Pursuing
  {
    aim: 3,
    title: 'Make sure victims giving evidence at court have specialist domestic abuse support at the hearing, and that Witness Service staff have bespoke training',
    leadAgency: 'Oxfordshire Criminal Justice Board',
    leadPerson: 'Criminal Justice Board Manager',
    timescale: 'Year 1',
    status: 'complete',
  },
  {
    aim: 3,
    measure: 'repeat-victim-rate',
    title: 'Monitor referrals, starts and completions of the Positive Relationship Programme, and cut the wait to start Building Better Relationships',
    leadAgency: 'Probation Service (the Community Rehabilitation Company until 2021)',
    leadPerson: 'Interventions manager',
    timescale: 'Quarterly reports',
    status: 'on-track',
    updates: [['2026-07-21', 'Quarterly report received: the wait to start the programme is down to six weeks.']],
  },
  {
    aim: 3,
    measure: 'protection-order-rate',
    title: 'Increase the use of domestic violence protection notices and orders, and make sure victims are supported while an order is in force',
    leadAgency: 'Thames Valley Police',
    leadPerson: 'Force domestic abuse lead',
    timescale: 'Ongoing',
    status: 'on-track',
    updates: [['2026-09-09', 'Domestic abuse protection orders under the 2021 Act are now counted alongside notices and orders.']],
  },
  // 4. Partnership
  {
    aim: 4,
    title: 'Develop and deliver a quarterly domestic abuse dashboard from several agencies’ data, reporting on this plan’s activities',
    leadAgency: 'Oxfordshire County Council',
    leadPerson: OXFORDSHIRE_LEAD,
    timescale: 'Quarter 1 2019-20',
    status: 'complete',
    updates: [['2019-07-30', 'First dashboard went to the Strategic Board for Q1 2019-20.']],
  },
  {
    aim: 4,
    title: 'Review how well the Multi-Agency Tasking and Co-ordination (MATAC) meetings work in Oxfordshire',
    leadAgency: 'Thames Valley Police',
    timescale: 'Year 2; review re-set to June 2026',
    status: 'off-track',
    updates: [
      ['2021-05-11', 'Review postponed: too few cases since MATAC started in Cherwell to judge it.'],
      ['2026-02-24', 'The Strategic Board set June 2026 for the review.'],
      ['2026-09-01', 'No review yet: the analyst post that would do it is vacant.'],
    ],
  },
  {
    aim: 4,
    measure: 'marac-repeat-rate',
    title: 'Re-establish the MARAC review group, and report MARAC performance every quarter',
    leadAgency: 'Thames Valley Police',
    leadPerson: 'Chair of the MARAC review group',
    timescale: 'Quarterly',
    status: 'on-track',
    updates: [['2026-10-20', 'Q2 2026-27 MARAC performance report went to the Strategic Board.']],
  },
  {
    aim: 4,
    measure: 'victim-ethnicity-recorded-pct',
    title: 'Improve the recording of protected characteristics, starting with ethnicity, so MARAC and police data are complete',
    leadAgency: 'Thames Valley Police',
    leadPerson: 'Chair of the MARAC review group',
    timescale: 'Q4 2026-27',
    status: 'at-risk',
    updates: [['2026-08-26', 'Recording guidance reissued to officers; the review group checks progress each quarter and doubts March 2027 can be met.']],
  },
  {
    aim: 4,
    title: 'Report each year on domestic homicide reviews to the Strategic Board, and share their findings with Thames Valley partners',
    leadAgency: 'Oxfordshire County Council',
    leadPerson: OXFORDSHIRE_LEAD,
    timescale: 'Annually',
    status: 'on-track',
    updates: [['2026-06-16', 'Annual report for 2025-26 presented; findings shared through the Thames Valley co-ordinators group.']],
  },
  {
    aim: 4,
    title: 'Place specialist domestic abuse workers in core agencies, and ask children’s social care for more early work with parents',
    leadAgency: 'Strategic Board for Domestic Abuse',
    timescale: 'Year 1',
    status: 'complete',
  },
];

/** seeds/004, section 13: the Bexley Delivery Plan, Year 1 of each overarching theme. */
export const BEXLEY_PLAN: DemoAction[] = [
  // Theme A: Prevention and early help
  {
    aim: 1,
    title: 'Keep communications going through the year, with regular campaigns and an annual partnership conference',
    leadAgency: 'Solace Women’s Aid and the council’s communications team',
    leadPerson: BEXLEY_COMMISSIONING,
    timescale: 'By March 2022',
    status: 'complete',
    updates: [['2022-03-24', 'Partnership conference held; campaign calendar for 2022-23 agreed.']],
  },
  {
    aim: 1,
    title: 'Monitor the commissioned domestic abuse service each quarter and keep its contract record up to date',
    leadAgency: 'London Borough of Bexley Community Safety Team',
    leadPerson: BEXLEY_COMMISSIONING,
    timescale: 'Ongoing',
    status: 'on-track',
    updates: [['2026-10-14', 'Q2 2026-27 contract monitoring done; no concerns.']],
  },
  {
    aim: 1,
    title: 'Campaign on coercive control alongside the national campaign, through partners’ own channels',
    leadAgency: 'Domestic Abuse Operational Group',
    timescale: 'November 2021',
    status: 'complete',
  },
  {
    aim: 1,
    title: 'Every agency has domestic abuse champions trained in the DASH risk checklist',
    leadAgency: 'Domestic Abuse Operational Group',
    timescale: 'Ongoing',
    status: 'at-risk',
    updates: [['2026-09-16', 'Three agencies have had no trained champion since staff moved on; training dates offered.']],
  },
  {
    aim: 1,
    title: 'Train health practitioners to ask routinely about domestic abuse',
    leadAgency: 'Domestic Abuse Operational Group',
    leadPerson: 'Chair of the Domestic Abuse Health Sub Group',
    timescale: 'February, March, April 2021 On going programme',
    status: 'complete',
    updates: [['2021-05-10', 'First round done; routine enquiry training is now part of the rolling programme.']],
  },
  // Theme B: Partnership
  {
    aim: 2,
    title: 'Put a domestic abuse training programme in place and share it across the partnership',
    leadAgency: 'Domestic Abuse Operational Group',
    leadPerson: 'Domestic abuse trainer',
    timescale: 'March 2021',
    status: 'complete',
  },
  {
    aim: 2,
    title: 'Develop specialist training on so-called honour-based abuse, forced marriage and female genital mutilation with pan-London partners',
    leadAgency: 'Domestic Abuse Operational Group, IKWRO and FORWARD',
    timescale: 'February 2021 and on going',
    status: 'complete',
  },
  {
    aim: 2,
    measure: 'marac-case-rate',
    title: 'Make sure partners know the pathways into the specialist service and to MARAC',
    leadAgency: 'Domestic Abuse Operational Group',
    timescale: 'On going',
    status: 'on-track',
    updates: [['2026-07-15', 'Pathway guide refreshed and sent to all partners.']],
  },
  {
    aim: 2,
    title: 'Support the council’s housing service and housing providers to gain Domestic Abuse Housing Alliance accreditation',
    leadAgency: 'Domestic Abuse Strategic Partnership Board',
    leadPerson: 'Housing lead on the Board',
    timescale: 'September 2021; re-set to September 2026',
    status: 'at-risk',
    updates: [
      ['2022-01-19', 'The council’s housing service has started the accreditation process.'],
      ['2026-04-22', 'The Board set September 2026 for accreditation of the housing service.'],
      ['2026-10-12', 'Assessment moved to early 2027; two housing providers have not yet started.'],
    ],
  },
  // Theme C: Provision
  {
    aim: 3,
    title: 'Audit domestic abuse cases to find good practice and what to improve',
    leadAgency: 'Domestic Abuse Operational Group, MARAC and Shield',
    leadPerson: BEXLEY_COMMISSIONING,
    timescale: 'April 2021',
    status: 'complete',
  },
  {
    aim: 3,
    measure: 'idva-engagement-pct',
    title: 'Use quarterly contract management to spot unsuitable referrals and give feedback to whoever made them',
    leadAgency: 'Domestic Abuse Operational Group and Solace Women’s Aid',
    timescale: 'March 2021',
    status: 'complete',
  },
  {
    aim: 3,
    title: 'Find a perpetrator programme for Bexley, with support for victims, and external funding for it',
    leadAgency: 'London Borough of Bexley Community Safety Team and Solace Women’s Aid',
    leadPerson: BEXLEY_COMMISSIONING,
    timescale: 'April 2021; funding bid by March 2027',
    status: 'on-track',
    updates: [
      ['2021-06-09', 'No programme could be funded in 2021-22; options paper to the Board.'],
      ['2026-08-19', 'Bid for a programme from 2027-28 being written with Solace, to be sent by March 2027.'],
    ],
  },
  // Theme D: Protection
  {
    aim: 4,
    measure: 'repeat-victim-rate',
    title: 'With the Metropolitan Police, increase referrals of medium-risk victims to the specialist service',
    leadAgency: 'Metropolitan Police Service and Solace Women’s Aid',
    leadPerson: BEXLEY_COMMISSIONING,
    timescale: 'April 2021; re-set to June 2026',
    status: 'off-track',
    updates: [
      ['2026-01-21', 'The Board set June 2026 for a new police referral form to be in use.'],
      ['2026-07-08', 'Referrals from the police are still below the level agreed; the new referral form is not yet live.'],
    ],
  },
  {
    aim: 4,
    title: 'Offer survivors security measures so that they feel safe at home',
    leadAgency: 'Domestic Abuse Operational Group and Solace Women’s Aid',
    timescale: 'May 2021',
    status: 'complete',
  },
  {
    aim: 4,
    measure: 'protection-order-rate',
    title: 'Record and monitor how often the courts are used for protection orders',
    leadAgency: 'Domestic Abuse Operational Group',
    timescale: 'May 2021',
    status: 'complete',
    updates: [['2021-06-02', 'Protection orders are now part of the quarterly data.']],
  },
  // Theme E: Progression
  {
    aim: 5,
    measure: 'dvds-application-rate',
    title: 'Partners send quarterly data to the Operational Group: protection orders, the disclosure scheme, health, MARAC and the specialist service',
    leadAgency: 'Domestic Abuse Operational Group',
    timescale: 'May 2021',
    status: 'complete',
    updates: [['2021-06-02', 'First quarterly data pack went to the Operational Group.']],
  },
  {
    aim: 5,
    title: 'Look for external funding to add to the core service',
    leadAgency: 'London Borough of Bexley Community Safety Team and Solace Women’s Aid',
    leadPerson: BEXLEY_COMMISSIONING,
    timescale: 'On going',
    status: 'on-track',
    updates: [['2026-05-20', 'Two funding bids sent this year; one successful, for children’s recovery groups.']],
  },
];

/** The demo plans by the partnership's first area. */
export const DEMO_DELIVERY_PLANS: ReadonlyMap<string, DemoAction[]> = new Map([
  ['E10000025', OXFORDSHIRE_PLAN],
  ['E09000004', BEXLEY_PLAN],
]);

/**
 * Adds a demo plan to a strategy version, its updates written by the demo analyst on their own
 * days (none after `now`).
 */
export async function loadDemoDeliveryPlan(db: Db, strategy: { id: number; from: string }, plan: DemoAction[], now: Date): Promise<number> {
  const links = await planLinks(db, strategy.id);
  const values = plan.map((a) => {
    const aim = links.aims.find((x) => x.number === a.aim);
    if (!aim) throw new Error(`The demo strategy has no aim ${a.aim} for "${a.title}".`);
    const measure = a.measure === undefined ? undefined : links.measures.find((m) => m.aimId === aim.id && m.indicator === a.measure);
    if (a.measure !== undefined && !measure) throw new Error(`Aim ${a.aim} of the demo strategy has no measure ${a.measure}.`);
    return { title: a.title, aimId: aim.id, measureId: measure?.id ?? null, leadAgency: a.leadAgency, leadPerson: a.leadPerson ?? null, timescale: a.timescale, due: parseTimescale(a.timescale, strategy.from), status: a.status };
  });
  const ids = await createActions(db, strategy.id, values, now);
  const analystEmail = DEMO_ACCOUNTS.find((a) => a.role === 'analyst')!.email;
  const analyst = await strategyDb(db).selectFrom('users').select(['id', 'name']).where('email', '=', analystEmail).executeTakeFirst();
  const today = londonDay(now);
  for (const [i, action] of plan.entries()) {
    for (const [on, text] of action.updates ?? []) {
      if (on > today) continue;
      await addActionUpdate(db, ids[i], { on, text, authorId: analyst?.id ?? null, authorName: analyst?.name ?? 'Demo data' }, new Date(`${on}T12:00:00Z`));
    }
  }
  return ids.length;
}
