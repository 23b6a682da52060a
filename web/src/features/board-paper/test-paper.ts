// A small board paper for the feature's tests, shaped as GET /api/partnerships/:id/board-paper
// answers: two aims, a measure off track with a spine, one on track, one that cannot be assessed
// (no figure, so no spine), a significant change, a late return, a comment, an overdue action.
import type { BoardPaper, PaperMeasure } from './api';

export const PERIOD = 'R12-2026-27Q2';
export const PERIOD_LABEL = '12 months to Sep 2026 (Oct 2025–Sep 2026)';
const BUCKS = 'E06000060';
const THAMES_VALLEY = 'E23000029';

function figure(value: number | null, text: string, status: PaperMeasure['latest']['status'] = 'ok') {
  return { period: PERIOD, periodLabel: PERIOD_LABEL, value, lower95: value === null ? null : value - 1.5, upper95: value === null ? null : value + 1.5, status, note: null, text };
}

export function testMeasure(over: Partial<PaperMeasure> & Pick<PaperMeasure, 'id' | 'status'>): PaperMeasure {
  return {
    indicator: 'repeat-perpetrator-rate',
    indicatorTitle: 'Repeat perpetrators',
    unit: '%',
    decimals: 1,
    polarity: 'lower-better',
    area: BUCKS,
    areaName: 'Buckinghamshire',
    owner: 'Thames Valley Police',
    latest: figure(25.0, '25.0% (23.5% to 26.5%)'),
    baseline: { ...figure(25.0, '25.0% (23.4% to 26.6%)'), period: '2020-21', periodLabel: 'Financial year 2020-21' },
    target: { kind: 'value', value: 20, by: '2023-24', direction: 'decrease' },
    targetText: 'At most 20.0% by 2023-24',
    statusText: 'Off track',
    reason: 'The latest figure is short of the target of 20 (by 2023-24), and has not moved significantly the right way since the baseline.',
    benchmark: { area: THAMES_VALLEY, areaName: 'Thames Valley', value: 24.2, text: '24.2%', assessment: 'similar', assessmentText: 'Similar to Thames Valley' },
    trend: { marker: 'no-significant-change', judgement: 'no-significant-change', periods: [], chiSquared: 0.5, reason: 'χ² not above 9.5495', text: 'No significant change', points: [] },
    spine: {
      england: { value: 23.7, status: 'ok', text: '23.7%' },
      group: { code: THAMES_VALLEY, name: 'Thames Valley' },
      lowest: { area: 'E06000038', areaName: 'Reading', value: 22.0, text: '22.0%' },
      highest: { area: BUCKS, areaName: 'Buckinghamshire', value: 25.0, text: '25.0%' },
      areasCompared: 9,
    },
    notes: [],
    notesWithheld: 0,
    ...over,
  };
}

export const OFF_TRACK = testMeasure({ id: 5, status: 'off-track' });
export const ON_TRACK = testMeasure({
  id: 6,
  status: 'on-track',
  indicator: 'protection-order-rate',
  indicatorTitle: 'Protection orders per 100 domestic abuse crimes',
  unit: 'per 100 crimes',
  decimals: 2,
  polarity: 'higher-better',
  latest: figure(2.7, '2.70 per 100 crimes (2.29 to 3.16)'),
  targetText: 'Increase by 2023-24',
  statusText: 'On track',
  reason: 'A significant increase since the baseline, as the strategy aims.',
  benchmark: null,
  trend: { marker: 'increasing', judgement: 'getting-better', periods: [], chiSquared: 12, reason: 'χ² above 9.5495', text: 'Getting better', points: [] },
});
export const NOT_ASSESSABLE = testMeasure({
  id: 7,
  status: 'not-assessable',
  indicator: 'idva-engagement-pct',
  indicatorTitle: 'IDVA referrals engaging with support',
  latest: figure(null, 'Incomplete: a quarter or area is missing', 'incomplete'),
  targetText: 'Better than Thames Valley',
  statusText: 'Cannot be assessed',
  reason: 'The latest figure is incomplete.',
  benchmark: { area: THAMES_VALLEY, areaName: 'Thames Valley', value: 70.1, text: '70.1%', assessment: 'not-compared', assessmentText: 'Not compared with Thames Valley' },
  trend: { marker: 'cannot-be-calculated', judgement: 'cannot-be-calculated', periods: [], chiSquared: null, reason: 'missing points', text: 'Trend cannot be calculated', points: [] },
});

