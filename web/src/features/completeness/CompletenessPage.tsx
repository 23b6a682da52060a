// Completeness: for one return type and financial year, which areas' returns have been received
// for each quarter. Built from /api/submissions, one request per quarter: a submission counts
// for an area and quarter when it stored rows for that quarter and names that area. (A file
// that holds several areas and quarters but not every pair would be over-counted: a dedicated
// completeness endpoint would be exact, see the report for issue 5.)
import { useQueries } from '@tanstack/react-query';
import { useAreas, type AreaEntry } from '../../api/indicators';
import { MAX_PAGE_SIZE, submissionsQueryOptions, type Submission } from '../../api/returns';
import { Link, useSearchParams } from '../../app/router';
import { PageHeading } from '../../components/PageHeading';
import { ErrorState, Loading, QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { Select } from '../../components/Select';
import { TableHead } from '../../components/TableHead';
import { formatDate, periodLabel, shortPeriodLabel } from '../../lib/format';
import { financialYearId, latestQuarter, parseQuarterId, periodChoices, quarterOrdinal, quartersOf } from '../../lib/periods';
import { RETURN_TYPES } from '../../lib/return-types';
import { useMe } from '../auth/api';


export interface Cell {
  submission: Pick<Submission, 'id' | 'receivedAt'> | null;
  due: boolean;
}

/** area → quarter → the latest submission received for it. */
export function completenessGrid(areas: readonly string[], quarters: readonly string[], byQuarter: ReadonlyArray<readonly Submission[]>, latest: string): Map<string, Map<string, Cell>> {
  const latestOrdinal = quarterOrdinal(parseQuarterId(latest)!);
  const grid = new Map<string, Map<string, Cell>>();
  for (const area of areas) {
    const row = new Map<string, Cell>();
    quarters.forEach((q, i) => {
      const received = (byQuarter[i] ?? []).filter((s) => s.areas.includes(area)).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
      row.set(q, { submission: received[0] ? { id: received[0].id, receivedAt: received[0].receivedAt } : null, due: quarterOrdinal(parseQuarterId(q)!) <= latestOrdinal });
    });
    grid.set(area, row);
  }
  return grid;
}

/** Areas to list: a partner's granted areas, otherwise the local authorities under the chosen parent. */
function areasFor(all: readonly AreaEntry[], parent: string, granted: string[] | null): AreaEntry[] {
  const byName = (a: AreaEntry, b: AreaEntry) => a.name.localeCompare(b.name, 'en-GB');
  if (granted) return all.filter((a) => granted.includes(a.code)).sort(byName);
  return all.filter((a) => a.type === 'local-authority' && (parent === '' || a.parents.includes(parent))).sort(byName);
}

export default function CompletenessPage() {
  const me = useMe();
  const areas = useAreas();
  const [params, setParams] = useSearchParams();
  const latest = latestQuarter();
  const years = periodChoices('financial-year', latest);
  const user = me.data?.user;
  const partner = user?.role === 'partner';
  const types = RETURN_TYPES.filter((t) => !t.reference && (!partner || user!.grants.some((g) => g.returnType === t.type)));
  const type = params.get('type') && types.some((t) => t.type === params.get('type')) ? params.get('type')! : (types[0]?.type ?? '');
  // The financial year under way first (its ended quarters are due), then the years that have ended.
  const yearOptions = [...new Set([financialYearId(parseQuarterId(latest)!.startYear), ...years.map((y) => y.id)])];
  const year = params.get('year') && /^\d{4}-\d{2}$/.test(params.get('year')!) ? params.get('year')! : yearOptions[0];
  const parent = params.get('parent') ?? '';
  const quarters = quartersOf(year);

  const results = useQueries({
    queries: quarters.map((q) => ({ ...submissionsQueryOptions({ type, period: q, limit: MAX_PAGE_SIZE }), enabled: Boolean(type) })),
  });

  const granted = partner ? user!.grants.filter((g) => g.returnType === type).map((g) => g.areaCode) : null;
  const parents = (areas.data ?? []).filter((a) => a.type === 'police-force-area' || a.type === 'region');

  return (
    <>
      <PageHeading title="Completeness" />
      <p className="govuk-body">Which returns have been received, area by area and quarter by quarter.</p>
      {types.length === 0 ? (
        <p className="govuk-body">Your organisation is not set up to send any returns.</p>
      ) : (
        <QueryState query={areas} what="the list of areas">
          {(all) => {
            const rows = areasFor(all, parent, granted);
            const failed = results.find((r) => r.isError);
            const loading = results.some((r) => r.isPending);
            const grid = loading || failed ? null : completenessGrid(rows.map((a) => a.code), quarters, results.map((r) => r.data?.items ?? []), latest);
            const truncated = results.some((r) => r.data && r.data.total > r.data.items.length);
            return (
              <>
                <div className="app-filters">
                  <Select id="type" label="Return" value={type} onChange={(v) => setParams({ type: v })} options={types.map((t) => ({ value: t.type, label: t.title }))} />
                  <Select id="year" label="Financial year" value={year} onChange={(v) => setParams({ year: v })} options={yearOptions.map((y) => ({ value: y, label: periodLabel(y) }))} />
                  {!partner && (
                    <Select
                      id="parent"
                      label="Areas in"
                      value={parent}
                      onChange={(v) => setParams({ parent: v || null })}
                      options={[{ value: '', label: 'All local authorities' }, ...parents.map((p) => ({ value: p.code, label: p.name }))]}
                    />
                  )}
                </div>
                {failed ? (
                  <ErrorState error={failed.error} what="the returns received" onRetry={() => results.forEach((r) => void r.refetch())} />
                ) : !grid ? (
                  <Loading what="the returns received" />
                ) : (
                  <>
                    {truncated && <p className="govuk-body">More returns were received than can be shown at once; the most recent are counted.</p>}
                    <ScrollTable label="Returns received by area and quarter">
                      <table className="govuk-table app-data-table app-completeness">
                        <caption className="govuk-table__caption govuk-table__caption--m">
                          {RETURN_TYPES.find((t) => t.type === type)?.title}, {periodLabel(year)}
                        </caption>
                        <TableHead columns={['Area', ...quarters.map((q) => shortPeriodLabel(q))]} />
                        <tbody className="govuk-table__body">
                          {rows.map((a) => (
                            <tr className="govuk-table__row" key={a.code}>
                              <th scope="row" className="govuk-table__header">
                                {a.name}
                              </th>
                              {quarters.map((q) => {
                                const cell = grid.get(a.code)!.get(q)!;
                                return (
                                  <td key={q} className={`govuk-table__cell ${cell.submission ? 'app-completeness__received' : 'app-completeness__missing'}`}>
                                    {cell.submission ? (
                                      <>
                                        <span aria-hidden="true">✓ </span>
                                        <Link className="govuk-link" to={`/returns/submissions/${cell.submission.id}`}>
                                          Received<span className="govuk-visually-hidden"> for {a.name}, {shortPeriodLabel(q)}:</span> {formatDate(cell.submission.receivedAt)}
                                        </Link>
                                      </>
                                    ) : cell.due ? (
                                      <>
                                        <span aria-hidden="true">✕ </span>Not received
                                      </>
                                    ) : (
                                      'Not due yet'
                                    )}
                                  </td>
                                );
                              })}
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </ScrollTable>
                  </>
                )}
              </>
            );
          }}
        </QueryState>
      )}
    </>
  );
}
