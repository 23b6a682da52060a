// Administration of partnerships (issue 11): each partnership's name, the local authorities it
// covers, its default benchmark and its members (board members and analysts), set up and changed
// here; its strategy versions are listed with a way into the strategy editor. What the API
// refuses (a name already taken, an unknown area or member) is shown on the field it is about.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Partnership, PartnershipChange, PartnershipInput } from '../../../../schemas/strategy-api';
import { areaNamer, useAreas, type AreaEntry } from '../../api/indicators';
import { Link } from '../../app/router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { describedByFor, Field } from '../../components/Field';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { TableHead } from '../../components/TableHead';
import { TextInput } from '../../components/TextInput';
import { api } from '../../lib/api-client';
import { listInWords, plural } from '../../lib/format';
import { adminKeys, partnershipKeys } from '../../lib/query-keys';
import { ROLE_NAMES } from '../auth/api';
import { usersQueryOptions, type User } from './api';
import {
  authoritiesMatching,
  benchmarkChoices,
  defaultBenchmark,
  formProblems,
  problemsFromApi,
  type PartnershipField,
  type PartnershipProblem,
  type PartnershipValues,
} from './partnership-form';
import './partnerships-section.scss';

const partnershipsQueryOptions = queryOptions({
  queryKey: partnershipKeys.list(),
  queryFn: ({ signal }) => api<{ partnerships: Partnership[] }>('/api/partnerships', { signal }).then((b) => b.partnerships),
});

