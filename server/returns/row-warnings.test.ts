// Warnings travel with the figures (DOMAIN.md 5.7): a warning found at upload is stored with its
// row in the same transaction, is read back for the figures whose columns its rule reads, goes
// when a resubmission replaces the row, and reaches readers of the suppressed view only as a
// sentence with no figures in it.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RETURN_DEFINITIONS } from '../../schemas/returns';
import { SYSTEM } from '../access/actor';
import { buildTestApp, tableCounts, upload } from '../test/helpers';
import { csvOf, validRow, type Cells } from '../test/rows';
import { buildIndex } from '../engine/data';
import { warningsIn, type WarningsQuery } from '../engine/warnings';
import { ingestReturn } from './ingest';
import { publicSentence } from './row-warnings';

const BEXLEY = 'E09000004';
const Q3 = '2019-20Q3';
/** The columns charge-rate reads: charges over crimes. */
const CHARGE_RATE = ['charges', 'crimes'];

let app: FastifyInstance;
beforeEach(async () => {
  app = await buildTestApp();
});
afterEach(async () => {
  await app.close();
});

async function sendPolice(rows: Cells[]) {
  const { status, body } = await upload(app, 'police', csvOf(rows.map((r) => validRow('police', r))));
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
}

interface Query extends Omit<WarningsQuery, 'areas' | 'columns' | 'accommodationType'> {
  area: string | string[];
  columns: string[];
  accommodationType?: string | null;
}
const query = (overrides: Partial<Query> = {}): Query => ({ source: 'police', area: BEXLEY, quarters: [Q3], columns: CHARGE_RATE, view: 'suppressed', ...overrides });

/** The warnings the engine's index holds for a query (the index the dashboard reads them from). */
async function warningsFor(q: Query) {
  const { area, columns, accommodationType, ...rest } = q;
  return warningsIn(await buildIndex(app.db), { ...rest, areas: typeof area === 'string' ? [area] : area, columns: new Set(columns), accommodationType: accommodationType ?? null });
}

