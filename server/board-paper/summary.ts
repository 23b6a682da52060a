// The paper's first section: the strategy's aims and measures for the period, each measure with
// its value, target, status, benchmark comparison, trend over five points a year apart, a
// Fingertips-style spine and the partners' notes behind it. Statuses are the strategy view's
// (server/strategy/assess.ts), so the paper and the strategy page never disagree.
import type { PaperMeasure } from '../../schemas/board-paper-api';
import { MEASURE_STATUSES, type MeasureStatus, type Partnership } from '../../schemas/strategy-api';
import type { Db } from '../db/database';
import type { EngineSession } from '../engine/engine';
import { sparklinePoints } from '../engine/views';
import { notesBehind } from '../commentary/notes';
import { aimStatus } from '../strategy/status';
import { assessStoredMeasure } from '../strategy/assess';
import type { StoredAim } from '../strategy/store';
import { spineOf } from './spine';
import { figureText, intervalText, listInWords, MEASURE_STATUS_WORDS, assessmentText, targetText, trendText, plural, type UnitFormat } from './words';

const ENGLAND = 'E92000001';

export interface PaperSummary {
  sentence: string;
  measureCounts: Record<MeasureStatus, number>;
  aims: Array<{ id: number; title: string; status: MeasureStatus; statusText: string; measures: PaperMeasure[] }>;
}

function figure(value: { period: string; periodLabel: string; value: number | null; lower95: number | null; upper95: number | null; status: PaperMeasure['latest']['status']; note: string | null }, f: UnitFormat) {
  const interval = value.status === 'ok' ? intervalText(value.lower95, value.upper95, f) : '';
  const text = figureText(value, f);
  return { period: value.period, periodLabel: value.periodLabel, value: value.value, lower95: value.lower95, upper95: value.upper95, status: value.status, note: value.note, text: interval ? `${text} (${interval})` : text };
}

/** "12 measures: 5 on track, 3 at risk, 2 off track and 2 that cannot be assessed." */
export function summarySentence(counts: Record<MeasureStatus, number>): string {
  const total = MEASURE_STATUSES.reduce((n, s) => n + counts[s], 0);
  if (total === 0) return 'The strategy has no measures yet.';
  const parts = MEASURE_STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s === 'not-assessable' ? 'that cannot be assessed' : MEASURE_STATUS_WORDS[s].toLowerCase()}`);
  return `${plural(total, 'measure')}: ${listInWords(parts)}.`;
}

export async function paperSummary(db: Db, session: EngineSession, partnership: Partnership, aims: readonly StoredAim[], periodId: string): Promise<PaperSummary> {
  const counts: Record<MeasureStatus, number> = { 'on-track': 0, 'at-risk': 0, 'off-track': 0, 'not-assessable': 0 };
  const name = (code: string) => session.register.find(code)?.name ?? code;
  const paperAims: PaperSummary['aims'] = [];
  for (const aim of aims) {
    const measures: PaperMeasure[] = [];
    for (const stored of aim.measures) {
      const m = assessStoredMeasure(session, partnership, stored, periodId);
      counts[m.status]++;
      const indicator = session.catalogue.findFor(partnership.id, m.indicator);
      const f: UnitFormat = { unit: m.unit, decimals: indicator?.decimals ?? 1 };
      const benchmarkArea = m.latest.benchmark?.area ?? partnership.benchmark;
      const trend = indicator ? session.trend(indicator, m.area, periodId) : null;
      const notes = indicator ? await notesBehind(db, session, indicator, m.area, session.period(periodId)) : { notes: [], withheld: 0 };
      measures.push({
        id: m.id,
        indicator: m.indicator,
        indicatorTitle: m.indicatorTitle,
        unit: m.unit,
        decimals: f.decimals,
        polarity: indicator?.polarity ?? 'no-judgement',
        area: m.area,
        areaName: m.areaName,
        owner: m.owner,
        latest: figure(m.latest, f),
        baseline: figure(m.baseline, f),
        target: m.target,
        targetText: targetText(m.target, f, name(benchmarkArea)),
        status: m.status,
        statusText: MEASURE_STATUS_WORDS[m.status],
        reason: m.reason,
        benchmark: m.latest.benchmark
          ? {
              area: m.latest.benchmark.area,
              areaName: m.latest.benchmark.areaName,
              value: m.latest.benchmark.value,
              text: m.latest.benchmark.value === null ? 'No published figure' : figureText({ status: 'ok', value: m.latest.benchmark.value }, f),
              assessment: m.latest.benchmark.assessment,
              assessmentText: assessmentText(m.latest.benchmark.assessment, m.latest.benchmark.areaName),
            }
          : null,
        trend: trend
          ? { ...trend, text: trendText(trend.judgement), points: sparklinePoints(session, indicator!, m.area, periodId) }
          : { marker: 'cannot-be-calculated', judgement: 'cannot-be-calculated', periods: [], chiSquared: null, reason: 'the indicator is no longer in the catalogue', text: trendText('cannot-be-calculated'), points: [] },
        spine: indicator ? spineOf(session, indicator, m.area, periodId, benchmarkArea, ENGLAND, f) : { england: null, group: null, lowest: null, highest: null, areasCompared: 0 },
        notes: notes.notes,
        notesWithheld: notes.withheld,
      });
    }
    const status = aimStatus(measures.map((m) => m.status));
    paperAims.push({ id: aim.id, title: aim.title, status, statusText: MEASURE_STATUS_WORDS[status], measures });
  }
  return { sentence: summarySentence(counts), measureCounts: counts, aims: paperAims };
}
