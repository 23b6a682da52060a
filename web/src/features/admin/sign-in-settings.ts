// The sign-in settings form, without React: each field's words and allowed range (read from the
// shared schema, so the form and the server cannot disagree), and the checks a typed value must
// pass before it is sent. Worked examples are in sign-in-settings.test.ts.
import '../../lib/zod-config';
import { DEFAULT_SIGN_IN_SETTINGS, SignInSettingsSchema, type SignInSettings } from '../../../../schemas/access-api';
import { formatNumber } from '../../lib/format';

export type SettingKey = keyof SignInSettings;

/** What the person typed in each field, before it is checked. */
export type SignInSettingsForm = Record<SettingKey, string>;

export interface SettingField {
  key: SettingKey;
  /** The input's id, which the error summary links to. */
  id: string;
  label: string;
  /** What the setting does, in a sentence. */
  explanation: string;
  /** The unit in the plural, as in "a number of minutes". */
  unit: string;
  /** Shown after the input, for a unit of measure. */
  suffix?: string;
  min: number;
  max: number;
}

function bounds(key: SettingKey): { min: number; max: number } {
  const schema = SignInSettingsSchema.shape[key];
  if (schema.minValue === null || schema.maxValue === null) throw new Error(`The sign-in setting ${key} has no bounds in the schema.`);
  return { min: schema.minValue, max: schema.maxValue };
}

export const SIGN_IN_SETTING_FIELDS: readonly SettingField[] = [
  {
    key: 'sessionIdleMinutes',
    id: 'sign-in-idle-minutes',
    label: 'Idle timeout',
    explanation: 'Someone is signed out after this long without using the dashboard.',
    unit: 'minutes',
    suffix: 'minutes',
    ...bounds('sessionIdleMinutes'),
  },
  {
    key: 'sessionLifetimeHours',
    id: 'sign-in-lifetime-hours',
    label: 'Longest session',
    explanation: 'Someone is signed out this long after signing in, however active they are.',
    unit: 'hours',
    suffix: 'hours',
    ...bounds('sessionLifetimeHours'),
  },
  {
    key: 'maxFailedSignIns',
    id: 'sign-in-max-failures',
    label: 'Failed sign-ins before a pause',
    explanation: 'After this many wrong passwords for one account from one network address, that address must wait before trying the account again. The account’s owner at any other address is not held back.',
    unit: 'failed sign-ins',
    ...bounds('maxFailedSignIns'),
  },
  {
    key: 'lockoutMinutes',
    id: 'sign-in-lockout-minutes',
    label: 'Longest pause',
    explanation: 'The first wait is 30 seconds, doubling with each further wrong password up to this long. Unlocking the account ends every wait at once.',
    unit: 'minutes',
    suffix: 'minutes',
    ...bounds('lockoutMinutes'),
  },
];

/** "Between 5 and 240 minutes". */
export function rangeInWords(field: SettingField): string {
  return `Between ${formatNumber(field.min)} and ${formatNumber(field.max)} ${field.unit}`;
}

/** The settings as the form first shows them. */
export function signInSettingsForm(settings: SignInSettings): SignInSettingsForm {
  return Object.fromEntries(SIGN_IN_SETTING_FIELDS.map((f) => [f.key, String(settings[f.key])])) as SignInSettingsForm;
}

/** A typed number: spaces and thousands commas allowed ("1,440"), nothing else. NaN if it is not a number. */
function readNumber(text: string): number {
  const plain = text.replace(/[\s,]/g, '');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(plain) ? Number(plain) : Number.NaN;
}

function problemWith(field: SettingField, text: string): string | null {
  const inRange = `Enter a number of ${field.unit} between ${formatNumber(field.min)} and ${formatNumber(field.max)}`;
  if (text.trim() === '') return inRange;
  const value = readNumber(text);
  if (Number.isNaN(value)) return `${field.label} must be a number, like ${formatNumber(DEFAULT_SIGN_IN_SETTINGS[field.key])}`;
  if (!Number.isInteger(value)) return `${field.label} must be a whole number of ${field.unit}`;
  if (value < field.min || value > field.max) return inRange;
  return null;
}

/** The problems with what was typed, by input id, in the order of the form; empty when all is well. */
export function signInSettingsProblems(form: SignInSettingsForm): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of SIGN_IN_SETTING_FIELDS) {
    const problem = problemWith(field, form[field.key]);
    if (problem) problems[field.id] = problem;
  }
  return problems;
}

/** The settings to send, from a form that has no problems. */
export function signInSettingsFrom(form: SignInSettingsForm): SignInSettings {
  return Object.fromEntries(SIGN_IN_SETTING_FIELDS.map((f) => [f.key, readNumber(form[f.key])])) as SignInSettings;
}