function useSavePartnership() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: PartnershipInput | PartnershipChange }) =>
      id === null ? api<Partnership>('/api/partnerships', { json: body }) : api<Partnership>(`/api/partnerships/${id}`, { method: 'PATCH', json: body }),
    onSuccess: async () => {
      // Names, areas and benchmarks show on every partnership page, and the change is audited.
      await Promise.all([partnershipKeys.all, adminKeys.audits()].map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}

/** Only board members and analysts belong to a partnership; anyone already a member stays on offer. */
function memberCandidates(users: readonly User[], held: readonly number[]): User[] {
  return users.filter((u) => held.includes(u.id) || ((u.role === 'board' || u.role === 'analyst') && !u.disabled)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

function fieldError(problems: readonly PartnershipProblem[], field: PartnershipField): string | null {
  return problems.find((p) => p.field === field)?.text ?? null;
}

function ErrorMessage({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {text}
    </p>
  );
}

function AreaChecklist({ prefix, areas, chosen, onChange, error }: { prefix: string; areas: readonly AreaEntry[]; chosen: string[]; onChange: (codes: string[]) => void; error: string | null }) {
  const [filter, setFilter] = useState('');
  const shown = authoritiesMatching(areas, filter);
  const name = areaNamer(areas);
  const toggle = (code: string) => onChange(chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code]);
  const hintId = `${prefix}-areas-hint`;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" id={`${prefix}-areas`} tabIndex={-1} aria-describedby={describedByFor(`${prefix}-areas`, true, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Local authorities it covers</legend>
        <div id={hintId} className="govuk-hint">
          One authority, or several for a joint partnership. The first chosen sets the default benchmark and the twelve months the partnership page opens on.
        </div>
        <ErrorMessage id={`${prefix}-areas-error`} text={error} />
        <TextInput id={`${prefix}-area-filter`} label="Filter the local authorities by name or code" value={filter} onChange={setFilter} width="20" autoComplete="off" spellCheck={false} />
        <p className="govuk-body-s" role="status" aria-live="polite">
          {chosen.length === 0 ? 'None chosen yet.' : `Chosen: ${listInWords(chosen.map(name))}.`} {filter.trim() ? `${plural(shown.length, 'authority', 'authorities')} match “${filter.trim()}”.` : ''}
        </p>
        <div className="govuk-checkboxes govuk-checkboxes--small app-choice-list">
          {shown.map((a) => {
            const id = `${prefix}-area-${a.code}`;
            return (
              <div className="govuk-checkboxes__item" key={a.code}>
                <input className="govuk-checkboxes__input" id={id} type="checkbox" checked={chosen.includes(a.code)} onChange={() => toggle(a.code)} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                  {a.name} <span className="app-card__meta">{a.code}</span>
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

function MemberChecklist({ prefix, users, chosen, onChange, error }: { prefix: string; users: readonly User[]; chosen: number[]; onChange: (ids: number[]) => void; error: string | null }) {
  const toggle = (id: number) => onChange(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" id={`${prefix}-members`} tabIndex={-1} aria-describedby={describedByFor(`${prefix}-members`, true, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Members</legend>
        <div id={`${prefix}-members-hint`} className="govuk-hint">
          Board members and analysts who belong to it: they see its strategy, and its analysts may change it. Add people under Users first.
        </div>
        <ErrorMessage id={`${prefix}-members-error`} text={error} />
        {users.length === 0 ? (
          <p className="govuk-body">There are no board members or analysts yet.</p>
        ) : (
          <div className="govuk-checkboxes govuk-checkboxes--small app-choice-list">
            {users.map((u) => {
              const id = `${prefix}-member-${u.id}`;
              return (
                <div className="govuk-checkboxes__item" key={u.id}>
                  <input className="govuk-checkboxes__input" id={id} type="checkbox" checked={chosen.includes(u.id)} onChange={() => toggle(u.id)} />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                    {u.name}, {ROLE_NAMES[u.role].toLowerCase()} <span className="app-card__meta">{u.email}</span>
                  </label>
                </div>
              );
            })}
          </div>
        )}
      </fieldset>
    </div>
  );
}

export function PartnershipForm({
  partnership,
  areas,
  users,
  onSaved,
  onCancel,
}: {
  partnership: Partnership | null;
  areas: readonly AreaEntry[];
  users: readonly User[];
  onSaved: (saved: Partnership) => void;
  onCancel?: () => void;
}) {
  const prefix = partnership ? `partnership-${partnership.id}` : 'new-partnership';
  const blank: PartnershipValues = { name: '', areas: [], benchmark: '', members: [] };
  const held: PartnershipValues = partnership ? { name: partnership.name, areas: partnership.areas, benchmark: partnership.benchmark, members: (partnership.members ?? []).map((m) => m.id) } : blank;
  const [values, setValues] = useState<PartnershipValues>(held);
  const [problems, setProblems] = useState<PartnershipProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const save = useSavePartnership();
  const name = areaNamer(areas);
  const set = <K extends keyof PartnershipValues>(key: K) => (value: PartnershipValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const fieldId: Record<PartnershipField, string> = { name: `${prefix}-name`, areas: `${prefix}-areas`, benchmark: `${prefix}-benchmark`, members: `${prefix}-members` };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found = formProblems(values);
    setProblems(found);
    if (found.length > 0) return;
    const body = { name: values.name.trim(), areas: values.areas, members: values.members, ...(values.benchmark ? { benchmark: values.benchmark } : {}) };
    save.mutate(
      { id: partnership?.id ?? null, body },
      {
        onSuccess: (saved) => {
          if (!partnership) setValues(blank);
          onSaved(saved);
        },
        onError: (error) => setProblems(problemsFromApi(error)),
      },
    );
  };

  const fallback = defaultBenchmark(areas, values.areas);
  const benchmarkOptions = [
    ...(partnership ? [] : [{ value: '', label: `As for ${values.areas[0] ? name(values.areas[0]) : 'the first area'}: ${name(fallback)}` }]),
    ...benchmarkChoices(areas, values.areas, values.benchmark).map((code) => ({ value: code, label: name(code) })),
  ];
  const benchmarkError = fieldError(problems, 'benchmark');
  const headingId = `${prefix}-heading`;
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a partnership to change it takes a keyboard user to the form they opened.
  useEffect(() => {
    if (partnership) heading.current?.focus();
  }, []);
  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId} className="app-partnership-form">
      <h2 className="govuk-heading-m" id={headingId} tabIndex={-1} ref={heading}>
        {partnership ? `Change ${partnership.name}` : 'Set up a partnership'}
      </h2>
      {problems.length > 0 && <ErrorSummary key={attempt} items={problems.map((p) => ({ text: p.text, href: p.field ? `#${fieldId[p.field]}` : undefined }))} />}
      <TextInput id={fieldId.name} label="Name" hint="As the board calls itself, e.g. Oxfordshire Domestic Abuse Strategic Board" value={values.name} onChange={set('name')} error={fieldError(problems, 'name')} width="30" autoComplete="off" />
      <AreaChecklist prefix={prefix} areas={areas} chosen={values.areas} onChange={set('areas')} error={fieldError(problems, 'areas')} />
      <Field id={fieldId.benchmark} label="Default benchmark" hint="What the partnership’s figures are compared with unless a measure says otherwise." error={benchmarkError}>
        <select
          className={`govuk-select${benchmarkError ? ' govuk-select--error' : ''}`}
          id={fieldId.benchmark}
          name={fieldId.benchmark}
          value={values.benchmark}
          aria-describedby={describedByFor(fieldId.benchmark, true, benchmarkError)}
          onChange={(e) => set('benchmark')(e.target.value)}
        >
          {benchmarkOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <MemberChecklist prefix={prefix} users={memberCandidates(users, held.members)} chosen={values.members} onChange={set('members')} error={fieldError(problems, 'members')} />
      <div className="app-actions">
        <button type="submit" className="govuk-button" disabled={save.isPending}>
          {partnership ? 'Save changes' : 'Set up partnership'}
        </button>
        {onCancel && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function versionsInWords(p: Partnership): string {
  if (p.strategies.length === 0) return 'No strategy yet';
  return p.strategies.map((s) => `${s.title} (${s.from} to ${s.to})`).join('; ');
}

export function PartnershipsSection() {
  const partnerships = useQuery(partnershipsQueryOptions);
  const users = useQuery(usersQueryOptions);
  const areas = useAreas();
  const name = areaNamer(areas.data);
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ id: number; text: string } | null>(null);
  const editingPartnership = partnerships.data?.find((p) => p.id === editing) ?? null;
  return (
    <div className="app-admin-partnerships">
      {notice && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{notice.text}</p>
            <p className="govuk-body">
              <Link className="govuk-notification-banner__link" to={`/partnerships/${notice.id}`}>
                Open its page
              </Link>{' '}
              or{' '}
              <Link className="govuk-notification-banner__link" to={`/partnerships/${notice.id}/strategy/edit`}>
                edit its strategy
              </Link>
              .
            </p>
          </div>
        </div>
      )}
      <QueryState query={partnerships} what="the partnerships">
        {(list) =>
          list.length === 0 ? (
            <p className="govuk-body">No partnerships yet.</p>
          ) : (
            <ScrollTable label="Partnerships">
              <table className="govuk-table app-data-table">
                <caption className="govuk-table__caption govuk-table__caption--m">{plural(list.length, 'partnership')}</caption>
                <TableHead columns={['Partnership', 'Areas', 'Benchmark', 'Members', 'Strategy versions', { label: 'Actions', hidden: true }]} />
                <tbody className="govuk-table__body">
                  {list.map((p) => (
                    <tr className="govuk-table__row" key={p.id}>
                      <th scope="row" className="govuk-table__header">
                        {p.name}
                      </th>
                      <td className="govuk-table__cell">{listInWords(p.areas.map(name))}</td>
                      <td className="govuk-table__cell">{name(p.benchmark)}</td>
                      <td className="govuk-table__cell">{p.members && p.members.length > 0 ? listInWords(p.members.map((m) => m.name)) : 'No members yet'}</td>
                      <td className="govuk-table__cell">{versionsInWords(p)}</td>
                      <td className="govuk-table__cell">
                        <div className="app-actions">
                          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" aria-expanded={editing === p.id} onClick={() => setEditing(editing === p.id ? null : p.id)}>
                            Change<span className="govuk-visually-hidden"> {p.name}</span>
                          </button>
                          <Link className="govuk-link" to={`/partnerships/${p.id}/strategy/edit`}>
                            Edit strategy<span className="govuk-visually-hidden"> of {p.name}</span>
                          </Link>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )
        }
      </QueryState>
      {areas.data && users.data && editingPartnership && (
        <PartnershipForm
          key={editingPartnership.id}
          partnership={editingPartnership}
          areas={areas.data}
          users={users.data}
          onSaved={(saved) => {
            setEditing(null);
            setNotice({ id: saved.id, text: `${saved.name} is saved.` });
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <QueryState query={areas} what="the list of areas">
        {(areaList) => (
          <QueryState query={users} what="the users">
            {(userList) => <PartnershipForm partnership={null} areas={areaList} users={userList} onSaved={(saved) => setNotice({ id: saved.id, text: `${saved.name} is set up.` })} />}
          </QueryState>
        )}
      </QueryState>
    </div>
  );
}
