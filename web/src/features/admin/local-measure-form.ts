// What the local measure form needs besides its controls: the values it holds, the body it sends
// (a new measure whole; a change only what differs, so a measure whose figures are held can have
// its wording changed without touching its arithmetic) and what is wrong, field by field, in
// words: first what the page can tell before sending, then what the API's 400 or 409 says.
import { MEASURE_ID_MAX, MEASURE_ID_PATTERN, type LocalMeasure, type LocalMeasureChange, type LocalMeasureInput } from '../../../../schemas/local-measures-api';
import type { StrategyAim } from '../../../../schemas/indicators';
import { ApiError, type ProblemBody } from '../../lib/api-client';

export type MeasureField = 'id' | 'title' | 'definition' | 'unit' | 'aim' | 'numerator' | 'kind' | 'denominator' | 'multiplier' | 'polarity' | 'interval' | 'organisations';

export interface MeasureProblem {
  field: MeasureField | null;
  text: string;
}

export type Polarity = LocalMeasure['polarity'];
export type Interval = LocalMeasure['interval'];

export interface MeasureValues {
  id: string;
  title: string;
  definition: string;
  unit: string;
  aim: StrategyAim;
  numerator: string;
  /** A count has no denominator; a share or rate divides by one. */
  kind: 'count' | 'divided';
  denominator: string;
  multiplier: '1' | '100' | '1000';
  polarity: Polarity;
  interval: Interval;
  organisations: number[];
}

export const BLANK_MEASURE: MeasureValues = {
  id: '',
  title: '',
  definition: '',
  unit: '',
  aim: 'prevention-and-workforce',
  numerator: '',
  kind: 'count',
  denominator: '',
  multiplier: '1',
  polarity: 'higher-better',
  interval: 'byar',
  organisations: [],
};

export const POLARITY_WORDS: Record<Polarity, string> = {
  'higher-better': 'Higher is better',
  'lower-better': 'Lower is better',
  'no-judgement': 'Neither: no better or worse',
};

export const INTERVAL_WORDS: Record<Interval, string> = {
  wilson: 'Wilson score interval, for a share (the numerator is part of the denominator)',
  byar: 'Exact Poisson (Byar’s method from 10 events), for a count or a rate',
  none: 'No interval and no judgement of significance',
};

export const MULTIPLIER_WORDS: Record<MeasureValues['multiplier'], string> = {
  '1': 'As it is (a count, or a plain ratio)',
  '100': 'As a percentage (× 100)',
  '1000': 'Per 1,000 (× 1,000)',
};

export function valuesOf(m: LocalMeasure): MeasureValues {
  return {
    id: m.id,
    title: m.title,
    definition: m.definition,
    unit: m.unit,
    aim: m.aim as StrategyAim,
    numerator: m.numerator,
    kind: m.denominator === null ? 'count' : 'divided',
    denominator: m.denominator ?? '',
    multiplier: String(m.multiplier) as MeasureValues['multiplier'],
    polarity: m.polarity,
    interval: m.interval,
    organisations: m.organisations.map((o) => o.id),
  };
}

const LIMITS: Partial<Record<MeasureField, [number, string]>> = {
  title: [200, 'The title'],
  definition: [1000, 'The definition'],
  unit: [60, 'The unit'],
  numerator: [300, 'What the numerator counts'],
  denominator: [300, 'What the denominator counts'],
};

/** What the page can tell is wrong before sending. `isNew`: the id is asked for only then. */
export function formProblems(values: MeasureValues, isNew: boolean): MeasureProblem[] {
  const problems: MeasureProblem[] = [];
  const id = values.id.trim();
  if (isNew) {
    if (id === '') problems.push({ field: 'id', text: 'Enter an id for the measure, such as champions-trained' });
    else if (id.length > MEASURE_ID_MAX) problems.push({ field: 'id', text: `The id must be ${MEASURE_ID_MAX} characters or fewer` });
    else if (!MEASURE_ID_PATTERN.test(id)) problems.push({ field: 'id', text: 'The id must be lower-case letters and digits in words joined by hyphens, such as champions-trained' });
  }
  if (values.title.trim() === '') problems.push({ field: 'title', text: 'Enter the measure’s title' });
  if (values.unit.trim() === '') problems.push({ field: 'unit', text: 'Enter the unit, such as champions or %' });
  if (values.numerator.trim() === '') problems.push({ field: 'numerator', text: 'Say what the numerator counts' });
  if (values.kind === 'divided' && values.denominator.trim() === '') problems.push({ field: 'denominator', text: 'Say what the denominator counts, or choose “A count”' });
  for (const [field, [max, name]] of Object.entries(LIMITS) as Array<[MeasureField, [number, string]]>) {
    const text = String(values[field as keyof MeasureValues]).trim();
    if (text.length > max && !(field === 'denominator' && values.kind === 'count')) problems.push({ field, text: `${name} must be ${max} characters or fewer` });
  }
  if (values.kind === 'count' && values.interval === 'wilson') problems.push({ field: 'interval', text: 'A Wilson interval is for a share: choose exact Poisson for a count, or no interval' });
  return problems;
}

