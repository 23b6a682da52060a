// What a local-measure file is checked against beyond its cells (DOMAIN.md 5.9): the measures the
// partnerships define, which the return definition cannot know. Each row's measure must exist for
// a partnership covering its area and the sender's organisation must be one the measure names;
// a count leaves its denominator blank; a share's numerator is not above its denominator. Every
// problem names the row and column as the partner sees them, in plain words.
import type { Problem } from '../../schemas/api';
import { findArea } from '../../schemas/areas';
import type { Actor } from '../access/actor';
import type { Db } from '../db/database';
import type { AcceptedRow } from '../ingest/validate';
import { measuresCovering } from './store';
import { localMeasureDb } from './tables';

export async function localMeasureProblems(db: Db, actor: Actor, rows: readonly AcceptedRow[]): Promise<Problem[]> {
  const covering = await measuresCovering(db, [...new Set(rows.map((r) => r.key.areaCode))]);
  const problems: Problem[] = [];
  for (const row of rows) {
    const { areaCode, subkey } = row.key;
    const areaName = findArea(areaCode)?.name ?? areaCode;
    const found = covering.find((c) => c.area === areaCode && c.measure.id === subkey)?.measure;
    const problem = (column: string, value: string | number | null, code: string, message: string) => problems.push({ row: row.rowNumber, column, value: value === null ? null : String(value), code, message });
    if (!found) {
      const known = [...new Set(covering.filter((c) => c.area === areaCode).map((c) => c.measure.id))];
      problem('measure', subkey, 'unknown-measure', `There is no measure "${subkey}" for ${areaName}. ${known.length > 0 ? `Its partnership's measures are: ${known.join(', ')}.` : 'No partnership covering it has defined a measure of its own.'}`);
      continue;
    }
    // Administrators and analysts load figures for anyone (a back-load); partners send only what they are named for.
    if (actor.role === 'partner' && !found.organisations.some((o) => o.id === actor.organisationId)) {
      problem('measure', subkey, 'not-a-sender', `Your organisation is not one of those that send "${found.title}" (${subkey}) for ${areaName}. Ask the partnership's administrator if it should be.`);
      continue;
    }
    const numerator = row.values.numerator as number | null;
    const denominator = row.values.denominator as number | null;
    if (found.denominator === null && denominator !== null) {
      problem('denominator', denominator, 'count-has-denominator', `"${found.title}" is a count, so its denominator is left blank; this row has ${denominator}.`);
    } else if (found.denominator !== null && found.interval === 'wilson' && numerator !== null && denominator !== null && numerator > denominator) {
      problem('numerator', numerator, 'numerator-above-denominator', `"${found.title}" is a share of ${found.denominator.toLowerCase()}, so its numerator (${numerator}) cannot be more than its denominator (${denominator}).`);
    }
  }
  return problems;
}

/**
 * A partnership's areas about to change: the first of its measures that another partnership with
 * one of the new areas also defines, with that partnership and area, or null. The return keys a row
 * by area, period and measure id, so two partnerships sharing an area with the same id would share
 * rows; the check made when a measure is defined (sharedAreaClash) must hold after the areas change too.
 */
export async function areaChangeClash(db: Db, partnershipId: number, areas: readonly string[]): Promise<{ measure: string; partnership: string; area: string } | null> {
  if (areas.length === 0) return null;
  const row = await localMeasureDb(db)
    .selectFrom('local_measures as ours')
    .innerJoin('local_measures as theirs', 'theirs.measure_id', 'ours.measure_id')
    .innerJoin('partnership_areas as a', 'a.partnership_id', 'theirs.partnership_id')
    .innerJoin('partnerships as p', 'p.id', 'theirs.partnership_id')
    .select(['ours.measure_id', 'p.name', 'a.area_code'])
    .where('ours.partnership_id', '=', partnershipId)
    .where('theirs.partnership_id', '!=', partnershipId)
    .where('a.area_code', 'in', [...areas])
    .orderBy('ours.id')
    .orderBy('a.position')
    .executeTakeFirst();
  return row ? { measure: row.measure_id, partnership: row.name, area: row.area_code } : null;
}
