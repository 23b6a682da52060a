// The explicit list of return types. A new return type is a definition file plus a line here.
import { benchmark } from './benchmark';
import { csc } from './csc';
import type { ReturnDefinition, ReturnTypeId } from './definition';
import { idva } from './idva';
import { marac } from './marac';
import { police } from './police';
import { population } from './population';
import { refuge } from './refuge';

export const RETURN_DEFINITIONS: readonly ReturnDefinition[] = [police, marac, idva, csc, refuge, population, benchmark];

const byType = new Map<string, ReturnDefinition>(RETURN_DEFINITIONS.map((d) => [d.type, d]));

export function findReturnDefinition(type: string): ReturnDefinition | undefined {
  return byType.get(type);
}

export const RETURN_TYPES = RETURN_DEFINITIONS.map((d) => d.type) as ReturnTypeId[];
export type { ReturnDefinition, ReturnTypeId };
