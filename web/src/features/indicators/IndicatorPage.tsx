// One indicator for one area: its value for the chosen period (for a quarter, against the same
// quarter a year before), what the figure does and does not count, its definition and
// metadata, the trend at every quarter as rolling twelve months (the board's default) or as
// quarters (interval band, benchmark line, reference range), every area under the same parent
// compared in the Fingertips manner, a data table with downloads beside each chart, and for
// analysts the revisions of the figures shown; for a reader whose partnership covers the area,
// its commentary on the figure and the partners' notes behind it. A figure stored with a warning
// says so beside the value, in the tables and in the downloads (DOMAIN.md 5.7); a comparison that
// could not be made says why and what to load. Opened without a period it shows the area's latest complete twelve
// months, as the overview does. Prints as a board paper.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  areaNamer,
  compareQueryOptions,
  LEVEL_LABELS,
  limitsAt,
  seriesQueryOptions,
  summaryQueryOptions,
  useAreas,
  useCatalogue,
  valuesQueryOptions,
  type AreaComparison,
  type AreaEntry,
  type AreaSummary,
  type Indicator,
  type IndicatorSeries,
  type IndicatorValue,
  type SeriesKind,
} from '../../api/indicators';
import { href, Link, useSearchParams } from '../../app/router';
import { DashboardFilters } from '../../components/DashboardFilters';
import { DataTable } from '../../components/DataTable';
import { DownloadTable } from '../../components/DownloadTable';
import { EChart } from '../../components/EChart';
import { FigureWarnings } from '../../components/FigureWarnings';
import { JudgementTag } from '../../components/Judgement';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { fileSlug } from '../../lib/csv';
import { formatCount, formatDate, formatInterval, formatValue, periodLabel, shortPeriodLabel } from '../../lib/format';
import { benchmarkNoteText, benchmarkWords, statusExplanation, trendWords, yearEarlierWords, type Assessment } from '../../lib/judgement';
import { lastQuarterOf, periodKindOf, quartersEndingWith } from '../../lib/periods';
import { findReturnType, returnTitle } from '../../lib/return-types';
import type { ReportingFrequency } from '../../../../schemas/returns/frequency';
import { selectionParams, useSelection, type Selection } from '../../lib/selection';
import { FigureCommentary } from '../commentary/FigureCommentary';
import { parseLocalIndicatorId } from '../../../../schemas/local-measures-api';
import { compareChartHeight, compareOption } from './charts/compare-option';
import { trendOption } from './charts/trend-option';
import { Revisions } from './Revisions';
import { unitFor, valueWithUnit, type UnitSubject } from '../../lib/units';
import { warningLines } from '../../lib/warnings';
import { compareTable, downloadRows, trendRowHeading, trendTable } from './tables';

/** Points in the trend chart: one at each quarter for three years. */
export const TREND_QUARTERS = 12;
/** For a return made once a year: a point for each of five financial years, the trend test's five points. */
export const TREND_YEARS = 5;
const QUARTERS_PER_YEAR = 4;

/** The trend chart's points: rolling twelve months unless quarters are asked for (`trend=quarter` in the address). */
export const DEFAULT_TREND_KIND: SeriesKind = 'rolling-year';
const TREND_PARAM = 'trend';

/**
 * The series the chart shows. A yearly source (the safe accommodation return) has a figure only
 * for each financial year, so its series is one point a year whatever the address asks: rolling
 * twelve months or quarters would show a point only every fourth quarter.
 */
export function trendKindOf(param: string | null, sourceFrequency: ReportingFrequency = 'quarterly'): SeriesKind {
  if (sourceFrequency === 'yearly') return 'financial-year';
  return param === 'quarter' ? 'quarter' : DEFAULT_TREND_KIND;
}

/** The quarters a series is asked for, ending with `to`: three years of quarters, or five financial years. */
export function trendQuarters(kind: SeriesKind, to: string): string[] {
  return quartersEndingWith(to, kind === 'financial-year' ? TREND_YEARS * QUARTERS_PER_YEAR : TREND_QUARTERS);
}

