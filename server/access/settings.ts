// Small persistent settings: the session-signing secret (made once, shared by every process),
// whether the database holds synthetic demo data, and the sign-in settings administrators tune.
import { randomBytes } from 'node:crypto';
import { DEFAULT_SIGN_IN_SETTINGS, SignInSettingsSchema, type SignInSettings } from '../../schemas/access-api';
import type { Db } from '../db/database';

export async function getSetting(db: Db, key: string): Promise<string | undefined> {
  return (await db.kysely.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function setSetting(db: Db, key: string, value: string) {
  await db.kysely
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: (eb) => eb.ref('excluded.value') }))
    .execute();
}

export async function sessionSecret(db: Db): Promise<string> {
  // Insert unless present, then read: two processes starting together agree on one secret.
  await db.kysely
    .insertInto('settings')
    .values({ key: 'session_secret', value: randomBytes(48).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await getSetting(db, 'session_secret'))!;
}

export const DEMO_DATA_SETTING = 'demo_data';

export async function holdsDemoData(db: Db): Promise<boolean> {
  return (await getSetting(db, DEMO_DATA_SETTING)) === 'true';
}

const SIGN_IN_SETTINGS = 'sign_in_settings';

/** The sign-in settings in force: the stored ones, or the defaults if none (or none valid) are stored. */
export async function signInSettings(db: Db): Promise<SignInSettings> {
  const stored = await getSetting(db, SIGN_IN_SETTINGS);
  if (stored === undefined) return DEFAULT_SIGN_IN_SETTINGS;
  // Every signed-in request reads the settings; the stored text rarely changes, so it is parsed
  // only when it differs from last time (the read itself stays, so every process sees a change).
  if (stored !== lastParsed.text) lastParsed = { text: stored, settings: parseSignInSettings(stored) };
  return lastParsed.settings;
}

let lastParsed: { text: string | null; settings: SignInSettings } = { text: null, settings: DEFAULT_SIGN_IN_SETTINGS };

function parseSignInSettings(text: string): SignInSettings {
  try {
    const parsed = SignInSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_SIGN_IN_SETTINGS;
  } catch {
    return DEFAULT_SIGN_IN_SETTINGS;
  }
}

export async function setSignInSettings(db: Db, settings: SignInSettings) {
  await setSetting(db, SIGN_IN_SETTINGS, JSON.stringify(SignInSettingsSchema.parse(settings)));
}
