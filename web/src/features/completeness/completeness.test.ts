import { describe, expect, it } from 'vitest';
import type { Submission } from '../../api/returns';
import { completenessGrid } from './CompletenessPage';

const submission = (id: number, areas: string[], receivedAt: string) => ({ id, areas, receivedAt }) as Submission;

describe('completenessGrid', () => {
  it('marks each area and quarter with its latest submission, and quarters not yet due', () => {
    const grid = completenessGrid(
      ['E06000060', 'E10000025'],
      ['2020-21Q1', '2020-21Q2', '2020-21Q3'],
      [[submission(1, ['E06000060', 'E10000025'], '2020-08-01T00:00:00Z'), submission(4, ['E06000060'], '2020-09-01T00:00:00Z')], [submission(2, ['E10000025'], '2020-11-01T00:00:00Z')], []],
      '2020-21Q2',
    );
    expect(grid.get('E06000060')!.get('2020-21Q1')).toEqual({ submission: { id: 4, receivedAt: '2020-09-01T00:00:00Z' }, due: true });
    expect(grid.get('E10000025')!.get('2020-21Q1')!.submission?.id).toBe(1);
    expect(grid.get('E06000060')!.get('2020-21Q2')).toEqual({ submission: null, due: true });
    expect(grid.get('E10000025')!.get('2020-21Q2')!.submission?.id).toBe(2);
    expect(grid.get('E06000060')!.get('2020-21Q3')).toEqual({ submission: null, due: false });
  });
});
