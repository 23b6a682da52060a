// The board paper for a period, in the order a board reads it: (a) summary, (b) exceptions,
// (c) commentary, (d) actions, (e) data notes. Every figure comes from the reader's engine
// session, so the paper (and the Word document made from it) shows exactly what the reader may
// see on the dashboard, and nothing hidden from them.
import type { BoardPaper } from '../../schemas/board-paper-api';
import type { Partnership } from '../../schemas/strategy-api';
import { commentViews } from '../commentary/view';
import { listComments } from '../commentary/store';
import { CYCLE_RETURN_TYPES } from '../cycle/deadlines';
import { cycleStatusGrid } from '../cycle/status';
import type { Db } from '../db/database';
import type { EngineSession } from '../engine/engine';
import type { StoredAction, StoredAim, StoredStrategy } from '../strategy/store';
import { paperActions } from './actions';
import { dataNotes } from './data-notes';
import { offTrackMeasures, returnExceptions, significantChanges } from './exceptions';
import { revisedSinceIssued } from './snapshot';
import type { IssuedPaper } from './store';
import { paperSummary } from './summary';

export interface PaperInputs {
  db: Db;
  session: EngineSession;
  partnership: Partnership;
  strategy: StoredStrategy;
  content: { aims: StoredAim[]; actions: StoredAction[] };
  period: { id: string; chosen: 'requested' | 'latest-twelve-months' };
  now: Date;
  demo: boolean;
  lastIssued: IssuedPaper | null;
}

export async function buildBoardPaper(inputs: PaperInputs): Promise<BoardPaper> {
  const { db, session, partnership, strategy, content, now, lastIssued } = inputs;
  const register = session.register;
  const name = (code: string) => register.find(code)?.name ?? code;
  const period = session.period(inputs.period.id);

  const summary = await paperSummary(db, session, partnership, content.aims, period.id);
  const measureKeys = new Set(content.aims.flatMap((a) => a.measures.map((m) => `${m.indicator}|${m.area}`)));
  const cells = await cycleStatusGrid(db, { types: CYCLE_RETURN_TYPES, quarters: period.quarters, areas: partnership.areas, grants: null }, now);
  const returns = returnExceptions(cells, register);
  const revised = lastIssued ? revisedSinceIssued(session, lastIssued.snapshot, lastIssued.issuedAt) : [];
  const comments = await listComments(db, partnership.id, { periods: period.kind === 'quarter' ? [period.id] : [period.id, ...period.quarters] });

  return {
    title: `${partnership.name}: board paper for ${period.label.charAt(0).toLowerCase()}${period.label.slice(1)}`,
    partnership: { id: partnership.id, name: partnership.name, areas: partnership.areas.map((code) => ({ code, name: name(code) })), benchmark: { code: partnership.benchmark, name: name(partnership.benchmark) } },
    strategy: { id: strategy.id, title: strategy.title, from: strategy.from, to: strategy.to },
    period: { id: period.id, label: period.label, quarters: [...period.quarters], chosen: inputs.period.chosen },
    preparedAt: now.toISOString(),
    disclosure: { view: session.policy.view, threshold: session.policy.threshold },
    demo: inputs.demo,
    lastIssued: lastIssued ? { id: lastIssued.id, period: lastIssued.period, periodLabel: lastIssued.periodLabel, issuedAt: lastIssued.issuedAt, issuedBy: lastIssued.issuedBy, figures: lastIssued.figures } : null,
    summary,
    exceptions: {
      offTrack: offTrackMeasures(summary),
      significantChanges: significantChanges(session, partnership, period.id, measureKeys),
      returns,
      revised,
    },
    commentary: await commentViews(db, comments, session.catalogue),
    actions: paperActions(content.actions, content.aims, now),
    dataNotes: dataNotes({
      demo: inputs.demo,
      disclosure: session.policy,
      periodLabel: period.label,
      benchmarkName: name(partnership.benchmark),
      returns,
      cells,
      revisedCount: revised.length,
      lastIssuedAt: lastIssued?.issuedAt ?? null,
      areaName: name,
    }),
  };
}
