// Administration: users, organisations and their grants, API tokens (shown once), and the audit
// trail. One page with a section per address: /admin/users, /admin/organisations, /admin/tokens,
// /admin/audit.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { areaNamer, useAreas } from '../../api/indicators';
import { href, Link, useSearchParams } from '../../app/router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import { formatDateTime, formatNumber, listInWords, plural } from '../../lib/format';
import { RETURN_TYPES, returnTitle } from '../../lib/return-types';
import { ROLE_NAMES, useMe, type Grant, type Role } from '../auth/api';
import {
  auditQueryOptions,
  organisationsQueryOptions,
  ORGANISATION_KINDS,
  tokensQueryOptions,
  useCreateOrganisation,
  useCreateToken,
  useCreateUser,
  useRevokeToken,
  useSetGrants,
  useUpdateUser,
  usersQueryOptions,
  type ApiToken,
  type Organisation,
  type User,
} from './api';

const SECTIONS = [
  { id: 'users', title: 'Users' },
  { id: 'organisations', title: 'Organisations and grants' },
  { id: 'tokens', title: 'API tokens' },
  { id: 'audit', title: 'Audit trail' },
] as const;

const ROLES: Role[] = ['board', 'analyst', 'partner', 'admin'];
export const AUDIT_PAGE_SIZE = 50;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Try again.';
}

function userStatus(user: User, now = Date.now()): string {
  if (user.disabled) return 'Disabled';
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now) return `Locked until ${formatDateTime(user.lockedUntil)}`;
  return 'Active';
}

// ---------------------------------------------------------------------------------------
// Users

function NewUserForm({ organisations }: { organisations: Organisation[] }) {
  const create = useCreateUser();
  const [form, setForm] = useState({ name: '', email: '', role: 'board' as Role, organisationId: '', password: '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found: Record<string, string> = {};
    if (!form.name.trim()) found['new-name'] = 'Enter the person’s name';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) found['new-email'] = 'Enter an email address in the right format, like name@example.org';
    if (form.role === 'partner' && !form.organisationId) found['new-organisation'] = 'Choose the partner’s organisation';
    if (!form.password) found['new-password'] = 'Enter a first password for them';
    setProblems(found);
    if (Object.keys(found).length) return;
    create.mutate(
      { name: form.name.trim(), email: form.email.trim(), role: form.role, organisationId: form.role === 'partner' ? Number(form.organisationId) : null, password: form.password },
      { onSuccess: () => setForm({ name: '', email: '', role: 'board', organisationId: '', password: '' }) },
    );
  };

  const items = [
    ...Object.entries(problems).map(([id, text]) => ({ text, href: `#${id}` })),
    ...(create.isError && Object.keys(problems).length === 0 ? [{ text: errorMessage(create.error), href: '#new-email' }] : []),
  ];

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-user-heading">
      <h2 className="govuk-heading-m" id="new-user-heading">
        Add a user
      </h2>
      {items.length > 0 && <ErrorSummary key={attempt} items={items} />}
      {create.isSuccess && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              {create.data.name} can now sign in as a {ROLE_NAMES[create.data.role].toLowerCase()}.
            </p>
          </div>
        </div>
      )}
      <TextInput id="new-name" label="Name" value={form.name} onChange={set('name')} error={problems['new-name']} width="30" autoComplete="off" />
      <TextInput id="new-email" label="Email address" type="email" spellCheck={false} value={form.email} onChange={set('email')} error={problems['new-email']} width="30" autoComplete="off" />
      <Select id="new-role" label="Role" value={form.role} onChange={(v) => set('role')(v)} options={ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} />
      {form.role === 'partner' && (
        <div className={problems['new-organisation'] ? 'govuk-form-group--error' : undefined}>
          <Select
            id="new-organisation"
            label="Organisation"
            hint={problems['new-organisation']}
            value={form.organisationId}
            onChange={set('organisationId')}
            options={[{ value: '', label: 'Choose an organisation' }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
          />
        </div>
      )}
      <TextInput
        id="new-password"
        label="First password"
        hint="Give it to them in person or by phone, not by email. They can change it under “Your account”."
        type="password"
        autoComplete="new-password"
        value={form.password}
        onChange={set('password')}
        error={problems['new-password']}
        width="20"
      />
      <button type="submit" className="govuk-button" disabled={create.isPending}>
        Add user
      </button>
    </form>
  );
}

