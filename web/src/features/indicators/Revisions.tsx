// The revisions of the figures shown: each later version of a stored return row the indicator
// reads, for the quarters of the period, newest first. Partners correct figures by resending a
// file (DOMAIN.md 5.7); every reader is told which quarters were revised and when, and which
// figures changed unless the quarter's figure is suppressed for them (DOMAIN.md 8); analysts (the
// unsuppressed view) also see who sent the revision and the values before and after. A revision
// whose figures were flagged when they were sent says so (DOMAIN.md 5.7). A revision made after the
// quarter was approved says so, with the reason its sender gave where its figures may be named
// (DOMAIN.md 5.8).
import { useQuery } from '@tanstack/react-query';
import { indicatorRevisionsQueryOptions, type IndicatorRevision } from '../../api/indicators';
import { FigureWarnings } from '../../components/FigureWarnings';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { TableHead } from '../../components/TableHead';
import { formatCellValue, formatDateTime } from '../../lib/format';
import { messageLines } from '../../lib/warnings';

const columnWords = (column: string) => column.replace(/_/g, ' ');

/** Newest first: the order a reader asks "what changed lately?" in. */
export function newestFirst(revisions: readonly IndicatorRevision[]): IndicatorRevision[] {
  return [...revisions].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.submissionId - a.submissionId);
}

function WhatChanged({ revision }: { revision: IndicatorRevision }) {
  // No columns: the quarter's figure is not shown in this view (e.g. <5), so neither is what changed.
  if (!revision.changes && revision.columns.length === 0) return <>Not shown, to protect small numbers</>;
  if (!revision.changes) return <>{revision.columns.map(columnWords).join(', ')}</>;
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      {revision.changes.map((c) => (
        <li key={c.column}>
          {columnWords(c.column)}: {formatCellValue(c.from)} → {formatCellValue(c.to)}
        </li>
      ))}
    </ul>
  );
}

/** "Corrected after approval: <reason>", for a revision made after the quarter was approved; exported for tests. */
export function AfterApproval({ revision }: { revision: IndicatorRevision }) {
  if (!revision.afterApproval) return null;
  return (
    <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
      <strong>Corrected after approval{revision.reason ? ':' : ''}</strong>
      {revision.reason ? ` ${revision.reason}` : ' (the reason is not shown, to protect small numbers)'}
    </p>
  );
}

export function RevisionTable({ revisions }: { revisions: IndicatorRevision[] }) {
  if (revisions.length === 0) return <p className="govuk-body">None of these figures has been revised: each quarter holds the figures as first received.</p>;
  const withSender = revisions.some((r) => r.submittedBy !== null);
  return (
    <ScrollTable label="Revisions">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Revised figures, newest first</caption>
        <TableHead columns={['Quarter', 'Revised', ...(withSender ? ['Sent by'] : []), 'What changed']} />
        <tbody className="govuk-table__body">
          {newestFirst(revisions).map((r) => (
            <tr className="govuk-table__row" key={`${r.quarter}-${r.accommodationType ?? ''}-${r.submissionId}`}>
              <th scope="row" className="govuk-table__header">
                {r.quarterLabel}
                {r.accommodationType && ` (${columnWords(r.accommodationType)})`}
              </th>
              <td className="govuk-table__cell">{formatDateTime(r.receivedAt)}</td>
              {withSender && <td className="govuk-table__cell">{r.submittedBy?.name}</td>}
              <td className="govuk-table__cell">
                <WhatChanged revision={r} />
                <AfterApproval revision={r} />
                <FigureWarnings lines={messageLines(r.warnings)} className="govuk-!-margin-top-2" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export function Revisions({ indicator, area, period }: { indicator: string; area: string; period: string }) {
  const query = useQuery(indicatorRevisionsQueryOptions(indicator, { area, period }));
  return (
    <section aria-labelledby="revisions-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="revisions-heading">
        Revisions
      </h2>
      <p className="govuk-body">Partners correct figures by sending a return again. Earlier versions are kept; these are the changes to the figures shown above.</p>
      <QueryState query={query} what="the revisions">
        {(body) => <RevisionTable revisions={body.revisions} />}
      </QueryState>
    </section>
  );
}
