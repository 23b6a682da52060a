// "Quarter's returns": each return's deadline and status by area and quarter (DOMAIN.md 5.8), from
// /api/cycle/status, the one source of truth for received, late and overdue that partners,
// analysts and the board all read (the completeness page shows this page too). Partners see
// their grants and sign off what they sent; analysts approve, which locks a return;
// administrators unlock with a reason and set the reporting calendar. Reminders sent to a
// partner's organisation are listed.
import { useState, type FormEvent } from 'react';
import type { CycleCell, Deadline } from '../../../../schemas/cycle-api';
import { areaNamer, useAreas, type AreaEntry } from '../../api/indicators';
import { useSearchParams } from '../../app/router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { Select } from '../../components/Select';
import { TableHead } from '../../components/TableHead';
import { TextInput } from '../../components/TextInput';
import { formatDate, plural, shortPeriodLabel } from '../../lib/format';
import { RETURN_TYPES, returnTitle } from '../../lib/return-types';
import { useMe } from '../auth/api';
import { useCycleAction, useCycleStatus, useDeadlineChange, useDeadlines, useReminders, type CycleAction } from './api';
import { cellLines, STATUS_TEXT } from './status-text';

const PARTNER_TYPES = RETURN_TYPES.filter((t) => !t.reference);

