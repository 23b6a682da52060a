// Production mode (issue 14): demo data only when asked for, Secure cookies required.
import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('configuration', () => {
  it('outside production: demo data and automatic cookies by default, as before', () => {
    expect(readConfig({})).toMatchObject({ production: false, DEMO_DATA: true, demoDataAsked: false, SECURE_COOKIES: 'auto', SESSION_RETENTION_DAYS: 1, AUDIT_RETENTION_DAYS: 2190, BACKUP_KEEP: 14 });
  });

  it('in production: no demo data unless DEMO_DATA=true, and Secure cookies', () => {
    expect(readConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, DEMO_DATA: false, SECURE_COOKIES: true });
    expect(readConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' })).toMatchObject({ DEMO_DATA: true, demoDataAsked: true });
  });

  it.each(['false', 'auto'])('refuses to start in production with SECURE_COOKIES=%s, saying what to do', (value) => {
    expect(() => readConfig({ NODE_ENV: 'production', SECURE_COOKIES: value })).toThrow(/SECURE_COOKIES: with NODE_ENV=production session cookies must be Secure .* TRUST_PROXY=true/);
  });

  it('reads backup and retention settings, and refuses nonsense', () => {
    expect(readConfig({ BACKUP_DIR: '/var/backups/dashboard', BACKUP_INTERVAL_HOURS: '6', BACKUP_KEEP: '28', AUDIT_RETENTION_DAYS: '365' })).toMatchObject({
      BACKUP_DIR: '/var/backups/dashboard',
      BACKUP_INTERVAL_HOURS: 6,
      BACKUP_KEEP: 28,
      AUDIT_RETENTION_DAYS: 365,
    });
    expect(() => readConfig({ AUDIT_RETENTION_DAYS: '7' })).toThrow(/Invalid configuration: AUDIT_RETENTION_DAYS/);
    expect(() => readConfig({ BACKUP_KEEP: '0' })).toThrow(/Invalid configuration: BACKUP_KEEP/);
  });
});
