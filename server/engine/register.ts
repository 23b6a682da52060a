// The area hierarchy as the engine sees it. The shipped register (schemas/areas.ts) is the
// default; the engine takes a register as a parameter so that the national-scale benchmark can
// run the same code over 300 synthetic authorities without touching the shipped list.
import { AREAS, ENGLAND, type Area } from '../../schemas/areas';

export interface AreaRegister {
  readonly areas: readonly Area[];
  find(code: string): Area | undefined;
  /** Areas that name `code` among their parents, in register order. */
  childrenOf(code: string): readonly Area[];
  /** The comparator used when none is asked for: the first parent, else England (DOMAIN.md section 7). */
  defaultBenchmarkOf(code: string): string | null;
  /** Every comparator an area may be shown against: its parents, then England. */
  benchmarkChoicesFor(code: string): readonly string[];
}

/**
 * Builds a register from a list of areas. Same rules as schemas/areas.ts (defaultBenchmarkOf,
 * benchmarkChoicesFor), with one difference: England has no comparator, so its default is null
 * rather than itself.
 */
export function createRegister(areas: readonly Area[], country: string = ENGLAND): AreaRegister {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const children = new Map<string, Area[]>();
  for (const area of areas) {
    for (const parent of area.parents) {
      const list = children.get(parent) ?? [];
      list.push(area);
      children.set(parent, list);
    }
  }
  const choices = new Map<string, string[]>();
  for (const area of areas) {
    const list = [...area.parents];
    if (area.code !== country && !list.includes(country)) list.push(country);
    choices.set(area.code, list);
  }
  return {
    areas,
    find: (code) => byCode.get(code),
    childrenOf: (code) => children.get(code) ?? [],
    defaultBenchmarkOf: (code) => choices.get(code)?.[0] ?? null,
    benchmarkChoicesFor: (code) => choices.get(code) ?? [],
  };
}

export const SHIPPED_REGISTER: AreaRegister = createRegister(AREAS);