function CellView({ cell, role, onAction, busy }: { cell: CycleCell; role: string; onAction: (a: CycleAction) => void; busy: boolean }) {
  const text = STATUS_TEXT[cell.status];
  const key = { returnType: cell.returnType, area: cell.area, quarter: cell.quarter };
  const where = `${returnTitle(cell.returnType)}, ${cell.areaName}, ${shortPeriodLabel(cell.quarter)}`;
  const received = cell.firstReceivedAt !== null;
  return (
    <>
      <strong className={`govuk-tag ${text.tag}`}>{text.label}</strong>
      {cellLines(cell).map((line) => (
        <div key={line} className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-1">
          {line}
        </div>
      ))}
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

/** The grid: one row per return and area, one column per quarter, each cell its status in words. */
export function StatusGrid({ quarters, cells, role, busy = false, onAction = () => {} }: { quarters: readonly string[]; cells: readonly CycleCell[]; role: string; busy?: boolean; onAction?: (a: CycleAction) => void }) {
  const rows = new Map<string, CycleCell[]>();
  for (const cell of cells) rows.set(`${cell.returnType}|${cell.area}`, [...(rows.get(`${cell.returnType}|${cell.area}`) ?? []), cell]);
  if (rows.size === 0) return <p className="govuk-body">There are no returns to show.</p>;
  return (
    <ScrollTable label="Returns by area and quarter">
      <table className="govuk-table app-data-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Returns by area and quarter</caption>
        <TableHead columns={['Return', 'Area', ...quarters.map((q) => shortPeriodLabel(q))]} />
        <tbody className="govuk-table__body">
          {[...rows.values()].map((row) => (
            <tr className="govuk-table__row" key={`${row[0].returnType}|${row[0].area}`}>
              <td className="govuk-table__cell">{returnTitle(row[0].returnType)}</td>
              <th scope="row" className="govuk-table__header">
                {row[0].areaName}
              </th>
              {quarters.map((q) => {
                const cell = row.find((c) => c.quarter === q);
                return (
                  <td className="govuk-table__cell" key={q}>
                    {cell && <CellView cell={cell} role={role} busy={busy} onAction={onAction} />}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function StatusKey() {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">What the statuses mean</span>
      </summary>
      <div className="govuk-details__text">
        <dl className="govuk-summary-list">
          {Object.values(STATUS_TEXT).map((s) => (
            <div className="govuk-summary-list__row" key={s.label}>
              <dt className="govuk-summary-list__key">
                <strong className={`govuk-tag ${s.tag}`}>{s.label}</strong>
              </dt>
              <dd className="govuk-summary-list__value">{s.meaning.charAt(0).toUpperCase() + s.meaning.slice(1)}.</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}

/** What a return's deadline counts from: the quarter, or for a yearly return the financial year. */
function periodNoun(returnType: string): string {
  return PARTNER_TYPES.find((t) => t.type === returnType)?.frequency === 'yearly' ? 'financial year' : 'quarter';
}

function deadlineWords(d: Deadline): string {
  return `${plural(d.daysAfterQuarterEnd, 'day')} after the ${d.frequency === 'yearly' ? 'financial year' : 'quarter'} ends${d.isDefault ? ' (the default)' : ''}`;
}

function Deadlines({ admin }: { admin: boolean }) {
  const deadlines = useDeadlines();
  const change = useDeadlineChange();
  const [fields, setFields] = useState({ returnType: PARTNER_TYPES[0]?.type ?? 'police', days: '' });
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const days = Number(fields.days.trim());
    if (!/^\d+$/.test(fields.days.trim()) || days > 365) {
      setError('Enter a whole number of days from 0 to 365');
      return;
    }
    setError(null);
    change.mutate({ returnType: fields.returnType, daysAfterQuarterEnd: days });
  };
  return (
    <>
      <h2 className="govuk-heading-m govuk-!-margin-top-8">Deadlines</h2>
      <QueryState query={deadlines} what="the deadlines">
        {(body) => (
          <dl className="govuk-summary-list">
            {body.deadlines.map((d) => (
              <div className="govuk-summary-list__row" key={d.returnType}>
                <dt className="govuk-summary-list__key">{returnTitle(d.returnType)}</dt>
                <dd className="govuk-summary-list__value">
                  {deadlineWords(d)}
                  {d.overrides.map((o) => (
                    <div key={o.quarter} className="govuk-body-s govuk-!-margin-bottom-0">
                      {shortPeriodLabel(o.quarter)}: due {formatDate(`${o.dueOn}T12:00:00Z`)}
                    </div>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </QueryState>
      {admin && (
        <form onSubmit={submit} noValidate>
          <h3 className="govuk-heading-s">Change a return’s deadline</h3>
          {error && <ErrorSummary items={[{ text: error, href: '#deadline-days' }]} />}
          {change.isError && <ErrorSummary items={[{ text: change.error.message }]} />}
          {change.isSuccess && (
            <div className="govuk-inset-text" role="status">
              {returnTitle(change.variables.returnType)}: now due {'daysAfterQuarterEnd' in change.variables ? plural(change.variables.daysAfterQuarterEnd, 'day') : ''} after each {periodNoun(change.variables.returnType)} ends.
            </div>
          )}
          <Select id="deadline-type" label="Return" value={fields.returnType} onChange={(v) => setFields({ ...fields, returnType: v })} options={PARTNER_TYPES.map((t) => ({ value: t.type, label: t.title }))} />
          <TextInput
            id="deadline-days"
            label={`Days after the ${periodNoun(fields.returnType)} ends`}
            hint="From 0 to 365. The default is 30."
            inputMode="numeric"
            width="3"
            error={error}
            value={fields.days}
            onChange={(v) => setFields({ ...fields, days: v })}
          />
          <button type="submit" className="govuk-button" disabled={change.isPending}>
            Save the deadline
          </button>
        </form>
      )}
    </>
  );
}

function UnlockForm({ onUnlock, busy }: { onUnlock: (a: CycleAction) => void; busy: boolean }) {
  const [fields, setFields] = useState({ returnType: 'police', area: '', quarter: '', reason: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onUnlock({ kind: 'unlock', ...fields, area: fields.area.trim(), quarter: fields.quarter.trim() });
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2 className="govuk-heading-m govuk-!-margin-top-8">Unlock an approved return</h2>
      <Select id="unlock-type" label="Return" value={fields.returnType} onChange={(v) => setFields({ ...fields, returnType: v })} options={PARTNER_TYPES.map((t) => ({ value: t.type, label: t.title }))} />
      <TextInput id="unlock-area" label="Area code" hint="For example, E09000004" width="10" value={fields.area} onChange={(v) => setFields({ ...fields, area: v })} />
      <TextInput id="unlock-quarter" label="Quarter" hint="For example, 2026-27Q1" width="10" value={fields.quarter} onChange={(v) => setFields({ ...fields, quarter: v })} />
      <TextInput id="unlock-reason" label="Why it is being unlocked" hint="This is recorded in the audit trail." value={fields.reason} onChange={(v) => setFields({ ...fields, reason: v })} />
      <button type="submit" className="govuk-button govuk-button--warning" disabled={busy}>
        Unlock
      </button>
    </form>
  );
}

function actionDone(a: CycleAction, areaName: (code: string) => string): string {
  const where = `${returnTitle(a.returnType)}, ${areaName(a.area)}, ${shortPeriodLabel(a.quarter)}`;
  if (a.kind === 'sign-off') return `Signed off: ${where}.`;
  if (a.kind === 'approve') return `Approved: ${where}. Corrections to it now need a reason.`;
  return `Unlocked: ${where}.`;
}

/** The areas to offer: those in the grid, and the area asked for if it holds some of them (a county or force area). */
function areaOptions(cells: readonly CycleCell[], all: readonly AreaEntry[], asked: string) {
  const seen = new Map(cells.map((c) => [c.area, c.areaName]));
  const options = [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  const parent = all.find((a) => a.code === asked);
  if (asked && !seen.has(asked) && parent) options.unshift({ value: asked, label: `${parent.name} (every area in it)` });
  return options;
}

export default function CyclePage() {
  const me = useMe();
  const role = me.data?.user?.role ?? '';
  const areas = useAreas();
  const [params, setParams] = useSearchParams();
  const type = params.get('type') ?? '';
  const area = params.get('area') ?? '';
  const status = useCycleStatus({});
  const reminders = useReminders(role === 'partner');
  const action = useCycleAction();
  const within = new Set((areas.data ?? []).filter((a) => a.parents.includes(area)).map((a) => a.code));

  return (
    <>
      <PageHeading title="Quarter’s returns" caption={me.data?.user.organisation?.name} />
      <p className="govuk-body">
        {role === 'partner'
          ? 'Each return your organisation sends: when it is due, whether it has been received, and whether you have signed it off. Sign off a return to confirm it is complete and accurate.'
          : 'Each return’s deadline and where it has got to, area by area, for the quarter under way and the four before it.'}
      </p>
      {action.isError && <ErrorSummary title="That did not work" items={[{ text: action.error.message }]} />}
      {action.isSuccess && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="cycle-done-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="cycle-done-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{actionDone(action.variables, areaNamer(areas.data))}</p>
          </div>
        </div>
      )}
      <StatusKey />
      <QueryState query={status} what="the returns’ statuses">
        {(body) => {
          const cells = body.items.filter((c) => (!type || c.returnType === type) && (!area || c.area === area || within.has(c.area)));
          return (
            <>
              <div className="app-filters">
                <Select
                  id="cycle-type"
                  label="Return"
                  value={type}
                  onChange={(v) => setParams({ type: v || null })}
                  options={[{ value: '', label: 'All returns' }, ...PARTNER_TYPES.filter((t) => body.items.some((c) => c.returnType === t.type)).map((t) => ({ value: t.type, label: t.title }))]}
                />
                <Select id="cycle-area" label="Area" value={area} onChange={(v) => setParams({ area: v || null })} options={[{ value: '', label: 'All areas' }, ...areaOptions(body.items, areas.data ?? [], area)]} />
              </div>
              <StatusGrid quarters={body.quarters} cells={cells} role={role} busy={action.isPending} onAction={(a) => action.mutate(a)} />
            </>
          );
        }}
      </QueryState>
      {role === 'partner' && (
        <>
          <h2 className="govuk-heading-m govuk-!-margin-top-8">Reminders sent to your organisation</h2>
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
      <Deadlines admin={role === 'admin'} />
      {role === 'admin' && <UnlockForm busy={action.isPending} onUnlock={(a) => action.mutate(a)} />}
    </>
  );
}
