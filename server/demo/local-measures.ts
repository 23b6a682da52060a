// The demo's local measures (issue 13, DOMAIN.md 5.9): one of Central Bedfordshire's own (its
// strategy counts DA champions, seeds/002) and one of Bexley's (campaign reach: residents who
// recall the awareness campaign, of those surveyed), each defined as an administrator would,
// sent quarter by quarter by a demo council team through the same checks as a partner's file,
// and used as a measure of the partnership's strategy. Synthetic figures, the same for a quarter
// whenever they are generated.
import { localIndicatorId, type LocalMeasureInput } from '../../schemas/local-measures-api';
import { latestCompleteQuarter, parseQuarterId, quarterOrdinal, quarterRange } from '../../schemas/periods';
import { LOCAL_MEASURE_DEFINITION } from '../../schemas/returns';
import type { StrategyInput } from '../../schemas/strategy-api';
import type { Actor } from '../access/actor';
import { createOrganisation, listOrganisations, replaceGrants } from '../access/accounts';
import type { Db } from '../db/database';
import { createLocalMeasure } from '../local-measures/store';
import { ingestReturn } from '../returns/ingest';
import { arrivalOf } from './senders';

const FIRST_QUARTER = '2018-19Q1';

interface DemoLocalMeasure {
  area: string;
  sender: string;
  measure: Omit<LocalMeasureInput, 'organisations'>;
  /** The quarter's numerator and denominator (null: a count). */
  figures: (n: number) => [number, number | null];
  /** The strategy aim (by its position) the measure is added to, and how it is judged there. */
  strategy: { aim: number; baseline: string; target: StrategyInput['aims'][number]['measures'][number]['target']; owner: string };
}

/** A repeatable wobble in [0, 1) for the n-th quarter. */
function wobble(n: number, salt: number): number {
  const x = Math.sin(n * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

const DEMO_LOCAL_MEASURES: DemoLocalMeasure[] = [
  {
    area: 'E06000056',
    sender: 'Central Bedfordshire Council community safety team (demo)',
    measure: {
      id: 'da-champions-trained',
      title: 'DA champions trained',
      definition: 'Staff in partner organisations who completed domestic abuse champion training in the period.',
      unit: 'champions',
      aim: 'prevention-and-workforce',
      numerator: 'Staff who completed domestic abuse champion training',
      denominator: null,
      multiplier: 1,
      polarity: 'higher-better',
      interval: 'byar',
    },
    // About 40 a year, growing as the network does.
    figures: (n) => [Math.round(6 + n * 0.25 + wobble(n, 1) * 8), null],
    strategy: { aim: 0, baseline: '2018-19', target: { kind: 'direction', direction: 'increase', by: '2019-20' }, owner: 'Central Bedfordshire Council community safety team' },
  },
  {
    area: 'E09000004',
    sender: 'Bexley Council communications team (demo)',
    measure: {
      id: 'campaign-reach',
      title: 'Campaign reach',
      definition: 'Residents surveyed after the domestic abuse awareness campaign who recall it, as a share of residents surveyed.',
      unit: '%',
      aim: 'prevention-and-workforce',
      numerator: 'Residents who recall the campaign',
      denominator: 'Residents surveyed',
      multiplier: 100,
      polarity: 'higher-better',
      interval: 'wilson',
    },
    figures: (n) => {
      const surveyed = 380 + Math.round(wobble(n, 2) * 60);
      return [Math.round(surveyed * (0.28 + n * 0.004 + wobble(n, 3) * 0.04)), surveyed];
    },
    strategy: { aim: 0, baseline: '2021-22', target: { kind: 'direction', direction: 'increase', by: '2025-26' }, owner: 'Bexley Council communications team' },
  },
];

/** The demo sender for a measure: a council team granted the local-measure return for its area. */
async function senderFor(db: Db, demo: DemoLocalMeasure, now: Date): Promise<Actor> {
  const organisation = (await listOrganisations(db)).find((o) => o.name === demo.sender) ?? (await createOrganisation(db, demo.sender, 'council', now));
  const grants = [{ returnType: LOCAL_MEASURE_DEFINITION.type, areaCode: demo.area }];
  await replaceGrants(db, organisation.id, grants);
  return { kind: 'system', id: 'system', name: `${demo.sender}, demo data`, role: 'partner', userId: null, organisationId: organisation.id, grants };
}

/** Days after a quarter ends that its figures arrive: inside the cycle's deadline, like the other demo senders'. */
const DAYS_AFTER_QUARTER_END = 20;

/** One quarter's file, as the sender sends it. */
function demoFile(demo: DemoLocalMeasure, quarter: string): string {
  const [numerator, denominator] = demo.figures(quarterOrdinal(parseQuarterId(quarter)!) - quarterOrdinal(parseQuarterId(FIRST_QUARTER)!));
  const line = `${quarter},${demo.area},${demo.measure.id},${numerator},${denominator ?? ''},`;
  return `${LOCAL_MEASURE_DEFINITION.columns.map((c) => c.name).join(',')}\n${line}\n`;
}

/**
 * Defines the partnership's demo measure (if it has one), loads its figures as its sender would
 * send them, and returns the strategy with the measure added to its aim.
 */
export async function loadDemoLocalMeasures(db: Db, partnershipId: number, areas: readonly string[], strategy: StrategyInput, now: Date): Promise<StrategyInput> {
  const demo = DEMO_LOCAL_MEASURES.find((d) => areas.includes(d.area));
  if (!demo) return strategy;
  const actor = await senderFor(db, demo, now);
  await createLocalMeasure(db, partnershipId, { ...demo.measure, organisations: [actor.organisationId!] }, now);
  // Quarter by quarter, each some days after it ended, so the cycle sees returns sent on time.
  for (const quarter of quarterRange(FIRST_QUARTER, latestCompleteQuarter(now))) {
    const outcome = await ingestReturn(db, {
      definition: LOCAL_MEASURE_DEFINITION,
      bytes: Buffer.from(demoFile(demo, quarter), 'utf8'),
      fileName: `demo-local-measure-${demo.measure.id}-${quarter}.csv`,
      actor,
      now: arrivalOf(quarter, DAYS_AFTER_QUARTER_END, now),
      dryRun: false,
      permits: () => true,
    });
    if (outcome.kind !== 'stored') throw new Error(`The demo local measure ${demo.measure.id} was not accepted for ${quarter}: ${JSON.stringify(outcome).slice(0, 500)}`);
  }
  const measure = { indicator: localIndicatorId(partnershipId, demo.measure.id), area: demo.area, baseline: demo.strategy.baseline, target: demo.strategy.target, owner: demo.strategy.owner };
  return { ...strategy, aims: strategy.aims.map((aim, i) => (i === demo.strategy.aim ? { ...aim, measures: [...aim.measures, measure] } : aim)) };
}
