// Administration of API tokens, with which partners' own systems send returns: a new token is
// shown once, then only its prefix; a token can be revoked.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { Select } from '../../components/Select';
import { TableHead } from '../../components/TableHead';
import { TextInput } from '../../components/TextInput';
import { formatDateTime, plural } from '../../lib/format';
import { organisationsQueryOptions, tokensQueryOptions, useCreateToken, useRevokeToken, type ApiToken } from './api';
import { errorMessage, organisationOptions, problemLinks } from './shared';

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

export function TokensSection() {
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
                <TableHead columns={['Token', 'Organisation', 'Created', 'Last used', 'Status']} />
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
          <ErrorSummary items={Object.keys(problems).length ? problemLinks(problems) : [{ text: errorMessage(create.error) }]} />
        )}
        <Select
          id="token-organisation"
          label="Organisation"
          hint={problems['token-organisation']}
          value={organisationId}
          onChange={setOrganisationId}
          options={organisationOptions(organisations.data ?? [])}
        />
        <TextInput id="token-name" label="Name" hint="Where it is used, e.g. “Police nightly export”" value={name} onChange={setName} error={problems['token-name']} width="30" autoComplete="off" />
        <button type="submit" className="govuk-button" disabled={create.isPending}>
          Create token
        </button>
      </form>
    </>
  );
}
