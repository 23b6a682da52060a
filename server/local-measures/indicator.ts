// A partnership's measure as an indicator the engine serves: numerator / denominator × multiplier
// over the measure's own rows of the local-measure return, summed over quarters for a year like
// any indicator. Nothing here is specific to one measure.
import { localIndicatorId, type LocalMeasure } from '../../schemas/local-measures-api';
import type { IndicatorDefinition, StrategyAim } from '../../schemas/indicators';

const COUNT_NOTE = 'A count the partnership defined for itself, with an exact Poisson interval where it has one; not compared with other areas.';

export function localIndicator(measure: Omit<LocalMeasure, 'organisations' | 'hasFigures' | 'indicator'>): IndicatorDefinition {
  const isCount = measure.denominator === null;
  return {
    id: localIndicatorId(measure.partnership, measure.id),
    title: measure.title,
    definition: measure.definition,
    aim: measure.aim as StrategyAim,
    source: 'local-measure',
    numerator: ['numerator'],
    denominator: isCount ? { kind: 'none' } : { kind: 'columns', columns: ['denominator'] },
    multiplier: measure.multiplier,
    unit: measure.unit,
    decimals: isCount ? 0 : 1,
    polarity: measure.polarity,
    ci: measure.interval,
    caveats: [isCount ? `Counts ${lowerFirst(measure.numerator)}.` : `${measure.numerator}, out of ${lowerFirst(measure.denominator!)}.`],
    counts: 'events',
    // A Wilson interval is for a share: its numerator is part of its denominator, whose rest is a count too.
    numeratorWithinDenominator: !isCount && measure.interval === 'wilson',
    valueNote: isCount ? COUNT_NOTE : null,
    partnership: measure.partnership,
    subkey: measure.id,
  };
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
