// The overview: every indicator for one area and period, grouped by the strategy's aims. Each
// card gives the value in its unit, its confidence interval, the comparison with the benchmark
// in words and colour, the reference range where there is one, the recent trend and a
// sparkline, or a plain explanation of why there is no value. Prints as a board paper.
import { useQuery } from '@tanstack/react-query';
import { areaNamer, LEVEL_LABELS, limitsAt, seriesQueryOptions, summaryQueryOptions, useAreas, type AreaSummary, type SummaryIndicator } from '../../api/indicators';
import { href, Link } from '../../app/router';
import { DashboardFilters } from '../../components/DashboardFilters';
import { JudgementTag } from '../../components/Judgement';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { Sparkline } from '../../components/Sparkline';
import { formatCount, formatDate, formatInterval, formatValue, periodLabel, shortPeriodLabel, unitCaption } from '../../lib/format';
import { benchmarkWords, referenceWords, statusExplanation, trendWords, type Assessment } from '../../lib/judgement';
import { lastQuarterOf, quartersEndingWith } from '../../lib/periods';
import { selectionParams, useSelection, type Selection } from '../../lib/selection';

/** Quarters in a sparkline: two years. */
export const SPARKLINE_QUARTERS = 8;

const KEY: Assessment[] = ['better', 'similar', 'worse', 'higher', 'lower', 'not-compared'];

function CardSparkline({ id, area, to, format }: { id: string; area: string; to: string; format: { unit: string; decimals: number } }) {
  const quarters = quartersEndingWith(to, SPARKLINE_QUARTERS);
  const series = useQuery(seriesQueryOptions(id, { area, from: quarters[0], to }));
  if (series.isPending) return <p className="app-card__meta">Loading trend…</p>;
  if (series.isError) return <p className="app-card__meta">The trend could not be loaded.</p>;
  const points = series.data.points;
  const values = points.map((p) => (p.status === 'ok' ? p.value : null));
  const shown = points.filter((p) => p.status === 'ok' && p.value !== null);
  if (shown.length < 2) return <p className="app-card__meta">Not enough quarters for a trend line.</p>;
  const first = shown[0];
  const last = shown[shown.length - 1];
  const description = `Quarterly trend: ${formatValue(first.value, format)} in ${shortPeriodLabel(first.period)}, ${formatValue(last.value, format)} in ${shortPeriodLabel(last.period)}.`;
  return <Sparkline values={values} description={description} />;
}

function IndicatorCard({ item, summary, selection, areaName }: { item: SummaryIndicator; summary: AreaSummary; selection: Selection; areaName: (code: string) => string }) {
  const { indicator, value, trend, reference } = item;
  const format = { unit: indicator.unit, decimals: indicator.decimals };
  const limits = limitsAt(value, summary.level);
  const interval = formatInterval(limits.lower, limits.upper, format);
  const benchmarkName = summary.benchmarkArea?.name ?? null;
  const comparison = value.benchmark;
  const words =
    comparison && benchmarkName
      ? benchmarkWords(comparison.assessment, benchmarkName, { valueStatus: value.status, benchmarkStatus: comparison.status, hasInterval: limits.lower !== null })
      : null;
  const explanation = statusExplanation(value.status, { missing: value.missing, threshold: summary.disclosure.threshold, areaName });
  const trendText = trendWords(trend.marker, trend.judgement);
  const to = lastQuarterOf(summary.period.id) ?? summary.period.id;
  const tone = value.status === 'ok' && comparison ? comparison.assessment : 'not-compared';
  const headingId = `card-${indicator.id}`;

  return (
    <li className={`app-card app-card--${tone}`} aria-labelledby={headingId}>
      <h3 className="app-card__title" id={headingId}>
        <Link className="govuk-link" to={href(`/indicators/${indicator.id}`, selectionParams(selection))}>
          {indicator.title}
        </Link>
      </h3>
      {value.status === 'ok' ? (
        <>
          <p className="app-card__value">
            {formatValue(value.value, format)}
            <span className="app-card__unit">{unitCaption(format)}</span>
          </p>
          {interval && (
            <p className="app-card__meta">
              {LEVEL_LABELS[summary.level]} confidence interval: {interval}
            </p>
          )}
          {value.numerator !== null && value.denominator !== null && (
            <p className="app-card__meta">
              From {formatCount(value.numerator)} of {formatCount(value.denominator)}
            </p>
          )}
        </>
      ) : (
        <>
          <p className="app-card__value">{explanation?.title}</p>
          <p className="app-status-note">{explanation?.text}</p>
        </>
      )}
      {words && (
        <p className="govuk-!-margin-0">
          <JudgementTag words={words} />
          {comparison && comparison.value !== null && (
            <span className="app-card__meta">
              {' '}
              {benchmarkName}: {formatValue(comparison.value, format)}
            </span>
          )}
        </p>
      )}
      {reference && (
        <p className="govuk-!-margin-0">
          <JudgementTag words={referenceWords(reference.comparison, referenceRangeText(reference, format))} />
        </p>
      )}
      <p className="app-trend">
        <span aria-hidden="true">{trendText.symbol} </span>
        {trendText.text}
        {trend.marker === 'cannot-be-calculated' ? `: ${trend.reason}` : <span className="govuk-visually-hidden"> over the five most recent comparable periods</span>}
      </p>
      {selection.area && <CardSparkline id={indicator.id} area={selection.area} to={to} format={format} />}
    </li>
  );
}

