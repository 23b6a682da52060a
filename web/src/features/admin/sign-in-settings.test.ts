// The sign-in settings form's checks: each field's bounds come from the shared schema, and a
// value must be a whole number within them before it is sent.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGN_IN_SETTINGS, SignInSettingsSchema } from '../../../../schemas/access-api';
import { rangeInWords, SIGN_IN_SETTING_FIELDS, signInSettingsForm, signInSettingsFrom, signInSettingsProblems, type SettingKey } from './sign-in-settings';

const IDLE = 'sign-in-idle-minutes';
const LIFETIME = 'sign-in-lifetime-hours';
const FAILURES = 'sign-in-max-failures';
const LOCKOUT = 'sign-in-lockout-minutes';

const defaults = () => signInSettingsForm(DEFAULT_SIGN_IN_SETTINGS);
const withValue = (key: SettingKey, value: string) => ({ ...defaults(), [key]: value });

describe('the sign-in settings fields', () => {
  it('take their bounds from the shared schema', () => {
    for (const field of SIGN_IN_SETTING_FIELDS) {
      const schema = SignInSettingsSchema.shape[field.key];
      expect([field.min, field.max]).toEqual([schema.minValue, schema.maxValue]);
    }
    expect(SIGN_IN_SETTING_FIELDS.map((f) => f.key)).toEqual(Object.keys(SignInSettingsSchema.shape));
  });

  it('say the allowed range in words', () => {
    expect(SIGN_IN_SETTING_FIELDS.map(rangeInWords)).toEqual([
      'Between 5 and 240 minutes',
      'Between 1 and 24 hours',
      'Between 3 and 20 failed sign-ins',
      'Between 1 and 1,440 minutes',
    ]);
  });
});

describe('signInSettingsProblems', () => {
  it('finds none in the defaults, and reads them back unchanged', () => {
    expect(signInSettingsForm(DEFAULT_SIGN_IN_SETTINGS)).toEqual({ sessionIdleMinutes: '30', sessionLifetimeHours: '12', maxFailedSignIns: '5', lockoutMinutes: '15' });
    expect(signInSettingsProblems(defaults())).toEqual({});
    expect(signInSettingsFrom(defaults())).toEqual(DEFAULT_SIGN_IN_SETTINGS);
  });

  it('accepts each bound itself', () => {
    const lowest = { sessionIdleMinutes: '5', sessionLifetimeHours: '1', maxFailedSignIns: '3', lockoutMinutes: '1' };
    const highest = { sessionIdleMinutes: '240', sessionLifetimeHours: '24', maxFailedSignIns: '20', lockoutMinutes: '1440' };
    expect(signInSettingsProblems(lowest)).toEqual({});
    expect(signInSettingsProblems(highest)).toEqual({});
    expect(SignInSettingsSchema.safeParse(signInSettingsFrom(lowest)).success).toBe(true);
    expect(SignInSettingsSchema.safeParse(signInSettingsFrom(highest)).success).toBe(true);
  });

  it('refuses a value just outside each bound, saying the range', () => {
    expect(signInSettingsProblems(withValue('sessionIdleMinutes', '4'))).toEqual({ [IDLE]: 'Enter a number of minutes between 5 and 240' });
    expect(signInSettingsProblems(withValue('sessionIdleMinutes', '241'))).toEqual({ [IDLE]: 'Enter a number of minutes between 5 and 240' });
    expect(signInSettingsProblems(withValue('sessionLifetimeHours', '0'))).toEqual({ [LIFETIME]: 'Enter a number of hours between 1 and 24' });
    expect(signInSettingsProblems(withValue('sessionLifetimeHours', '25'))).toEqual({ [LIFETIME]: 'Enter a number of hours between 1 and 24' });
    expect(signInSettingsProblems(withValue('maxFailedSignIns', '2'))).toEqual({ [FAILURES]: 'Enter a number of failed sign-ins between 3 and 20' });
    expect(signInSettingsProblems(withValue('maxFailedSignIns', '21'))).toEqual({ [FAILURES]: 'Enter a number of failed sign-ins between 3 and 20' });
    expect(signInSettingsProblems(withValue('lockoutMinutes', '0'))).toEqual({ [LOCKOUT]: 'Enter a number of minutes between 1 and 1,440' });
    expect(signInSettingsProblems(withValue('lockoutMinutes', '1441'))).toEqual({ [LOCKOUT]: 'Enter a number of minutes between 1 and 1,440' });
    expect(signInSettingsProblems(withValue('sessionIdleMinutes', '-30'))).toEqual({ [IDLE]: 'Enter a number of minutes between 5 and 240' });
  });

  it('asks for a value left empty', () => {
    expect(signInSettingsProblems(withValue('sessionIdleMinutes', ''))).toEqual({ [IDLE]: 'Enter a number of minutes between 5 and 240' });
    expect(signInSettingsProblems(withValue('sessionIdleMinutes', '   '))).toEqual({ [IDLE]: 'Enter a number of minutes between 5 and 240' });
  });

  it('refuses what is not a number', () => {
    for (const text of ['thirty', '30 minutes', '1e2', '0x1e', '3-0', '.', 'Infinity', 'NaN']) {
      expect(signInSettingsProblems(withValue('sessionIdleMinutes', text)), text).toEqual({ [IDLE]: 'Idle timeout must be a number, like 30' });
    }
    expect(signInSettingsProblems(withValue('maxFailedSignIns', 'five'))).toEqual({ [FAILURES]: 'Failed sign-ins before a pause must be a number, like 5' });
  });

  it('refuses decimals, but not a whole number written with a decimal point', () => {
    expect(signInSettingsProblems(withValue('sessionIdleMinutes', '20.5'))).toEqual({ [IDLE]: 'Idle timeout must be a whole number of minutes' });
    expect(signInSettingsProblems(withValue('sessionLifetimeHours', '1.5'))).toEqual({ [LIFETIME]: 'Longest session must be a whole number of hours' });
    expect(signInSettingsProblems(withValue('sessionIdleMinutes', '.5'))).toEqual({ [IDLE]: 'Idle timeout must be a whole number of minutes' });
    expect(signInSettingsProblems(withValue('sessionIdleMinutes', '20.0'))).toEqual({});
    expect(signInSettingsFrom(withValue('sessionIdleMinutes', '20.0')).sessionIdleMinutes).toBe(20);
  });

  it('allows spaces and thousands commas', () => {
    const form = { ...defaults(), sessionIdleMinutes: ' 20 ', lockoutMinutes: '1,440' };
    expect(signInSettingsProblems(form)).toEqual({});
    expect(signInSettingsFrom(form)).toEqual({ ...DEFAULT_SIGN_IN_SETTINGS, sessionIdleMinutes: 20, lockoutMinutes: 1440 });
  });

  it('lists every problem, in the order of the form', () => {
    const form = { sessionIdleMinutes: '2', sessionLifetimeHours: 'x', maxFailedSignIns: '3.5', lockoutMinutes: '' };
    expect(Object.keys(signInSettingsProblems(form))).toEqual([IDLE, LIFETIME, FAILURES, LOCKOUT]);
  });
});