/** The body of a new measure. */
export function inputBody(values: MeasureValues): LocalMeasureInput {
  const definition = values.definition.trim();
  return {
    id: values.id.trim(),
    title: values.title.trim(),
    ...(definition ? { definition } : {}),
    unit: values.unit.trim(),
    aim: values.aim,
    numerator: values.numerator.trim(),
    denominator: values.kind === 'divided' ? values.denominator.trim() : null,
    multiplier: Number(values.multiplier) as 1 | 100 | 1000,
    polarity: values.polarity,
    interval: values.interval,
    organisations: values.organisations,
  };
}

/** Only what differs from the measure as held, so unchanged arithmetic is never sent. */
export function changeBody(before: LocalMeasure, values: MeasureValues): LocalMeasureChange {
  const after = inputBody({ ...values, id: before.id });
  const change: LocalMeasureChange = {};
  if (after.title !== before.title) change.title = after.title;
  if (after.definition !== undefined && after.definition !== before.definition) change.definition = after.definition;
  if (after.unit !== before.unit) change.unit = after.unit;
  if (after.aim !== before.aim) change.aim = after.aim;
  if (after.numerator !== before.numerator) change.numerator = after.numerator;
  if (after.denominator !== before.denominator) change.denominator = after.denominator;
  if (after.multiplier !== before.multiplier) change.multiplier = after.multiplier;
  if (after.polarity !== before.polarity) change.polarity = after.polarity;
  if (after.interval !== before.interval) change.interval = after.interval;
  const held = before.organisations.map((o) => o.id);
  if (after.organisations.length !== held.length || after.organisations.some((id) => !held.includes(id))) change.organisations = after.organisations;
  return change;
}

/** The arithmetic a change alters, as the form names its fields. */
function arithmeticFieldsOf(change: LocalMeasureChange): MeasureField[] {
  const fields: MeasureField[] = [];
  if (change.denominator !== undefined) fields.push('kind');
  if (change.multiplier !== undefined) fields.push('multiplier');
  if (change.polarity !== undefined) fields.push('polarity');
  if (change.interval !== undefined) fields.push('interval');
  return fields;
}

const CODE_FIELDS: Record<string, MeasureField> = {
  'measure-exists': 'id',
  'measure-id-shared': 'id',
  'invalid-measure': 'interval',
  'unknown-organisation': 'organisations',
};

const RULE_WORDS: Record<MeasureField, string> = {
  id: `Enter an id of lower-case letters and digits in words joined by hyphens, up to ${MEASURE_ID_MAX} characters`,
  title: 'Enter the title (up to 200 characters)',
  definition: 'Enter the definition (up to 1,000 characters)',
  unit: 'Enter the unit (up to 60 characters)',
  aim: 'Choose an aim from the list',
  numerator: 'Say what the numerator counts (up to 300 characters)',
  kind: 'Choose whether it is a count or divided by something',
  denominator: 'Say what the denominator counts (up to 300 characters)',
  multiplier: 'Choose how the measure is scaled from the list',
  polarity: 'Choose whether higher or lower is better',
  interval: 'Choose an interval from the list',
  organisations: 'Choose up to 100 organisations from the list',
};

/**
 * The problems in the API's refusal, on the field each is about. A 409 `arithmetic-fixed` is put
 * on the first arithmetic field the change alters, with what can still be done.
 */
export function problemsFromApi(error: unknown, change: LocalMeasureChange | null = null): MeasureProblem[] {
  if (!(error instanceof ApiError)) return [{ field: null, text: 'Something went wrong, and nothing was saved. Try again.' }];
  const body = (error.body ?? {}) as ProblemBody;
  if (body.code === 'arithmetic-fixed') {
    const field = (change && arithmeticFieldsOf(change)[0]) ?? 'kind';
    return [{ field, text: `${error.message} Its title, definition, unit, what it counts and who sends it can still change; put the other fields back as they were.` }];
  }
  const field = body.code ? CODE_FIELDS[body.code] : undefined;
  if (field) return [{ field, text: error.message }];
  if (error.status === 400 && body.code === 'invalid-request' && typeof body.message === 'string') {
    const found = new Map<MeasureField, string>();
    for (const part of body.message.replace(/^The request is not valid:\s*/, '').split('; ')) {
      const path = part.split(':')[0].split('/')[0].trim() as MeasureField;
      if (path in RULE_WORDS) found.set(path, RULE_WORDS[path]);
    }
    if (found.size > 0) return [...found].map(([f, text]) => ({ field: f, text }));
  }
  return [{ field: null, text: `${error.message} Nothing was saved.` }];
}
