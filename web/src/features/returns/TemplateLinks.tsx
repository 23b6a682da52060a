// Links to a return's templates (CSV, and Excel with drop-downs, column notes and a guidance
// sheet), from the server. A partner's templates come filled in with a row for each of their
// organisation's areas for the quarter due; a blank one is a link away. Analysts get blank ones.
import type { ReturnTypeInfo } from '../../lib/return-types';
import { calendarOf } from '../../../../schemas/returns/frequency';
import { plural, theReturn } from '../../../../schemas/returns/words';
import { useMe } from '../auth/api';

export function TemplateLinks({ info }: { info: ReturnTypeInfo }) {
  const me = useMe();
  const base = `/api/returns/${encodeURIComponent(info.type)}/template`;
  const user = me.data?.user;
  const areas = user?.role === 'partner' && !info.reference ? user.grants.filter((g) => g.returnType === info.type).length : 0;
  const forWhom = <span className="govuk-visually-hidden"> for {theReturn(info.type)}</span>;
  // The period due: the latest quarter that has ended, or for a yearly return the latest financial year.
  const calendar = calendarOf(info.frequency);
  const due = calendar.latestEnded(new Date());
  return (
    <>
      {areas > 0 && (
        <p className="govuk-body">
          {info.type === 'local-measure'
            ? `The CSV template comes with a row for each measure your organisation is named to send, in each of your ${plural(areas, 'area')},`
            : `The templates come with a row for each of your ${plural(areas, 'area')}`}{' '}
          for {calendar.label(due)}, the latest {calendar.noun} that has ended: fill in the figures and upload the file.
        </p>
      )}
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={`${base}.xlsx`} download>
            Download the Excel template{forWhom}
          </a>{' '}
          (with drop-downs, a note on each column and a guidance sheet)
        </li>
        <li>
          <a className="govuk-link" href={`${base}.csv`} download>
            Download the CSV template{forWhom}
          </a>
        </li>
        {areas > 0 && (
          <li>
            <a className="govuk-link" href={`${base}.xlsx?blank=true`} download>
              Download a blank Excel template{forWhom}
            </a>{' '}
            (for another quarter, or to start from scratch)
          </li>
        )}
      </ul>
    </>
  );
}
