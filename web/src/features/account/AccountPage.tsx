// Your account: who you are signed in as, what you may see, and changing your password.
import { useState, type FormEvent } from 'react';
import { areaNamer, useAreas } from '../../api/indicators';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { TextInput } from '../../components/TextInput';
import { listInWords } from '../../lib/format';
import { returnTitle } from '../../lib/return-types';
import { ROLE_NAMES, useChangePassword, useMe } from '../auth/api';

export default function AccountPage() {
  const me = useMe();
  const areas = useAreas();
  const areaName = areaNamer(areas.data);
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  if (!me.data) return null;
  const user = me.data.user;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found: Record<string, string> = {};
    if (!current) found['current-password'] = 'Enter your current password';
    if (!next) found['new-password'] = 'Enter a new password';
    else if (next !== confirm) found['confirm-password'] = 'The two new passwords are not the same';
    setProblems(found);
    if (Object.keys(found).length) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
        },
      },
    );
  };

  const grantsByType = new Map<string, string[]>();
  for (const g of user.grants) grantsByType.set(g.returnType, [...(grantsByType.get(g.returnType) ?? []), areaName(g.areaCode)]);
  const items = [
    ...Object.entries(problems).map(([id, text]) => ({ text, href: `#${id}` })),
    ...(change.isError && Object.keys(problems).length === 0 ? [{ text: change.error.message, href: '#current-password' }] : []),
  ];

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {items.length > 0 && <ErrorSummary key={attempt} items={items} />}
        <PageHeading title="Your account" />
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Name</dt>
            <dd className="govuk-summary-list__value">{user.name}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Email</dt>
            <dd className="govuk-summary-list__value">{user.email}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Role</dt>
            <dd className="govuk-summary-list__value">{ROLE_NAMES[user.role]}</dd>
          </div>
          {user.organisation && (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Organisation</dt>
              <dd className="govuk-summary-list__value">{user.organisation.name}</dd>
            </div>
          )}
          {grantsByType.size > 0 && (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">May send</dt>
              <dd className="govuk-summary-list__value">
                {[...grantsByType.entries()].map(([t, list]) => (
                  <p className="govuk-body" key={t}>
                    {returnTitle(t)} for {listInWords(list)}
                  </p>
                ))}
              </dd>
            </div>
          )}
        </dl>

        <h2 className="govuk-heading-m">Change your password</h2>
        {change.isSuccess && (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">Your password has been changed. You have been signed out everywhere else.</p>
            </div>
          </div>
        )}
        <form onSubmit={submit} noValidate>
          <TextInput id="current-password" label="Current password" type="password" autoComplete="current-password" value={current} onChange={setCurrent} error={problems['current-password']} width="20" />
          <TextInput id="new-password" label="New password" hint="At least 12 characters. A few unrelated words make a strong password." type="password" autoComplete="new-password" value={next} onChange={setNext} error={problems['new-password']} width="20" />
          <TextInput id="confirm-password" label="New password again" type="password" autoComplete="new-password" value={confirm} onChange={setConfirm} error={problems['confirm-password']} width="20" />
          <button type="submit" className="govuk-button" disabled={change.isPending}>
            Change password
          </button>
        </form>
      </div>
    </div>
  );
}