const POLARITY_WORDS: Record<Indicator['polarity'], string> = {
  'higher-better': 'A higher value is better.',
  'lower-better': 'A lower value is better.',
  'no-judgement': 'Neither a higher nor a lower value is judged better: differences are described as higher or lower.',
};

const CI_WORDS: Record<Indicator['ci'], string> = {
  byar: "Byar's method (exact Poisson limits below 10 events), as in OHID's Fingertips",
  wilson: 'Wilson score interval, as in OHID’s Fingertips',
  none: 'No confidence interval: differences are not tested for significance',
};

const POPULATION_WORDS: Record<string, string> = {
  all_ages: 'resident population, all ages',
  aged_16_plus: 'resident population aged 16 and over',
  females_16_plus: 'women aged 16 and over',
  aged_0_17: 'children aged 0 to 17',
};

function columnsInWords(columns: string[]): string {
  return columns.map((c) => c.replace(/_/g, ' ')).join(' + ');
}

/**
 * The reference as the chart draws it: for a quarter a yearly reference is a quarter of itself
 * (DOMAIN.md section 6); for twelve months it is as stated.
 */
export function referenceFor(indicator: Indicator, kind: SeriesKind): { low: number | null; high: number | null; label: string } | null {
  const r = indicator.reference;
  if (!r) return null;
  const scale = r.perYear && kind === 'quarter' ? 0.25 : 1;
  return { low: r.low === undefined ? null : r.low * scale, high: r.high === undefined ? null : r.high * scale, label: r.label };
}

/** The parent whose children are compared: the benchmark if it has children, else the area's own parent. */
export function comparisonParent(areas: readonly AreaEntry[], area: string, benchmark: string | undefined): string | null {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const entry = byCode.get(area);
  const candidates = [benchmark, entry?.defaultBenchmark ?? undefined, ...(entry?.parents ?? [])].filter((c): c is string => Boolean(c));
  return candidates.find((c) => (byCode.get(c)?.children.length ?? 0) > 0) ?? null;
}

