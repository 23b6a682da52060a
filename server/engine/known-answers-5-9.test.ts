// Known answers for the indicators of the returns of DOMAIN.md 5.9, through the real upload and
// values routes: the example row of each return (server/test/rows.ts) for Bexley in 2019-20 Q3,
// with Bexley's mid-2019 population. The limits were worked out by hand from DOMAIN.md section 7's
// formulas (Wilson for proportions, Byar from 10 events, exact Poisson below), independently of
// server/engine/statistics.ts, to six significant figures.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../../schemas/indicators';
import { getAs, load, valueOf } from '../routes/indicators.test-support';
import { buildTestApp } from '../test/helpers';

const BEXLEY = 'E09000004';
const QUARTER = '2019-20Q3';
const NEW_RETURNS = new Set(['perpetrator-programme', 'dhr', 'training', 'community-service', 'court-outcomes']);

type Answer = [id: string, numerator: number, denominator: number | null, value: number, lower95: number | null, upper95: number | null];

// The example rows: perpetrator programme 30 referrals, 15 starts, 9 completions, 630 days waited;
// DHR 1 review into 1 death, none published; training 120 trained (30 from health), 78 of 90
// evaluations more confident; community 140 referrals, 500 helpline contacts, 41 of 50 outreach
// closures safer, 85 One Stop Shop visits, 12 champions; courts 68 convictions of 90
// prosecutions, 40 protection order applications, 22 of 25 special measures granted, 15 of 20
// witnesses supported. Bexley aged 16+ (the example population row): 195,000.
const ANSWERS: Answer[] = [
  ['perpetrator-programme-completion-pct', 9, 15, 60, 35.7468301, 80.1755039],
  ['perpetrator-programme-mean-wait', 630, 15, 42, null, null],
  ['perpetrator-programme-referral-rate', 30, 195_000, 15.3846154, 10.3779175, 21.9632677],
  // One event: exact Poisson, qchisq(0.025, 2)/2 and qchisq(0.975, 4)/2.
  ['dhr-reviews-commissioned', 1, null, 1, 0.0253178, 5.5716434],
  ['dhr-deaths-reviewed', 1, null, 1, 0.0253178, 5.5716434],
  ['dhr-reviews-published', 0, null, 0, null, null],
  ['training-professionals-trained', 120, null, 120, null, null],
  ['training-health-pct', 30, 120, 25, 18.1098217, 33.4411367],
  ['training-social-care-pct', 25, 120, 20.8333333, 14.5284396, 28.9476784],
  ['training-education-pct', 20, 120, 16.6666667, 11.0559964, 24.3452814],
  ['training-housing-pct', 10, 120, 8.3333333, 4.5893650, 14.6622322],
  ['training-confidence-pct', 78, 90, 86.6666667, 78.1260695, 92.2053180],
  ['community-referral-rate', 140, 195_000, 7.1794872, 6.0394371, 8.4721286],
  ['community-helpline-contact-rate', 500, 195_000, 25.6410256, 23.4424523, 27.9902500],
  ['community-outreach-feel-safer-pct', 41, 50, 82, 69.2039463, 90.2298073],
  ['community-one-stop-shop-visits', 85, null, 85, null, null],
  ['community-champions-trained', 12, null, 12, null, null],
  ['conviction-rate', 68, 90, 75.5555556, 65.7516289, 83.2672169],
  ['protection-order-application-rate', 40, 195_000, 20.5128205, 14.6529743, 27.9333843],
  ['special-measures-granted-pct', 22, 25, 88, 70.0442061, 95.8331828],
  ['court-support-pct', 15, 20, 75, 53.1299122, 88.8138299],
];

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
  await load(app, 'population', [{}]);
  for (const type of NEW_RETURNS) await load(app, type, [{}]);
});
afterAll(async () => {
  await app.close();
});

describe('known answers for the indicators of DOMAIN.md 5.9', () => {
  it('has an answer for every indicator of the new returns', () => {
    expect(ANSWERS.map(([id]) => id).sort()).toEqual(INDICATORS.filter((i) => NEW_RETURNS.has(i.source)).map((i) => i.id).sort());
  });

  it.each(ANSWERS)('%s', async (id, numerator, denominator, value, lower95, upper95) => {
    const v = await valueOf(app, id, BEXLEY, QUARTER, '', 'analyst');
    expect(v).toMatchObject({ status: 'ok', numerator, denominator });
    expect(v.value).toBeCloseTo(value, 6);
    if (lower95 === null) {
      expect(v.lower95).toBeNull();
      expect(v.upper95).toBeNull();
    } else {
      expect(v.lower95).toBeCloseTo(lower95, 6);
      expect(v.upper95).toBeCloseTo(upper95!, 6);
    }
  });

  it('shows a board member a count of 1 as suppressed, and a count of 0 as 0', async () => {
    expect(await valueOf(app, 'dhr-reviews-commissioned', BEXLEY, QUARTER)).toMatchObject({ status: 'suppressed', value: null });
    expect(await valueOf(app, 'dhr-reviews-published', BEXLEY, QUARTER)).toMatchObject({ status: 'ok', value: 0 });
  });

  it('does not compare a count with a larger area’s count, and says why', async () => {
    const { body } = await getAs(app, 'analyst', `/api/indicators/training-professionals-trained/values?area=${BEXLEY}&period=${QUARTER}&benchmark=E12000007`);
    expect(body.values[0].benchmark).toMatchObject({ area: 'E12000007', significance: 'not-compared', assessment: 'not-compared' });
    expect(body.values[0].benchmark.note).toMatch(/count/);
  });
});
