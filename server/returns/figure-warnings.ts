// The warnings behind a figure (DOMAIN.md 5.7: "a value stored with a warning carries it on the
// dashboard, in exports and on the indicator page"). Warnings are stored with each row version
// at upload (server/returns/store.ts); this reads those of the versions in use and picks the
// sentence the reader's view may see: the sender's own sentence may quote figures ("charges (57)
// is more than crimes (55)"), so the suppressed view gets the figure-free one ("… a check found
// that charges were more than crimes …").
import type { Db } from '../db/database';
import type { DisclosureView } from '../engine/disclosure';
import { returnsDb } from './tables';

export interface WarningsQuery {
  /** The return type the figures come from: an indicator's `source`, e.g. 'police'. */
  source: string;
  /** One area code, or several (e.g. the local authorities an aggregate adds up). */
  area: string | readonly string[];
  /** Quarter ids, e.g. the quarters of the period shown ('2019-20Q1' … '2019-20Q4'). */
  quarters: readonly string[];
  /** The columns the figure is computed from; a warning is returned when its rule reads any of them. */
  columns: readonly string[];
  /** Only this accommodation type (refuge); omit or null for every type. */
  accommodationType?: string | null;
  /** The reader's view: 'suppressed' gets the figure-free sentence, 'unsuppressed' the sender's. */
  view: DisclosureView;
}

export interface FigureWarning {
  area: string;
  quarter: string;
  /** The refuge accommodation type of the row, or null for returns without one. */
  accommodationType: string | null;
  /** The rule's code, e.g. 'charges-more-than-crimes'. */
  code: string;
  /** The column the warning is reported against, e.g. 'charges'. */
  column: string;
  message: string;
}

/** A warning read back, with the columns its rule reads. */
interface StoredWarning {
  row_id: number;
  code: string;
  column_name: string;
  reads_json: string;
  message: string;
  public_message: string;
}

function readsAny(warning: StoredWarning, columns: ReadonlySet<string>): boolean {
  return (JSON.parse(warning.reads_json) as string[]).some((c) => columns.has(c));
}

function messageFor(warning: StoredWarning, view: DisclosureView): string {
  return view === 'unsuppressed' ? warning.message : warning.public_message;
}

/**
 * The warnings on the rows in use (the current version of each key) of one return for some
 * areas and quarters, whose rule reads any of the given columns; ordered by area, quarter,
 * accommodation type and then as found. A resubmission's rows replace the old ones, and with
 * them their warnings. Example: after a police upload where charges exceeded crimes,
 * `warningsFor(app.db, { source: 'police', area: 'E09000004', quarters: ['2019-20Q3'],
 * columns: ['charges', 'crimes'], view: 'suppressed' })` gives one warning, code
 * 'charges-more-than-crimes', column 'charges', with a message that quotes no figure.
 */
export async function warningsFor(db: Db, query: WarningsQuery): Promise<FigureWarning[]> {
  const areas = typeof query.area === 'string' ? [query.area] : [...query.area];
  if (areas.length === 0 || query.quarters.length === 0 || query.columns.length === 0) return [];
  let select = returnsDb(db)
    .selectFrom('current_rows as c')
    .innerJoin('row_warnings as w', 'w.row_id', 'c.row_id')
    .select(['c.area_code', 'c.period', 'c.subkey', 'w.row_id', 'w.code', 'w.column_name', 'w.reads_json', 'w.message', 'w.public_message'])
    .where('c.return_type', '=', query.source)
    .where('c.area_code', 'in', areas)
    .where('c.period', 'in', query.quarters);
  if (query.accommodationType != null) select = select.where('c.subkey', '=', query.accommodationType);
  const rows = await select.orderBy('c.area_code').orderBy('c.period').orderBy('c.subkey').orderBy('w.id').execute();
  const columns = new Set(query.columns);
  return rows
    .filter((w) => readsAny(w, columns))
    .map((w) => ({
      area: w.area_code,
      quarter: w.period,
      accommodationType: w.subkey === '' ? null : w.subkey,
      code: w.code,
      column: w.column_name,
      message: messageFor(w, query.view),
    }));
}
