// What the partnership form needs besides its controls: which authorities a filter leaves, the
// benchmarks on offer and the one the server chooses when none is sent, and what is wrong with
// the form, field by field, in words: first what the page can tell before sending, then what
// the API's 400 or 409 says (a name already taken, an area or member it does not know).
import type { AreaEntry } from '../../api/indicators';
import { ApiError, type ProblemBody } from '../../lib/api-client';

export type PartnershipField = 'name' | 'areas' | 'benchmark' | 'members';

export interface PartnershipProblem {
  field: PartnershipField | null;
  text: string;
}

export interface PartnershipValues {
  name: string;
  /** GSS codes in the order chosen: the first decides the default benchmark and the default period. */
  areas: string[];
  /** '' while the server's default is wanted (a new partnership only). */
  benchmark: string;
  members: number[];
}

/** The same limit as PartnershipInputSchema. */
export const PARTNERSHIP_NAME_MAX = 200;

export const ENGLAND = 'E92000001';

/** Local authorities whose name or code contains the filter's text, by name. */
export function authoritiesMatching(areas: readonly AreaEntry[], filter: string): AreaEntry[] {
  const text = filter.trim().toLowerCase();
  return areas
    .filter((a) => a.type === 'local-authority')
    .filter((a) => text === '' || a.name.toLowerCase().includes(text) || a.code.toLowerCase().includes(text))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** As the server decides it when no benchmark is sent: the first area's default (its police force area; London for a borough), else England. */
export function defaultBenchmark(areas: readonly AreaEntry[], chosen: readonly string[]): string {
  const first = areas.find((a) => a.code === chosen[0]);
  return first?.defaultBenchmark ?? ENGLAND;
}

/** The comparators of every chosen area (their parents, then England), with the one held kept on offer. */
export function benchmarkChoices(areas: readonly AreaEntry[], chosen: readonly string[], held: string): string[] {
  const codes = new Set<string>();
  for (const code of chosen) for (const choice of areas.find((a) => a.code === code)?.benchmarkChoices ?? []) codes.add(choice);
  codes.add(ENGLAND);
  if (held) codes.add(held);
  return [...codes];
}

export function formProblems(values: PartnershipValues): PartnershipProblem[] {
  const problems: PartnershipProblem[] = [];
  const name = values.name.trim();
  if (name === '') problems.push({ field: 'name', text: 'Enter the partnership’s name' });
  else if (name.length > PARTNERSHIP_NAME_MAX) problems.push({ field: 'name', text: `The name must be ${PARTNERSHIP_NAME_MAX} characters or fewer` });
  if (values.areas.length === 0) problems.push({ field: 'areas', text: 'Choose at least one local authority the partnership covers' });
  return problems;
}

const CODE_FIELDS: Record<string, PartnershipField> = {
  'name-taken': 'name',
  'unknown-area': 'areas',
  'invalid-member': 'members',
};

const RULE_WORDS: Record<PartnershipField, string> = {
  name: 'Enter the partnership’s name (up to 200 characters)',
  areas: 'Choose between 1 and 50 local authorities',
  benchmark: 'Choose a benchmark from the list',
  members: 'Choose members from the list',
};

/**
 * The problems in the API's refusal, on the field each is about. The route's own checks carry a
 * code naming the field, and their message is already a sentence; a refusal by the request
 * schema names the field in its path ("areas: Too small…"), and gets the field's own words.
 */
export function problemsFromApi(error: unknown): PartnershipProblem[] {
  if (!(error instanceof ApiError)) return [{ field: null, text: 'Something went wrong, and nothing was saved. Try again.' }];
  const body = (error.body ?? {}) as ProblemBody;
  const field = body.code ? CODE_FIELDS[body.code] : undefined;
  if (field) return [{ field, text: error.message }];
  if (error.status === 400 && body.code === 'invalid-request' && typeof body.message === 'string') {
    const found = new Map<PartnershipField, string>();
    for (const part of body.message.replace(/^The request is not valid:\s*/, '').split('; ')) {
      const path = part.split(':')[0].split('/')[0] as PartnershipField;
      if (path in RULE_WORDS) found.set(path, RULE_WORDS[path]);
    }
    if (found.size > 0) return [...found].map(([f, text]) => ({ field: f, text }));
  }
  return [{ field: null, text: `${error.message} Nothing was saved.` }];
}
