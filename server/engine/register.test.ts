// The engine's register agrees with the shipped one in schemas/areas.ts, and a register built
// from other areas (the national-scale benchmark's) works the same way.
import { describe, expect, it } from 'vitest';
import { AREAS, benchmarkChoicesFor, childrenOf, defaultBenchmarkOf, ENGLAND, type Area } from '../../schemas/areas';
import { createRegister, SHIPPED_REGISTER } from './register';

describe('the shipped register', () => {
  it.each(AREAS.filter((a) => a.code !== ENGLAND).map((a) => [a.code, a.name]))('%s %s: same children, default and choices as schemas/areas.ts', (code) => {
    expect(SHIPPED_REGISTER.childrenOf(code).map((a) => a.code)).toEqual(childrenOf(code).map((a) => a.code));
    expect(SHIPPED_REGISTER.defaultBenchmarkOf(code)).toBe(defaultBenchmarkOf(code));
    expect(SHIPPED_REGISTER.benchmarkChoicesFor(code)).toEqual(benchmarkChoicesFor(code));
  });

  it('gives England no comparator', () => {
    expect(SHIPPED_REGISTER.defaultBenchmarkOf(ENGLAND)).toBeNull();
    expect(SHIPPED_REGISTER.benchmarkChoicesFor(ENGLAND)).toEqual([]);
  });
});

describe('a register of other areas', () => {
  const areas: Area[] = [
    { code: ENGLAND, name: 'England', type: 'country', parents: [], computedFromChildren: false },
    { code: 'E23900001', name: 'Force 1', type: 'police-force-area', parents: [ENGLAND], computedFromChildren: true },
    { code: 'E08900001', name: 'Authority 1', type: 'local-authority', parents: ['E23900001'], computedFromChildren: false },
    { code: 'E08900002', name: 'Authority 2', type: 'local-authority', parents: ['E23900001'], computedFromChildren: false },
  ];
  const register = createRegister(areas);
  it('finds areas, children and benchmarks', () => {
    expect(register.find('E08900002')?.name).toBe('Authority 2');
    expect(register.childrenOf('E23900001').map((a) => a.code)).toEqual(['E08900001', 'E08900002']);
    expect(register.defaultBenchmarkOf('E08900001')).toBe('E23900001');
    expect(register.benchmarkChoicesFor('E08900001')).toEqual(['E23900001', ENGLAND]);
    expect(register.find('E09000004')).toBeUndefined();
  });
});