function referenceRangeText(reference: NonNullable<SummaryIndicator['reference']>, format: { unit: string; decimals: number }): string {
  const { low, high } = reference;
  if (low !== null && high !== null) return `${formatValue(low, format)} to ${formatValue(high, format)}`;
  if (low !== null) return `at least ${formatValue(low, format)}`;
  if (high !== null) return `at most ${formatValue(high, format)}`;
  return reference.label;
}

function Summary({ summary, selection, areaName }: { summary: AreaSummary; selection: Selection; areaName: (code: string) => string }) {
  const benchmark = summary.benchmarkArea?.name;
  return (
    <>
      <p className="app-print-only govuk-body">
        Board paper: domestic abuse outcomes for {summary.area.name}, {summary.period.label}
        {benchmark ? `, compared with ${benchmark}` : ''}. Printed {formatDate(new Date().toISOString())}.
      </p>
      <p className="govuk-body-l">
        {summary.period.label}
        {benchmark ? (
          <>
            , compared with {benchmark} at {LEVEL_LABELS[summary.level]} confidence.
          </>
        ) : (
          '.'
        )}
      </p>
      {summary.disclosure.view === 'unsuppressed' ? (
        <div className="govuk-inset-text">You are seeing unsuppressed figures, including small numbers. Do not share them outside the analysts' team.</div>
      ) : (
        <p className="govuk-body">Counts below {summary.disclosure.threshold} are hidden to protect people's privacy.</p>
      )}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">How to read the comparisons</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">
            Each figure is compared with {benchmark ?? 'its benchmark'} using its confidence interval: it is better or worse only when the whole interval is on one side of the benchmark's value.
            Figures where a rise is neither good nor bad (for example, more reporting) are described as higher or lower.
          </p>
          <ul className="app-key" aria-label="Key">
            {KEY.map((k) => (
              <li key={k}>
                <JudgementTag words={benchmarkWords(k, benchmark ?? 'the benchmark')} />
              </li>
            ))}
          </ul>
        </div>
      </details>
      <div className="app-actions app-no-print govuk-!-margin-bottom-6">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => window.print()}>
          Print as a board paper
        </button>
      </div>
      {summary.aims.map((aim) => (
        <section className="app-aim" key={aim.aim} aria-labelledby={`aim-${aim.aim}`}>
          <h2 className="govuk-heading-m" id={`aim-${aim.aim}`}>
            {aim.title}
          </h2>
          <ul className="app-cards">
            {aim.indicators.map((item) => (
              <IndicatorCard key={item.indicator.id} item={item} summary={summary} selection={selection} areaName={areaName} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export default function OverviewPage() {
  const [selection, update] = useSelection();
  const areas = useAreas();
  const summary = useQuery({
    ...summaryQueryOptions(selection.area ?? '', { period: selection.period, benchmark: selection.benchmark, level: selection.level }),
    enabled: Boolean(selection.area),
  });
  const areaName = areaNamer(areas.data);
  const title = selection.area ? `Overview: ${areaName(selection.area)}` : 'Overview';

  return (
    <>
      <PageHeading title={`${title}, ${periodLabel(selection.period)}`}>{title}</PageHeading>
      <QueryState query={areas} what="the list of areas">
        {(list) => <DashboardFilters areas={list} selection={selection} onApply={update} />}
      </QueryState>
      {!selection.area ? (
        <p className="govuk-body">Choose an area to see its figures.</p>
      ) : (
        <QueryState query={summary} what="the overview">
          {(data) => <Summary summary={data} selection={selection} areaName={areaName} />}
        </QueryState>
      )}
    </>
  );
}
