// An indicator as the catalogue API describes it, for component tests: a percentage share by
// default (charges per crime), with what a test cares about given as overrides.
import type { Indicator } from '../src/api/indicators';

export function indicatorFixture(overrides: Partial<Indicator> = {}): Indicator {
  return {
    id: 'charge-rate',
    title: 'Charge rate',
    definition: '',
    aim: 'perpetrators',
    aimTitle: '',
    source: 'police',
    numerator: ['charges'],
    denominator: { kind: 'columns', columns: ['crimes'] },
    multiplier: 100,
    unit: '%',
    decimals: 1,
    polarity: 'higher-better',
    ci: 'wilson',
    caveats: [],
    counts: 'events',
    numeratorWithinDenominator: true,
    valueNote: null,
    ...overrides,
  } as unknown as Indicator;
}
