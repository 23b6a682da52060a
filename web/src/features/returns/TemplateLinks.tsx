// Links to a return's empty templates (CSV and Excel with a guidance sheet), from the server.
import type { ReturnTypeInfo } from '../../lib/return-types';

export function TemplateLinks({ info }: { info: ReturnTypeInfo }) {
  const base = `/api/returns/${encodeURIComponent(info.type)}/template`;
  return (
    <ul className="govuk-list">
      <li>
        <a className="govuk-link" href={`${base}.xlsx`} download>
          Download the Excel template<span className="govuk-visually-hidden"> for the {info.title.toLowerCase()}</span>
        </a>{' '}
        (with a guidance sheet)
      </li>
      <li>
        <a className="govuk-link" href={`${base}.csv`} download>
          Download the CSV template<span className="govuk-visually-hidden"> for the {info.title.toLowerCase()}</span>
        </a>
      </li>
    </ul>
  );
}
