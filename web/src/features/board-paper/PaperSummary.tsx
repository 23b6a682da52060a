// Section 1 of the paper, the page a board reads first: the summary sentence, then one compact
// table of every aim's measures: the latest figure with its interval, the target, the status
// (symbol, word and colour), the comparison with the benchmark, the trend in words and the spine.
// Each measure links to its evidence (the indicator page for its area and period). On a narrow
// screen the table scrolls in its own named region; on paper it fits the page's width.
import { href, Link } from '../../app/router';
import { JudgementTag } from '../../components/Judgement';
import { ScrollTable } from '../../components/ScrollTable';
import { benchmarkWords, trendWords, type Assessment } from '../../lib/judgement';
import { StatusTag } from '../partnership/StatusTag';
import type { BoardPaper, PaperMeasure } from './api';
import { Spine, SpineKey } from './Spine';
import { figureText, spineGeometry } from './spine';

export const SUMMARY_COLUMNS = ['Measure', 'Latest (95% interval)', 'Target', 'Status', 'Compared with benchmark', 'Trend', 'Spine'] as const;

const ASSESSMENTS = new Set<string>(['better', 'worse', 'similar', 'higher', 'lower', 'not-compared']);

function BenchmarkCell({ measure }: { measure: PaperMeasure }) {
  const benchmark = measure.benchmark;
  if (!benchmark) return <>No benchmark</>;
  const assessment = (ASSESSMENTS.has(benchmark.assessment) ? benchmark.assessment : 'not-compared') as Assessment;
  // The tone and symbol from the web's words; the text as the server wrote it, the same as in the Word file.
  const words = { ...benchmarkWords(assessment, benchmark.areaName), text: benchmark.assessmentText };
  return (
    <>
      <JudgementTag words={words} />
      {benchmark.value !== null && (
        <span className="app-measure__meta">
          {benchmark.areaName}: {benchmark.text}
        </span>
      )}
    </>
  );
}

function TrendCell({ measure }: { measure: PaperMeasure }) {
  const { symbol } = trendWords(measure.trend.marker, measure.trend.judgement);
  return (
    <>
      {symbol && (
        <span className="app-paper-trend__symbol" aria-hidden="true">
          {symbol}{' '}
        </span>
      )}
      {measure.trend.text}
    </>
  );
}

export function measureRowId(measure: Pick<PaperMeasure, 'id'>): string {
  return `paper-measure-${measure.id}`;
}

function SummaryRow({ measure, period }: { measure: PaperMeasure; period: string }) {
  const evidence = href(`/indicators/${measure.indicator}`, { area: measure.area, period, benchmark: measure.benchmark?.area });
  const value = figureText(measure.latest.text);
  const interval = measure.latest.text.slice(value.length).trim();
  return (
    <tr className={`govuk-table__row app-paper-measure app-paper-measure--${measure.status}`} id={measureRowId(measure)}>
      <th scope="row" className="govuk-table__header">
        <Link className="govuk-link" to={evidence}>
          {measure.indicatorTitle}
        </Link>
        <span className="app-measure__meta">{measure.areaName}</span>
      </th>
      <td className="govuk-table__cell">
        <span className="app-measure__value">{value}</span>
        {interval && <span className="app-measure__meta">{interval}</span>}
      </td>
      <td className="govuk-table__cell">{measure.targetText}</td>
      <td className="govuk-table__cell">
        <StatusTag status={measure.status} />
      </td>
      <td className="govuk-table__cell">
        <BenchmarkCell measure={measure} />
      </td>
      <td className="govuk-table__cell">
        <TrendCell measure={measure} />
      </td>
      <td className="govuk-table__cell app-paper-spine-cell">
        <Spine measure={measure} />
      </td>
    </tr>
  );
}

export function PaperSummary({ paper }: { paper: BoardPaper }) {
  const { summary, period } = paper;
  return (
    <section className="app-paper-section app-paper-summary" aria-labelledby="paper-summary">
      <h2 className="govuk-heading-m" id="paper-summary">
        1 Summary
      </h2>
      <p className="govuk-body-l app-paper-sentence">{summary.sentence}</p>
      {summary.aims.some((aim) => aim.measures.some((m) => spineGeometry(m) !== null)) && <SpineKey />}
      {summary.aims.length === 0 ? (
        <p className="govuk-body">The strategy has no aims yet.</p>
      ) : (
        <ScrollTable label="Summary of aims and measures (scrolls sideways)">
          <table className="govuk-table app-paper-table app-paper-summary__table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              Aims and measures, {period.label}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {SUMMARY_COLUMNS.map((column) => (
                  <th key={column} scope="col" className="govuk-table__header">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            {summary.aims.map((aim, i) => (
              <tbody className="govuk-table__body" key={aim.id}>
                <tr className="govuk-table__row app-paper-aim">
                  <th scope="rowgroup" colSpan={SUMMARY_COLUMNS.length} className="govuk-table__header">
                    <span className="app-paper-aim__title">
                      Aim {i + 1}: {aim.title}
                    </span>{' '}
                    <StatusTag status={aim.status} />
                  </th>
                </tr>
                {aim.measures.length === 0 ? (
                  <tr className="govuk-table__row">
                    <td className="govuk-table__cell" colSpan={SUMMARY_COLUMNS.length}>
                      This aim has no measures yet.
                    </td>
                  </tr>
                ) : (
                  aim.measures.map((measure) => <SummaryRow key={measure.id} measure={measure} period={period.id} />)
                )}
              </tbody>
            ))}
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
