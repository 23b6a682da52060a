// The explicit list of return types. A new return type is a definition file plus a line here
// (README: "Adding a return type"); every list of return types, in the code and in the tests, is
// built from this one.
import { benchmark } from './benchmark';
import { communityService } from './community-service';
import { courtOutcomes } from './court-outcomes';
import { csc } from './csc';
import { dhr } from './dhr';
import type { ReturnDefinition, ReturnTypeId } from './definition';
import { idva } from './idva';
import { localMeasure } from './local-measure';
import { marac } from './marac';
import { perpetratorProgramme } from './perpetrator-programme';
import { police } from './police';
import { population } from './population';
import { refuge } from './refuge';
import { safeAccommodation } from './safe-accommodation';
import { training } from './training';

export const RETURN_DEFINITIONS: readonly ReturnDefinition[] = [
  police,
  marac,
  idva,
  csc,
  refuge,
  perpetratorProgramme,
  dhr,
  training,
  communityService,
  courtOutcomes,
  safeAccommodation,
  // Its measures are defined per partnership at run time (server/local-measures): it has no
  // catalogue indicators of its own, and is expected only where a measure is defined.
  localMeasure,
  population,
  benchmark,
];

/** The local measure return, for code that sends or checks it by name (the demo, the measures' routes). */
export const LOCAL_MEASURE_DEFINITION: ReturnDefinition = localMeasure;

const byType = new Map<string, ReturnDefinition>(RETURN_DEFINITIONS.map((d) => [d.type, d]));

export function findReturnDefinition(type: string): ReturnDefinition | undefined {
  return byType.get(type);
}

/**
 * Adds a definition that the routes find by its type until the returned function removes it. For
 * tests that prove the code assumes nothing a definition does not declare (a return whose area
 * column is not `area_code`); lists built at start-up (RETURN_DEFINITIONS, the cycle's types)
 * do not include it.
 */
export function registerReturnDefinition(definition: ReturnDefinition): () => void {
  if (byType.has(definition.type)) throw new Error(`A return type "${definition.type}" is already registered.`);
  byType.set(definition.type, definition);
  return () => {
    if (byType.get(definition.type) === definition) byType.delete(definition.type);
  };
}

export const RETURN_TYPES = RETURN_DEFINITIONS.map((d) => d.type) as ReturnTypeId[];
/** The returns partners send (not reference data), in the registry's order. */
export const PARTNER_RETURN_DEFINITIONS: readonly ReturnDefinition[] = RETURN_DEFINITIONS.filter((d) => !d.reference);
export type { ReturnDefinition, ReturnTypeId };
