// The compare-areas chart's option as plain data.
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_COLOURS, INK } from '../../../lib/palette';
import { compareChartHeight, compareDescription, compareOption, sortForComparison, WORSE_DECAL, type CompareBar, type CompareInput } from './compare-option';

const bar = (code: string, name: string, value: number | null, assessment: CompareBar['assessment'], status: CompareBar['status'] = 'ok'): CompareBar => ({
  code,
  name,
  value,
  lower: value === null ? null : value - 1,
  upper: value === null ? null : value + 1,
  status,
  assessment,
});

const input: CompareInput = {
  title: 'Domestic abuse incidents per 1,000 people',
  periodLabel: 'Financial year 2020-21',
  parentName: 'Thames Valley',
  parentValue: 20,
  format: { unit: 'per 1,000 people', decimals: 1 },
  periodKind: 'financial-year',
  levelLabel: '95%',
  highlight: 'E06000060',
  areas: [
    bar('E06000038', 'Reading', 22.4, 'higher'),
    bar('E06000060', 'Buckinghamshire', 19.5, 'lower'),
    bar('E06000039', 'Slough', null, 'not-compared', 'suppressed'),
    bar('E10000025', 'Oxfordshire', 25.1, 'higher'),
    bar('E06000036', 'Bracknell Forest', 20.1, 'similar'),
    bar('E06000037', 'West Berkshire', null, 'not-compared', 'no-data'),
  ],
};

type Bar = { value: number | null; itemStyle: { color: string; borderWidth: number; borderColor: string; decal: unknown } };

describe('sortForComparison', () => {
  it('puts values highest first, then areas without a value by name', () => {
    expect(sortForComparison(input.areas).map((a) => a.name)).toEqual(['Oxfordshire', 'Reading', 'Bracknell Forest', 'Buckinghamshire', 'Slough', 'West Berkshire']);
  });
});

describe('compareOption', () => {
  const option = compareOption(input);
  const [bars, whiskers] = option.series as Array<{ id: string; data: unknown[]; markLine?: { data: unknown[] } }>;

  it('names the unit on the value axis, saying when it is for a quarter', () => {
    expect((option.xAxis as { name: string }).name).toBe('per 1,000 people');
    expect((compareOption({ ...input, periodKind: 'quarter' }).xAxis as { name: string }).name).toBe('per 1,000 people in the quarter');
  });

  it('names each bar, saying why one has no value', () => {
    expect((option.yAxis as { data: string[]; inverse: boolean }).data).toEqual(['Oxfordshire', 'Reading', 'Bracknell Forest', 'Buckinghamshire', 'Slough (suppressed)', 'West Berkshire (no data)']);
    expect((option.yAxis as { inverse: boolean }).inverse).toBe(true);
  });

  it('colours bars by significance, hatches worse ones and outlines the chosen area', () => {
    const data = bars.data as Bar[];
    expect(data.map((d) => d.value)).toEqual([25.1, 22.4, 20.1, 19.5, null, null]);
    expect(data.map((d) => d.itemStyle.color)).toEqual([
      ASSESSMENT_COLOURS.higher,
      ASSESSMENT_COLOURS.higher,
      ASSESSMENT_COLOURS.similar,
      ASSESSMENT_COLOURS.lower,
      ASSESSMENT_COLOURS['not-compared'],
      ASSESSMENT_COLOURS['not-compared'],
    ]);
    expect(data[3].itemStyle).toMatchObject({ borderWidth: 3, borderColor: INK });
    expect(data[0].itemStyle.borderWidth).toBe(0);
    const worse = compareOption({ ...input, areas: [bar('A', 'A', 30, 'worse')] }).series as Array<{ data: Bar[] }>;
    expect(worse[0].data[0].itemStyle.decal).toEqual(WORSE_DECAL);
    expect(option.aria).toMatchObject({ enabled: true, decal: { show: true } });
  });

  it('draws a whisker from lower to upper limit for each bar with a value', () => {
    expect(whiskers.id).toBe('whiskers');
    expect(whiskers.data).toEqual([
      [24.1, 26.1, 0],
      [21.4, 23.4, 1],
      [19.1, 21.1, 2],
      [18.5, 20.5, 3],
    ]);
  });

  it("marks the parent's value with a line", () => {
    expect(bars.markLine?.data).toEqual([{ xAxis: 20 }]);
    expect((compareOption({ ...input, parentValue: null }).series as Array<{ markLine?: unknown }>)[0].markLine).toBeUndefined();
  });

  it('describes the chart in words and sizes it to the areas', () => {
    expect(compareDescription(input)).toBe(
      'Bar chart of Domestic abuse incidents per 1,000 people for the 6 areas in Thames Valley, Financial year 2020-21, highest first. Thames Valley is 20.0 (dashed line). Compared with it: 2 higher, 1 similar, 1 lower, 2 not compared. The table beside the chart has every value.',
    );
    expect(compareChartHeight(6)).toBe(270);
    expect(compareChartHeight(1)).toBe(200);
  });
});
