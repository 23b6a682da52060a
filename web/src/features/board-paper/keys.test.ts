// A board paper is read afresh whenever what it is built from changes: a stored return (its
// figures), an edit of the partnership's actions (its actions section), or a paper recorded as
// issued (its "revised since"); another partnership's paper is left alone.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { keysChangedByActionEdit } from '../../lib/delivery-plan-keys';
import { keysChangedByUpload, partnershipKeys } from '../../lib/query-keys';
import { boardPaperKeys } from './api';

async function invalidated(keys: ReadonlyArray<readonly unknown[]>) {
  const client = new QueryClient();
  const cached = {
    paper: boardPaperKeys.paper(3, {}),
    paperForAYear: boardPaperKeys.paper(3, { period: '2025-26' }),
    otherPartnership: boardPaperKeys.paper(4, {}),
    partnerships: partnershipKeys.list(),
  };
  for (const key of Object.values(cached)) client.setQueryData(key, 'cached');
  await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
  return Object.fromEntries(Object.entries(cached).map(([name, key]) => [name, client.getQueryState(key)?.isInvalidated]));
}

describe('board paper keys', () => {
  it('treat an absent period as the latest twelve months, one cache entry however it is spelt', () => {
    expect(boardPaperKeys.paper(3, { period: undefined })).toEqual(boardPaperKeys.paper(3, {}));
    expect(boardPaperKeys.paper(3, { period: '2025-26' })).not.toEqual(boardPaperKeys.paper(3, {}));
  });

  it('are refreshed by an upload, every partnership’s', async () => {
    expect(await invalidated(keysChangedByUpload())).toEqual({ paper: true, paperForAYear: true, otherPartnership: true, partnerships: false });
  });

  it('are refreshed by an action edit, that partnership’s only', async () => {
    expect(await invalidated(keysChangedByActionEdit(3))).toEqual({ paper: true, paperForAYear: true, otherPartnership: false, partnerships: false });
  });

  it('are refreshed by recording a paper as issued, that partnership’s only', async () => {
    expect(await invalidated([boardPaperKeys.papers(3)])).toEqual({ paper: true, paperForAYear: true, otherPartnership: false, partnerships: false });
  });
});
