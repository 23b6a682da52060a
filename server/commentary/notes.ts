// Partners' notes beside the figures they explain (issue 11, item 4): the free-text `notes` a
// partner wrote on the return rows that a figure is built from (the rows in use for the
// indicator's return, the area and the period's quarters), with who sent them.
//
// A note is free text: it may say "three of these were one family". In the suppressed view a
// note is shown only where the quarter's figure is itself published, the rule the revisions
// list follows for naming what changed; the reader is told how many were withheld and why.
import type { PartnerNote } from '../../schemas/commentary-api';
import type { IndicatorDefinition } from '../../schemas/indicators';
import { parsePeriodId, type Period } from '../../schemas/periods';
import { findReturnDefinition } from '../../schemas/returns';
import type { Db } from '../db/database';
import type { EngineSession } from '../engine/engine';
import { returnsDb } from '../returns/tables';
import { storedPeriodsOf } from '../engine/periods-read';

export interface NotesBehind {
  notes: PartnerNote[];
  withheld: number;
}

export const WITHHELD_REASON =
  'Some notes are not shown because the figure for their quarter is not published (small numbers are hidden): a note could describe the hidden count.';

/** The areas whose rows a figure adds up: a parent computed from its children reads theirs. */
function rowAreas(session: EngineSession, area: string): string[] {
  const children = session.register.childrenOf(area);
  return children.length > 0 && session.register.find(area)?.computedFromChildren ? children.map((c) => c.code) : [area];
}

export async function notesBehind(db: Db, session: EngineSession, indicator: IndicatorDefinition, area: string, period: Period): Promise<NotesBehind> {
  const areas = rowAreas(session, area);
  // The rows a figure is read from: its quarters, or a yearly return's financial year.
  const periods = storedPeriodsOf(indicator.source, period);
  if (periods.length === 0) return { notes: [], withheld: 0 };
  let query = returnsDb(db)
    .selectFrom('current_rows as c')
    .innerJoin('return_rows as r', 'r.id', 'c.row_id')
    .innerJoin('submissions as s', 's.id', 'r.submission_id')
    .leftJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['r.return_type', 'r.area_code', 'r.period', 'r.subkey', 'r.notes', 'o.name as organisation'])
    .where('c.return_type', '=', indicator.source)
    .where('c.area_code', 'in', areas)
    .where('c.period', 'in', [...periods])
    .where('r.notes', 'is not', null)
    .where('r.notes', '!=', '');
  // A partnership's own measure is one sub-key of its return: only that measure's rows explain it.
  if (indicator.subkey !== undefined) query = query.where('c.subkey', '=', indicator.subkey);
  const rows = await query.orderBy('r.period').orderBy('r.area_code').orderBy('r.subkey').execute();
  const unsuppressed = session.policy.view === 'unsuppressed';
  const published = (rowArea: string, quarter: string, subkey: string) => {
    // A row of a breakdown (a kind of accommodation, a programme) is published only if its own
    // figure and the total it adds to both are.
    const types = indicator.subkey === undefined && subkey !== '' ? [subkey, null] : [null];
    return types.every((type) => session.value(indicator, rowArea, quarter, type).status === 'ok');
  };
  const notes: PartnerNote[] = [];
  let withheld = 0;
  for (const row of rows) {
    const text = (row.notes ?? '').trim();
    if (text === '') continue;
    if (!unsuppressed && !published(row.area_code, row.period, row.subkey)) {
      withheld++;
      continue;
    }
    notes.push({
      returnType: row.return_type,
      returnTitle: findReturnDefinition(row.return_type)?.title ?? row.return_type,
      quarter: row.period,
      quarterLabel: parsePeriodId(row.period)?.label ?? row.period,
      area: row.area_code,
      areaName: session.register.find(row.area_code)?.name ?? row.area_code,
      accommodationType: row.subkey === '' ? null : row.subkey,
      organisation: row.organisation ?? null,
      note: text,
    });
  }
  return { notes, withheld };
}
