// "Quarter's returns": each return's deadline and status by area and quarter (DOMAIN.md 5.8).
// Partners see their grants and sign off what they sent; analysts approve, which locks a return;
// administrators unlock with a reason. Reminders sent to a partner's organisation are listed.
import { useState, type FormEvent } from 'react';
import type { CycleCell } from '../../../../schemas/cycle-api';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { TableHead } from '../../components/TableHead';
import { formatDate, shortPeriodLabel } from '../../lib/format';
import { RETURN_TYPES } from '../../lib/return-types';
import { useMe } from '../auth/api';
import { useCycleAction, useCycleStatus, useReminders, type CycleAction } from './api';
import { dueDayText, STATUS_TEXT } from './status-text';

function CellView({ cell, role, onAction, busy }: { cell: CycleCell; role: string; onAction: (a: CycleAction) => void; busy: boolean }) {
  const text = STATUS_TEXT[cell.status];
  const key = { returnType: cell.returnType, area: cell.area, quarter: cell.quarter };
  const where = `${cell.areaName}, ${shortPeriodLabel(cell.quarter)}`;
  const received = cell.firstReceivedAt !== null;
  return (
    <>
      <strong className={`govuk-tag ${text.tag}`}>{text.label}</strong>
      <div className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-1">Due {dueDayText(cell.dueOn)}</div>
      {cell.receivedLate && cell.status !== 'late' && <div className="govuk-body-s govuk-!-margin-bottom-1">Received late</div>}
      {cell.correctedAfterApproval && <div className="govuk-body-s govuk-!-margin-bottom-1">Corrected after approval</div>}
      {role === 'partner' && received && cell.status !== 'approved' && cell.status !== 'signed-off' && (
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={busy} onClick={() => onAction({ kind: 'sign-off', ...key })}>
          Sign off<span className="govuk-visually-hidden"> {where}</span>
        </button>
      )}
      {(role === 'analyst' || role === 'admin') && received && cell.status !== 'approved' && (
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={busy} onClick={() => onAction({ kind: 'approve', ...key })}>
          Approve<span className="govuk-visually-hidden"> {where}</span>
        </button>
      )}
    </>
  );
}

function UnlockForm({ onUnlock, busy }: { onUnlock: (a: CycleAction) => void; busy: boolean }) {
  const [fields, setFields] = useState({ returnType: 'police', area: '', quarter: '', reason: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onUnlock({ kind: 'unlock', ...fields });
  };
  const input = (name: 'area' | 'quarter' | 'reason', label: string, hint?: string) => (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={`unlock-${name}`}>
        {label}
      </label>
      {hint && <div className="govuk-hint">{hint}</div>}
      <input className="govuk-input govuk-!-width-one-half" id={`unlock-${name}`} value={fields[name]} onChange={(e) => setFields({ ...fields, [name]: e.target.value })} />
    </div>
  );
  return (
    <form onSubmit={submit} noValidate>
      <h2 className="govuk-heading-m">Unlock an approved return</h2>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="unlock-type">
          Return
        </label>
        <select className="govuk-select" id="unlock-type" value={fields.returnType} onChange={(e) => setFields({ ...fields, returnType: e.target.value })}>
          {RETURN_TYPES.filter((t) => !t.reference).map((t) => (
            <option key={t.type} value={t.type}>
              {t.title}
            </option>
          ))}
        </select>
      </div>
      {input('area', 'Area code', 'For example, E09000004')}
      {input('quarter', 'Quarter', 'For example, 2026-27Q1')}
      {input('reason', 'Why it is being unlocked', 'This is recorded in the audit trail.')}
      <button type="submit" className="govuk-button govuk-button--warning" disabled={busy}>
        Unlock
      </button>
    </form>
  );
}

export default function CyclePage() {
  const me = useMe();
  const role = me.data?.user?.role ?? '';
  const status = useCycleStatus({});
  const reminders = useReminders(role === 'partner');
  const action = useCycleAction();

  return (
    <>
      <PageHeading title="Quarter’s returns" />
      <p className="govuk-body">Each return’s deadline and where it has got to, area by area and quarter by quarter.</p>
      {action.isError && (
        <div className="govuk-error-summary" role="alert" tabIndex={-1}>
          <h2 className="govuk-error-summary__title">That did not work</h2>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{action.error.message}</p>
          </div>
        </div>
      )}
      {action.isSuccess && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">Done.</p>
          </div>
        </div>
      )}
      <QueryState query={status} what="the returns’ statuses">
        {(body) => {
          const rows = new Map<string, CycleCell[]>();
          for (const cell of body.items) rows.set(`${cell.returnType}|${cell.area}`, [...(rows.get(`${cell.returnType}|${cell.area}`) ?? []), cell]);
          if (rows.size === 0) return <p className="govuk-body">There are no returns to show.</p>;
          return (
            <ScrollTable label="Returns by area and quarter">
              <table className="govuk-table app-data-table">
                <caption className="govuk-table__caption govuk-table__caption--m">Returns by area and quarter</caption>
                <TableHead columns={['Return', 'Area', ...body.quarters.map((q) => shortPeriodLabel(q))]} />
                <tbody className="govuk-table__body">
                  {[...rows.values()].map((cells) => (
                    <tr className="govuk-table__row" key={`${cells[0].returnType}|${cells[0].area}`}>
                      <td className="govuk-table__cell">{RETURN_TYPES.find((t) => t.type === cells[0].returnType)?.title ?? cells[0].returnType}</td>
                      <th scope="row" className="govuk-table__header">
                        {cells[0].areaName}
                      </th>
                      {cells.map((cell) => (
                        <td className="govuk-table__cell" key={cell.quarter}>
                          <CellView cell={cell} role={role} busy={action.isPending} onAction={(a) => action.mutate(a)} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          );
        }}
      </QueryState>
      {role === 'partner' && (
        <>
          <h2 className="govuk-heading-m">Reminders sent to your organisation</h2>
          <QueryState query={reminders} what="the reminders">
            {(body) =>
              body.items.length === 0 ? (
                <p className="govuk-body">No reminders have been sent.</p>
              ) : (
                <ul className="govuk-list">
                  {body.items.map((r) => (
                    <li key={r.id}>
                      {formatDate(r.createdAt)}: {r.subject}
                      {r.email.status === 'sent' ? ' (emailed)' : ''}
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
        </>
      )}
      {role === 'admin' && <UnlockForm busy={action.isPending} onUnlock={(a) => action.mutate(a)} />}
    </>
  );
}