function UserRow({ user, organisations, me }: { user: User; organisations: Organisation[]; me: number | undefined }) {
  const update = useUpdateUser();
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<Role>(user.role);
  const [organisationId, setOrganisationId] = useState(user.organisation ? String(user.organisation.id) : '');
  const locked = Boolean(user.lockedUntil && Date.parse(user.lockedUntil) > Date.now());
  const self = me === user.id;
  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: user.id, role, organisationId: role === 'partner' ? Number(organisationId) || null : null }, { onSuccess: () => setEditing(false) });
  };
  return (
    <>
      <tr className="govuk-table__row">
        <th scope="row" className="govuk-table__header">
          {user.name}
          <br />
          <span className="app-card__meta">{user.email}</span>
        </th>
        <td className="govuk-table__cell">{ROLE_NAMES[user.role]}</td>
        <td className="govuk-table__cell">{user.organisation?.name ?? ''}</td>
        <td className="govuk-table__cell">{userStatus(user)}</td>
        <td className="govuk-table__cell">
          <div className="app-actions">
            <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
              Change<span className="govuk-visually-hidden"> {user.name}</span>
            </button>
            {!self && (
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={update.isPending} onClick={() => update.mutate({ id: user.id, disabled: !user.disabled })}>
                {user.disabled ? 'Enable' : 'Disable'}
                <span className="govuk-visually-hidden"> {user.name}</span>
              </button>
            )}
            {locked && (
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={update.isPending} onClick={() => update.mutate({ id: user.id, unlock: true })}>
                Unlock<span className="govuk-visually-hidden"> {user.name}</span>
              </button>
            )}
          </div>
          {update.isError && (
            <p className="govuk-error-message" role="alert">
              {errorMessage(update.error)}
            </p>
          )}
        </td>
      </tr>
      {editing && (
        <tr className="govuk-table__row">
          <td className="govuk-table__cell" colSpan={5}>
            <form onSubmit={save} className="app-filters" aria-label={`Change ${user.name}`}>
              <Select id={`role-${user.id}`} label="Role" value={role} onChange={(v) => setRole(v as Role)} options={ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} />
              {role === 'partner' && (
                <Select
                  id={`organisation-${user.id}`}
                  label="Organisation"
                  value={organisationId}
                  onChange={setOrganisationId}
                  options={[{ value: '', label: 'Choose an organisation' }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
                />
              )}
              <div className="govuk-form-group">
                <button type="submit" className="govuk-button govuk-!-margin-bottom-0" disabled={update.isPending}>
                  Save changes
                </button>
              </div>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}

function UsersSection() {
  const me = useMe();
  const users = useQuery(usersQueryOptions);
  const organisations = useQuery(organisationsQueryOptions);
  return (
    <>
      <QueryState query={users} what="the users">
        {(list) => (
          <ScrollTable label="Users">
            <table className="govuk-table app-data-table">
              <caption className="govuk-table__caption govuk-table__caption--m">{plural(list.length, 'user')}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Name
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Role
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Organisation
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Status
                  </th>
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {list.map((u) => (
                  <UserRow key={u.id} user={u} organisations={organisations.data ?? []} me={me.data?.user.id} />
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </QueryState>
      <NewUserForm organisations={organisations.data ?? []} />
    </>
  );
}

// ---------------------------------------------------------------------------------------
// Organisations and grants

const PARTNER_TYPES = RETURN_TYPES.filter((t) => !t.reference);

export function grantKey(g: Grant): string {
  return `${g.returnType}|${g.areaCode}`;
}

function GrantsEditor({ organisation, onDone }: { organisation: Organisation; onDone: () => void }) {
  const areas = useAreas();
  const save = useSetGrants();
  const [chosen, setChosen] = useState(() => new Set(organisation.grants.map(grantKey)));
  const toggle = (key: string) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const grants = [...chosen].map((k) => {
      const [returnType, areaCode] = k.split('|');
      return { returnType, areaCode };
    });
    save.mutate({ id: organisation.id, grants }, { onSuccess: onDone });
  };
  return (
    <QueryState query={areas} what="the list of areas">
      {(all) => {
        const authorities = all.filter((a) => a.type === 'local-authority').sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
        return (
          <form onSubmit={submit} aria-labelledby={`grants-${organisation.id}`}>
            <h3 className="govuk-heading-s" id={`grants-${organisation.id}`}>
              What {organisation.name} may send
            </h3>
            {save.isError && <ErrorSummary items={[{ text: errorMessage(save.error) }]} />}
            <ScrollTable label={`Grants for ${organisation.name}`}>
              <table className="govuk-table app-data-table">
                <caption className="govuk-table__caption govuk-visually-hidden">Return types by local authority</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Local authority
                    </th>
                    {PARTNER_TYPES.map((t) => (
                      <th scope="col" key={t.type} className="govuk-table__header">
                        {t.title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {authorities.map((a) => (
                    <tr className="govuk-table__row" key={a.code}>
                      <th scope="row" className="govuk-table__header">
                        {a.name}
                      </th>
                      {PARTNER_TYPES.map((t) => {
                        const key = grantKey({ returnType: t.type, areaCode: a.code });
                        const id = `grant-${organisation.id}-${t.type}-${a.code}`;
                        return (
                          <td className="govuk-table__cell" key={t.type}>
                            <div className="govuk-checkboxes govuk-checkboxes--small">
                              <div className="govuk-checkboxes__item">
                                <input className="govuk-checkboxes__input" id={id} type="checkbox" checked={chosen.has(key)} onChange={() => toggle(key)} />
                                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                                  <span className="govuk-visually-hidden">
                                    {t.title} for {a.name}
                                  </span>
                                </label>
                              </div>
                            </div>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
            <div className="app-actions">
              <button type="submit" className="govuk-button" disabled={save.isPending}>
                Save grants
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={onDone}>
                Cancel
              </button>
            </div>
          </form>
        );
      }}
    </QueryState>
  );
}

function OrganisationsSection() {
  const organisations = useQuery(organisationsQueryOptions);
  const areas = useAreas();
  const areaName = areaNamer(areas.data);
  const create = useCreateOrganisation();
  const [editing, setEditing] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('police');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setProblem('Enter the organisation’s name');
      return;
    }
    setProblem(null);
    create.mutate({ name: name.trim(), kind }, { onSuccess: () => setName('') });
  };
  const grantsInWords = (o: Organisation) => {
    if (o.grants.length === 0) return 'Nothing yet';
    const byType = new Map<string, string[]>();
    for (const g of o.grants) byType.set(g.returnType, [...(byType.get(g.returnType) ?? []), areaName(g.areaCode)]);
    return [...byType.entries()].map(([t, list]) => `${returnTitle(t)}: ${list.length > 4 ? plural(list.length, 'area') : listInWords(list)}`).join('; ');
  };
  return (
    <>
      <QueryState query={organisations} what="the organisations">
        {(list) =>
          list.length === 0 ? (
            <p className="govuk-body">No organisations yet.</p>
          ) : (
            <ScrollTable label="Organisations">
              <table className="govuk-table app-data-table">
                <caption className="govuk-table__caption govuk-table__caption--m">{plural(list.length, 'organisation')}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Organisation
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Kind
                    </th>
                    <th scope="col" className="govuk-table__header">
                      May send
                    </th>
                    <th scope="col" className="govuk-table__header">
                      <span className="govuk-visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {list.map((o) => (
                    <tr className="govuk-table__row" key={o.id}>
                      <th scope="row" className="govuk-table__header">
                        {o.name}
                      </th>
                      <td className="govuk-table__cell">{o.kind}</td>
                      <td className="govuk-table__cell">{grantsInWords(o)}</td>
                      <td className="govuk-table__cell">
                        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" aria-expanded={editing === o.id} onClick={() => setEditing(editing === o.id ? null : o.id)}>
                          Change grants<span className="govuk-visually-hidden"> for {o.name}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )
        }
      </QueryState>
      {editing !== null && organisations.data?.find((o) => o.id === editing) && (
        <GrantsEditor key={editing} organisation={organisations.data.find((o) => o.id === editing)!} onDone={() => setEditing(null)} />
      )}
      <form onSubmit={submit} noValidate aria-labelledby="new-org-heading">
        <h2 className="govuk-heading-m" id="new-org-heading">
          Add an organisation
        </h2>
        {(problem || create.isError) && <ErrorSummary items={[{ text: problem ?? errorMessage(create.error), href: '#org-name' }]} />}
        <TextInput id="org-name" label="Name" value={name} onChange={setName} error={problem} width="30" autoComplete="organization" />
        <Select id="org-kind" label="Kind" value={kind} onChange={setKind} options={ORGANISATION_KINDS.map((k) => ({ value: k, label: k }))} />
        <button type="submit" className="govuk-button" disabled={create.isPending}>
          Add organisation
        </button>
      </form>
    </>
  );
}

// ---------------------------------------------------------------------------------------
// Tokens

function NewToken({ token, name }: { token: string; name: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="govuk-panel govuk-panel--confirmation" tabIndex={-1} ref={(el) => el?.focus()}>
      <h2 className="govuk-panel__title">Token created: {name}</h2>
      <div className="govuk-panel__body">
        <p className="govuk-!-margin-bottom-2">Copy it now: it is shown only once. Store it in the partner’s system; it cannot be seen again.</p>
        <p className="app-token" aria-label="The new token">
          {token}
        </p>
        <button
          type="button"
          className="govuk-button govuk-button--inverse govuk-!-margin-bottom-0"
          onClick={() =>
            void navigator.clipboard?.writeText(token).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          Copy the token
        </button>
        <p role="status" className="govuk-!-margin-top-2 govuk-!-margin-bottom-0">
          {copied ? 'Copied.' : ''}
        </p>
      </div>
    </div>
  );
}

function TokenRow({ token }: { token: ApiToken }) {
  const revoke = useRevokeToken();
  const [confirming, setConfirming] = useState(false);
  return (
    <tr className="govuk-table__row">
      <th scope="row" className="govuk-table__header">
        {token.name}
        <br />
        <span className="app-card__meta">starts {token.prefix}</span>
      </th>
      <td className="govuk-table__cell">{token.organisation.name}</td>
      <td className="govuk-table__cell">{formatDateTime(token.createdAt)}</td>
      <td className="govuk-table__cell">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</td>
      <td className="govuk-table__cell">
        {token.revokedAt ? (
          `Revoked ${formatDateTime(token.revokedAt)}`
        ) : confirming ? (
          <div className="app-actions">
            <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" disabled={revoke.isPending} onClick={() => revoke.mutate(token.id)}>
              Yes, revoke<span className="govuk-visually-hidden"> {token.name}</span>
            </button>
            <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        ) : (
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => setConfirming(true)}>
            Revoke<span className="govuk-visually-hidden"> {token.name}</span>
          </button>
        )}
        {revoke.isError && (
          <p className="govuk-error-message" role="alert">
            {errorMessage(revoke.error)}
          </p>
        )}
      </td>
    </tr>
  );
}

function TokensSection() {
  const tokens = useQuery(tokensQueryOptions);
  const organisations = useQuery(organisationsQueryOptions);
  const create = useCreateToken();
  const [organisationId, setOrganisationId] = useState('');
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!organisationId) found['token-organisation'] = 'Choose the organisation the token is for';
    if (!name.trim()) found['token-name'] = 'Enter a name that says where the token is used';
    setProblems(found);
    if (Object.keys(found).length) return;
    create.mutate({ organisationId: Number(organisationId), name: name.trim() }, { onSuccess: () => setName('') });
  };
  return (
    <>
      <p className="govuk-body">Partners’ own systems send returns with an API token instead of a password. A token acts for its organisation, within its grants.</p>
      {create.data && <NewToken token={create.data.token} name={create.data.name} />}
      <QueryState query={tokens} what="the tokens">
        {(list) =>
          list.length === 0 ? (
            <p className="govuk-body">No tokens yet.</p>
          ) : (
            <ScrollTable label="API tokens">
              <table className="govuk-table app-data-table">
                <caption className="govuk-table__caption govuk-table__caption--m">{plural(list.length, 'token')}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Token
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Organisation
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Created
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Last used
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Status
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {list.map((t) => (
                    <TokenRow key={t.id} token={t} />
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )
        }
      </QueryState>
      <form onSubmit={submit} noValidate aria-labelledby="new-token-heading">
        <h2 className="govuk-heading-m" id="new-token-heading">
          Create a token
        </h2>
        {(Object.keys(problems).length > 0 || create.isError) && (
          <ErrorSummary items={Object.keys(problems).length ? Object.entries(problems).map(([id, text]) => ({ text, href: `#${id}` })) : [{ text: errorMessage(create.error) }]} />
        )}
        <Select
          id="token-organisation"
          label="Organisation"
          hint={problems['token-organisation']}
          value={organisationId}
          onChange={setOrganisationId}
          options={[{ value: '', label: 'Choose an organisation' }, ...(organisations.data ?? []).map((o) => ({ value: String(o.id), label: o.name }))]}
        />
        <TextInput id="token-name" label="Name" hint="Where it is used, e.g. “Police nightly export”" value={name} onChange={setName} error={problems['token-name']} width="30" autoComplete="off" />
        <button type="submit" className="govuk-button" disabled={create.isPending}>
          Create token
        </button>
      </form>
    </>
  );
}

// ---------------------------------------------------------------------------------------
// Audit

const AUDIT_ACTIONS = [
  'upload',
  'upload-dry-run',
  'sign-in',
  'sign-out',
  'password-change',
  'token-create',
  'token-revoke',
  'token-use-rejected',
  'user-create',
  'user-update',
  'organisation-create',
  'grants-update',
  'export',
  'access-denied',
];

function AuditSection() {
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
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      When
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Who
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Action
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Outcome
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Target
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Details
                    </th>
                  </tr>
                </thead>
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

export default function AdminPage({ params }: { params: Record<string, string> }) {
  const section = SECTIONS.find((s) => s.id === params.section);
  if (params.section && !section) {
    return (
      <>
        <PageHeading title="Page not found" />
        <p className="govuk-body">
          <Link className="govuk-link" to="/admin">
            Go to administration
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      {section && (
        <Link className="govuk-back-link" to="/admin">
          Administration
        </Link>
      )}
      <PageHeading title={section ? section.title : 'Administration'} caption={section ? 'Administration' : undefined} />
      {!section && (
        <ul className="govuk-list govuk-list--spaced">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <Link className="govuk-link govuk-!-font-weight-bold" to={`/admin/${s.id}`}>
                {s.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {section?.id === 'users' && <UsersSection />}
      {section?.id === 'organisations' && <OrganisationsSection />}
      {section?.id === 'tokens' && <TokensSection />}
      {section?.id === 'audit' && <AuditSection />}
    </>
  );
}
