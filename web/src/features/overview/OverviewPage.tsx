// The overview: every indicator for one area and period, grouped by the strategy's aims. Each
// card gives the value in its unit (saying so when it is for a quarter), what the figure does
// and does not count, its confidence interval, the comparison with the benchmark in words and
// colour, for a quarter the same quarter a year before, the reference range where there is
// one, the recent trend and a sparkline of the figures a year apart, or a plain explanation of
// why there is no value. A figure stored with a warning says so under it (DOMAIN.md 5.7), and a
// comparison that could not be made says why and what an analyst can load. Opened without a period it shows the area's latest complete twelve
// months, as the server chooses them. All of it comes from one summary request. Prints as a
// board paper: a table of every indicator first, then the cards (styles/_print.scss).
import { useQuery } from '@tanstack/react-query';
import { areaNamer, LEVEL_LABELS, limitsAt, summaryQueryOptions, useAreas, type AreaSummary, type SummaryIndicator } from '../../api/indicators';
import { href, Link } from '../../app/router';
import { DashboardFilters } from '../../components/DashboardFilters';
import { FigureWarnings } from '../../components/FigureWarnings';
import { JudgementTag } from '../../components/Judgement';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { TableHead } from '../../components/TableHead';
import { Sparkline } from '../../components/Sparkline';
import { formatCount, formatDate, formatInterval, formatValue, periodLabel, shortPeriodLabel } from '../../lib/format';
import { benchmarkNoteText, benchmarkWords, referenceWords, statusExplanation, trendWords, yearEarlierWords, type Assessment } from '../../lib/judgement';
import { selectionParams, useSelection, type Selection } from '../../lib/selection';
import { sparklineText } from '../../lib/sparkline';
import { unitCaptionFor, valueWithUnit, type UnitSubject } from '../../lib/units';
import { warningLines } from '../../lib/warnings';
import { LateNoticeForArea } from '../cycle/LateNotice';

const KEY: Assessment[] = ['better', 'similar', 'worse', 'higher', 'lower', 'not-compared'];

function CardSparkline({ points, format }: { points: SummaryIndicator['sparkline']; format: UnitSubject }) {
  const text = sparklineText(points, format);
  if (!text) return <p className="app-card__meta">Not enough figures a year apart to draw a line.</p>;
  return <Sparkline values={text.values} description={text.description} firstLabel={text.firstLabel} lastLabel={text.lastLabel} />;
}

function TrendLine({ trend }: { trend: SummaryIndicator['trend'] }) {
  const words = trendWords(trend.marker, trend.judgement);
  let detail: string;
  if (trend.marker === 'not-tested') detail = ': quarters are seasonal';
  else if (trend.marker === 'cannot-be-calculated') detail = `: ${trend.reason}`;
  else detail = ' over five years';
  return (
    <p className="app-trend">
      <span aria-hidden="true">{words.symbol ? `${words.symbol} ` : ''}</span>
      {words.text}
      {detail}
    </p>
  );
}

function YearEarlierLine({ item, format, level }: { item: SummaryIndicator; format: UnitSubject; level: AreaSummary['level'] }) {
  const earlier = item.yearEarlier;
  if (!earlier) return null;
  const limits = limitsAt(item.value, level);
  const words = yearEarlierWords(earlier.assessment, { valueStatus: item.value.status, earlierStatus: earlier.status, hasInterval: limits.lower !== null });
  return (
    <p className="govuk-!-margin-0">
      <JudgementTag words={words} />
      {earlier.value !== null && (
        <span className="app-card__meta">
          {' '}
          {shortPeriodLabel(earlier.period)}: {formatValue(earlier.value, format)}
        </span>
      )}
    </p>
  );
}

