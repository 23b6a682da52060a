// The overview card: a figure stored with a warning carries it beside the value (DOMAIN.md 5.7),
// and a comparison that could not be made says why and what to load.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AreaSummary, SummaryIndicator } from '../../api/indicators';
import { IndicatorCard } from './OverviewPage';

const BEDFORD = 'E06000055';
const PUBLIC = 'When the police force sent these figures, a check found that charges were more than crimes. They were stored as sent.';
const NOTE =
  'Not compared: no figures for Bedfordshire (E23000026) for R12-2019-20Q4 are held. An analyst can load its published figures as a benchmark return (indicator, area_code, period, numerator, denominator, value, source).';

function item(value: Partial<SummaryIndicator['value']> = {}): SummaryIndicator {
  return {
    indicator: {
      id: 'charge-rate',
      title: 'Charge rate',
      unit: '%',
      decimals: 1,
      polarity: 'higher-better',
      ci: 'wilson',
      source: 'police',
      denominator: { kind: 'columns', columns: ['crimes'] },
      counts: 'events',
      valueNote: null,
    },
    value: {
      area: BEDFORD,
      period: '2019-20Q3',
      numerator: 57,
      denominator: 55,
      value: 103.6364,
      lower95: null,
      upper95: null,
      lower998: null,
      upper998: null,
      status: 'ok',
      source: 'returns',
      missing: [],
      benchmark: { area: 'E23000026', value: 12, status: 'ok', level: '95', significance: 'not-compared', assessment: 'not-compared', note: null },
      ...value,
    },
    yearEarlier: null,
    trend: { marker: 'not-tested', judgement: 'not-tested', periods: [], chiSquared: null, reason: '' },
    sparkline: [],
    reference: null,
  } as SummaryIndicator;
}

function summary(kind: 'quarter' | 'rolling-year', id: string): AreaSummary {
  return {
    area: { code: BEDFORD, name: 'Bedford', type: 'local-authority' },
    period: { id, kind, label: id, quarters: [] },
    periodChosen: 'requested',
    benchmarkArea: { code: 'E23000026', name: 'Bedfordshire', type: 'police-force-area' },
    level: '95',
    disclosure: { view: 'suppressed', threshold: 5 },
    aims: [],
  };
}

const flag = (quarter: string) => ({ area: BEDFORD, quarter, accommodationType: null, code: 'charges-more-than-crimes', column: 'charges', message: PUBLIC });
const selection = { area: BEDFORD, period: null, benchmark: undefined, level: '95' as const };

function card(entry: SummaryIndicator, s: AreaSummary) {
  render(
    <ul>
      <IndicatorCard item={entry} summary={s} selection={selection} areaName={(c) => (c === BEDFORD ? 'Bedford' : c)} />
    </ul>,
  );
  return screen.getByRole('listitem');
}

describe('an overview card with a flagged figure', () => {
  it('shows the flag right under the value, in words', () => {
    const li = card(item({ warnings: [flag('2019-20Q3')] }), summary('quarter', '2019-20Q3'));
    expect(li.querySelector('.app-card__value')?.textContent).toBe('103.6%per cent of crimes in the quarter');
    const warning = li.querySelector('.app-card__value + .govuk-warning-text');
    expect(warning?.textContent).toBe(`!Warning: Flagged when sent: ${PUBLIC}`);
  });

  it('says which quarter of the twelve months was flagged', () => {
    const li = card(item({ period: 'R12-2019-20Q4', warnings: [flag('2019-20Q3')] }), summary('rolling-year', 'R12-2019-20Q4'));
    expect(li.querySelector('.govuk-warning-text')?.textContent).toContain('Flagged when sent (Q3 2019-20): When the police force');
  });

  it('shows no flag on a clean figure', () => {
    const li = card(item({ warnings: [] }), summary('quarter', '2019-20Q3'));
    expect(li.querySelector('.govuk-warning-text')).toBeNull();
    expect(li.textContent).not.toContain('Flagged');
  });
});

describe('an overview card whose benchmark has no figures', () => {
  it('says why it was not compared and what an analyst can load', () => {
    const entry = item({ benchmark: { area: 'E23000026', value: null, status: 'no-data', level: '95', significance: 'not-compared', assessment: 'not-compared', note: NOTE } });
    const li = card(entry, summary('rolling-year', 'R12-2019-20Q4'));
    expect(li.textContent).toContain('Not compared with Bedfordshire');
    expect(li.querySelector('.app-benchmark-note')?.textContent).toBe(
      'No figures for Bedfordshire (E23000026) for 12 months to Mar 2020 are held. An analyst can load its published figures as a benchmark return (indicator, area_code, period, numerator, denominator, value, source).',
    );
  });
  it('adds no note where there is none', () => {
    expect(card(item(), summary('quarter', '2019-20Q3')).querySelector('.app-benchmark-note')).toBeNull();
  });
});

describe('an overview card for a partnership’s own measure', () => {
  it('links to its indicator page with the id in one path segment', () => {
    const own = item();
    own.indicator = { ...own.indicator, id: 'local:4:campaign-reach', title: 'Campaign reach' };
    const li = card(own, summary('rolling-year', 'R12-2019-20Q4'));
    const link = li.querySelector('a')!;
    expect(link.textContent).toBe('Campaign reach');
    expect(link.getAttribute('href')).toBe(`/indicators/local%3A4%3Acampaign-reach?area=${BEDFORD}&period=R12-2019-20Q4`);
  });
});
