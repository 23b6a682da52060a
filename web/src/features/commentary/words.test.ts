// Commentary's words and keys as data: the byline, the revised-figures warning, the character
// count GOV.UK-style, what is wrong before sending, and the grouping one request is split by.
import { describe, expect, it } from 'vitest';
import { comment } from './test-server';
import { bodyProblem, byline, charactersLeftWords, commentKey, conflictWords, countWords, groupBySubject, otherPeriodWords, periodInSentence, revisedWarning, subjectKey } from './words';

describe('subject keys', () => {
  it('are the API’s subject filter', () => {
    expect(subjectKey({ kind: 'aim', aim: 3 })).toBe('aim:3');
    expect(subjectKey({ kind: 'measure', measure: 12 })).toBe('measure:12');
    expect(subjectKey({ kind: 'figure', indicator: 'repeat-victim-rate', area: 'E09000004' })).toBe('figure:repeat-victim-rate:E09000004');
  });

  it('group one period’s comments by what they are about, oldest first, leaving out a removed measure’s', () => {
    const onAim = comment({ id: 1 });
    const onMeasure = comment({ id: 2, subject: { kind: 'measure', indicator: 'x', area: 'A', measure: 12, aim: null, label: 'X, A', removed: false } });
    const laterOnAim = comment({ id: 3 });
    const removed = comment({ id: 4, subject: { kind: 'measure', indicator: 'x', area: 'A', measure: null, aim: null, label: 'X, A', removed: true } });
    const groups = groupBySubject([onAim, onMeasure, laterOnAim, removed]);
    expect([...groups.keys()]).toEqual(['aim:1', 'measure:12']);
    expect(groups.get('aim:1')!.map((c) => c.id)).toEqual([1, 3]);
    expect(commentKey(removed)).toBeNull();
    expect(commentKey(comment({ id: 5, subject: { kind: 'figure', indicator: 'x', area: 'A', measure: null, aim: null, label: '', removed: false } }))).toBe('figure:x:A');
  });
});

describe('words', () => {
  it('sign a comment with its author and the day, in UK time', () => {
    expect(byline({ author: { name: 'Demo analyst' }, writtenAt: '2026-11-25T10:00:00.000Z' })).toBe('Demo analyst, 25 November 2026');
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    expect(byline({ author: { name: 'Demo analyst' }, writtenAt: '2026-06-30T23:30:00.000Z' })).toBe('Demo analyst, 1 July 2026');
  });

  it('warn of figures revised since, only when they were', () => {
    expect(revisedWarning(null)).toBeNull();
    expect(revisedWarning({ revised: false, lastRevisedAt: null, quarters: [] })).toBeNull();
    expect(revisedWarning({ revised: true, lastRevisedAt: '2026-11-21T09:00:00.000Z', quarters: ['2026-27Q1', '2026-27Q2'] })).toMatch(
      /^The figures were revised on 21 November 2026 after this comment was written \(the quarters 2026-27 Q1.* and 2026-27 Q2.*\)\. Read it against the figures as they are now\.$/,
    );
    expect(revisedWarning({ revised: true, lastRevisedAt: null, quarters: [] })).toBe('The figures were revised after this comment was written. Read it against the figures as they are now.');
  });

  it('count the characters left, and over', () => {
    expect(charactersLeftWords('')).toBe('You have 5,000 characters remaining');
    expect(charactersLeftWords('x'.repeat(4999))).toBe('You have 1 character remaining');
    expect(charactersLeftWords('x'.repeat(5000))).toBe('You have 0 characters remaining');
    expect(charactersLeftWords('x'.repeat(5001))).toBe('You have 1 character too many');
    expect(charactersLeftWords('x'.repeat(6234))).toBe('You have 1,234 characters too many');
  });

  it('find what the server would refuse, counting as it does after trimming', () => {
    expect(bodyProblem('   \n ')).toBe('Write the commentary before saving it');
    expect(bodyProblem(` ${'x'.repeat(5000)} \n`)).toBeNull();
    expect(bodyProblem('x'.repeat(5003))).toBe('Commentary must be 5,000 characters or fewer: shorten it by 3');
  });

  it('count a measure’s comments, name another period, and explain a conflict', () => {
    expect(countWords(0)).toBe('Commentary');
    expect(countWords(2)).toBe('Commentary (2)');
    expect(otherPeriodWords({ period: 'R12-2026-27Q2', periodLabel: '12 months to Sep 2026' }, 'R12-2026-27Q2')).toBeNull();
    expect(otherPeriodWords({ period: '2026-27Q2', periodLabel: '2026-27 Q2 (Jul–Sep 2026)' }, 'R12-2026-27Q2')).toBe('About 2026-27 Q2 (Jul–Sep 2026)');
    expect(periodInSentence('Financial year 2020-21 (Apr 2020–Mar 2021)')).toBe('financial year 2020-21 (Apr 2020–Mar 2021)');
    expect(periodInSentence('12 months to Sep 2026')).toBe('12 months to Sep 2026');
    expect(conflictWords({ author: { id: 3, name: 'Another analyst' }, writtenAt: '2026-11-19T10:05:00.000Z', version: 3 })).toMatch(/^Another analyst revised this commentary on 19 November 2026 at 10:05 while you were writing\. Their version \(version 3\)/);
  });
});