function Metadata({ indicator }: { indicator: Indicator }) {
  const denominator =
    indicator.denominator.kind === 'population'
      ? `Population: ${POPULATION_WORDS[indicator.denominator.group] ?? indicator.denominator.group} (ONS mid-year estimates)`
      : indicator.denominator.kind === 'none'
        ? 'None: a count, shown as it is and not compared with other areas'
        : `${columnsInWords(indicator.denominator.columns)}, from the ${returnTitle(indicator.source).toLowerCase()}`;
  const rows: Array<[string, string]> = [
    ['Definition', indicator.definition],
    ['Strategy aim', indicator.aimTitle],
    ['Source', returnTitle(indicator.source)],
    ['Numerator', `${columnsInWords(indicator.numerator)}, from the ${returnTitle(indicator.source).toLowerCase()}`],
    ['Denominator', denominator],
    ['Unit', indicator.unit === '%' ? 'Per cent' : `${indicator.unit} (numerator ÷ denominator × ${formatCount(indicator.multiplier)})`],
    ['Which way is better', POLARITY_WORDS[indicator.polarity]],
    ['Confidence interval', CI_WORDS[indicator.ci]],
    ...(indicator.reference ? ([['Reference', `${indicator.reference.label}${indicator.reference.perYear ? ' (a yearly level: a quarter is compared with a quarter of it)' : ''}`]] as Array<[string, string]>) : []),
    ...(indicator.caveats.length ? ([['Things to bear in mind', indicator.caveats.join(' ')]] as Array<[string, string]>) : []),
    ['Indicator id', indicator.id],
  ];
  return (
    <dl className="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Headline({ value, indicator, benchmarkName, level, areaName }: { value: IndicatorValue; indicator: Indicator; benchmarkName: string | null; level: '95' | '99.8'; areaName: (c: string) => string }) {
  const format: UnitSubject = { unit: indicator.unit, decimals: indicator.decimals, denominator: indicator.denominator };
  const kind = periodKindOf(value.period);
  const limits = limitsAt(value, level);
  const interval = formatInterval(limits.lower, limits.upper, format);
  const explanation = statusExplanation(value.status, { missing: value.missing, areaName });
  const comparison = value.benchmark;
  const earlier = value.yearEarlier;
  return (
    <div className="govuk-!-margin-bottom-6">
      {value.status === 'ok' ? (
        <>
          <p className="app-card__value">{valueWithUnit(value.value, format, kind)}</p>
          <FigureWarnings lines={warningLines(value.warnings, { area: value.area, period: value.period, areaName })} className="govuk-!-margin-top-2 govuk-!-margin-bottom-4" />
        </>
      ) : (
        <>
          <p className="app-card__value">{explanation?.title}</p>
          <p className="govuk-body">{value.note ?? explanation?.text}</p>
        </>
      )}
      {indicator.valueNote && <p className="govuk-body">{indicator.valueNote}</p>}
      {value.status === 'ok' && interval && (
        <p className="govuk-body">
          {LEVEL_LABELS[level]} confidence interval: {interval}
          {value.numerator !== null && value.denominator !== null && (
            <>
              {' '}
              (from {formatCount(value.numerator)} of {formatCount(value.denominator)})
            </>
          )}
        </p>
      )}
      {comparison && benchmarkName && (
        <p className="govuk-body">
          <JudgementTag
            words={benchmarkWords(comparison.assessment, benchmarkName, { valueStatus: value.status, benchmarkStatus: comparison.status, hasInterval: limits.lower !== null })}
          />{' '}
          {comparison.value !== null && `${benchmarkName}: ${formatValue(comparison.value, format)}`}
        </p>
      )}
      {comparison?.note && comparison.significance === 'not-compared' && <p className="govuk-body-s app-benchmark-note">{benchmarkNoteText(comparison.note)}</p>}
      {earlier && (
        <p className="govuk-body">
          <JudgementTag words={yearEarlierWords(earlier.assessment, { valueStatus: value.status, earlierStatus: earlier.status, hasInterval: limits.lower !== null })} />{' '}
          {earlier.value !== null && `${shortPeriodLabel(earlier.period)}: ${formatValue(earlier.value, format)}`}
        </p>
      )}
    </div>
  );
}

const TREND_KIND_CHOICES: Array<{ kind: SeriesKind; label: string }> = [
  { kind: 'rolling-year', label: 'Rolling twelve months (a year’s figure at every quarter)' },
  { kind: 'quarter', label: 'Quarters' },
];

/** The choice between rolling twelve months and quarters: GOV.UK radios, applied at once (nothing else on the page moves). */
function TrendKindChoice({ kind, onChange }: { kind: SeriesKind; onChange: (kind: SeriesKind) => void }) {
  return (
    <div className="govuk-form-group app-no-print">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Show the trend as</legend>
        <div className="govuk-radios govuk-radios--small govuk-radios--inline">
          {TREND_KIND_CHOICES.map((choice) => (
            <div className="govuk-radios__item" key={choice.kind}>
              <input
                className="govuk-radios__input"
                id={`trend-kind-${choice.kind}`}
                name="trend-kind"
                type="radio"
                value={choice.kind}
                checked={kind === choice.kind}
                onChange={() => onChange(choice.kind)}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={`trend-kind-${choice.kind}`}>
                {choice.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function TrendSection({ series, level, reference, areaName }: { series: IndicatorSeries; level: '95' | '99.8'; reference: ReturnType<typeof referenceFor>; areaName: (code: string) => string }) {
  const format: UnitSubject = { unit: series.indicator.unit, decimals: series.indicator.decimals, denominator: series.indicator.denominator };
  const option = useMemo(
    () =>
      trendOption({
        title: series.indicator.title,
        areaName: series.area.name,
        benchmarkName: series.benchmarkArea?.name ?? null,
        format,
        kind: series.kind,
        levelLabel: LEVEL_LABELS[level],
        reference,
        points: series.points.map((p) => {
          const limits = limitsAt(p, level);
          return { period: p.period, value: p.value, lower: limits.lower, upper: limits.upper, status: p.status, benchmarkValue: p.benchmark?.value ?? null };
        }),
      }),
    // The series, level and reference identify the option; format is derived from the series.
    [series, level, JSON.stringify(reference)],
  );
  const table = trendTable(series, level, areaName);
  const trend = trendWords(series.trend.marker, series.trend.judgement);
  const quarterly = series.kind === 'quarter';
  const yearly = series.kind === 'financial-year';
  const name = `${series.indicator.title}, ${series.area.name}, ${quarterly ? 'by quarter' : yearly ? 'by financial year' : 'rolling twelve months'}`;
  const lastTested = series.trend.periods[series.trend.periods.length - 1];
  const trendSentence = (
    <strong>
      <span aria-hidden="true">{trend.symbol ? `${trend.symbol} ` : ''}</span>
      {trend.text}
    </strong>
  );
  return (
    <>
      {yearly ? (
        <p className="govuk-body">
          Each point is a financial year (April to March): the {returnTitle(series.indicator.source).toLowerCase()} is made once a year, so it has no figure for a quarter or for other twelve months.
          Recent trend{lastTested ? ` (five financial years, to ${lastTested})` : ''}: {trendSentence}
          {series.trend.marker === 'cannot-be-calculated' && ` (${series.trend.reason})`}.
        </p>
      ) : quarterly ? (
        <p className="govuk-body">
          Each point is one quarter’s figure ({unitFor(format, 'quarter')}). Abuse is seasonal, so compare a quarter with the same quarter a year before, not with the quarter before.
          Quarters are not tested for trend: choose rolling twelve months to see the recent trend.
        </p>
      ) : (
        <p className="govuk-body">
          Each point is the twelve months ending with that quarter: a year’s figure at every quarter, so the seasons do not show as rises and falls. Recent trend
          {lastTested ? ` (five rolling years a year apart, to ${shortPeriodLabel(lastTested).replace(/^12 months to /, '')})` : ''}:{' '}
          <strong>
            <span aria-hidden="true">{trend.symbol ? `${trend.symbol} ` : ''}</span>
            {trend.text}
          </strong>
          {series.trend.marker === 'cannot-be-calculated' && ` (${series.trend.reason})`}.
        </p>
      )}
      {reference && <p className="govuk-body">The shaded band or dotted line is the reference: {reference.label}.</p>}
      <EChart option={option} />
      <DataTable caption={name} firstHeader={trendRowHeading(series.kind)} model={table} />
      <DownloadTable fileName={fileSlug(series.indicator.id, series.area.name, quarterly ? 'by-quarter' : yearly ? 'by-financial-year' : 'rolling-12-months')} rows={downloadRows(table, trendRowHeading(series.kind))} label={name} />
    </>
  );
}

function CompareSection({ comparison, level, highlight, areaName }: { comparison: AreaComparison; level: '95' | '99.8'; highlight: string; areaName: (code: string) => string }) {
  const format: UnitSubject = { unit: comparison.indicator.unit, decimals: comparison.indicator.decimals, denominator: comparison.indicator.denominator };
  const bars = comparison.areas.map((a) => {
    const limits = limitsAt(a, level);
    return { code: a.area, name: a.name, value: a.value, lower: limits.lower, upper: limits.upper, status: a.status, assessment: (a.benchmark?.assessment ?? 'not-compared') as Assessment };
  });
  const option = useMemo(
    () =>
      compareOption({
        title: comparison.indicator.title,
        periodLabel: comparison.period.label,
        parentName: comparison.parent.name,
        parentValue: comparison.parent.status === 'ok' ? comparison.parent.value : null,
        format,
        periodKind: comparison.period.kind,
        levelLabel: LEVEL_LABELS[level],
        areas: bars,
        highlight,
      }),
    [comparison, level, highlight],
  );
  const present = [...new Set(bars.map((b) => b.assessment))];
  const table = compareTable(comparison, level, areaName);
  const name = `${comparison.indicator.title}: areas in ${comparison.parent.name}, ${comparison.period.label}`;
  return (
    <section aria-labelledby="compare-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="compare-heading">
        Compared with other areas in {comparison.parent.name}
      </h2>
      <p className="govuk-body">
        {comparison.period.label}
        {comparison.period.kind === 'quarter' ? ` (${unitFor(format, 'quarter')})` : ''}. Each bar is an area, highest first; the whisker is its {LEVEL_LABELS[level]} confidence interval and the dashed line is {comparison.parent.name}
        {comparison.parent.status === 'ok' ? ` (${formatValue(comparison.parent.value, format)})` : ' (no value)'}. Worse bars are also hatched; the chosen area is outlined in black.
      </p>
      <ul className="app-key" aria-label="Key">
        {present.map((k) => (
          <li key={k}>
            <JudgementTag words={benchmarkWords(k, comparison.parent.name)} />
          </li>
        ))}
      </ul>
      <EChart option={option} height={compareChartHeight(bars.length)} className="app-chart app-chart--tall" />
      <DataTable caption={name} firstHeader="Area" model={table} highlight={highlight} />
      <DownloadTable fileName={fileSlug(comparison.indicator.id, comparison.parent.name, comparison.period.id)} rows={downloadRows(table, 'Area')} label={name} />
    </section>
  );
}

/** The trend section: its series follows the indicator's source (one point a year for a yearly return). */
export function Trend({ indicator, selection, period, areaName }: { indicator: Indicator; selection: Selection & { area: string }; period: string; areaName: (code: string) => string }) {
  const [params, setParams] = useSearchParams();
  const frequency = findReturnType(indicator.source)?.frequency;
  const trendKind = trendKindOf(params.get(TREND_PARAM), frequency);
  const to = lastQuarterOf(period) ?? period;
  const quarters = trendQuarters(trendKind, to);
  const series = useQuery(seriesQueryOptions(indicator.id, { area: selection.area, kind: trendKind, from: quarters[0], to, benchmark: selection.benchmark, level: selection.level }));
  return (
    <section aria-labelledby="trend-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="trend-heading">
        {trendKind === 'quarter' ? 'Trend by quarter' : trendKind === 'financial-year' ? 'Trend by financial year' : 'Trend: rolling twelve months'}
      </h2>
      {trendKind !== 'financial-year' && <TrendKindChoice kind={trendKind} onChange={(kind) => setParams({ [TREND_PARAM]: kind === DEFAULT_TREND_KIND ? null : kind }, { replace: true })} />}
      <QueryState query={series} what="the trend">
        {(s) => <TrendSection series={s} level={selection.level} reference={referenceFor(indicator, s.kind)} areaName={areaName} />}
      </QueryState>
    </section>
  );
}

function IndicatorContent({ id, selection, period, areas }: { id: string; selection: Selection & { area: string }; period: string; areas: AreaEntry[] }) {
  const areaName = areaNamer(areas);
  const values = useQuery(valuesQueryOptions(id, { area: selection.area, period, benchmark: selection.benchmark, level: selection.level }));
  const parent = comparisonParent(areas, selection.area, selection.benchmark);
  // A partnership's own measure is reported by its areas alone: the other areas under a parent would all read "no data".
  const local = parseLocalIndicatorId(id) !== null;
  const compare = useQuery({ ...compareQueryOptions(id, { parent: parent ?? '', period, level: selection.level }), enabled: parent !== null && !local });
  const entry = areas.find((a) => a.code === selection.area);
  const linkSelection = { ...selection, period };

  return (
    <QueryState query={values} what="this indicator">
      {(data) => {
        const indicator = data.indicator;
        const value = data.values[0];
        const benchmarkName = value?.benchmark ? areaName(value.benchmark.area) : null;
        const quarter = periodKindOf(period) === 'quarter';
        return (
          <>
            <p className="app-print-only govuk-body">
              Board paper: {indicator.title}, {areaName(selection.area)}, {periodLabel(period)}
              {quarter ? ' (a figure for one quarter)' : ''}. Printed {formatDate(new Date().toISOString())}.
            </p>
            <p className="govuk-body-l">{periodLabel(period)}</p>
            {value && <Headline value={value} indicator={indicator} benchmarkName={benchmarkName} level={selection.level} areaName={areaName} />}
            <div className="app-actions app-no-print govuk-!-margin-bottom-6">
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => window.print()}>
                Print as a board paper
              </button>
              <Link className="govuk-link" to={href('/overview', selectionParams(linkSelection))}>
                Back to the overview
              </Link>
            </div>
            <FigureCommentary indicator={indicator.id} indicatorTitle={indicator.title} area={selection.area} areaName={areaName(selection.area)} period={period} />
            <h2 className="govuk-heading-m">About this indicator</h2>
            <Metadata indicator={indicator} />
            <Trend indicator={indicator} selection={selection} period={period} areaName={areaName} />
            {local ? (
              <p className="govuk-body">This is the partnership’s own measure: other areas do not report it, so it is not compared with them.</p>
            ) : parent ? (
              <QueryState query={compare} what="the comparison with other areas">
                {(c) => <CompareSection comparison={c} level={selection.level} highlight={selection.area} areaName={areaName} />}
              </QueryState>
            ) : (
              <p className="govuk-body">{areaName(selection.area)} has no parent area whose areas could be compared.</p>
            )}
            {entry?.type === 'local-authority' && <Revisions indicator={indicator.id} area={selection.area} period={period} />}
          </>
        );
      }}
    </QueryState>
  );
}

/**
 * The period the page shows: the one chosen, or (with none in the address) the area's latest
 * complete twelve months as the summary chooses them, shared with the overview's cached answer.
 */
function usePeriodShown(selection: Selection): { period: string | null; query: ReturnType<typeof useQuery<AreaSummary>> | null } {
  const chosen = selection.period;
  const summary = useQuery({
    ...summaryQueryOptions(selection.area ?? '', { benchmark: selection.benchmark, level: selection.level }),
    enabled: Boolean(selection.area) && chosen === null,
  });
  if (chosen !== null) return { period: chosen, query: null };
  return { period: summary.data?.period.id ?? null, query: summary };
}

export default function IndicatorPage({ params }: { params: Record<string, string> }) {
  const id = params.id;
  const [selection, update] = useSelection();
  const areas = useAreas();
  const areaName = areaNamer(areas.data);
  const shown = usePeriodShown(selection);
  return (
    <>
      <Link className="govuk-back-link" to={href('/overview', selectionParams(selection))}>
        Overview
      </Link>
      <IndicatorTitle id={id} areaName={selection.area ? areaName(selection.area) : undefined} />
      <QueryState query={areas} what="the list of areas">
        {(list) => (
          <>
            <DashboardFilters areas={list} selection={{ ...selection, period: shown.period }} onApply={update} />
            {!selection.area ? (
              <p className="govuk-body">Choose an area to see its figures.</p>
            ) : shown.period !== null ? (
              <IndicatorContent id={id} selection={{ ...selection, area: selection.area }} period={shown.period} areas={list} />
            ) : (
              shown.query && (
                <QueryState query={shown.query} what="the latest twelve months">
                  {() => null}
                </QueryState>
              )
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

function IndicatorTitle({ id, areaName }: { id: string; areaName?: string }) {
  const catalogue = useCatalogue();
  const title = catalogue.data?.find((i) => i.id === id)?.title ?? (catalogue.isError ? 'Indicator' : 'Loading indicator…');
  return (
    <PageHeading title={areaName ? `${title}: ${areaName}` : title} caption={areaName}>
      {title}
    </PageHeading>
  );
}
