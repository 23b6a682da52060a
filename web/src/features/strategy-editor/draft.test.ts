// The editor's pure parts: a version read from the API becomes a draft and goes back as the same
// input (ids kept; a copy for a new version keeps none), aims move, the checks before sending
// name their field, the API's refusals land on the field they are about, and the target reads
// as the partnership page will state it.
import { describe, expect, it } from 'vitest';
import type { StrategyView } from '../../../../schemas/strategy-api';
import type { Indicator } from '../../api/indicators';
import { ApiError } from '../../lib/api-client';
import { problemsFromApi } from './api-problems';
import { blankAim, blankMeasure, blankTarget, draftFromView, draftProblems, fieldId, moved, parseNumber, strategyInput, type StrategyDraft } from './draft';
import { targetPreview } from './preview';

const figure = (period: string) => ({ period, periodLabel: period, numerator: 1, denominator: 2, value: 50, lower95: 40, upper95: 60, status: 'ok' as const, note: null });

function measure(id: number, indicator: string, target: StrategyView['aims'][number]['measures'][number]['target']) {
  return {
    id,
    indicator,
    indicatorTitle: indicator,
    unit: '%',
    area: 'E10000025',
    areaName: 'Oxfordshire',
    owner: 'Thames Valley Police',
    baseline: figure('2019-20'),
    target,
    latest: { ...figure('R12-2026-27Q2'), benchmark: null },
    path: null,
    status: 'on-track' as const,
    reason: 'Because.',
  };
}

const VIEW: Pick<StrategyView, 'strategy' | 'aims'> = {
  strategy: { id: 7, title: 'Oxfordshire DA Strategy', from: '2019-20', to: '2023-24' },
  aims: [
    {
      id: 31,
      title: 'Prevention',
      description: null,
      status: 'on-track',
      measures: [
        measure(101, 'repeat-victim-rate', { kind: 'value', value: 25, by: '2023-24', direction: 'decrease' }),
        measure(102, 'marac-repeat-rate', { kind: 'range', low: 28, high: 40, label: 'SafeLives: 28% to 40% repeat cases' }),
      ],
    },
    { id: 32, title: 'Provision', description: 'Support for all', status: 'at-risk', measures: [measure(103, 'arrest-rate', { kind: 'benchmark', benchmark: null })] },
  ],
};

const PERCENT: Indicator = { id: 'repeat-victim-rate', unit: '%', decimals: 1, denominator: { kind: 'columns', columns: ['victims'] }, polarity: 'lower-better' } as Indicator;

describe('a draft', () => {
  it('comes from the API’s view and goes back as the same aims and measures, ids kept', () => {
    const input = strategyInput(draftFromView(VIEW));
    expect(input).toEqual({
      title: 'Oxfordshire DA Strategy',
      from: '2019-20',
      to: '2023-24',
      aims: [
        {
          id: 31,
          title: 'Prevention',
          description: null,
          measures: [
            { id: 101, indicator: 'repeat-victim-rate', area: 'E10000025', baseline: '2019-20', target: { kind: 'value', value: 25, by: '2023-24', direction: 'decrease' }, owner: 'Thames Valley Police' },
            { id: 102, indicator: 'marac-repeat-rate', area: 'E10000025', baseline: '2019-20', target: { kind: 'range', low: 28, high: 40, label: 'SafeLives: 28% to 40% repeat cases' }, owner: 'Thames Valley Police' },
          ],
        },
        { id: 32, title: 'Provision', description: 'Support for all', measures: [{ id: 103, indicator: 'arrest-rate', area: 'E10000025', baseline: '2019-20', target: { kind: 'benchmark', benchmark: null }, owner: 'Thames Valley Police' }] },
      ],
    });
  });

  it('copied for a new version keeps the content but no ids', () => {
    const input = strategyInput(draftFromView(VIEW, false));
    expect(input.aims.map((a) => a.title)).toEqual(['Prevention', 'Provision']);
    expect(JSON.stringify(input)).not.toContain('"id"');
  });

  it('gives every aim and measure a key of its own, so fields keep their ids when aims move', () => {
    const draft = draftFromView(VIEW);
    const keys = [...draft.aims.map((a) => a.key), ...draft.aims.flatMap((a) => a.measures.map((m) => m.key))];
    expect(new Set(keys).size).toBe(keys.length);
    expect(fieldId({ scope: 'measure', key: draft.aims[0].measures[0].key, field: 'target-by' })).toBe(`measure-${draft.aims[0].measures[0].key}-target-by`);
  });

  it('moves an aim one place up or down, and nowhere past either end', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('reads numbers as people type them', () => {
    expect(parseNumber(' 1,250.5 ')).toBe(1250.5);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('25%')).toBeNull();
  });
});

