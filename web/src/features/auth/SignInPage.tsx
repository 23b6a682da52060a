// Sign in: email and password, GOV.UK error summary on failure, and with demo data the demo
// accounts (their passwords are public by design) with a button to sign in as each.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { TableHead } from '../../components/TableHead';
import { TextInput } from '../../components/TextInput';
import { navigate, useSearchParams } from '../../app/router';
import { isApiError } from '../../lib/api-client';
import { homePathFor, meQueryOptions, useMe, useSignIn, useSignInInfo } from './api';

/** Only a path on this site: never "//elsewhere" or "https://…". */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : null;
}

export default function SignInPage() {
  const [params] = useSearchParams();
  const client = useQueryClient();
  const me = useMe();
  const info = useSignInInfo();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  // Each attempt shows the summary afresh, so that it takes focus again.
  const [attempt, setAttempt] = useState(0);
  const next = safeNext(params.get('next'));

  useEffect(() => {
    if (me.data) navigate(next ?? homePathFor(me.data.user.role), { replace: true });
  }, [me.data, next]);

  const submit = (credentials: { email: string; password: string }) => {
    const problems = {
      email: credentials.email.trim() === '' ? 'Enter your email address' : undefined,
      password: credentials.password === '' ? 'Enter your password' : undefined,
    };
    setMissing(problems);
    setAttempt((n) => n + 1);
    if (problems.email || problems.password) return;
    signIn.mutate(
      { email: credentials.email.trim(), password: credentials.password },
      {
        onSuccess: async () => {
          const who = await client.fetchQuery(meQueryOptions);
          if (who) navigate(next ?? homePathFor(who.user.role), { replace: true });
        },
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit({ email, password });
  };

  const serverError = signIn.error
    ? isApiError(signIn.error, 401)
      ? 'The email address or password is not right. Check them and try again.'
      : signIn.error.message
    : null;
  const items = [
    ...(missing.email ? [{ text: missing.email, href: '#email' }] : []),
    ...(missing.password ? [{ text: missing.password, href: '#password' }] : []),
    ...(serverError && !missing.email && !missing.password ? [{ text: serverError, href: '#email' }] : []),
  ];

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {items.length > 0 && <ErrorSummary key={attempt} items={items} />}
        <PageHeading title="Sign in" />
        <form onSubmit={onSubmit} noValidate>
          <TextInput id="email" label="Email address" error={missing.email} type="email" autoComplete="username" spellCheck={false} value={email} onChange={setEmail} />
          <TextInput id="password" label="Password" error={missing.password} width="20" type="password" autoComplete="current-password" value={password} onChange={setPassword} />
          <button type="submit" className="govuk-button" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>

        {info.data?.demo && info.data.demoAccounts.length > 0 && (
          <section aria-labelledby="demo-accounts">
            <h2 className="govuk-heading-m" id="demo-accounts">
              Demo accounts
            </h2>
            <p className="govuk-body">
              This dashboard holds synthetic demo data, not real figures. Sign in with one of these accounts to see what each kind of user can do.
            </p>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Demo accounts</caption>
              <TableHead columns={['Account', 'Email and password', { label: 'Action', hidden: true }]} />
              <tbody className="govuk-table__body">
                {info.data.demoAccounts.map((account) => (
                  <tr className="govuk-table__row" key={account.email}>
                    <td className="govuk-table__cell">
                      <strong>{account.role[0].toUpperCase() + account.role.slice(1)}</strong>
                      <br />
                      {account.description}
                    </td>
                    <td className="govuk-table__cell">
                      {account.email}
                      <br />
                      {account.password}
                    </td>
                    <td className="govuk-table__cell">
                      <button
                        type="button"
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        disabled={signIn.isPending}
                        onClick={() => {
                          setEmail(account.email);
                          setPassword(account.password);
                          submit({ email: account.email, password: account.password });
                        }}
                      >
                        Sign in<span className="govuk-visually-hidden"> as the demo {account.role}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </div>
    </div>
  );
}
