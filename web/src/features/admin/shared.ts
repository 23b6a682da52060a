// What the administration sections share: how a failed change is put into words, and the
// choices a form offers for an organisation.
import type { Option } from '../../components/Select';
import type { Organisation } from './api';

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Try again.';
}

/** Each problem found in a form, linked to the field (by id) it is about. */
export function problemLinks(problems: Record<string, string>) {
  return Object.entries(problems).map(([id, text]) => ({ text, href: `#${id}` }));
}

export function organisationOptions(organisations: Organisation[]): Option[] {
  return [{ value: '', label: 'Choose an organisation' }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))];
}
