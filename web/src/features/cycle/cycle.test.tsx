// The quarter's returns in words: the status grid's cells and the overview's notice of what is
// overdue or late, both from /api/cycle/status cells (DOMAIN.md 5.8).
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CycleCell } from '../../../../schemas/cycle-api';
import { StatusGrid } from './CyclePage';
import { LateNoticeView } from './LateNotice';
import { lateNotice, lateNoticeSentence } from './status-text';

const BUCKS = 'E06000060';
const READING = 'E06000038';

function cell(over: Partial<CycleCell>): CycleCell {
  return {
    returnType: 'police',
    area: BUCKS,
    areaName: 'Buckinghamshire',
    quarter: '2026-27Q2',
    dueOn: '2026-10-30',
    status: 'received',
    receivedLate: false,
    firstReceivedAt: '2026-10-12T09:00:00.000Z',
    lastReceivedAt: '2026-10-12T09:00:00.000Z',
    signedOff: null,
    approved: null,
    correctedAfterApproval: false,
    ...over,
  };
}

const NOT_RECEIVED = { firstReceivedAt: null, lastReceivedAt: null } as const;

describe('the status grid', () => {
  const cells = [
    cell({ quarter: '2026-27Q1', dueOn: '2026-07-30', status: 'approved', approved: { at: '2026-08-20T10:00:00Z', by: 'Demo analyst' }, firstReceivedAt: '2026-07-12T09:00:00Z', lastReceivedAt: '2026-07-12T09:00:00Z' }),
    cell({}),
    cell({ returnType: 'idva', quarter: '2026-27Q1', dueOn: '2026-07-30', status: 'late', receivedLate: true, firstReceivedAt: '2026-08-14T09:00:00Z', lastReceivedAt: '2026-08-14T09:00:00Z' }),
    cell({ returnType: 'idva', status: 'overdue', ...NOT_RECEIVED }),
  ];

  it('writes each status in words, with its deadline and who did what', () => {
    render(<StatusGrid quarters={['2026-27Q1', '2026-27Q2']} cells={cells} role="board" />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['Police domestic abuse return', 'ApprovedDue 30 July 2026Received 12 July 2026Approved by Demo analyst, 20 August 2026', 'ReceivedDue 30 October 2026Received 12 October 2026'],
      ['IDVA service return', 'Received lateDue 30 July 2026Received 14 August 2026', 'OverdueDue 30 October 2026'],
    ]);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers a partner sign-off of what was received, and an analyst approval, each naming the return', () => {
    render(<StatusGrid quarters={['2026-27Q1', '2026-27Q2']} cells={cells} role="partner" />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Sign off Police domestic abuse return, Buckinghamshire, Q2 2026-27', 'Sign off IDVA service return, Buckinghamshire, Q1 2026-27']);
  });

  it('offers an analyst approval of every received return not yet approved', () => {
    render(<StatusGrid quarters={['2026-27Q1', '2026-27Q2']} cells={cells} role="analyst" />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Approve Police domestic abuse return, Buckinghamshire, Q2 2026-27', 'Approve IDVA service return, Buckinghamshire, Q1 2026-27']);
  });

  it('keeps "received late" once signed off, and says a correction came after approval', () => {
    render(
      <StatusGrid
        quarters={['2026-27Q1']}
        cells={[
          cell({ quarter: '2026-27Q1', dueOn: '2026-07-30', status: 'signed-off', receivedLate: true, firstReceivedAt: '2026-08-14T09:00:00Z', lastReceivedAt: '2026-08-14T09:00:00Z', signedOff: { at: '2026-08-15T09:00:00Z', by: 'Demo police data officer' } }),
        ]}
        role="board"
      />,
    );
    expect(screen.getAllByRole('cell')[1].textContent).toBe('Signed offDue 30 July 2026Received late 14 August 2026Signed off by Demo police data officer, 15 August 2026');
  });
});

describe('the notice of late and overdue returns', () => {
  const cells = [
    cell({ returnType: 'idva', status: 'overdue', ...NOT_RECEIVED }),
    cell({ returnType: 'csc', status: 'overdue', ...NOT_RECEIVED }),
    cell({ returnType: 'refuge', quarter: '2026-27Q1', dueOn: '2026-07-30', status: 'late', receivedLate: true, firstReceivedAt: '2026-09-13T09:00:00Z' }),
    cell({ returnType: 'marac', area: READING, areaName: 'Reading', status: 'overdue', ...NOT_RECEIVED }),
    cell({ status: 'received' }),
  ];

  it('names what is overdue for the area and when it was due, and what came in late', () => {
    const notice = lateNotice(cells, { code: BUCKS, name: 'Buckinghamshire' }, () => false);
    expect(lateNoticeSentence(notice)).toBe(
      "2 returns are overdue for Buckinghamshire: IDVA service return, Q2 2026-27 (due 30 October 2026) and Children's social care return, Q2 2026-27 (due 30 October 2026). " +
        '1 return came in late for Buckinghamshire: Safe accommodation return, Q1 2026-27 (due 30 July 2026, received 13 September 2026).',
    );
  });

  it('for a parent area, names the area each return is for', () => {
    const notice = lateNotice(cells, { code: 'E23000029', name: 'Thames Valley' }, (c) => c === READING);
    expect(notice).toEqual({ overdue: { heading: '1 return is overdue for Thames Valley', items: ['MARAC return for Reading, Q2 2026-27 (due 30 October 2026)'] }, late: null });
  });

  it('shows nothing when nothing is late or overdue, and otherwise a banner with a link to the statuses', () => {
    const { container } = render(<LateNoticeView notice={{ overdue: null, late: null }} areaCode={BUCKS} />);
    expect(container.textContent).toBe('');
    render(<LateNoticeView notice={lateNotice(cells, { code: BUCKS, name: 'Buckinghamshire' }, () => false)} areaCode={BUCKS} />);
    const region = screen.getByRole('region', { name: 'Important' });
    expect(within(region).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'IDVA service return, Q2 2026-27 (due 30 October 2026)',
      "Children's social care return, Q2 2026-27 (due 30 October 2026)",
      'Safe accommodation return, Q1 2026-27 (due 30 July 2026, received 13 September 2026)',
    ]);
    expect(within(region).getByRole('link', { name: 'See every return’s status and deadline' }).getAttribute('href')).toBe(`/quarter?area=${BUCKS}`);
  });
});
