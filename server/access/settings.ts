// Small persistent settings: the session-signing secret (made once, shared by every process),
// whether the database holds synthetic demo data, and the sign-in settings administrators tune.
import { randomBytes } from 'node:crypto';
import { DEFAULT_SIGN_IN_SETTINGS, SignInSettingsSchema, type SignInSettings } from '../../schemas/access-api';
import { cachedStatement, type Db } from '../db/database';

export function getSetting(db: Db, key: string): string | undefined {
  return (cachedStatement(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setSetting(db: Db, key: string, value: string) {
  db.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function sessionSecret(db: Db): string {
  // INSERT OR IGNORE then read: two processes starting together agree on one secret.
  db.sqlite.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run('session_secret', randomBytes(48).toString('base64url'));
  return getSetting(db, 'session_secret')!;
}

export const DEMO_DATA_SETTING = 'demo_data';

export function holdsDemoData(db: Db): boolean {
  return getSetting(db, DEMO_DATA_SETTING) === 'true';
}

const SIGN_IN_SETTINGS = 'sign_in_settings';

/** The sign-in settings in force: the stored ones, or the defaults if none (or none valid) are stored. */
export function signInSettings(db: Db): SignInSettings {
  const stored = getSetting(db, SIGN_IN_SETTINGS);
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

export function setSignInSettings(db: Db, settings: SignInSettings) {
  setSetting(db, SIGN_IN_SETTINGS, JSON.stringify(SignInSettingsSchema.parse(settings)));
}
