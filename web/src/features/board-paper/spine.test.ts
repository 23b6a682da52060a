// The spine as data: where each mark falls on the bar, the sentence a screen reader hears, and
// when no spine is drawn.
import { describe, expect, it } from 'vitest';
import { figureText, spineGeometry } from './spine';
import { NOT_ASSESSABLE, OFF_TRACK, testMeasure } from './test-paper';

describe('the spine', () => {
  it('places the area, benchmark and England on a scale from the lowest to the highest value shown, with room at each end', () => {
    // Values 22.0 (lowest), 25.0 (highest and the area), 24.2 (Thames Valley), 23.7 (England): the scale is 22.0 to 25.0.
    const spine = spineGeometry(OFF_TRACK)!;
    expect(spine.low.at).toBeCloseTo(0.025, 10);
    expect(spine.high.at).toBeCloseTo(0.975, 10);
    expect(spine.area.at).toBeCloseTo(0.975, 10);
    expect(spine.benchmark!.at).toBeCloseTo(0.025 + (2.2 / 3) * 0.95, 10);
    expect(spine.england!.at).toBeCloseTo(0.025 + (1.7 / 3) * 0.95, 10);
  });

  it('widens the scale for a benchmark or England outside the group’s range', () => {
    const spine = spineGeometry(testMeasure({ id: 1, status: 'on-track', spine: { ...OFF_TRACK.spine, england: { value: 19, status: 'ok', text: '19.0%' } } }))!;
    expect(spine.england!.at).toBeCloseTo(0.025, 10);
    expect(spine.low.at).toBeCloseTo(0.025 + (3 / 6) * 0.95, 10);
  });

  it('says what it shows in one sentence', () => {
    expect(spineGeometry(OFF_TRACK)!.description).toBe(
      'Buckinghamshire 25.0%; Thames Valley’s 9 areas range from 22.0% (Reading) to 25.0% (Buckinghamshire); Thames Valley 24.2%; England 23.7%.',
    );
  });

  it('leaves out a benchmark or England without a figure', () => {
    const spine = spineGeometry(testMeasure({ id: 1, status: 'on-track', benchmark: { ...OFF_TRACK.benchmark!, value: null, text: 'No published figure' }, spine: { ...OFF_TRACK.spine, england: null } }))!;
    expect(spine.benchmark).toBeNull();
    expect(spine.england).toBeNull();
    expect(spine.description).toBe('Buckinghamshire 25.0%; Thames Valley’s 9 areas range from 22.0% (Reading) to 25.0% (Buckinghamshire).');
  });

  it('is not drawn without a figure, or with fewer than two areas compared', () => {
    expect(spineGeometry(NOT_ASSESSABLE)).toBeNull();
    expect(spineGeometry(testMeasure({ id: 1, status: 'on-track', spine: { ...OFF_TRACK.spine, areasCompared: 1, lowest: null, highest: null } }))).toBeNull();
  });

  it('puts every mark in the middle when all the values are the same', () => {
    const same = { value: 25, text: '25.0%' };
    const spine = spineGeometry(testMeasure({ id: 1, status: 'on-track', benchmark: null, spine: { ...OFF_TRACK.spine, england: null, lowest: { ...OFF_TRACK.spine.lowest!, ...same }, highest: { ...OFF_TRACK.spine.highest!, ...same } } }))!;
    expect([spine.low.at, spine.high.at, spine.area.at]).toEqual([0.5, 0.5, 0.5]);
  });

  it('takes the figure without its interval for the sentence', () => {
    expect(figureText('5.1% (3.9% to 6.6%)')).toBe('5.1%');
    expect(figureText('2.70 per 100 crimes (2.29 to 3.16)')).toBe('2.70 per 100 crimes');
    expect(figureText('Hidden: small numbers')).toBe('Hidden: small numbers');
  });
});
