// The demo's four partnerships and their strategies (DOMAIN.md section 10, issue 11), as the
// strategy documents in /work/shared/seeds set them out: Buckinghamshire's four priorities
// (000, 001), Central Bedfordshire's five aims (002), Oxfordshire's four strategic aims (003)
// and Bexley's five aims (004). Aims are paraphrased in our own words, in each document's
// order. Measures map what each document says it will monitor ("success will mean", the
// delivery plan's activities, the figures it quotes) to catalogue indicators; targets follow the
// direction the document states, with values set where the document names a level (SafeLives'
// MARAC standards, Buckinghamshire's 25% repeat perpetrator rate). Owners are the bodies the
// documents name as leads, never a person. The demo board member and analyst belong to all four.
// Oxfordshire's and Bexley's delivery plans are in delivery-plans.ts.
import type { StrategyInput } from '../../schemas/strategy-api';
import { DEMO_ACCOUNTS } from '../access/demo-accounts';
import type { Db } from '../db/database';
import { createPartnership, createStrategy } from '../strategy/store';
import { DEMO_DELIVERY_PLANS, loadDemoDeliveryPlan } from './delivery-plans';
import { loadDemoLocalMeasures } from './local-measures';
import { strategyDb } from '../strategy/tables';

export interface DemoPartnership {
  name: string;
  areas: string[];
  benchmark: string;
  strategy: StrategyInput;
}

const BUCKINGHAMSHIRE = 'E06000060';
const CENTRAL_BEDFORDSHIRE = 'E06000056';
const OXFORDSHIRE = 'E10000025';
const BEXLEY = 'E09000004';
const THAMES_VALLEY = 'E23000029';
const BEDFORDSHIRE = 'E23000026';
const LONDON = 'E12000007';

/** SafeLives' MARAC standards, as the catalogue quotes them. */
const SAFELIVES_REPEAT = { kind: 'range', low: 28, high: 40, label: 'SafeLives: 28% to 40% repeat cases' } as const;
const SAFELIVES_VOLUME = { kind: 'range', low: 40, high: null, label: 'SafeLives: at least 40 cases a year per 10,000 women' } as const;

