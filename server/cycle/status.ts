// The status grid: for each expected return (type × area) and quarter, its due day and status
// (DOMAIN.md 5.8). Expected returns are what some organisation is granted, plus anything held;
// a partner sees only their grants. A return expected only where a partnership has defined what it
// reports (the local-measure return) is expected only there, from the organisations named (./expected). A grid is asked for over a run of quarters; a yearly return
// has a cell for each financial year that ends within them (its Q4 is among them), keyed by the
// financial year's id (schemas/returns/frequency.ts).
import { findArea } from '../../schemas/areas';
import type { CycleCell } from '../../schemas/cycle-api';
import type { Grant } from '../access/actor';
import type { Db } from '../db/database';
import { cycleStatus, receivedLate } from './calendar';
import { cycleCalendarOf, dueDayFinder } from './deadlines';
import { definedSenders, senderKey } from './expected';
import { cycleDb } from './tables';

export interface StatusQuery {
  types: readonly string[];
  quarters: readonly string[];
  /** Only these areas; null for all. */
  areas: readonly string[] | null;
  /** A partner's grants: only these (type, area) pairs. null for analysts, the board and admins. */
  grants: readonly Grant[] | null;
  /** The partner's organisation, with `grants`: a where-defined return is expected only from an organisation it names. */
  organisation?: number | null;
}

const keyOf = (type: string, area: string, quarter: string) => `${type}|${area}|${quarter}`;

/**
 * The periods of a return type in a grid over these quarters: the quarters, or the financial years
 * ending in them. A period already of the type's kind (a financial year asked for by a sign-off)
 * stands for itself.
 */
export function periodsOfType(type: string, quarters: readonly string[]): string[] {
  const calendar = cycleCalendarOf(type);
  return [...new Set(quarters.flatMap((q) => (calendar.isPeriodId(q) ? [q] : calendar.endingWithin([q]))))];
}

/**
 * The grid's columns for these types over these quarters: the quarters, each followed by the
 * financial year it ends when a yearly type is among them.
 */
export function gridPeriods(types: readonly string[], quarters: readonly string[]): string[] {
  const longer = [...new Set(types.map(cycleCalendarOf))].filter((c) => c.frequency !== 'quarterly');
  return quarters.flatMap((q) => [q, ...longer.flatMap((c) => c.endingWithin([q]))]);
}