export function testPaper(over: Partial<BoardPaper> = {}): BoardPaper {
  return {
    title: `Buckinghamshire Domestic Abuse Board: board paper for ${PERIOD_LABEL}`,
    partnership: { id: 1, name: 'Buckinghamshire Domestic Abuse Board', areas: [{ code: BUCKS, name: 'Buckinghamshire' }], benchmark: { code: THAMES_VALLEY, name: 'Thames Valley' } },
    strategy: { id: 1, title: 'Buckinghamshire Domestic Abuse Strategy 2021–2024', from: '2021-22', to: '2023-24' },
    period: { id: PERIOD, label: PERIOD_LABEL, quarters: ['2025-26Q3', '2025-26Q4', '2026-27Q1', '2026-27Q2'], chosen: 'latest-twelve-months' },
    preparedAt: '2026-11-22T12:00:00.000Z',
    disclosure: { view: 'suppressed', threshold: 5 },
    demo: true,
    lastIssued: null,
    summary: {
      sentence: '3 measures: 1 on track, 1 off track and 1 cannot be assessed.',
      measureCounts: { 'on-track': 1, 'at-risk': 0, 'off-track': 1, 'not-assessable': 1 },
      aims: [
        { id: 1, title: 'Tackle perpetrators to reduce reoffending', status: 'off-track', statusText: 'Off track', measures: [OFF_TRACK, ON_TRACK] },
        { id: 2, title: 'Services that meet the needs of victims', status: 'not-assessable', statusText: 'Cannot be assessed', measures: [NOT_ASSESSABLE] },
      ],
    },
    exceptions: {
      offTrack: [
        {
          aim: 1,
          aimTitle: 'Tackle perpetrators to reduce reoffending',
          measure: 5,
          indicator: 'repeat-perpetrator-rate',
          indicatorTitle: 'Repeat perpetrators',
          area: BUCKS,
          areaName: 'Buckinghamshire',
          valueText: '25.0% (23.5% to 26.5%)',
          targetText: 'At most 20.0% by 2023-24',
          reason: OFF_TRACK.reason,
        },
      ],
      significantChanges: [
        {
          indicator: 'protection-order-rate',
          indicatorTitle: 'Protection orders per 100 domestic abuse crimes',
          area: BUCKS,
          areaName: 'Buckinghamshire',
          period: PERIOD,
          earlierPeriod: 'R12-2025-26Q2',
          value: 2.7,
          earlierValue: 2.26,
          valueText: '2.70 per 100 crimes',
          earlierText: '2.26 per 100 crimes',
          significance: 'higher',
          assessment: 'better',
          inStrategy: true,
          sentence: 'Protection orders per 100 domestic abuse crimes, Buckinghamshire: up significantly (better), 2.70 per 100 crimes against 2.26 per 100 crimes a year before.',
        },
      ],
      returns: [
        {
          returnType: 'idva',
          returnName: 'IDVA service',
          area: BUCKS,
          areaName: 'Buckinghamshire',
          quarter: '2026-27Q2',
          quarterLabel: '2026-27 Q2 (Jul–Sep 2026)',
          status: 'overdue',
          dueOn: '2026-10-30',
          sentence: 'The IDVA service return for Buckinghamshire, 2026-27 Q2, is overdue: it was due on 30 October 2026.',
        },
      ],
      revised: [],
    },
    commentary: [
      {
        id: 1,
        partnership: 1,
        subject: { kind: 'measure', indicator: 'repeat-perpetrator-rate', area: BUCKS, measure: 5, aim: null, label: 'Repeat perpetrators, Buckinghamshire', removed: false },
        period: PERIOD,
        periodLabel: PERIOD_LABEL,
        body: 'The programme’s waiting list is the main reason.\nA second group starts next quarter.',
        version: 2,
        author: { id: 2, name: 'Demo analyst' },
        writtenAt: '2026-11-21T12:00:00.000Z',
        createdAt: '2026-11-15T12:00:00.000Z',
        history: [],
        figure: { revised: false, lastRevisedAt: null, quarters: [] },
      },
    ],
    actions: {
      today: '2026-11-22',
      dueBy: '2027-02-22',
      overdue: [
        { id: 15, title: 'Review the MATAC meetings', aim: 1, aimTitle: 'Tackle perpetrators to reduce reoffending', lead: 'Thames Valley Police', due: '2026-06-30', dueText: '30 June 2026', status: 'off-track', statusText: 'Off track' },
      ],
      dueSoon: [],
    },
    dataNotes: [
      { code: 'demo-data', title: 'Demonstration data', text: 'Every figure in this paper is synthetic demonstration data.' },
      { code: 'disclosure', title: 'Small numbers', text: 'Counts from 1 to 4 are shown as <5.' },
    ],
    ...over,
  };
}
