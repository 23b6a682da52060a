// A partnership's own measures in the database, through Kysely. Row types stay here; callers get
// the API's LocalMeasure objects.
import type { LocalMeasure, LocalMeasureChange, LocalMeasureInput } from '../../schemas/local-measures-api';
import { localIndicatorId } from '../../schemas/local-measures-api';
import type { Db } from '../db/database';
import { localMeasureDb, type LocalMeasureKysely, type LocalMeasuresTable } from './tables';

const RETURN_TYPE = 'local-measure';

type Row = Omit<LocalMeasuresTable, 'id' | 'revision'> & { id: number; revision: number };

async function describe(k: LocalMeasureKysely, rows: Row[]): Promise<LocalMeasure[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const senders = await k
    .selectFrom('local_measure_senders as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.local_measure_id', 'o.id', 'o.name'])
    .where('s.local_measure_id', 'in', ids)
    .orderBy('o.name')
    .execute();
  const held = await measuresWithFigures(k, rows);
  return rows.map((r) => ({
    id: r.measure_id,
    indicator: localIndicatorId(r.partnership_id, r.measure_id),
    partnership: r.partnership_id,
    title: r.title,
    definition: r.definition,
    unit: r.unit,
    aim: r.aim,
    numerator: r.numerator_label,
    denominator: r.denominator_label,
    multiplier: r.multiplier,
    polarity: r.polarity,
    interval: r.ci,
    organisations: senders.filter((s) => s.local_measure_id === r.id).map((s) => ({ id: s.id, name: s.name })),
    hasFigures: held.has(r.id),
  }));
}

/** The measures (by row id) for which the return holds a current row in one of the partnership's areas. */
async function measuresWithFigures(k: LocalMeasureKysely, rows: Row[]): Promise<Set<number>> {
  const found = new Set<number>();
  for (const r of rows) {
    const row = await k
      .selectFrom('current_rows as c')
      .innerJoin('partnership_areas as a', 'a.area_code', 'c.area_code')
      .select('c.row_id')
      .where('c.return_type', '=', RETURN_TYPE)
      .where('c.subkey', '=', r.measure_id)
      .where('a.partnership_id', '=', r.partnership_id)
      .limit(1)
      .executeTakeFirst();
    if (row) found.add(r.id);
  }
  return found;
}

/** A partnership's measures, in the order they were defined. */
export async function listLocalMeasures(db: Db, partnershipId: number): Promise<LocalMeasure[]> {
  const k = localMeasureDb(db);
  return describe(k, await k.selectFrom('local_measures').selectAll().where('partnership_id', '=', partnershipId).orderBy('id').execute());
}

/** Every partnership's measures, for the engine's catalogue at start. */
export async function allLocalMeasures(db: Db): Promise<LocalMeasure[]> {
  const k = localMeasureDb(db);
  return describe(k, await k.selectFrom('local_measures').selectAll().orderBy('id').execute());
}

export async function findLocalMeasure(db: Db, partnershipId: number, measureId: string): Promise<LocalMeasure | null> {
  const k = localMeasureDb(db);
  const rows = await k.selectFrom('local_measures').selectAll().where('partnership_id', '=', partnershipId).where('measure_id', '=', measureId).execute();
  return (await describe(k, rows))[0] ?? null;
}

/** Organisation ids among those given that do not exist. */
export async function unknownOrganisations(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await localMeasureDb(db).selectFrom('organisations').select('id').where('id', 'in', [...ids]).execute();
  return ids.filter((id) => !found.some((f) => f.id === id));
}

/**
 * Another partnership sharing an area with this one that already has a measure with this id:
 * the return's rows are keyed by area, quarter and measure id, so the two would be one row.
 */
export async function sharedAreaClash(db: Db, partnershipId: number, measureId: string): Promise<{ partnership: string; area: string } | null> {
  const row = await localMeasureDb(db)
    .selectFrom('local_measures as m')
    .innerJoin('partnership_areas as theirs', 'theirs.partnership_id', 'm.partnership_id')
    .innerJoin('partnership_areas as ours', 'ours.area_code', 'theirs.area_code')
    .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
    .select(['p.name', 'theirs.area_code'])
    .where('m.measure_id', '=', measureId)
    .where('ours.partnership_id', '=', partnershipId)
    .where('m.partnership_id', '!=', partnershipId)
    .executeTakeFirst();
  return row ? { partnership: row.name, area: row.area_code } : null;
}

