// The indicator page: a flagged figure says so beside its value, a comparison that could not be
// made says why, and a revision that brought a warning says so (DOMAIN.md 5.7).
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Indicator, IndicatorRevision, IndicatorValue } from '../../api/indicators';
import { Headline } from './IndicatorPage';
import { RevisionTable } from './Revisions';
import { indicatorFixture } from '../../../test/indicators';

const BEDFORD = 'E06000055';
const PUBLIC = 'When the police force sent these figures, a check found that charges were more than crimes. They were stored as sent.';
const indicator = indicatorFixture();

const value = (over: Partial<IndicatorValue> = {}): IndicatorValue => ({
  area: BEDFORD,
  period: '2019-20',
  numerator: 220,
  denominator: 215,
  value: 102.3256,
  lower95: null,
  upper95: null,
  lower998: null,
  upper998: null,
  status: 'ok',
  source: 'returns',
  missing: [],
  benchmark: null,
  yearEarlier: null,
  ...over,
});

const names = (c: string) => (c === BEDFORD ? 'Bedford' : 'Bedfordshire');

describe('the indicator’s headline', () => {
  it('carries the flag beside the value, saying which quarter of the year', () => {
    const { container } = render(
      <Headline
        value={value({ warnings: [{ area: BEDFORD, quarter: '2019-20Q3', accommodationType: null, code: 'charges-more-than-crimes', column: 'charges', message: PUBLIC }] })}
        indicator={indicator}
        benchmarkName={null}
        level="95"
        areaName={names}
      />,
    );
    expect(container.querySelector('.app-card__value')?.textContent).toBe('102.3%');
    expect(container.querySelector('.app-card__value + .govuk-warning-text')?.textContent).toBe(`!Warning: Flagged when sent (Q3 2019-20): ${PUBLIC}`);
  });

  it('says why a comparison was not made and what to load', () => {
    const note = 'Not compared: no figures for England (E92000001) for 2019-20 are held. An analyst can load its published figures as a benchmark return.';
    render(
      <Headline
        value={value({ benchmark: { area: 'E92000001', value: null, status: 'no-data', level: '95', significance: 'not-compared', assessment: 'not-compared', note } })}
        indicator={indicator}
        benchmarkName="England"
        level="95"
        areaName={names}
      />,
    );
    expect(screen.getByText('No figures for England (E92000001) for 2019-20 are held. An analyst can load its published figures as a benchmark return.')).toBeTruthy();
  });
});

describe('the revisions list', () => {
  const revision = (submissionId: number, warnings: string[]): IndicatorRevision => ({
    quarter: '2019-20Q3',
    quarterLabel: '2019-20 Q3 (Oct–Dec 2019)',
    accommodationType: null,
    submissionId,
    receivedAt: `2020-0${submissionId}-01T10:00:00.000Z`,
    columns: ['charges'],
    warnings,
    submittedBy: null,
    changes: null,
    afterApproval: false,
    reason: null,
  });
  it('says which revision brought a warning', () => {
    render(<RevisionTable revisions={[revision(2, [PUBLIC]), revision(3, [])]} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('td:last-child')?.textContent)).toEqual(['charges', `charges!Warning: Flagged when sent: ${PUBLIC}`]);
  });
});
