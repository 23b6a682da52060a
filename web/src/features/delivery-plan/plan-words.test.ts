// The plan in words: the summary sentence, overdue with its date, statuses told apart by more
// than colour, the filters read from the address, and the grouping by aim with overdue first
// once filtered.
import { describe, expect, it } from 'vitest';
import { ACTIONS, testAction, testPlan } from './test-plan';
import { dueWords, filterSentence, filtersFromSearch, groupByAim, overdueWords, STATUS_ORDER, STATUS_WORDS, summarySentence, updateByline } from './plan-words';

const ids = (groups: ReturnType<typeof groupByAim>) => groups.map((g) => [g.aim?.number ?? null, g.actions.map((a) => a.id)]);

describe('the summary sentence', () => {
  it('counts every status the plan has, in the order a board reads them, then the overdue', () => {
    expect(summarySentence(testPlan().summary)).toBe('5 actions: 1 complete, 1 on track, 1 at risk, 1 off track and 1 not yet assessed. 2 are overdue.');
    expect(summarySentence({ total: 19, overdue: 1, byStatus: { complete: 11, 'on-track': 5, 'at-risk': 2, 'off-track': 1, 'not-assessable': 0 } })).toBe(
      '19 actions: 11 complete, 5 on track, 2 at risk and 1 off track. 1 is overdue.',
    );
    expect(summarySentence({ total: 1, overdue: 0, byStatus: { complete: 1, 'on-track': 0, 'at-risk': 0, 'off-track': 0, 'not-assessable': 0 } })).toBe('1 action: 1 complete. None is overdue.');
    expect(summarySentence({ total: 0, overdue: 0, byStatus: { complete: 0, 'on-track': 0, 'at-risk': 0, 'off-track': 0, 'not-assessable': 0 } })).toBe('The plan has no actions yet.');
  });
});

describe('dates and statuses in words', () => {
  it('spells overdue out with the due date, and nothing for an action on time', () => {
    expect(overdueWords({ overdue: true, due: '2026-03-31' })).toBe('Overdue: due 31 March 2026');
    // Late October is still British Summer Time: the day must not slip.
    expect(overdueWords({ overdue: true, due: '2026-10-25' })).toBe('Overdue: due 25 October 2026');
    expect(overdueWords({ overdue: false, due: '2026-03-31' })).toBeNull();
    expect(dueWords(null)).toBe('No due date');
  });

  it('gives every status its own word and its own shape', () => {
    expect(new Set(STATUS_ORDER.map((s) => STATUS_WORDS[s].symbol)).size).toBe(STATUS_ORDER.length);
    expect(new Set(STATUS_ORDER.map((s) => STATUS_WORDS[s].text)).size).toBe(STATUS_ORDER.length);
  });

  it('writes an update’s date and author', () => {
    expect(updateByline(ACTIONS[0].updates[0])).toBe('21 April 2020, by Demo analyst');
  });
});

describe('filters from the address', () => {
  it('reads what it knows and ignores the rest', () => {
    expect(filtersFromSearch(new URLSearchParams('status=at-risk&overdue=true&aim=11'))).toEqual({ status: 'at-risk', overdueOnly: true, aim: 11 });
    expect(filtersFromSearch(new URLSearchParams('status=open'))).toEqual({ status: 'open', overdueOnly: undefined, aim: undefined });
    expect(filtersFromSearch(new URLSearchParams('status=amber&overdue=yes&aim=-1'))).toEqual({ status: undefined, overdueOnly: undefined, aim: undefined });
  });
});

describe('grouping by aim', () => {
  it('keeps the strategy’s order of aims and the plan’s order of actions, unlinked actions last', () => {
    const shuffled = [ACTIONS[4], ACTIONS[2], ACTIONS[0], ACTIONS[3], ACTIONS[1]];
    expect(ids(groupByAim(shuffled))).toEqual([
      [1, [1]],
      [2, [3, 4, 2]],
      [null, [5]],
    ]);
  });

  it('once filtered, puts each aim’s overdue actions first, longest overdue first', () => {
    expect(ids(groupByAim(ACTIONS, { status: 'open' }))).toEqual([
      [2, [4, 2, 3]],
      [null, [5]],
    ]);
  });

  it('filters by status, overdue and aim together', () => {
    expect(ids(groupByAim(ACTIONS, { overdueOnly: true }))).toEqual([[2, [4, 2]]]);
    expect(ids(groupByAim(ACTIONS, { status: 'at-risk', overdueOnly: true }))).toEqual([[2, [2]]]);
    expect(ids(groupByAim(ACTIONS, { aim: 10 }))).toEqual([[1, [1]]]);
    expect(ids(groupByAim(ACTIONS, { status: 'complete', aim: 11 }))).toEqual([]);
  });

  it('says what the filters show', () => {
    const title = (id: number) => (id === 11 ? 'Aim 2: Provision' : undefined);
    expect(filterSentence(5, 5, {}, title)).toBe('Showing all 5 actions.');
    expect(filterSentence(2, 5, { overdueOnly: true }, title)).toBe('Showing 2 of 5 actions: overdue only.');
    expect(filterSentence(1, 5, { status: 'at-risk', overdueOnly: true, aim: 11 }, title)).toBe('Showing 1 of 5 actions: status at risk, overdue only, Aim 2: Provision.');
    expect(filterSentence(4, 5, { status: 'open' }, title)).toBe('Showing 4 of 5 actions: not complete.');
  });

  it('counts an overdue action with no due date as overdue all the same', () => {
    expect(overdueWords(testAction({ id: 9, title: 'x', overdue: true, due: null }))).toBe('Overdue');
  });
});