export async function cycleStatusGrid(db: Db, query: StatusQuery, now: Date): Promise<CycleCell[]> {
  if (query.types.length === 0 || query.quarters.length === 0 || query.areas?.length === 0) return [];
  const k = cycleDb(db);
  const types = [...query.types];
  const periodsOf = new Map(types.map((t) => [t, periodsOfType(t, query.quarters)]));
  const quarters = [...new Set([...periodsOf.values()].flat())];
  if (quarters.length === 0) return [];

  // Submissions holding figures for each key: the first and the newest.
  let received = k
    .selectFrom('return_rows as r')
    .innerJoin('submissions as s', 's.id', 'r.submission_id')
    .where('r.return_type', 'in', types)
    .where('r.period', 'in', quarters)
    .select(({ fn }) => ['r.return_type as type', 'r.area_code as area', 'r.period as quarter', fn.min('s.received_at').as('first'), fn.max('s.received_at').as('last')])
    .groupBy(['r.return_type', 'r.area_code', 'r.period']);
  if (query.areas) received = received.where('r.area_code', 'in', [...query.areas]);
  const receivedRows = await received.execute();

  // Expected (type, area) pairs.
  const pairs = new Map<string, { type: string; area: string }>();
  const defined = await definedSenders(db, types);
  const want = (type: string, area: string) => types.includes(type) && (!query.areas || query.areas.includes(area));
  /** Whether an organisation's grant makes the return expected: a where-defined one only where a measure names it. */
  const expectedFrom = (type: string, area: string, organisation: number | null | undefined) => {
    const where = defined.get(type);
    if (!where) return true;
    return organisation === null || organisation === undefined ? where.areas.has(area) : where.senders.has(senderKey(organisation, area));
  };
  if (query.grants) {
    for (const g of query.grants) if (want(g.returnType, g.areaCode) && expectedFrom(g.returnType, g.areaCode, query.organisation)) pairs.set(`${g.returnType}|${g.areaCode}`, { type: g.returnType, area: g.areaCode });
  } else {
    const granted = await k.selectFrom('grants').select(['return_type', 'area_code', 'organisation_id']).distinct().where('return_type', 'in', types).execute();
    for (const g of granted) if (want(g.return_type, g.area_code) && expectedFrom(g.return_type, g.area_code, g.organisation_id)) pairs.set(`${g.return_type}|${g.area_code}`, { type: g.return_type, area: g.area_code });
    for (const r of receivedRows) pairs.set(`${r.type}|${r.area}`, { type: r.type, area: r.area });
    // An area asked for by name is listed for every type asked for, even if nobody is set up to send
    // it; a where-defined type only where something is defined for the area.
    for (const area of query.areas ?? []) for (const type of types) if (defined.get(type)?.areas.has(area) ?? true) pairs.set(`${type}|${area}`, { type, area });
  }
  if (pairs.size === 0) return [];

  const signOffs = await k
    .selectFrom('cycle_sign_offs')
    .where('return_type', 'in', types)
    .where('quarter', 'in', quarters)
    .select(['return_type', 'area_code', 'quarter', 'signed_at', 'actor_name'])
    .orderBy('id')
    .execute();
  const approvals = await k
    .selectFrom('cycle_approvals')
    .where('unlocked_at', 'is', null)
    .where('return_type', 'in', types)
    .where('quarter', 'in', quarters)
    .select(['return_type', 'area_code', 'quarter', 'approved_at', 'approved_by_name'])
    .execute();

  const receivedBy = new Map(receivedRows.map((r) => [keyOf(r.type, r.area, r.quarter), r]));
  const signOffBy = new Map(signOffs.map((s) => [keyOf(s.return_type, s.area_code, s.quarter), s])); // the newest wins
  const approvalBy = new Map(approvals.map((a) => [keyOf(a.return_type, a.area_code, a.quarter), a]));
  const dueDay = await dueDayFinder(db);

  const cells: CycleCell[] = [];
  const sortedPairs = [...pairs.values()].sort((a, b) => a.type.localeCompare(b.type) || (findArea(a.area)?.name ?? a.area).localeCompare(findArea(b.area)?.name ?? b.area, 'en-GB'));
  for (const { type, area } of sortedPairs) {
    for (const quarter of periodsOf.get(type) ?? []) {
      const key = keyOf(type, area, quarter);
      const r = receivedBy.get(key);
      const signOff = signOffBy.get(key);
      const approval = approvalBy.get(key);
      const facts = {
        quarter,
        dueOn: dueDay(type, quarter),
        firstReceivedAt: r ? String(r.first) : null,
        lastReceivedAt: r ? String(r.last) : null,
        signedOffAt: signOff?.signed_at ?? null,
        approved: approval !== undefined,
      };
      const signOffCurrent = signOff && (!facts.lastReceivedAt || signOff.signed_at >= facts.lastReceivedAt);
      cells.push({
        returnType: type,
        area,
        areaName: findArea(area)?.name ?? area,
        quarter,
        dueOn: facts.dueOn,
        status: cycleStatus(facts, now),
        receivedLate: receivedLate(facts),
        firstReceivedAt: facts.firstReceivedAt,
        lastReceivedAt: facts.lastReceivedAt,
        signedOff: signOff && signOffCurrent ? { at: signOff.signed_at, by: signOff.actor_name } : null,
        approved: approval ? { at: approval.approved_at, by: approval.approved_by_name } : null,
        correctedAfterApproval: approval !== undefined && facts.lastReceivedAt !== null && facts.lastReceivedAt > approval.approved_at,
      });
    }
  }
  return cells;
}

/** Whether any figures are held for (type, area, quarter): a current row exists for the key. */
export async function isReceived(db: Db, type: string, area: string, quarter: string): Promise<boolean> {
  const row = await cycleDb(db)
    .selectFrom('current_rows')
    .select('row_id')
    .where('return_type', '=', type)
    .where('area_code', '=', area)
    .where('period', '=', quarter)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