export const DEMO_PARTNERSHIPS: DemoPartnership[] = [
  {
    // seeds/000 (draft Domestic Abuse Strategy 2021–2024) and 001 (Safer Buckinghamshire Plan, priority 4).
    name: 'Buckinghamshire Domestic Abuse Board',
    areas: [BUCKINGHAMSHIRE],
    benchmark: THAMES_VALLEY,
    strategy: {
      title: 'Buckinghamshire Domestic Abuse Strategy 2021–2024',
      from: '2021-22',
      to: '2023-24',
      aims: [
        {
          title: 'Intervene early and prevent abuse',
          description: 'Raise awareness, help people to disclose abuse sooner, including groups who rarely come forward, and offer support at the earliest point.',
          measures: [
            // "9% of victims of known age were 61 years or older ... only 4.5% of IDVA service users" (000)
            { indicator: 'idva-older-clients-pct', area: BUCKINGHAMSHIRE, baseline: '2020-21', target: { kind: 'value', value: 9, by: '2023-24', direction: 'increase' }, owner: 'IDVA service (commissioned provider)' },
            // "increase access to DVA services for male victims" (001)
            { indicator: 'idva-male-clients-pct', area: BUCKINGHAMSHIRE, baseline: '2020-21', target: { kind: 'direction', direction: 'increase', by: '2023-24' }, owner: 'Domestic Abuse Board commissioning lead' },
          ],
        },
        {
          title: 'Services that meet the needs of victims and their families',
          description: 'Responsive services for the whole family, longer-term support, and enough safe accommodation of the right kinds.',
          measures: [
            { indicator: 'idva-engagement-pct', area: BUCKINGHAMSHIRE, baseline: '2020-21', target: { kind: 'direction', direction: 'increase', by: '2023-24' }, owner: 'IDVA service (commissioned provider)' },
            // The safe accommodation duty began in 2021-22 (Domestic Abuse Act 2021, Part 4).
            { indicator: 'refuge-declined-no-space-pct', area: BUCKINGHAMSHIRE, baseline: '2021-22', target: { kind: 'direction', direction: 'decrease', by: '2023-24' }, owner: 'Housing service and safe accommodation providers' },
          ],
        },
        {
          title: 'Tackle perpetrators to reduce reoffending',
          description: 'A multi-agency approach to perpetrators, more protection orders and more use of Clare’s Law.',
          measures: [
            // "25% repeat perpetrator rate in Buckinghamshire in 2020/21" (000)
            { indicator: 'repeat-perpetrator-rate', area: BUCKINGHAMSHIRE, baseline: '2020-21', target: { kind: 'value', value: 20, by: '2023-24', direction: 'decrease' }, owner: 'Thames Valley Police' },
            { indicator: 'protection-order-rate', area: BUCKINGHAMSHIRE, baseline: '2020-21', target: { kind: 'direction', direction: 'increase', by: '2023-24' }, owner: 'Thames Valley Police' },
            { indicator: 'dvds-application-rate', area: BUCKINGHAMSHIRE, baseline: '2020-21', target: { kind: 'direction', direction: 'increase', by: '2023-24' }, owner: 'Thames Valley Police' },
          ],
        },
        {
          title: 'Support professionals to make a difference',
          description: 'Work together, train staff, improve systems and coordinate high-risk cases.',
          measures: [
            // "in 70% of cases the victim's ethnicity was not recorded" (000)
            { indicator: 'victim-ethnicity-recorded-pct', area: BUCKINGHAMSHIRE, baseline: '2020-21', target: { kind: 'value', value: 80, by: '2023-24', direction: 'increase' }, owner: 'Thames Valley Police' },
            // "compliance with the Safe Lives national quality assurance framework for MARACs" (000)
            { indicator: 'marac-repeat-rate', area: BUCKINGHAMSHIRE, baseline: '2020-21', target: SAFELIVES_REPEAT, owner: 'MARAC coordinator' },
          ],
        },
      ],
    },
  },
  {
    // seeds/002 (Domestic Abuse Strategy 2016–2020). The dashboard's data begins in 2018-19, so
    // that is the baseline; targets are for the strategy's last year, 2019-20.
    name: 'Central Bedfordshire Domestic Abuse Partnership',
    areas: [CENTRAL_BEDFORDSHIRE],
    benchmark: BEDFORDSHIRE,
    strategy: {
      title: 'Central Bedfordshire Domestic Abuse Strategy 2016–2020',
      from: '2016-17',
      to: '2019-20',
      aims: [
        {
          title: 'Prevention and early help',
          description: 'Communities help to prevent abuse, and agencies step in at the earliest stage before it escalates.',
          measures: [
            // "Increase in reporting"
            { indicator: 'da-incident-rate', area: CENTRAL_BEDFORDSHIRE, baseline: '2018-19', target: { kind: 'direction', direction: 'increase', by: '2019-20' }, owner: 'Bedfordshire Police' },
            // "A reduction in number of children subject to CiN or CP due to domestic abuse"
            { indicator: 'csc-cp-plans-da-pct', area: CENTRAL_BEDFORDSHIRE, baseline: '2018-19', target: { kind: 'direction', direction: 'decrease', by: '2019-20' }, owner: "Children's Services" },
          ],
        },
        {
          title: 'Partnership',
          description: 'Professionals from every agency work to shared goals, share information and understand each other’s role.',
          measures: [
            // "Access hubs (eg safeguarding adults, MARAC, children's services) evidence an increase in appropriate reporting"
            { indicator: 'marac-case-rate', area: CENTRAL_BEDFORDSHIRE, baseline: '2018-19', target: SAFELIVES_VOLUME, owner: 'MARAC coordinator' },
          ],
        },
        {
          title: 'Provision',
          description: 'Services for victims, perpetrators and children give the right outcomes, in good time and for everyone.',
          measures: [
            // "Appropriate referrals are being made to services"
            { indicator: 'idva-engagement-pct', area: CENTRAL_BEDFORDSHIRE, baseline: '2018-19', target: { kind: 'direction', direction: 'increase', by: '2019-20' }, owner: 'IDVA service (commissioned provider)' },
            // "Our services are accessible and appropriate for people with protected characteristics"
            { indicator: 'idva-male-clients-pct', area: CENTRAL_BEDFORDSHIRE, baseline: '2018-19', target: { kind: 'direction', direction: 'increase', by: '2019-20' }, owner: 'Corporate Domestic Abuse Board' },
          ],
        },
        {
          title: 'Protection',
          description: 'Respond to risk, make victims safer and hold perpetrators to account.',
          measures: [
            // "Victims report feeling safer"
            { indicator: 'idva-feel-safer-pct', area: CENTRAL_BEDFORDSHIRE, baseline: '2018-19', target: { kind: 'direction', direction: 'increase', by: '2019-20' }, owner: 'IDVA service (commissioned provider)' },
            // "Reduction in repeat referrals"
            { indicator: 'repeat-victim-rate', area: CENTRAL_BEDFORDSHIRE, baseline: '2018-19', target: { kind: 'value', value: 27, by: '2019-20', direction: 'decrease' }, owner: 'Bedfordshire Police' },
            // "We work closely with criminal justice agencies to secure successful prosecutions"
            { indicator: 'charge-rate', area: CENTRAL_BEDFORDSHIRE, baseline: '2018-19', target: { kind: 'benchmark' }, owner: 'Bedfordshire Police and Crown Prosecution Service' },
          ],
        },
        {
          title: 'Progression',
          description: 'Learn from experience and innovation so that outcomes improve over time and abuse becomes less common.',
          measures: [
            // "Outcomes for victims, children and perpetrators improve over time"
            { indicator: 'idva-abuse-ceased-pct', area: CENTRAL_BEDFORDSHIRE, baseline: '2018-19', target: { kind: 'value', value: 70, by: '2019-20', direction: 'increase' }, owner: 'Corporate Domestic Abuse Board' },
          ],
        },
      ],
    },
  },
  {
    // seeds/003 (Domestic Abuse Strategy 2019–2024): "the previous year's data will be used as a
    // baseline", so 2018-19.
    name: 'Oxfordshire Strategic Board for Domestic Abuse',
    areas: [OXFORDSHIRE],
    benchmark: THAMES_VALLEY,
    strategy: {
      title: 'Oxfordshire Domestic Abuse Strategy 2019–2024',
      from: '2019-20',
      to: '2023-24',
      aims: [
        {
          title: 'Prevention',
          description: 'Stop abuse before it starts by challenging the attitudes behind it, and step in early.',
          measures: [
            { indicator: 'da-incident-rate', area: OXFORDSHIRE, baseline: '2018-19', target: { kind: 'direction', direction: 'increase', by: '2023-24' }, owner: 'Thames Valley Police' },
            // "Support increased early work ... to reduce risk to children of becoming subject to Child Protection measures"
            { indicator: 'csc-cp-plans-da-pct', area: OXFORDSHIRE, baseline: '2018-19', target: { kind: 'direction', direction: 'decrease', by: '2023-24' }, owner: "Children's Social Care" },
          ],
        },
        {
          title: 'Provision',
          description: 'Good, joined-up support for victims and their children wherever they disclose.',
          measures: [
            // "ensure performance indicators are met / exceeded" (co-commissioned services)
            { indicator: 'idva-engagement-pct', area: OXFORDSHIRE, baseline: '2018-19', target: { kind: 'value', value: 75, by: '2023-24', direction: 'increase' }, owner: 'Oxfordshire County Council Contracts Team' },
            { indicator: 'idva-feel-safer-pct', area: OXFORDSHIRE, baseline: '2018-19', target: { kind: 'direction', direction: 'increase', by: '2023-24' }, owner: 'Oxfordshire County Council Contracts Team' },
          ],
        },
        {
          title: 'Pursuing',
          description: 'Reduce harm by holding perpetrators to account and offering them the chance to change.',
          measures: [
            // "Increase the use of Domestic Violence Protection Notices/Orders by police in Oxfordshire"
            { indicator: 'protection-order-rate', area: OXFORDSHIRE, baseline: '2018-19', target: { kind: 'direction', direction: 'increase', by: '2023-24' }, owner: 'Thames Valley Police' },
            // "Multiple incidents of abuse are reduced"
            { indicator: 'repeat-victim-rate', area: OXFORDSHIRE, baseline: '2018-19', target: { kind: 'value', value: 27, by: '2023-24', direction: 'decrease' }, owner: 'Thames Valley Police' },
          ],
        },
        {
          title: 'Partnership',
          description: 'Work together for the best outcome for victims, children and families.',
          measures: [
            // "Quarterly reports on MARAC performance"
            { indicator: 'marac-repeat-rate', area: OXFORDSHIRE, baseline: '2018-19', target: SAFELIVES_REPEAT, owner: 'MARAC Review Group (Thames Valley Police)' },
            // "Improve data capture around protected characteristics"
            { indicator: 'victim-ethnicity-recorded-pct', area: OXFORDSHIRE, baseline: '2018-19', target: { kind: 'value', value: 90, by: '2023-24', direction: 'increase' }, owner: 'Thames Valley Police' },
          ],
        },
      ],
    },
  },
  {
    // seeds/004 (Domestic Abuse Strategy 2021–2026): delivery plan outcomes "by 2024"; its police
    // figures are calendar years (2020 the latest quoted), its other figures financial years.
    name: 'Bexley Domestic Abuse Strategic Partnership Board',
    areas: [BEXLEY],
    benchmark: LONDON,
    strategy: {
      title: 'Bexley Domestic Abuse Strategy 2021–2026',
      from: '2021-22',
      to: '2025-26',
      aims: [
        {
          title: 'Prevention and early help',
          description: 'Help communities prevent abuse, and identify it at the earliest opportunity.',
          measures: [
            // "A reduction in number of children subject to CiN or CP due to domestic abuse"
            { indicator: 'csc-cp-plans-da-pct', area: BEXLEY, baseline: '2020-21', target: { kind: 'direction', direction: 'decrease', by: '2023-24' }, owner: "Children's Social Care (Shield partnership)" },
          ],
        },
        {
          title: 'Partnership',
          description: 'Agencies respond together, as a coordinated community response.',
          measures: [
            // "Access hubs (eg safeguarding adults, MARAC, children's services) evidence an increase in appropriate reporting"
            { indicator: 'marac-case-rate', area: BEXLEY, baseline: '2020-21', target: SAFELIVES_VOLUME, owner: 'MARAC coordinator' },
          ],
        },
        {
          title: 'Provision',
          description: 'Services reach every community and give victims, perpetrators and children the right outcomes in good time.',
          measures: [
            // "Appropriate referrals are being made to services"
            { indicator: 'idva-engagement-pct', area: BEXLEY, baseline: '2020-21', target: { kind: 'benchmark' }, owner: "Solace Women's Aid (commissioned service)" },
          ],
        },
        {
          title: 'Protection',
          description: 'Respond to risk and protect victims and families.',
          measures: [
            // "Victims experience less severe and repeated abuse"
            { indicator: 'repeat-victim-rate', area: BEXLEY, baseline: '2020', target: { kind: 'benchmark' }, owner: 'Metropolitan Police' },
            // "Increasing applications to Courts for non-molestation orders, restraining orders etc"
            { indicator: 'protection-order-rate', area: BEXLEY, baseline: '2020', target: { kind: 'direction', direction: 'increase', by: '2023-24' }, owner: 'Domestic Abuse Operational Group' },
          ],
        },
        {
          title: 'Progression',
          description: 'Learn and innovate so that outcomes improve and abuse becomes less common.',
          measures: [
            // "Service user feedback evidences positive outcomes"
            { indicator: 'idva-feel-safer-pct', area: BEXLEY, baseline: '2020-21', target: { kind: 'value', value: 85, by: '2023-24', direction: 'increase' }, owner: "Solace Women's Aid (commissioned service)" },
            // Quarterly data to include "domestic abuse disclosure scheme"
            { indicator: 'dvds-application-rate', area: BEXLEY, baseline: '2020', target: { kind: 'direction', direction: 'increase', by: '2023-24' }, owner: 'Domestic Abuse Operational Group' },
          ],
        },
      ],
    },
  },
];

/** The demo board member and analyst: members of every demo partnership. */
const MEMBER_ROLES = new Set(['board', 'analyst']);

export async function loadDemoStrategies(db: Db, now: Date): Promise<number> {
  const k = strategyDb(db);
  const emails = DEMO_ACCOUNTS.filter((a) => MEMBER_ROLES.has(a.role)).map((a) => a.email);
  const members = (await k.selectFrom('users').select('id').where('email', 'in', emails).execute()).map((u) => u.id);
  let created = 0;
  for (const p of DEMO_PARTNERSHIPS) {
    if (await k.selectFrom('partnerships').select('id').where('name', '=', p.name).executeTakeFirst()) continue;
    const id = await createPartnership(db, { name: p.name, areas: p.areas, benchmark: p.benchmark, members }, now);
    const strategyId = await createStrategy(db, id, await loadDemoLocalMeasures(db, id, p.areas, p.strategy, now), now);
    const plan = DEMO_DELIVERY_PLANS.get(p.areas[0]);
    if (plan) await loadDemoDeliveryPlan(db, { id: strategyId, from: p.strategy.from }, plan, now);
    created++;
  }
  return created;
}
