// Returns: the return types this person may send and for which areas, the templates, a link to
// upload each, and the history of submissions received (partners see their organisation's).
import { useQuery } from '@tanstack/react-query';
import { areaNamer, useAreas } from '../../api/indicators';
import { submissionsQueryOptions, type Submission } from '../../api/returns';
import { href, Link, useSearchParams } from '../../app/router';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { Select } from '../../components/Select';
import { TableHead } from '../../components/TableHead';
import { formatDateTime, formatNumber, listInWords, plural, shortPeriodLabel } from '../../lib/format';
import type { ReturnTypeInfo } from '../../lib/return-types';
import { useMe, type Me } from '../auth/api';
import { aReturn } from '../../../../schemas/returns/words';
import { SENDABLE_TYPES, sendableTitle } from './sendable-types';
import { TemplateLinks } from './TemplateLinks';

export const HISTORY_PAGE_SIZE = 20;

/** The return types a person may send, each with its areas (null: any area). */
export function sendableTypes(me: Me): Array<{ info: ReturnTypeInfo; areas: string[] | null }> {
  const { role, grants } = me.user;
  if (role === 'partner') {
    return SENDABLE_TYPES.filter((t) => !t.reference && grants.some((g) => g.returnType === t.type)).map((info) => ({
      info,
      areas: grants.filter((g) => g.returnType === info.type).map((g) => g.areaCode),
    }));
  }
  return SENDABLE_TYPES.map((info) => ({ info, areas: null }));
}

/** "Q1 2020-21 to Q4 2020-21 (4 quarters)" or the single period. */
export function periodsInWords(periods: readonly string[]): string {
  if (periods.length === 0) return '';
  const sorted = [...periods].sort();
  if (sorted.length === 1) return shortPeriodLabel(sorted[0]);
  return `${shortPeriodLabel(sorted[0])} to ${shortPeriodLabel(sorted[sorted.length - 1])} (${sorted.length} periods)`;
}

function History({ items, areaName }: { items: Submission[]; areaName: (c: string) => string }) {
  return (
    <ScrollTable label="Returns received">
      <table className="govuk-table app-data-table">
        <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Returns received, newest first</caption>
        <TableHead columns={['Reference', 'Received', 'Return', 'Sent by', 'Covers', { label: 'Rows', numeric: true }, { label: 'Warnings', numeric: true }]} />
        <tbody className="govuk-table__body">
          {items.map((s) => (
            <tr className="govuk-table__row" key={s.id}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={`/returns/submissions/${s.id}`}>
                  <span className="govuk-visually-hidden">Return </span>
                  {s.id}
                </Link>
              </th>
              <td className="govuk-table__cell">{formatDateTime(s.receivedAt)}</td>
              <td className="govuk-table__cell">
                {sendableTitle(s.returnType)}
                {s.fileName && (
                  <>
                    <br />
                    <span className="app-card__meta">{s.fileName}</span>
                  </>
                )}
              </td>
              <td className="govuk-table__cell">{s.submittedBy.name}</td>
              <td className="govuk-table__cell">
                {s.areas.length <= 3 ? listInWords(s.areas.map(areaName)) : plural(s.areas.length, 'area')}
                <br />
                <span className="app-card__meta">{periodsInWords(s.periods)}</span>
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(s.rows)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(s.warnings.length)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function Pagination({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of returns">
      {page > 1 && (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={onPage(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">Newer returns</span>
          </Link>
        </div>
      )}
      <p className="govuk-body govuk-!-margin-bottom-0">
        Page {page} of {pages}
      </p>
      {page < pages && (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={onPage(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">Older returns</span>
          </Link>
        </div>
      )}
    </nav>
  );
}

export default function ReturnsPage() {
  const me = useMe();
  const areas = useAreas();
  const areaName = areaNamer(areas.data);
  const [params, setParams] = useSearchParams();
  const type = params.get('type') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const history = useQuery(submissionsQueryOptions({ type: type || undefined, limit: HISTORY_PAGE_SIZE, offset: (page - 1) * HISTORY_PAGE_SIZE }));
  if (!me.data) return null;
  const types = sendableTypes(me.data);
  const partner = me.data.user.role === 'partner';

  return (
    <>
      <PageHeading title="Returns" caption={me.data.user.organisation?.name} />
      {types.length === 0 ? (
        <p className="govuk-body">Your organisation is not set up to send any returns yet. Ask your dashboard administrator to grant it the returns and areas it sends.</p>
      ) : (
        <>
          <p className="govuk-body">{partner ? 'The returns your organisation sends, and the areas it sends them for.' : 'Every return type. Partners see only the returns and areas granted to their organisation.'}</p>
          {types.map(({ info, areas: typeAreas }) => (
            <section key={info.type} className="govuk-!-margin-bottom-6" aria-labelledby={`type-${info.type}`}>
              <h2 className="govuk-heading-m" id={`type-${info.type}`}>
                {info.title}
              </h2>
              <p className="govuk-body">
                Sent by {info.sentBy}
                {typeAreas ? ` for ${listInWords(typeAreas.map(areaName))}` : ''}.
              </p>
              <TemplateLinks info={info} />
              <Link className="govuk-button govuk-!-margin-bottom-0" to={`/returns/${info.type}/upload`}>
                Upload {aReturn(info.type)}
              </Link>
            </section>
          ))}
        </>
      )}

      <h2 className="govuk-heading-l govuk-!-margin-top-8" id="history">
        Returns received
      </h2>
      <Select
        id="history-type"
        label="Show"
        value={type}
        onChange={(v) => setParams({ type: v || null, page: null })}
        options={[{ value: '', label: 'All return types' }, ...types.map((t) => ({ value: t.info.type, label: t.info.title }))]}
      />
      <QueryState query={history} what="the returns received">
        {(data) =>
          data.items.length === 0 ? (
            <p className="govuk-body">No returns have been received yet.</p>
          ) : (
            <>
              <p className="govuk-body">
                {plural(data.total, 'return')}, newest first. Select a reference to see what a return stored and what it changed.
              </p>
              <History items={data.items} areaName={areaName} />
              <Pagination page={page} pages={Math.ceil(data.total / HISTORY_PAGE_SIZE)} onPage={(p) => href('/returns', { type: type || undefined, page: p })} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
