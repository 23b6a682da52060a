// The partnerships someone can open (`/partnerships`): board members and analysts see those they
// belong to, administrators all of them, each with its areas, benchmark and strategy versions.
// The landing (`/strategy`, after sign-in) opens one of them directly; this is where an
// administrator who belongs to none starts, and where anyone can choose another.
import { areaNamer, useAreas } from '../../api/indicators';
import { Link } from '../../app/router';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { TableHead } from '../../components/TableHead';
import { listInWords } from '../../lib/format';
import { usePartnerships, type Partnership } from './api';
import { partnershipPath } from './landing';

export function PartnershipList({ partnerships, areaName }: { partnerships: readonly Partnership[]; areaName: (code: string) => string }) {
  if (partnerships.length === 0) {
    return (
      <>
        <p className="govuk-body">You do not belong to a partnership yet. Ask your dashboard administrator to add you to your partnership’s members.</p>
        <p className="govuk-body">
          Meanwhile, the{' '}
          <Link className="govuk-link" to="/overview">
            overview
          </Link>{' '}
          shows every indicator for any area.
        </p>
      </>
    );
  }
  return (
    <ScrollTable label="Partnerships">
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Partnerships</caption>
      <TableHead columns={['Partnership', 'Areas', 'Benchmark', 'Strategy']} />
      <tbody className="govuk-table__body">
        {partnerships.map((p) => (
          <tr key={p.id} className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link" to={partnershipPath(p.id)}>
                {p.name}
              </Link>
            </th>
            <td className="govuk-table__cell">{listInWords(p.areas.map(areaName))}</td>
            <td className="govuk-table__cell">{areaName(p.benchmark)}</td>
            <td className="govuk-table__cell">{p.strategies.length === 0 ? 'No strategy yet' : p.strategies.map((s) => s.title).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollTable>
  );
}

export default function PartnershipsPage() {
  const partnerships = usePartnerships();
  const areas = useAreas();
  return (
    <>
      <PageHeading title="Partnerships" />
      <p className="govuk-body">Each partnership’s page shows its strategy’s aims and measures, and which are on track, against the latest figures.</p>
      <QueryState query={partnerships} what="the partnerships">
        {(list) => <PartnershipList partnerships={list} areaName={areaNamer(areas.data)} />}
      </QueryState>
    </>
  );
}
