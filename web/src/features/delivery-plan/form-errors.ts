// What is wrong with an action or a progress update, field by field, in words: first what the
// page can tell before sending (a blank activity, a text past its limit), then whatever the API's
// 400 answer says. The API names a field and a rule ("title: Too big: expected string to have
// <=1000 characters"); people read "The activity must be 1,000 characters or fewer".
import '../../lib/zod-config';
import { ACTION_LEAD_MAX, ACTION_TIMESCALE_MAX, ACTION_TITLE_MAX, ACTION_UPDATE_MAX } from '../../../../schemas/actions-api';
import { ApiError, type ProblemBody } from '../../lib/api-client';
import { formatNumber } from '../../lib/format';

export type ActionField = 'title' | 'aim' | 'measure' | 'leadAgency' | 'leadPerson' | 'timescale' | 'due' | 'status';
export type ProgressField = 'on' | 'text' | 'status';
export type FormField = ActionField | ProgressField;

/** A problem to show: on a field, or (field null) for the form as a whole. */
export interface FormProblem<F extends string = FormField> {
  field: F | null;
  text: string;
}

/** Each field as a sentence names it. */
export const FIELD_NAMES: Record<FormField, string> = {
  title: 'the activity',
  aim: 'the aim',
  measure: 'the measure',
  leadAgency: 'the lead agency',
  leadPerson: 'the lead person or role',
  timescale: 'the timescale',
  due: 'the due date',
  status: 'the status',
  on: 'the date of the update',
  text: 'what has happened',
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkLength(field: FormField, value: string, max: number, required: boolean): FormProblem | null {
  const length = value.trim().length;
  if (required && length === 0) return { field, text: `Enter ${FIELD_NAMES[field]}` };
  if (length > max) return { field, text: `${capitalise(FIELD_NAMES[field])} must be ${formatNumber(max)} characters or fewer` };
  return null;
}

export interface ActionValues {
  title: string;
  aim: string;
  measure: string;
  leadAgency: string;
  leadPerson: string;
  timescale: string;
  due: string;
  status: string;
}

export function actionProblems(values: ActionValues): FormProblem<ActionField>[] {
  return [
    checkLength('title', values.title, ACTION_TITLE_MAX, true),
    checkLength('leadAgency', values.leadAgency, ACTION_LEAD_MAX, true),
    checkLength('leadPerson', values.leadPerson, ACTION_LEAD_MAX, false),
    checkLength('timescale', values.timescale, ACTION_TIMESCALE_MAX, false),
    values.due !== '' && !DAY.test(values.due) ? { field: 'due' as const, text: 'Enter the due date as a day, for example 31 3 2027, or leave it blank' } : null,
  ].filter((p): p is FormProblem<ActionField> => p !== null);
}

export interface ProgressValues {
  on: string;
  text: string;
  status: string;
}

export function progressProblems(values: ProgressValues): FormProblem<ProgressField>[] {
  return [
    values.on === '' ? { field: 'on' as const, text: 'Enter the date of the update' } : !DAY.test(values.on) ? { field: 'on' as const, text: 'Enter the date of the update as a day, for example 20 11 2026' } : null,
    checkLength('text', values.text, ACTION_UPDATE_MAX, true),
  ].filter((p): p is FormProblem<ProgressField> => p !== null);
}

/** One rule the API's validation broke, in words: "title: Too small: …" → "Enter the activity". */
function ruleInWords(field: FormField, rule: string): string {
  const name = FIELD_NAMES[field];
  if (/too small|>=1 characters|required|received undefined/i.test(rule)) return `Enter ${name}`;
  const max = /too big.*<=\s*(\d+)/i.exec(rule);
  if (max) return `${capitalise(name)} must be ${formatNumber(Number(max[1]))} characters or fewer`;
  if (/YYYY-MM-DD/.test(rule)) return `Enter ${name} as a day, for example 31 3 2027`;
  if (/invalid option|expected one of/i.test(rule)) return `Choose ${name} from the list`;
  return `${capitalise(name)}: ${rule}`;
}

/** Which field an API problem code is about. */
const CODE_FIELDS: Record<string, FormField> = {
  'invalid-due': 'due',
  'invalid-date': 'on',
  'future-update': 'on',
  'invalid-link': 'measure',
};

/**
 * The problems in an API's refusal, on the fields the form has. A 400 from validation lists
 * each field and rule; one from the route's own checks has a code that names its field; anything
 * else (a 404 for an action someone else removed, a lost connection) is about the whole form.
 */
export function problemsFromApi<F extends FormField>(error: unknown, fields: readonly F[]): FormProblem<F>[] {
  const has = (f: string): f is F => (fields as readonly string[]).includes(f);
  if (!(error instanceof ApiError)) return [{ field: null, text: 'Something went wrong, and nothing was saved. Try again.' }];
  const body = (error.body ?? {}) as ProblemBody;
  if (error.status === 400 && body.code === 'invalid-request' && typeof body.message === 'string') {
    const detail = body.message.replace(/^The request is not valid:\s*/, '');
    const problems = detail.split('; ').map((part): FormProblem<F> => {
      const at = part.indexOf(': ');
      const path = at > 0 ? part.slice(0, at).split('/')[0] : '';
      const rule = at > 0 ? part.slice(at + 2) : part;
      return has(path) ? { field: path, text: ruleInWords(path, rule) } : { field: null, text: capitalise(rule) };
    });
    if (problems.length > 0) return problems;
  }
  const field = body.code ? CODE_FIELDS[body.code] : undefined;
  if (error.status === 400 && field && has(field)) {
    // The link check ends with advice for API callers ("…or measure: null"); the form offers "No measure".
    const text = body.code === 'invalid-link' ? `${error.message.replace(/ Send a measure of that aim, or measure: null\.$/, '')} Choose one of that aim’s measures, or no measure.` : error.message;
    return [{ field, text }];
  }
  if (error.status === 404 && body.code === 'unknown-action') return [{ field: null, text: `${error.message} Someone may have removed it: the plan below is up to date.` }];
  return [{ field: null, text: `${error.message} Nothing was saved.` }];
}
