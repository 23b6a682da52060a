// What a comment is about, checked against the partnership it is written for: a figure of one of
// its areas, or a measure or aim of one of its strategy versions. Anything else is refused in
// words, so a comment can never be filed under another partnership's strategy.
import type { CommentSubjectInput } from '../../schemas/commentary-api';
import { findIndicator, type IndicatorDefinition } from '../../schemas/indicators';
import type { Partnership } from '../../schemas/strategy-api';
import type { Db } from '../db/database';
import type { AreaRegister } from '../engine/register';
import { commentaryDb } from './tables';

/** A subject as stored: the ids it keys on and its label in words. */
export interface ResolvedSubject {
  kind: 'figure' | 'measure' | 'aim';
  indicator: string | null;
  area: string | null;
  measure: number | null;
  aim: number | null;
  label: string;
}

export type SubjectResult = { ok: true; subject: ResolvedSubject } | { ok: false; code: string; message: string };

const areaName = (register: AreaRegister, code: string) => register.find(code)?.name ?? code;

/** `find` looks an indicator up as the partnership sees the catalogue (its own local measures too). */
export async function resolveSubject(
  db: Db,
  register: AreaRegister,
  partnership: Partnership,
  input: CommentSubjectInput,
  find: (id: string) => IndicatorDefinition | undefined = findIndicator,
): Promise<SubjectResult> {
  const k = commentaryDb(db);
  switch (input.kind) {
    case 'figure': {
      const indicator = find(input.indicator);
      if (!indicator) return { ok: false, code: 'unknown-indicator', message: `There is no indicator "${input.indicator}". GET /api/indicators lists them.` };
      const area = input.area.toUpperCase();
      if (!partnership.areas.includes(area)) {
        return { ok: false, code: 'area-not-in-partnership', message: `${areaName(register, area)} (${area}) is not one of ${partnership.name}'s areas: ${partnership.areas.map((a) => areaName(register, a)).join(', ')}.` };
      }
      return { ok: true, subject: { kind: 'figure', indicator: indicator.id, area, measure: null, aim: null, label: `${indicator.title}, ${areaName(register, area)}` } };
    }
    case 'measure': {
      const row = await k
        .selectFrom('strategy_measures as m')
        .innerJoin('strategy_aims as a', 'a.id', 'm.aim_id')
        .innerJoin('strategies as s', 's.id', 'a.strategy_id')
        .select(['m.id', 'm.indicator', 'm.area_code', 'a.title as aimTitle'])
        .where('m.id', '=', input.measure)
        .where('s.partnership_id', '=', partnership.id)
        .executeTakeFirst();
      if (!row) return { ok: false, code: 'unknown-measure', message: `${partnership.name}'s strategy has no measure ${input.measure}. GET /api/partnerships/${partnership.id}/strategy lists its measures.` };
      const title = find(row.indicator)?.title ?? row.indicator;
      return {
        ok: true,
        subject: { kind: 'measure', indicator: row.indicator, area: row.area_code, measure: row.id, aim: null, label: `${title}, ${areaName(register, row.area_code)} (a measure of “${row.aimTitle}”)` },
      };
    }
    case 'aim': {
      const row = await k
        .selectFrom('strategy_aims as a')
        .innerJoin('strategies as s', 's.id', 'a.strategy_id')
        .select(['a.id', 'a.title'])
        .where('a.id', '=', input.aim)
        .where('s.partnership_id', '=', partnership.id)
        .executeTakeFirst();
      if (!row) return { ok: false, code: 'unknown-aim', message: `${partnership.name}'s strategy has no aim ${input.aim}. GET /api/partnerships/${partnership.id}/strategy lists its aims.` };
      return { ok: true, subject: { kind: 'aim', indicator: null, area: null, measure: null, aim: row.id, label: row.title } };
    }
  }
}

/** A subject filter from a query string: `figure:INDICATOR:AREA`, `measure:ID` or `aim:ID`; null when it is none of these. */
export function parseSubjectFilter(text: string): CommentSubjectInput | null {
  const figure = /^figure:([a-z0-9-]+):([A-Za-z0-9]+)$/.exec(text);
  if (figure) return { kind: 'figure', indicator: figure[1], area: figure[2].toUpperCase() };
  const other = /^(measure|aim):([1-9][0-9]{0,15})$/.exec(text);
  if (!other) return null;
  const id = Number(other[2]);
  return other[1] === 'measure' ? { kind: 'measure', measure: id } : { kind: 'aim', aim: id };
}
