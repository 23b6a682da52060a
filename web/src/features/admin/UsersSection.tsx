// Administration of users: who can sign in, in what role and (for a partner) for which
// organisation; disabling, unlocking and adding them.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { Select } from '../../components/Select';
import { TableHead } from '../../components/TableHead';
import { TextInput } from '../../components/TextInput';
import { formatDateTime, plural } from '../../lib/format';
import { ROLE_NAMES, useMe, type Role } from '../auth/api';
import { organisationsQueryOptions, useCreateUser, useUpdateUser, usersQueryOptions, type Organisation, type User } from './api';
import { errorMessage, organisationOptions, problemLinks } from './shared';

const ROLES: Role[] = ['board', 'analyst', 'partner', 'admin'];
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }));

function userStatus(user: User, now = Date.now()): string {
  if (user.disabled) return 'Disabled';
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now) return `Locked until ${formatDateTime(user.lockedUntil)}`;
  return 'Active';
}

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
    ...problemLinks(problems),
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
              {create.data.name} can now sign in as {/^[aeiou]/i.test(ROLE_NAMES[create.data.role]) ? 'an' : 'a'} {ROLE_NAMES[create.data.role].toLowerCase()}.
            </p>
          </div>
        </div>
      )}
      <TextInput id="new-name" label="Name" value={form.name} onChange={set('name')} error={problems['new-name']} width="30" autoComplete="off" />
      <TextInput id="new-email" label="Email address" type="email" spellCheck={false} value={form.email} onChange={set('email')} error={problems['new-email']} width="30" autoComplete="off" />
      <Select id="new-role" label="Role" value={form.role} onChange={(v) => set('role')(v)} options={ROLE_OPTIONS} />
      {form.role === 'partner' && (
        <div className={problems['new-organisation'] ? 'govuk-form-group--error' : undefined}>
          <Select
            id="new-organisation"
            label="Organisation"
            hint={problems['new-organisation']}
            value={form.organisationId}
            onChange={set('organisationId')}
            options={organisationOptions(organisations)}
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
              <Select id={`role-${user.id}`} label="Role" value={role} onChange={(v) => setRole(v as Role)} options={ROLE_OPTIONS} />
              {role === 'partner' && (
                <Select
                  id={`organisation-${user.id}`}
                  label="Organisation"
                  value={organisationId}
                  onChange={setOrganisationId}
                  options={organisationOptions(organisations)}
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

export function UsersSection() {
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
              <TableHead columns={['Name', 'Role', 'Organisation', 'Status', { label: 'Actions', hidden: true }]} />
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