describe('the checks before sending', () => {
  const polarity = (id: string) => id !== 'da-incident-rate';

  it('finds nothing wrong with a complete version', () => {
    expect(draftProblems(draftFromView(VIEW), polarity)).toEqual([]);
  });

  it('names each missing field, in the form’s order, by aim and measure', () => {
    const aim = { ...blankAim(), measures: [blankMeasure('E10000025')] };
    const draft: StrategyDraft = { title: ' ', from: '2023-24', to: '2021-22', aims: [aim] };
    const m = aim.measures[0].key;
    expect(draftProblems(draft, polarity)).toEqual([
      { at: { scope: 'strategy', field: 'title' }, text: 'Enter the strategy’s title' },
      { at: { scope: 'strategy', field: 'to' }, text: 'The strategy must end in or after the year it starts' },
      { at: { scope: 'aim', key: aim.key, field: 'title' }, text: 'Aim 1: enter its title' },
      { at: { scope: 'measure', key: m, field: 'indicator' }, text: 'Aim 1, measure 1: choose the indicator' },
      { at: { scope: 'measure', key: m, field: 'baseline' }, text: 'Aim 1, measure 1: choose the baseline’s twelve months' },
      { at: { scope: 'measure', key: m, field: 'owner' }, text: 'Aim 1, measure 1: enter who owns the measure' },
      { at: { scope: 'measure', key: m, field: 'target-value' }, text: 'Aim 1, measure 1: enter the target value as a number, for example 25' },
      { at: { scope: 'measure', key: m, field: 'target-by' }, text: 'Aim 1, measure 1: choose the twelve months by which the target should be reached' },
      { at: { scope: 'measure', key: m, field: 'target-direction' }, text: 'Aim 1, measure 1: choose whether the figure should be at least or at most the target' },
    ]);
  });

  it('asks for a range with an end, in order, and a direction for a benchmark target on an indicator that is not judged', () => {
    const base = { ...blankMeasure('E10000025'), indicator: 'da-incident-rate', baseline: '2019-20', owner: 'OCC' };
    const withTarget = (target: Partial<ReturnType<typeof blankTarget>>): StrategyDraft => ({ title: 'T', from: '2021-22', to: '2023-24', aims: [{ ...blankAim(), title: 'A', measures: [{ ...base, target: { ...blankTarget(), ...target } }] }] });
    const texts = (draft: StrategyDraft) => draftProblems(draft, polarity).map((p) => p.text);
    expect(texts(withTarget({ kind: 'range' }))).toEqual(['Aim 1, measure 1: enter a low end, a high end or both']);
    expect(texts(withTarget({ kind: 'range', low: '40', high: '28' }))).toEqual(['Aim 1, measure 1: the high end must not be below the low end']);
    expect(texts(withTarget({ kind: 'range', low: 'lots' }))).toEqual(['Aim 1, measure 1: enter the low end as a number, or leave it blank']);
    expect(texts(withTarget({ kind: 'range', high: '40' }))).toEqual([]);
    expect(texts(withTarget({ kind: 'benchmark' }))).toEqual(['Aim 1, measure 1: this indicator has no better direction of its own; choose whether higher or lower is better']);
    expect(texts(withTarget({ kind: 'benchmark', direction: 'decrease' }))).toEqual([]);
    expect(texts(withTarget({ kind: 'direction', direction: 'increase' }))).toEqual([]);
  });
});

