// One submission: when it came and from whom, its warnings, and every row it stored with what
// that row changed compared with the version before it (or that it was the first figures for
// that area and quarter), and whether a later return has since replaced it. A partner sees only
// their own organisation's returns, and compares with their own organisation's earlier versions.
import { useQueries, useQuery } from '@tanstack/react-query';
import { areaNamer, useAreas } from '../../api/indicators';
import { revisionsQueryOptions, submissionQueryOptions, type Revision, type SubmissionDetail } from '../../api/returns';
import { Link } from '../../app/router';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { TableHead } from '../../components/TableHead';
import { capitalise, columnWords, periodInWords } from '../../../../schemas/returns/words';
import { formatCellValue, formatDateTime, formatNumber, listInWords, plural } from '../../lib/format';
import { sendableTitle } from './sendable-types';
import { useMe } from '../auth/api';

/** Rows whose changes are looked up one by one; a longer file shows its rows without them. */
export const MAX_ROWS_WITH_CHANGES = 150;

type Row = SubmissionDetail['rowsStored'][number];

export type RowChange =
  | { kind: 'first' }
  | { kind: 'unchanged' }
  | { kind: 'changed'; changes: Revision['changed'] }
  | { kind: 'unknown' };

/** What this submission did to one stored row, from that row's revision history. */
export function changeBySubmission(revisions: readonly Revision[], submissionId: number): RowChange {
  const index = revisions.findIndex((r) => r.submissionId === submissionId);
  if (index < 0) return { kind: 'unknown' };
  if (index === 0) return { kind: 'first' };
  const changed = revisions[index].changed;
  return changed.length === 0 ? { kind: 'unchanged' } : { kind: 'changed', changes: changed };
}

/**
 * A partner's revision history lists only their own organisation's versions (DOMAIN.md 8), so
 * their "first" is the first their organisation sent: another may have sent figures before.
 */
function ChangeCell({ change, partner }: { change: RowChange | null; partner: boolean }) {
  if (change === null) return <>Loading…</>;
  switch (change.kind) {
    case 'first':
      return <>{partner ? 'First figures your organisation sent for this row' : 'First figures for this row'}</>;
    case 'unchanged':
      return <>Same figures as before</>;
    case 'unknown':
      return <>Not known</>;
    case 'changed':
      return (
        <ul className="govuk-list govuk-!-margin-bottom-0">
          {change.changes.map((c) => (
            <li key={c.column}>
              {columnWords(c.column)}: {formatCellValue(c.from)} → {formatCellValue(c.to)}
            </li>
          ))}
        </ul>
      );
  }
}

function Rows({ submission, areaName }: { submission: SubmissionDetail; areaName: (c: string) => string }) {
  const rows = submission.rowsStored;
  const partner = useMe().data?.user.role === 'partner';
  const lookUp = rows.length <= MAX_ROWS_WITH_CHANGES;
  const revisions = useQueries({
    queries: (lookUp ? rows : []).map((r) => revisionsQueryOptions(submission.returnType, { area: r.areaCode, period: r.period, subkey: r.subkey || undefined })),
  });
  const columns = rows.length > 0 ? Object.keys(rows[0].values) : [];
  const change = (i: number): RowChange | null => {
    const q = revisions[i];
    if (!q) return { kind: 'unknown' };
    if (q.isPending) return null;
    return q.isError ? { kind: 'unknown' } : changeBySubmission(q.data, submission.id);
  };
  const key = (r: Row) => `${r.areaCode}|${r.period}|${r.subkey}`;
  return (
    <>
      {!lookUp && <p className="govuk-body">This return stored {plural(rows.length, 'row')}, too many to look up what each changed here. Open a figure's indicator page to see its revisions.</p>}
      <ScrollTable label="Rows stored">
        <table className="govuk-table app-data-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Rows stored</caption>
          <TableHead columns={['Row in file', 'Area and period', ...(lookUp ? ['What it changed'] : []), 'Still in use', ...columns.map((c) => ({ label: capitalise(columnWords(c)), numeric: true }))]} />
          <tbody className="govuk-table__body">
            {rows.map((r, i) => (
              <tr className="govuk-table__row" key={key(r)}>
                <td className="govuk-table__cell">{r.sourceRow}</td>
                <th scope="row" className="govuk-table__header">
                  {areaName(r.areaCode)}, {periodInWords(submission.returnType, r.period)}
                  {r.subkey && ` (${r.subkey.replace(/_/g, ' ')})`}
                </th>
                {lookUp && (
                  <td className="govuk-table__cell">
                    <ChangeCell change={change(i)} partner={partner} />
                  </td>
                )}
                <td className="govuk-table__cell">{r.current ? 'Yes' : 'No: replaced by a later return'}</td>
                {columns.map((c) => (
                  <td key={c} className="govuk-table__cell govuk-table__cell--numeric">
                    {formatCellValue(r.values[c])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

function Details({ submission, areaName }: { submission: SubmissionDetail; areaName: (c: string) => string }) {
  const facts: Array<[string, string]> = [
    ['Return', sendableTitle(submission.returnType)],
    ['Received', formatDateTime(submission.receivedAt)],
    ['Sent by', submission.submittedBy.name],
    ['File', `${submission.fileName ?? 'Not named'} (${submission.fileFormat.toUpperCase()})`],
    ['Rows', formatNumber(submission.rows)],
    ['Periods', listInWords([...submission.periods].sort().map((p) => periodInWords(submission.returnType, p)))],
    ['Areas', listInWords(submission.areas.map(areaName))],
  ];
  return (
    <>
      <dl className="govuk-summary-list">
        {facts.map(([k, v]) => (
          <div className="govuk-summary-list__row" key={k}>
            <dt className="govuk-summary-list__key">{k}</dt>
            <dd className="govuk-summary-list__value">{v}</dd>
          </div>
        ))}
      </dl>
      <p className="govuk-body">
        <a className="govuk-link" href={`/api/submissions/${submission.id}/export.csv`} download>
          Download the rows this return stored (CSV)
        </a>
      </p>
      {submission.warnings.length > 0 && (
        <>
          <h2 className="govuk-heading-m">{plural(submission.warnings.length, 'warning')}</h2>
          <ul className="govuk-list govuk-list--bullet">
            {submission.warnings.map((w, i) => (
              <li key={i}>
                {w.row !== null && `Row ${w.row}${w.column ? `, column ${w.column}` : ''}: `}
                {w.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <Rows submission={submission} areaName={areaName} />
    </>
  );
}

export default function SubmissionPage({ params }: { params: Record<string, string> }) {
  const id = Number(params.id);
  const areas = useAreas();
  const submission = useQuery({ ...submissionQueryOptions(id), enabled: Number.isInteger(id) && id > 0 });
  return (
    <>
      <Link className="govuk-back-link" to="/returns">
        Returns
      </Link>
      <PageHeading title={`Return ${params.id}`} caption="Returns received" />
      {!Number.isInteger(id) || id <= 0 ? (
        <p className="govuk-body">“{params.id}” is not a return reference. References are numbers.</p>
      ) : (
        <QueryState query={submission} what={`return ${id}`}>
          {(data) => <Details submission={data} areaName={areaNamer(areas.data)} />}
        </QueryState>
      )}
    </>
  );
}
