// The audit trail: every sign-in, upload, export and change, newest first, filtered by action,
// outcome and who, a page at a time with the filters in the address. The actions offered are the
// server's own list (schemas/audit-actions.ts), so every action it records can be filtered on.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { href, Link, useSearchParams } from '../../app/router';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { Select } from '../../components/Select';
import { TableHead } from '../../components/TableHead';
import { TextInput } from '../../components/TextInput';
import { formatDateTime, formatNumber, plural } from '../../lib/format';
import { AUDIT_ACTIONS } from '../../../../schemas/audit-actions';
import { auditQueryOptions } from './api';

export const AUDIT_PAGE_SIZE = 50;


export function AuditSection() {
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? '';
  const outcome = params.get('outcome') ?? '';
  const actor = params.get('actor') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [actorText, setActorText] = useState(actor);
  const audit = useQuery(auditQueryOptions({ action: action || undefined, actor: actor || undefined, outcome: outcome || undefined, limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE }));
  return (
    <>
      <form
        className="app-filters"
        aria-label="Filter the audit trail"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ actor: actorText.trim() || null, page: null });
        }}
      >
        <Select id="audit-action" label="Action" value={action} onChange={(v) => setParams({ action: v || null, page: null })} options={[{ value: '', label: 'All actions' }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: a }))]} />
        <Select
          id="audit-outcome"
          label="Outcome"
          value={outcome}
          onChange={(v) => setParams({ outcome: v || null, page: null })}
          options={[{ value: '', label: 'All outcomes' }, ...['success', 'failure', 'rejected', 'denied'].map((o) => ({ value: o, label: o }))]}
        />
        <TextInput id="audit-actor" label="Who (e.g. user:3)" value={actorText} onChange={setActorText} width="10" />
        <div className="govuk-form-group">
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
            Filter
          </button>
        </div>
      </form>
      <QueryState query={audit} what="the audit trail">
        {(data) => (
          <>
            <p className="govuk-body">{plural(data.total, 'event')}, newest first.</p>
            <ScrollTable label="Audit trail">
              <table className="govuk-table app-data-table">
                <caption className="govuk-table__caption govuk-visually-hidden">Audit trail</caption>
                <TableHead columns={['When', 'Who', 'Action', 'Outcome', 'Target', 'Details']} />
                <tbody className="govuk-table__body">
                  {data.items.map((e) => (
                    <tr className="govuk-table__row" key={e.id}>
                      <td className="govuk-table__cell app-nowrap">{formatDateTime(e.at)}</td>
                      <td className="govuk-table__cell">
                        {e.actor.name}
                        <br />
                        <span className="app-card__meta">
                          {e.actor.id}
                          {e.ip ? `, ${e.ip}` : ''}
                        </span>
                      </td>
                      <td className="govuk-table__cell">{e.action}</td>
                      <td className="govuk-table__cell">{e.outcome}</td>
                      <td className="govuk-table__cell">{e.target}</td>
                      <td className="govuk-table__cell">
                        {Object.entries(e.details)
                          .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
                          .join('; ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
            <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of the audit trail">
              {page > 1 && (
                <div className="govuk-pagination__prev">
                  <Link className="govuk-link govuk-pagination__link" to={href('/admin/audit', { action, outcome, actor, page: page - 1 })} rel="prev">
                    <span className="govuk-pagination__link-title">Newer events</span>
                  </Link>
                </div>
              )}
              {page * AUDIT_PAGE_SIZE < data.total && (
                <div className="govuk-pagination__next">
                  <Link className="govuk-link govuk-pagination__link" to={href('/admin/audit', { action, outcome, actor, page: page + 1 })} rel="next">
                    <span className="govuk-pagination__link-title">Older events</span>
                  </Link>
                </div>
              )}
            </nav>
            <p className="govuk-body">
              Page {formatNumber(page)} of {formatNumber(Math.max(1, Math.ceil(data.total / AUDIT_PAGE_SIZE)))}
            </p>
          </>
        )}
      </QueryState>
    </>
  );
}
