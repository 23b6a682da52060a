import { describe, expect, it } from 'vitest';
import { AREAS, benchmarkChoicesFor, childrenOf, defaultBenchmarkOf, resolveArea } from './areas';

describe('area register (DOMAIN.md section 3)', () => {
  it('holds the 33 London boroughs under London and the Metropolitan Police', () => {
    const boroughs = childrenOf('E12000007');
    expect(boroughs).toHaveLength(33);
    expect(boroughs.every((a) => a.parents.includes('E23000001'))).toBe(true);
    expect(childrenOf('E23000001')).toHaveLength(33);
  });

  it('holds Thames Valley and Bedfordshire with their authorities', () => {
    expect(childrenOf('E23000029').map((a) => a.code).sort()).toEqual(
      ['E06000036', 'E06000037', 'E06000038', 'E06000039', 'E06000040', 'E06000041', 'E06000042', 'E06000060', 'E10000025'].sort(),
    );
    expect(childrenOf('E23000026').map((a) => a.name).sort()).toEqual(['Bedford', 'Central Bedfordshire', 'Luton']);
  });

  it('every parent named is in the register and codes are unique', () => {
    const codes = new Set(AREAS.map((a) => a.code));
    expect(codes.size).toBe(AREAS.length);
    for (const a of AREAS) for (const p of a.parents) expect(codes.has(p)).toBe(true);
  });

  it.each([
    ['E09000004', 'E09000004', 'code'],
    ['e09000004', 'E09000004', 'code'],
    ['Bexley', 'E09000004', 'name'],
    ['London Borough of Bexley', 'E09000004', 'name'],
    ['Windsor & Maidenhead', 'E06000040', 'name'],
    ['Royal Borough of Windsor and Maidenhead', 'E06000040', 'name'],
    ['E10000002', 'E06000060', 'predecessor'],
    ['Buckinghamshire Council', 'E06000060', 'name'],
    ['City of London', 'E09000001', 'name'],
  ])('resolves %j to %s by %s', (text, code, via) => {
    const m = resolveArea(text);
    expect(m?.area.code).toBe(code);
    expect(m?.via).toBe(via);
  });

  it.each(['E09999999', 'Narnia', ''])('does not resolve %j', (text) => {
    expect(resolveArea(text)).toBeNull();
  });

  it('benchmarks a London borough against London and Buckinghamshire against Thames Valley', () => {
    expect(defaultBenchmarkOf('E09000004')).toBe('E12000007');
    expect(defaultBenchmarkOf('E06000060')).toBe('E23000029');
    expect(benchmarkChoicesFor('E06000060')).toEqual(['E23000029', 'E92000001']);
    expect(benchmarkChoicesFor('E09000004')).toEqual(['E12000007', 'E23000001', 'E92000001']);
  });
});
