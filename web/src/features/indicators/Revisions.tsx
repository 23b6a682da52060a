// The revisions of the figures shown: for each quarter of the period, every later version of
// the stored return row the indicator is computed from, with what it changed. Partners correct
// figures by resending a file (DOMAIN.md 5.7); the board can be told a figure was revised and
// from what.
import { useQueries } from '@tanstack/react-query';
import type { Indicator } from '../../api/indicators';
import { revisionsQueryOptions, type Revision } from '../../api/returns';
import { Loading } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { TableHead } from '../../components/TableHead';
import { formatDateTime, periodLabel } from '../../lib/format';
import { quartersOf } from '../../lib/periods';
import { ACCOMMODATION_TYPES } from '../../lib/return-types';

function cellText(value: number | string | null): string {
  if (value === null) return 'blank';
  return typeof value === 'number' ? new Intl.NumberFormat('en-GB').format(value) : value;
}

/** The columns an indicator reads: its numerator and, when from the same return, its denominator. */
export function indicatorColumns(indicator: Pick<Indicator, 'numerator' | 'denominator'>): string[] {
  return [...indicator.numerator, ...(indicator.denominator.kind === 'columns' ? indicator.denominator.columns : [])];
}

export interface RevisionRow {
  key: string;
  period: string;
  subkey: string;
  revision: Revision;
  changes: Array<{ column: string; from: number | string | null; to: number | string | null }>;
  otherChanges: number;
}

/** Later versions only (the first version is not a revision), newest first. */
export function revisionRows(period: string, subkey: string, revisions: readonly Revision[], columns: readonly string[]): RevisionRow[] {
  return revisions
    .slice(1)
    .map((r) => ({
      key: `${period}-${subkey}-${r.submissionId}`,
      period,
      subkey,
      revision: r,
      changes: r.changed.filter((c) => columns.includes(c.column)),
      otherChanges: r.changed.filter((c) => !columns.includes(c.column)).length,
    }))
    .reverse();
}

export function Revisions({ indicator, area, period }: { indicator: Indicator; area: string; period: string }) {
  const subkeys = indicator.source === 'refuge' ? [...ACCOMMODATION_TYPES] : [''];
  const keys = quartersOf(period).flatMap((q) => subkeys.map((subkey) => ({ period: q, subkey })));
  const results = useQueries({ queries: keys.map((k) => revisionsQueryOptions(indicator.source, { area, period: k.period, subkey: k.subkey || undefined })) });
  const columns = indicatorColumns(indicator);

  let body;
  if (results.some((r) => r.isPending)) body = <Loading what="the revisions" />;
  else if (results.some((r) => r.isError)) {
    body = <p className="govuk-body">The revisions could not be loaded. Reload the page to try again.</p>;
  } else {
    const rows = keys.flatMap((k, i) => revisionRows(k.period, k.subkey, results[i].data ?? [], columns));
    const received = keys.filter((_, i) => (results[i].data ?? []).length > 0).length;
    body =
      rows.length === 0 ? (
        <p className="govuk-body">
          {received === 0 ? 'No returns have been received for these quarters.' : 'None of these figures has been revised: each quarter holds the figures as first received.'}
        </p>
      ) : (
        <ScrollTable label="Revisions">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Revised figures, newest first</caption>
            <TableHead columns={['Quarter', 'Revised', 'Sent by', 'What changed']} />
            <tbody className="govuk-table__body">
              {rows.map((row) => (
                <tr className="govuk-table__row" key={row.key}>
                  <th scope="row" className="govuk-table__header">
                    {periodLabel(row.period)}
                    {row.subkey && ` (${row.subkey.replace(/_/g, ' ')})`}
                  </th>
                  <td className="govuk-table__cell">{formatDateTime(row.revision.receivedAt)}</td>
                  <td className="govuk-table__cell">{row.revision.submittedBy.name}</td>
                  <td className="govuk-table__cell">
                    {row.changes.length === 0 && row.otherChanges === 0 && 'Resent with the same figures'}
                    {row.changes.length === 0 && row.otherChanges > 0 && 'No change to the figures this indicator uses'}
                    {row.changes.length > 0 && (
                      <ul className="govuk-list govuk-!-margin-bottom-0">
                        {row.changes.map((c) => (
                          <li key={c.column}>
                            {c.column.replace(/_/g, ' ')}: {cellText(c.from)} → {cellText(c.to)}
                          </li>
                        ))}
                      </ul>
                    )}
                    {row.changes.length > 0 && row.otherChanges > 0 && <span className="app-card__meta">and {row.otherChanges} other figures</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      );
  }

  return (
    <section aria-labelledby="revisions-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="revisions-heading">
        Revisions
      </h2>
      <p className="govuk-body">Partners correct figures by sending a return again. Earlier versions are kept; these are the changes to the figures shown above.</p>
      {body}
    </section>
  );
}
