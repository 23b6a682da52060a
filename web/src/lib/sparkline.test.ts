import { describe, expect, it } from 'vitest';
import { sparklineGeometry } from './sparkline';

describe('sparklineGeometry', () => {
  it('maps values into the box with padding and breaks at gaps', () => {
    expect(sparklineGeometry([10, 20, null, 30], 100, 40)).toEqual({
      segments: ['M3 37 L34.3 20', 'M97 3'],
      last: { x: 97, y: 3 },
    });
  });
  it('draws a flat line through the middle when every value is the same', () => {
    expect(sparklineGeometry([5, 5], 100, 40)).toEqual({ segments: ['M3 20 L97 20'], last: { x: 97, y: 20 } });
  });
  it('draws nothing without values', () => {
    expect(sparklineGeometry([null, null], 100, 40)).toEqual({ segments: [], last: null });
    expect(sparklineGeometry([], 100, 40)).toEqual({ segments: [], last: null });
  });
  it('centres a single value', () => {
    expect(sparklineGeometry([7], 100, 40)).toEqual({ segments: ['M50 20'], last: { x: 50, y: 20 } });
  });
});