describe('the API’s refusal', () => {
  const draft = draftFromView(VIEW);
  const refusal = (status: number, code: string, message: string) => new ApiError(status, message, { statusCode: status, error: 'Bad Request', message, code }, code);

  it('puts a sentence about a measure on the field it names, as the API wrote it', () => {
    const second = draft.aims[0].measures[1].key;
    const first = draft.aims[0].measures[0].key;
    const benchmarked = draft.aims[1].measures[0].key;
    expect(problemsFromApi(refusal(400, 'invalid-strategy', 'Aim 1, measure 1: the target period (2019-20) must end after the baseline period (2019-20).'), draft)).toEqual([
      { at: { scope: 'measure', key: first, field: 'target-by' }, text: 'Aim 1, measure 1: the target period (2019-20) must end after the baseline period (2019-20).' },
    ]);
    expect(problemsFromApi(refusal(400, 'invalid-strategy', "Aim 1, measure 2: the range's low end (40) is above its high end (28)."), draft)[0].at).toEqual({ scope: 'measure', key: second, field: 'target-high' });
    expect(problemsFromApi(refusal(400, 'invalid-strategy', 'Aim 2, measure 1: "E99" is not an area we know. GET /api/areas lists the areas.'), draft)[0].at).toEqual({ scope: 'measure', key: benchmarked, field: 'area' });
    expect(problemsFromApi(refusal(400, 'invalid-strategy', 'Aim 2, measure 1: an area cannot be its own benchmark.'), draft)[0].at).toEqual({ scope: 'measure', key: benchmarked, field: 'target-benchmark' });
  });

  it('puts a version that already exists on the first year, and the years the wrong way round on the last', () => {
    expect(problemsFromApi(refusal(409, 'strategy-exists', 'Oxfordshire already has a strategy starting in 2019-20; change that one (PUT) instead.'), draft)).toEqual([
      { at: { scope: 'strategy', field: 'from' }, text: 'Oxfordshire already has a strategy starting in 2019-20; change that one (PUT) instead.' },
    ]);
    expect(problemsFromApi(refusal(400, 'invalid-strategy', 'The strategy starts (2024-25) after it ends (2023-24).'), draft)[0].at).toEqual({ scope: 'strategy', field: 'to' });
  });

  it('turns the request schema’s paths and rules into words on their fields', () => {
    const problems = problemsFromApi(refusal(400, 'invalid-request', 'The request is not valid: aims/1/title: Too small: expected string to have >=1 characters; aims/0/measures/1/owner: Too big: expected string to have <=200 characters; from: a financial year id such as 2021-22'), draft);
    expect(problems).toEqual([
      { at: { scope: 'aim', key: draft.aims[1].key, field: 'title' }, text: 'Aim 2: enter the title' },
      { at: { scope: 'measure', key: draft.aims[0].measures[1].key, field: 'owner' }, text: 'Aim 1, measure 2: the owner must be 200 characters or fewer' },
      { at: { scope: 'strategy', field: 'from' }, text: 'The first year: a financial year id such as 2021-22' },
    ]);
  });

  it('says nothing was saved when the answer is about the whole form', () => {
    expect(problemsFromApi(refusal(404, 'unknown-strategy', 'Oxfordshire has no strategy version 9.'), draft)).toEqual([{ at: null, text: 'Oxfordshire has no strategy version 9. Nothing was saved.' }]);
    expect(problemsFromApi(new TypeError('x'), draft)).toEqual([{ at: null, text: 'Something went wrong, and nothing was saved. Try again.' }]);
  });
});

describe('the target’s preview', () => {
  it('reads as the partnership page states it, and says nothing while incomplete', () => {
    const target = { ...blankTarget('decrease'), kind: 'value' as const, value: '25', by: '2023-24' };
    expect(targetPreview(target, PERCENT, 'Thames Valley')).toBe('At most 25.0% by 2023-24');
    expect(targetPreview({ ...target, value: '' }, PERCENT, 'Thames Valley')).toBeNull();
    expect(targetPreview({ ...blankTarget('increase'), kind: 'direction' }, PERCENT, 'Thames Valley')).toBe('An increase on the baseline');
    expect(targetPreview({ ...blankTarget(), kind: 'range', low: '28', high: '40' }, PERCENT, 'Thames Valley')).toBe('Between 28.0% and 40.0%');
    expect(targetPreview({ ...blankTarget(), kind: 'range', low: '28', label: 'SafeLives' }, PERCENT, 'Thames Valley')).toBe('SafeLives');
    expect(targetPreview({ ...blankTarget(), kind: 'benchmark' }, PERCENT, 'Thames Valley')).toBe('Better than Thames Valley');
    expect(targetPreview({ ...blankTarget('decrease'), kind: 'benchmark' }, PERCENT, 'England')).toBe('Lower than England');
  });
});
