// A revision made after the quarter was approved says so, with its sender's reason where the
// reader may see which figures changed (DOMAIN.md 5.8).
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IndicatorRevision } from '../../api/indicators';
import { RevisionTable } from './Revisions';

const revision = (submissionId: number, afterApproval: boolean, reason: string | null): IndicatorRevision => ({
  quarter: '2026-27Q1',
  quarterLabel: '2026-27 Q1 (Apr–Jun 2026)',
  accommodationType: null,
  submissionId,
  receivedAt: `2026-0${submissionId}-01T10:00:00.000Z`,
  columns: reason ? ['repeat_victims'] : [],
  warnings: [],
  submittedBy: null,
  changes: null,
  afterApproval,
  reason,
});

describe('revisions made after approval', () => {
  it('show “Corrected after approval: <reason>”, and only that it was where the reason is withheld', () => {
    render(<RevisionTable revisions={[revision(9, true, 'Repeat victims were double counted.'), revision(8, true, null), revision(7, false, null)]} />);
    const cells = screen.getAllByRole('row').slice(1).map((r) => r.querySelector('td:last-child')?.textContent);
    expect(cells[0]).toBe('repeat victimsCorrected after approval: Repeat victims were double counted.');
    expect(cells[1]).toContain('Corrected after approval (the reason is not shown, to protect small numbers)');
    expect(cells[2]).not.toContain('approval');
    expect(screen.getByText('Repeat victims were double counted.', { exact: false })).toBeTruthy();
  });
});