export function IndicatorCard({ item, summary, selection, areaName }: { item: SummaryIndicator; summary: AreaSummary; selection: Selection; areaName: (code: string) => string }) {
  const { indicator, value, trend, reference } = item;
  const format: UnitSubject = { unit: indicator.unit, decimals: indicator.decimals, denominator: indicator.denominator };
  const kind = summary.period.kind;
  const limits = limitsAt(value, summary.level);
  const interval = formatInterval(limits.lower, limits.upper, format);
  const benchmarkName = summary.benchmarkArea?.name ?? null;
  const comparison = value.benchmark;
  const words =
    comparison && benchmarkName
      ? benchmarkWords(comparison.assessment, benchmarkName, { valueStatus: value.status, benchmarkStatus: comparison.status, hasInterval: limits.lower !== null })
      : null;
  const explanation = statusExplanation(value.status, { missing: value.missing, threshold: summary.disclosure.threshold, areaName });
  const tone = value.status === 'ok' && comparison ? comparison.assessment : 'not-compared';
  const headingId = `card-${indicator.id}`;

  return (
    <li className={`app-card app-card--${tone}`} aria-labelledby={headingId}>
      <h3 className="app-card__title" id={headingId}>
        <Link className="govuk-link" to={href(`/indicators/${encodeURIComponent(indicator.id)}`, selectionParams({ ...selection, period: summary.period.id }))}>
          {indicator.title}
        </Link>
      </h3>
      {value.status === 'ok' ? (
        <p className="app-card__value">
          {formatValue(value.value, format)}
          <span className="app-card__unit">{unitCaptionFor(format, kind)}</span>
        </p>
      ) : (
        <>
          <p className="app-card__value">{explanation?.title}</p>
          <p className="app-status-note">{value.note ?? explanation?.text}</p>
        </>
      )}
      {value.status === 'ok' && <FigureWarnings lines={warningLines(value.warnings, { area: summary.area.code, period: summary.period.id, areaName })} />}
      {indicator.valueNote && <p className="app-value-note">{indicator.valueNote}</p>}
      {value.status === 'ok' && interval && (
        <p className="app-card__meta">
          {LEVEL_LABELS[summary.level]} confidence interval: {interval}
        </p>
      )}
      {value.status === 'ok' && value.numerator !== null && value.denominator !== null && (
        <p className="app-card__meta">
          From {formatCount(value.numerator)} of {formatCount(value.denominator)}
        </p>
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
      {comparison?.note && comparison.significance === 'not-compared' && <p className="app-card__meta app-benchmark-note">{benchmarkNoteText(comparison.note)}</p>}
      <YearEarlierLine item={item} format={format} level={summary.level} />
      {reference && (
        <p className="govuk-!-margin-0">
          <JudgementTag words={referenceWords(reference.comparison, referenceRangeText(reference, format))} />
        </p>
      )}
      <TrendLine trend={trend} />
      <CardSparkline points={item.sparkline} format={format} />
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

/** What a card says in a few words, for the printed summary table. */
function summaryRow(item: SummaryIndicator, summary: AreaSummary, areaName: (code: string) => string) {
  const { indicator, value, trend } = item;
  const format: UnitSubject = { unit: indicator.unit, decimals: indicator.decimals, denominator: indicator.denominator };
  const limits = limitsAt(value, summary.level);
  const benchmarkName = summary.benchmarkArea?.name ?? null;
  const comparison = value.benchmark;
  const ok = value.status === 'ok';
  return {
    value: ok ? valueWithUnit(value.value, format, summary.period.kind) : (statusExplanation(value.status, { missing: value.missing, threshold: summary.disclosure.threshold, areaName })?.title ?? 'No figure'),
    interval: ok ? (formatInterval(limits.lower, limits.upper, format) ?? '') : '',
    comparison:
      comparison && benchmarkName
        ? benchmarkWords(comparison.assessment, benchmarkName, { valueStatus: value.status, benchmarkStatus: comparison.status, hasInterval: limits.lower !== null })
        : null,
    trend: trendWords(trend.marker, trend.judgement),
  };
}

/**
 * The printed board paper opens with every indicator on a line, grouped by aim: the figure, its
 * interval, the comparison and the trend, so the board reads the whole picture on one or two
 * pages before the cards. On screen the cards say the same.
 */
export function PrintSummary({ summary, areaName }: { summary: AreaSummary; areaName: (code: string) => string }) {
  const benchmark = summary.benchmarkArea?.name;
  return (
    <section className="app-print-only app-print-summary" aria-labelledby="print-summary-heading">
      <h2 className="govuk-heading-m" id="print-summary-heading">
        Summary
      </h2>
      <table className="govuk-table app-print-summary__table">
        <caption className="govuk-visually-hidden">Every indicator for {summary.area.name}, {summary.period.label}</caption>
        <TableHead columns={['Indicator', `Figure (${LEVEL_LABELS[summary.level]} interval)`, benchmark ? `Compared with ${benchmark}` : 'Compared with the benchmark', 'Trend']} />
        {summary.aims.map((aim) => (
          <tbody className="govuk-table__body" key={aim.aim}>
            <tr className="govuk-table__row">
              <th scope="colgroup" colSpan={4} className="govuk-table__header app-print-summary__aim">
                {aim.title}
              </th>
            </tr>
            {aim.indicators.map((item) => {
              const row = summaryRow(item, summary, areaName);
              return (
                <tr className="govuk-table__row" key={item.indicator.id}>
                  <th scope="row" className="govuk-table__header">
                    {item.indicator.title}
                  </th>
                  <td className="govuk-table__cell">
                    {row.value}
                    {row.interval && ` (${row.interval})`}
                  </td>
                  <td className="govuk-table__cell">{row.comparison ? <JudgementTag words={row.comparison} /> : ''}</td>
                  <td className="govuk-table__cell">
                    <span aria-hidden="true">{row.trend.symbol ? `${row.trend.symbol} ` : ''}</span>
                    {row.trend.text}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </section>
  );
}

function Summary({ summary, selection, areaName }: { summary: AreaSummary; selection: Selection; areaName: (code: string) => string }) {
  const benchmark = summary.benchmarkArea?.name;
  const quarter = summary.period.kind === 'quarter';
  return (
    <>
      <p className="app-print-only govuk-body">
        Board paper: domestic abuse outcomes for {summary.area.name}, {summary.period.label}
        {quarter ? ' (figures for one quarter)' : ''}
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
      {summary.periodChosen === 'latest-twelve-months' && (
        <p className="govuk-body">
          These are the latest twelve months for which {summary.area.name}’s police figures are held. Choose a period above to see another year or a single quarter.
        </p>
      )}
      {quarter && (
        <div className="govuk-inset-text">
          These figures are for one quarter, not a year. Abuse is seasonal, so each quarter is compared with the same quarter a year before, never with the quarter before.
        </div>
      )}
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
      <PrintSummary summary={summary} areaName={areaName} />
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
    ...summaryQueryOptions(selection.area ?? '', { period: selection.period ?? undefined, benchmark: selection.benchmark, level: selection.level }),
    enabled: Boolean(selection.area),
  });
  const areaName = areaNamer(areas.data);
  const title = selection.area ? `Overview: ${areaName(selection.area)}` : 'Overview';
  // The period shown: the one chosen, or the one the server chose.
  const period = selection.period ?? summary.data?.period.id ?? null;

  return (
    <>
      <PageHeading title={period ? `${title}, ${periodLabel(period)}` : title}>{title}</PageHeading>
      <QueryState query={areas} what="the list of areas">
        {(list) => <DashboardFilters areas={list} selection={{ ...selection, period }} onApply={update} />}
      </QueryState>
      {selection.area && <LateNoticeForArea areaCode={selection.area} />}
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

