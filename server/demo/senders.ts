// Who sends the demo returns, and when (DOMAIN.md 5.8, 10). Each partner return is stored as sent
// by a demo organisation granted exactly the areas it sends, so a demo partner sees its own
// figures as received and the cycle's statuses agree with the dashboard:
//
// - police: split by force, as forces report: Thames Valley Police (the nine Thames Valley
//   authorities, the demo police user's organisation), Bedfordshire Police (Central
//   Bedfordshire, Bedford, Luton) and the Metropolitan Police (Bexley);
// - MARAC, IDVA, children's social care, refuge and the returns of DOMAIN.md 5.9 (perpetrator
//   programmes, domestic homicide reviews, training, community services): one demo organisation
//   each, sending for every demo area;
// - court outcomes: each local criminal justice board, for the areas of its police force;
// - the safe accommodation duty's yearly return: each tier-one authority for its own area (the
//   county or unitary council; in London the Greater London Authority is the tier-one authority,
//   and reports for each borough), in early July, before the default deadline of 31 July.
//
// Each quarter arrives as its own submission some days after the quarter ends, before the
// default deadline, so history reads "Received", not "Received late". Two exceptions show the
// cycle at work: the latest complete quarter's IDVA return for Bexley has not been sent (due,
// then overdue), and the quarter before's refuge return for Bexley came in late.
import { findArea } from '../../schemas/areas';
import { latestCompleteQuarter, shiftQuarter } from '../../schemas/periods';
import type { Grant } from '../access/actor';
import { quarterLastDay } from '../cycle/calendar';

const THAMES_VALLEY = ['E06000060', 'E10000025', 'E06000036', 'E06000037', 'E06000038', 'E06000039', 'E06000040', 'E06000041', 'E06000042'];
const BEDFORDSHIRE = ['E06000056', 'E06000055', 'E06000032'];
const BEXLEY = 'E09000004';
const ALL_DEMO_AREAS = [...THAMES_VALLEY, ...BEDFORDSHIRE, BEXLEY];

export interface DemoSender {
  /** The organisation's name; the Thames Valley one is the demo police user's (server/access/demo-accounts.ts). */
  name: string;
  /** One of the organisation kinds the database allows (police, marac, idva, csc, refuge, council, other). */
  kind: string;
  returnType: string;
  areas: readonly string[];
  /** Days after the period's last day (a quarter's, or a yearly return's financial year's) at which its return arrives. */
  daysAfterQuarterEnd: number;
}

/** Days after the financial year's end at which a council's yearly return arrives: early July. */
const YEARLY_RETURN_DAYS = 95;

/** The tier-one authorities for the safe accommodation duty: each council for itself, the GLA for London's boroughs. */
const TIER_ONE_SENDERS: DemoSender[] = [
  ...[...THAMES_VALLEY, ...BEDFORDSHIRE].map((code) => ({
    // E10 codes are counties: "Oxfordshire County Council"; the rest are unitary councils.
    name: `${findArea(code)?.name ?? code}${code.startsWith('E10') ? ' County' : ''} Council (demo)`,
    kind: 'council',
    returnType: 'safe-accommodation',
    areas: [code],
    daysAfterQuarterEnd: YEARLY_RETURN_DAYS,
  })),
  { name: 'Greater London Authority (demo)', kind: 'council', returnType: 'safe-accommodation', areas: [BEXLEY], daysAfterQuarterEnd: YEARLY_RETURN_DAYS },
];

export const DEMO_SENDERS: readonly DemoSender[] = [
  { name: 'Thames Valley Police (demo)', kind: 'police', returnType: 'police', areas: THAMES_VALLEY, daysAfterQuarterEnd: 12 },
  { name: 'Bedfordshire Police (demo)', kind: 'police', returnType: 'police', areas: BEDFORDSHIRE, daysAfterQuarterEnd: 14 },
  { name: 'Metropolitan Police (demo)', kind: 'police', returnType: 'police', areas: [BEXLEY], daysAfterQuarterEnd: 15 },
  { name: 'MARAC coordinators (demo)', kind: 'marac', returnType: 'marac', areas: ALL_DEMO_AREAS, daysAfterQuarterEnd: 18 },
  { name: 'IDVA services (demo)', kind: 'idva', returnType: 'idva', areas: ALL_DEMO_AREAS, daysAfterQuarterEnd: 21 },
  { name: "Children's social care (demo)", kind: 'csc', returnType: 'csc', areas: ALL_DEMO_AREAS, daysAfterQuarterEnd: 24 },
  { name: 'Refuge providers (demo)', kind: 'refuge', returnType: 'refuge', areas: ALL_DEMO_AREAS, daysAfterQuarterEnd: 26 },
  { name: 'Perpetrator programme providers (demo)', kind: 'other', returnType: 'perpetrator-programme', areas: ALL_DEMO_AREAS, daysAfterQuarterEnd: 20 },
  { name: 'Community safety partnerships (demo)', kind: 'council', returnType: 'dhr', areas: ALL_DEMO_AREAS, daysAfterQuarterEnd: 28 },
  { name: 'Partnership training leads (demo)', kind: 'council', returnType: 'training', areas: ALL_DEMO_AREAS, daysAfterQuarterEnd: 22 },
  { name: 'Specialist domestic abuse services (demo)', kind: 'other', returnType: 'community-service', areas: ALL_DEMO_AREAS, daysAfterQuarterEnd: 19 },
  { name: 'Thames Valley Criminal Justice Board (demo)', kind: 'other', returnType: 'court-outcomes', areas: THAMES_VALLEY, daysAfterQuarterEnd: 27 },
  { name: 'Bedfordshire Criminal Justice Board (demo)', kind: 'other', returnType: 'court-outcomes', areas: BEDFORDSHIRE, daysAfterQuarterEnd: 27 },
  { name: 'London Criminal Justice Board (demo)', kind: 'other', returnType: 'court-outcomes', areas: [BEXLEY], daysAfterQuarterEnd: 27 },
  ...TIER_ONE_SENDERS,
];

export function grantsOfSender(sender: DemoSender): Grant[] {
  return sender.areas.map((areaCode) => ({ returnType: sender.returnType, areaCode }));
}

/** A return the demo sends at another time than its sender's usual day, or not at all. */
export interface DemoException {
  returnType: string;
  area: string;
  quarter: string;
  /** null: not sent. */
  daysAfterQuarterEnd: number | null;
}

export function demoExceptions(now: Date): DemoException[] {
  const latest = latestCompleteQuarter(now);
  return [
    { returnType: 'idva', area: BEXLEY, quarter: latest, daysAfterQuarterEnd: null },
    { returnType: 'refuge', area: BEXLEY, quarter: shiftQuarter(latest, -1), daysAfterQuarterEnd: 45 },
  ];
}

/** When a return sent `days` after the quarter's end arrives: 09:00 UTC that day, never after now. */
export function arrivalOf(quarter: string, days: number, now: Date): Date {
  const at = new Date(`${quarterLastDay(quarter)}T09:00:00.000Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at > now ? now : at;
}
