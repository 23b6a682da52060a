// One aim's measures as a table: the indicator (a link to its page for that area and period: the
// evidence), area, baseline, target in words, the latest figure with its 95% interval, the
// comparison with the benchmark, and the status with the one-sentence reason. On a narrow screen
// each row stacks into a block with the column's name beside each value (the labels are for
// sight only; a screen reader has the column headers), so nothing scrolls sideways; in print the
// table shrinks to the page's width.
import { Fragment } from 'react';
import type { Indicator } from '../../api/indicators';
import { href, Link } from '../../app/router';
import { JudgementTag } from '../../components/Judgement';
import { benchmarkWords, type Assessment } from '../../lib/judgement';
import { figureWords, intervalWords, periodCell, plainValue, targetWords } from '../../lib/strategy';
import type { UnitSubject } from '../../lib/units';
import { MeasureCommentaryRow, type PageCommentary } from '../commentary/PageCommentary';
import type { Aim, Measure } from './api';
import { StatusTag } from './StatusTag';

/** Percentages and rates are written with their indicator's decimals; without the catalogue, one decimal place. */
const FALLBACK_DECIMALS = 1;

export function measureSubject(measure: Pick<Measure, 'indicator' | 'unit'>, catalogue: readonly Indicator[] | undefined): UnitSubject {
  const indicator = catalogue?.find((i) => i.id === measure.indicator);
  return indicator ? { unit: indicator.unit, decimals: indicator.decimals, denominator: indicator.denominator } : { unit: measure.unit, decimals: FALLBACK_DECIMALS };
}

const ASSESSMENTS = new Set<string>(['better', 'worse', 'similar', 'higher', 'lower', 'not-compared']);

function asAssessment(value: string): Assessment {
  return ASSESSMENTS.has(value) ? (value as Assessment) : 'not-compared';
}

export const MEASURE_COLUMNS = ['Measure', 'Area', 'Baseline', 'Target', 'Latest (95% interval)', 'Compared with benchmark', 'Status'] as const;

/** The column's name, shown beside the value only when rows stack on a narrow screen. */
function StackLabel({ column }: { column: (typeof MEASURE_COLUMNS)[number] }) {
  return (
    <span className="app-stack-label" aria-hidden="true">
      {column}
    </span>
  );
}

function BenchmarkCell({ measure, subject }: { measure: Measure; subject: UnitSubject }) {
  const benchmark = measure.latest.benchmark;
  if (!benchmark) return <>No benchmark</>;
  const words = benchmarkWords(asAssessment(benchmark.assessment), benchmark.areaName, { valueStatus: measure.latest.status, hasInterval: measure.latest.lower95 !== null });
  return (
    <>
      <JudgementTag words={words} />
      {benchmark.value !== null && (
        <span className="app-measure__meta">
          {benchmark.areaName}: {plainValue(benchmark.value, subject)}
        </span>
      )}
    </>
  );
}

export function MeasureRow({ measure, period, subject, partnershipBenchmark }: { measure: Measure; period: string; subject: UnitSubject; partnershipBenchmark: string }) {
  const evidence = href(`/indicators/${measure.indicator}`, { area: measure.area, period, benchmark: measure.latest.benchmark?.area });
  const interval = intervalWords(measure.latest, subject);
  const benchmarkName = measure.latest.benchmark?.areaName ?? partnershipBenchmark;
  return (
    <tr className={`govuk-table__row app-measure app-measure--${measure.status}`}>
      <th scope="row" className="govuk-table__header app-measure__name">
        <StackLabel column="Measure" />
        <Link className="govuk-link" to={evidence}>
          {measure.indicatorTitle}
        </Link>
        <span className="app-measure__meta">Owner: {measure.owner}</span>
      </th>
      <td className="govuk-table__cell">
        <StackLabel column="Area" />
        {measure.areaName}
      </td>
      <td className="govuk-table__cell">
        <StackLabel column="Baseline" />
        {figureWords(measure.baseline, subject)}
        <span className="app-measure__meta">{periodCell(measure.baseline.period)}</span>
      </td>
      <td className="govuk-table__cell">
        <StackLabel column="Target" />
        {targetWords(measure.target, subject, benchmarkName)}
        {measure.path !== null && <span className="app-measure__meta">Path now: {plainValue(measure.path, subject)}</span>}
      </td>
      <td className="govuk-table__cell">
        <StackLabel column="Latest (95% interval)" />
        <span className="app-measure__value">{figureWords(measure.latest, subject)}</span>
        {interval && <span className="app-measure__meta">{interval}</span>}
      </td>
      <td className="govuk-table__cell">
        <StackLabel column="Compared with benchmark" />
        <BenchmarkCell measure={measure} subject={subject} />
      </td>
      <td className="govuk-table__cell app-measure__status">
        <StackLabel column="Status" />
        <StatusTag status={measure.status} />
        <span className="app-measure__reason">{measure.reason}</span>
      </td>
    </tr>
  );
}

export function MeasuresTable({
  aim,
  period,
  periodLabel,
  catalogue,
  partnershipBenchmark,
  commentary = null,
}: {
  aim: Aim;
  period: string;
  periodLabel: string;
  catalogue: readonly Indicator[] | undefined;
  partnershipBenchmark: string;
  /** With it, a row under each measure holds the measure's commentary. */
  commentary?: PageCommentary | null;
}) {
  if (aim.measures.length === 0) return <p className="govuk-body">This aim has no measures yet.</p>;
  return (
    <table className="govuk-table app-measures">
      <caption className="govuk-table__caption govuk-visually-hidden">
        Measures of {aim.title}, {periodLabel}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {MEASURE_COLUMNS.map((column) => (
            <th key={column} scope="col" className="govuk-table__header">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {aim.measures.map((measure) => (
          <Fragment key={measure.id}>
            <MeasureRow measure={measure} period={period} subject={measureSubject(measure, catalogue)} partnershipBenchmark={partnershipBenchmark} />
            {commentary && <MeasureCommentaryRow page={commentary} measure={measure} label={`${measure.indicatorTitle}, ${measure.areaName}`} columns={MEASURE_COLUMNS.length} />}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
