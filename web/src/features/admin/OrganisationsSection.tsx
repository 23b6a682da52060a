// Administration of organisations and their grants: which return types each may send, for which
// local authorities.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { areaNamer, useAreas } from '../../api/indicators';
import { ErrorSummary } from '../../components/ErrorSummary';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { Select } from '../../components/Select';
import { TableHead } from '../../components/TableHead';
import { TextInput } from '../../components/TextInput';
import { listInWords, plural } from '../../lib/format';

import type { Grant } from '../auth/api';
import { organisationsQueryOptions, ORGANISATION_KINDS, useCreateOrganisation, useSetGrants, type Organisation } from './api';
import { SENDABLE_TYPES, sendableTitle } from '../returns/sendable-types';
import { errorMessage } from './shared';

// Every return a partner may be granted, the local measure return among them (its senders are
// also named on each measure).
const PARTNER_TYPES = SENDABLE_TYPES.filter((t) => !t.reference);

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
                <TableHead columns={['Local authority', ...PARTNER_TYPES.map((t) => t.title)]} />
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

export function OrganisationsSection() {
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
    return [...byType.entries()].map(([t, list]) => `${sendableTitle(t)}: ${list.length > 4 ? plural(list.length, 'area') : listInWords(list)}`).join('; ');
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
                <TableHead columns={['Organisation', 'Kind', 'May send', { label: 'Actions', hidden: true }]} />
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
