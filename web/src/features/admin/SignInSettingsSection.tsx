// Administration of the sign-in settings: how long a session lasts idle and at most, and after how
// many wrong passwords an address must wait, for at most how long. Each is a whole number within the bounds the
// shared schema sets; a change applies at once to everyone's sessions.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { QueryState } from '../../components/QueryState';
import { TextInput } from '../../components/TextInput';
import { signInSettingsQueryOptions, useSetSignInSettings, type SignInSettings } from './api';
import { errorMessage, problemLinks } from './shared';
import { rangeInWords, SIGN_IN_SETTING_FIELDS, signInSettingsForm, signInSettingsFrom, signInSettingsProblems, type SettingKey } from './sign-in-settings';

function SignInSettingsForm({ saved }: { saved: SignInSettings }) {
  const save = useSetSignInSettings();
  const [form, setForm] = useState(() => signInSettingsForm(saved));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const set = (key: SettingKey) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    save.reset();
    const found = signInSettingsProblems(form);
    setProblems(found);
    if (Object.keys(found).length) return;
    const settings = signInSettingsFrom(form);
    save.mutate(settings, { onSuccess: (stored) => setForm(signInSettingsForm(stored)) });
  };

  const items = [...problemLinks(problems), ...(save.isError && Object.keys(problems).length === 0 ? [{ text: errorMessage(save.error) }] : [])];

  return (
    <>
      {save.isSuccess && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">Sign-in settings saved. They apply to everyone’s sessions now.</p>
          </div>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-labelledby="sign-in-settings-heading">
        <h2 className="govuk-heading-m" id="sign-in-settings-heading">
          Change the sign-in settings
        </h2>
        {items.length > 0 && <ErrorSummary key={attempt} items={items} />}
        {SIGN_IN_SETTING_FIELDS.map((field) => (
          <TextInput
            key={field.key}
            id={field.id}
            label={field.label}
            hint={`${field.explanation} ${rangeInWords(field)}.`}
            value={form[field.key]}
            onChange={set(field.key)}
            error={problems[field.id]}
            suffix={field.suffix}
            width="4"
            inputMode="numeric"
            spellCheck={false}
            autoComplete="off"
          />
        ))}
        <button type="submit" className="govuk-button" disabled={save.isPending}>
          Save sign-in settings
        </button>
      </form>
    </>
  );
}

export function SignInSettingsSection() {
  const settings = useQuery(signInSettingsQueryOptions);
  return (
    <>
      <p className="govuk-body">
        These settings decide how long people stay signed in, and how the dashboard stops someone guessing a password. The idle timeout and longest session end a session; the
        failed sign-ins and longest pause slow down whoever keeps getting an account’s password wrong, from where they are, without ever locking out its owner.
      </p>
      <div className="govuk-inset-text">
        Changes apply at once to everyone’s sessions: anyone whose session is already past a shorter limit is signed out. A new longest pause applies to waits that start from now on.
      </div>
      <QueryState query={settings} what="the sign-in settings">
        {(saved) => <SignInSettingsForm saved={saved} />}
      </QueryState>
    </>
  );
}