describe('the warnings behind figures', () => {
  it('returns a charges > crimes warning for the charge rate, in the words each view may see', async () => {
    const body = await sendPolice([{ crimes: 55, charges: 57 }]);
    expect(body.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ row: 2, code: 'charges-more-than-crimes' })]));

    const suppressed = await warningsFor(query());
    expect(suppressed).toEqual([{ area: BEXLEY, quarter: Q3, accommodationType: null, code: 'charges-more-than-crimes', column: 'charges', message: expect.any(String) }]);
    expect(suppressed[0].message).toBe('When the police force sent these figures, a check found that charges were more than DA-related crimes. They were stored as sent.');
    expect(suppressed[0].message).not.toMatch(/\d/);

    const unsuppressed = await warningsFor(query({ view: 'unsuppressed' }));
    expect(unsuppressed[0].message).toMatch(/^There are more charges \(57\) than DA-related crimes \(55\)/);
  });

  it('finds it through any column the rule reads, and not through others, other quarters or areas', async () => {
    await sendPolice([{ crimes: 55, charges: 57 }]);
    expect(await warningsFor(query({ columns: ['crimes'] }))).toHaveLength(1);
    expect(await warningsFor(query({ columns: ['arrests', 'incidents'] }))).toEqual([]);
    expect(await warningsFor(query({ quarters: ['2019-20Q2'] }))).toEqual([]);
    expect(await warningsFor(query({ area: 'E09000005' }))).toEqual([]);
    expect(await warningsFor(query({ area: [BEXLEY, 'E09000005'], quarters: ['2019-20Q2', Q3] }))).toHaveLength(1);
    expect(await warningsFor(query({ source: 'marac' }))).toEqual([]);
  });

  it('is gone after a clean resubmission replaces the row, and stays with a row not resent', async () => {
    await sendPolice([{ crimes: 55, charges: 57 }, { period: '2019-20Q2', crimes: 40, charges: 41 }]);
    await sendPolice([{ crimes: 55, charges: 50 }]);
    expect(await warningsFor(query())).toEqual([]);
    expect(await warningsFor(query({ quarters: ['2019-20Q2', Q3] }))).toEqual([expect.objectContaining({ quarter: '2019-20Q2' })]);
    // A warning comes back with a resubmission that has it again.
    await sendPolice([{ crimes: 55, charges: 58 }]);
    expect(await warningsFor(query({ view: 'unsuppressed' }))).toEqual([expect.objectContaining({ message: expect.stringMatching(/\(58\)/) })]);
  });

  it('keeps warnings about the file as a whole (an unknown column) off the rows', async () => {
    const { status } = await upload(app, 'police', csvOf([{ ...validRow('police', { crimes: 55, charges: 57 }), colour: 'blue' }]));
    expect(status).toBe(201);
    expect((await warningsFor(query({ columns: ['colour', ...CHARGE_RATE] }))).map((w) => w.code)).toEqual(['charges-more-than-crimes']);
  });

  it('filters safe accommodation warnings by accommodation type', async () => {
    // Admitted + declined (8 + 20 + 5 = 33) is more than the 30 referrals received: a warning.
    const rows = ['refuge', 'dispersed'].map((accommodation_type, i) => validRow('refuge', { accommodation_type, referrals_received: i === 0 ? 30 : 40 }));
    expect((await upload(app, 'refuge', csvOf(rows))).status).toBe(201);
    const refuge = query({ source: 'refuge', columns: ['referrals_received'] });
    expect(await warningsFor(refuge)).toEqual([expect.objectContaining({ accommodationType: 'refuge', code: 'sum-more-than-referrals-received', column: 'households_accommodated' })]);
    expect(await warningsFor({ ...refuge, accommodationType: 'dispersed' })).toEqual([]);
    expect((await warningsFor(refuge))[0].message).toBe(
      'When the refuge or safe accommodation provider sent these figures, a check found that households admitted, referrals declined for lack of space and referrals declined as unsuitable together came to more than referrals received. They were stored as sent.',
    );
  });
});

describe('storing warnings', () => {
  it('happens in the transaction that stores the rows: if it fails, nothing is stored', async () => {
    const before = await tableCounts(app);
    // Break the warnings table so the write fails after the submission and rows are inserted.
    await sql`ALTER TABLE row_warnings RENAME TO row_warnings_gone`.execute(app.db.kysely);
    const file = Buffer.from(csvOf([validRow('police', { crimes: 55, charges: 57 })]));
    const outcome = ingestReturn(app.db, { definition: RETURN_DEFINITIONS.find((d) => d.type === 'police')!, bytes: file, fileName: 'r.csv', actor: SYSTEM, now: app.now(), dryRun: false, permits: () => true });
    await expect(outcome).rejects.toThrow(/row_warnings/);
    expect(await tableCounts(app)).toEqual(before);
  });
});

describe('the figure-free sentence', () => {
  // Every warning a return can raise gets a specific sentence with no digit in it: the sentence is
  // built from the definition alone, and a column name with a digit would need words here.
  const warningRules = RETURN_DEFINITIONS.flatMap((d) => d.rules.filter((r) => r.severity === 'warning').map((rule) => [`${d.type}: ${rule.code} (${rule.column})`, d, rule] as const));
  it.each(warningRules)('%s', (_, definition, rule) => {
    const sentence = publicSentence(definition, rule, rule.column);
    expect(sentence).not.toMatch(/\d/);
    expect(sentence).not.toMatch(/a check on/);
  });

  it('says "over the twelve months" for a twelve-month column', () => {
    const police = RETURN_DEFINITIONS.find((d) => d.type === 'police')!;
    const rule = police.rules.find((r) => r.code === 'victims-more-than-victims-12m')!;
    expect(publicSentence(police, rule, rule.column)).toContain('victims were more than victims over the twelve months');
  });
});