export async function createLocalMeasure(db: Db, partnershipId: number, input: LocalMeasureInput, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.transaction(async () => {
    const trx = localMeasureDb(db);
    const { id } = await trx
      .insertInto('local_measures')
      .values({
        partnership_id: partnershipId,
        measure_id: input.id,
        title: input.title,
        definition: input.definition ?? input.title,
        unit: input.unit,
        aim: input.aim,
        numerator_label: input.numerator,
        denominator_label: input.denominator,
        multiplier: input.multiplier,
        polarity: input.polarity,
        ci: input.interval,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const senders = [...new Set(input.organisations)];
    if (senders.length > 0) await trx.insertInto('local_measure_senders').values(senders.map((organisation_id) => ({ local_measure_id: id, organisation_id }))).execute();
    await bumpLocalMeasuresVersion(db);
  });
}

export async function updateLocalMeasure(db: Db, partnershipId: number, measureId: string, change: LocalMeasureChange, now: Date): Promise<void> {
  await db.transaction(async () => {
    const trx = localMeasureDb(db);
    const { id } = await trx.selectFrom('local_measures').select('id').where('partnership_id', '=', partnershipId).where('measure_id', '=', measureId).executeTakeFirstOrThrow();
    const set: Partial<Omit<LocalMeasuresTable, 'id' | 'revision'>> = { updated_at: now.toISOString() };
    if (change.title !== undefined) set.title = change.title;
    if (change.definition !== undefined) set.definition = change.definition;
    if (change.unit !== undefined) set.unit = change.unit;
    if (change.aim !== undefined) set.aim = change.aim;
    if (change.numerator !== undefined) set.numerator_label = change.numerator;
    if (change.denominator !== undefined) set.denominator_label = change.denominator;
    if (change.multiplier !== undefined) set.multiplier = change.multiplier;
    if (change.polarity !== undefined) set.polarity = change.polarity;
    if (change.interval !== undefined) set.ci = change.interval;
    await trx
      .updateTable('local_measures')
      .set((eb) => ({ ...set, revision: eb('revision', '+', 1) }))
      .where('id', '=', id)
      .execute();
    if (change.organisations !== undefined) {
      await trx.deleteFrom('local_measure_senders').where('local_measure_id', '=', id).execute();
      const senders = [...new Set(change.organisations)];
      if (senders.length > 0) await trx.insertInto('local_measure_senders').values(senders.map((organisation_id) => ({ local_measure_id: id, organisation_id }))).execute();
    }
    await bumpLocalMeasuresVersion(db);
  });
}

/** For each area of the given ones, the partnerships covering it and their measures (for checking a file). */
export async function measuresCovering(db: Db, areas: readonly string[]): Promise<Array<{ area: string; measure: LocalMeasure }>> {
  if (areas.length === 0) return [];
  const k = localMeasureDb(db);
  const covering = await k.selectFrom('partnership_areas').select(['partnership_id', 'area_code']).where('area_code', 'in', [...areas]).execute();
  if (covering.length === 0) return [];
  const partnerships = [...new Set(covering.map((c) => c.partnership_id))];
  const measures = await describe(k, await k.selectFrom('local_measures').selectAll().where('partnership_id', 'in', partnerships).orderBy('id').execute());
  return covering.flatMap((c) => measures.filter((m) => m.partnership === c.partnership_id).map((measure) => ({ area: c.area_code, measure })));
}

/** The measures an organisation may send, with the areas of their partnership (for its template). */
export async function measuresSentBy(db: Db, organisationId: number): Promise<Array<{ measure: LocalMeasure; areas: string[] }>> {
  const k = localMeasureDb(db);
  const rows = await k
    .selectFrom('local_measures as m')
    .innerJoin('local_measure_senders as s', 's.local_measure_id', 'm.id')
    .selectAll('m')
    .where('s.organisation_id', '=', organisationId)
    .orderBy('m.id')
    .execute();
  const measures = await describe(k, rows);
  const areas = await k.selectFrom('partnership_areas').select(['partnership_id', 'area_code']).where('partnership_id', 'in', [0, ...new Set(measures.map((m) => m.partnership))]).orderBy('position').execute();
  return measures.map((measure) => ({ measure, areas: areas.filter((a) => a.partnership_id === measure.partnership).map((a) => a.area_code) }));
}

const VERSION_NAME = 'local-measures';

/**
 * Moves the measures' data version, in the transaction that changes them: every server on the
 * database reloads its catalogue when it sees the version move (catalogue.ts), and sees it move
 * only once the change is committed. The row lock orders concurrent changes' versions.
 */
async function bumpLocalMeasuresVersion(db: Db): Promise<void> {
  await db.kysely
    .updateTable('data_versions')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('name', '=', VERSION_NAME)
    .execute();
}

/** The measures' data version: it moves with every measure defined or changed, by any server on the database. */
export async function localMeasuresVersion(db: Db): Promise<number> {
  const row = await db.kysely.selectFrom('data_versions').select('version').where('name', '=', VERSION_NAME).executeTakeFirstOrThrow();
  return Number(row.version);
}

/**
 * Where the local-measure return is expected: each area of a partnership that defines a measure,
 * with each organisation the measure names (null where it names none yet).
 */
export async function measureSenderAreas(db: Db): Promise<Array<{ area: string; organisationId: number | null }>> {
  return (
    await localMeasureDb(db)
      .selectFrom('local_measures as m')
      .innerJoin('partnership_areas as a', 'a.partnership_id', 'm.partnership_id')
      .leftJoin('local_measure_senders as s', 's.local_measure_id', 'm.id')
      .select(['a.area_code', 's.organisation_id'])
      .distinct()
      .execute()
  ).map((r) => ({ area: r.area_code, organisationId: r.organisation_id }));
}
