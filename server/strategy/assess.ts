// A strategy version read against the data: each measure's baseline and latest figure from the
// indicator engine (in the reader's disclosure view, so a board member's statuses come from
// what a board member may see), its status by the rules in status.ts, and each aim's status.
import { parsePeriodId, parseQuarterId, quarterOrdinal } from '../../schemas/periods';
import type { Partnership, StrategyView } from '../../schemas/strategy-api';
import type { EngineSession } from '../engine/engine';
import type { PublishedValue } from '../engine/disclosure';
import { aimStatus, assessMeasure, type Estimate } from './status';
import type { StoredAction, StoredAim, StoredMeasure, StoredStrategy } from './store';

/** The quarter ordinal of a period's last quarter. */
export function periodEnd(periodId: string): number {
  const period = parsePeriodId(periodId)!;
  return quarterOrdinal(parseQuarterId(period.quarters[period.quarters.length - 1])!);
}

function yearSpan(strategy: StoredStrategy): { first: number; last: number } {
  const from = parsePeriodId(strategy.from)!;
  return { first: quarterOrdinal(parseQuarterId(from.quarters[0])!), last: periodEnd(strategy.to) };
}

/**
 * The version in force at the end of a period: the one whose years cover its last quarter, else
 * the latest one that began before it (a strategy is still read after its end until the next
 * one starts); null when every version starts later.
 */
export function strategyInForce(strategies: readonly StoredStrategy[], periodId: string): StoredStrategy | null {
  const end = periodEnd(periodId);
  const covering = strategies.filter((s) => yearSpan(s).first <= end && end <= yearSpan(s).last);
  if (covering.length > 0) return covering.sort((a, b) => yearSpan(b).first - yearSpan(a).first)[0];
  const begun = strategies.filter((s) => yearSpan(s).first <= end).sort((a, b) => yearSpan(b).first - yearSpan(a).first);
  return begun[0] ?? null;
}

function estimate(value: PublishedValue): Estimate {
  return { status: value.status, value: value.value, lower: value.lower95, upper: value.upper95, at: periodEnd(value.period) };
}

function shown(session: EngineSession, value: PublishedValue) {
  return {
    period: value.period,
    periodLabel: session.period(value.period).label,
    numerator: value.numerator,
    denominator: value.denominator,
    value: value.value,
    lower95: value.lower95,
    upper95: value.upper95,
    status: value.status,
    note: value.note,
  };
}

function emptyValue(period: string) {
  return { period, periodLabel: parsePeriodId(period)?.label ?? period, numerator: null, denominator: null, value: null, lower95: null, upper95: null, status: 'no-data' as const, note: null };
}

export function assessStoredMeasure(session: EngineSession, partnership: Pick<Partnership, 'id' | 'benchmark'>, measure: StoredMeasure, periodId: string): StrategyView['aims'][number]['measures'][number] {
  const areaName = session.register.find(measure.area)?.name ?? measure.area;
  // The catalogue's indicators and the partnership's own measures (never another partnership's).
  const indicator = session.catalogue.findFor(partnership.id, measure.indicator);
  if (!indicator) {
    return {
      id: measure.id,
      indicator: measure.indicator,
      indicatorTitle: measure.indicator,
      unit: '',
      area: measure.area,
      areaName,
      owner: measure.owner,
      baseline: emptyValue(measure.baseline),
      target: measure.target,
      latest: { ...emptyValue(periodId), benchmark: null },
      path: null,
      status: 'not-assessable',
      reason: `The indicator "${measure.indicator}" is no longer in the catalogue.`,
    };
  }
  const benchmarkArea = (measure.target.kind === 'benchmark' ? measure.target.benchmark : null) ?? partnership.benchmark;
  const comparable = benchmarkArea !== measure.area && session.register.find(benchmarkArea) !== undefined;
  const baseline = session.value(indicator, measure.area, measure.baseline);
  const latest = session.valueWithBenchmark(indicator, measure.area, periodId, { benchmark: comparable ? benchmarkArea : null, level: '95' });
  const benchmark = latest.benchmark;
  const assessment = assessMeasure({
    target: measure.target,
    baseline: estimate(baseline),
    latest: estimate(latest),
    targetAt: measure.target.kind === 'value' ? periodEnd(measure.target.by) : null,
    benchmarkValue: benchmark && benchmark.status === 'ok' ? benchmark.value : null,
    polarity: indicator.polarity,
  });
  return {
    id: measure.id,
    indicator: indicator.id,
    indicatorTitle: indicator.title,
    unit: indicator.unit,
    area: measure.area,
    areaName,
    owner: measure.owner,
    baseline: shown(session, baseline),
    target: measure.target,
    latest: {
      ...shown(session, latest),
      benchmark: benchmark ? { area: benchmark.area, areaName: session.register.find(benchmark.area)?.name ?? benchmark.area, value: benchmark.status === 'ok' ? benchmark.value : null, assessment: benchmark.assessment } : null,
    },
    path: assessment.path,
    status: assessment.status,
    reason: assessment.reason,
  };
}

function actionView(action: StoredAction) {
  const lead = [action.leadAgency, action.leadPerson].filter((s): s is string => !!s).join(' — ');
  return {
    id: action.id,
    title: action.title,
    aim: action.aim,
    lead: lead === '' ? null : lead,
    due: action.due,
    status: action.status,
    measure: action.measure,
    leadAgency: action.leadAgency,
    leadPerson: action.leadPerson,
    timescale: action.timescale,
    overdue: action.overdue,
    latestUpdate: action.latestUpdate,
  };
}

export function strategyView(
  session: EngineSession,
  partnership: Partnership,
  strategy: StoredStrategy,
  content: { aims: StoredAim[]; actions: StoredAction[] },
  period: { id: string; chosen: 'requested' | 'latest-twelve-months' },
): StrategyView {
  return {
    partnership: { id: partnership.id, name: partnership.name, benchmark: partnership.benchmark },
    strategy: { id: strategy.id, title: strategy.title, from: strategy.from, to: strategy.to },
    period: { id: period.id, label: session.period(period.id).label, chosen: period.chosen },
    aims: content.aims.map((aim) => {
      const measures = aim.measures.map((m) => assessStoredMeasure(session, partnership, m, period.id));
      return { id: aim.id, title: aim.title, description: aim.description, status: aimStatus(measures.map((m) => m.status)), measures };
    }),
    actions: content.actions.map(actionView),
  };
}
