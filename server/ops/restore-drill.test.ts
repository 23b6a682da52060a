// SQLite only: backs up and restores the SQLite file of a running server.
// The restore drill (issue 14), with real processes as a council's IT team would run them: the
// server (`node --import tsx server/main.ts`, as npm start runs it) takes uploads from a partner's
// system as fast as four connections can send them; meanwhile `npm run backup` copies the
// database; the server is stopped and `npm run restore` puts the copy back. The restored database
// passes SQLite's integrity check, holds every upload acknowledged before the backup started,
// has no sessions, and has the token revoked since the copy revoked again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createOrganisation, createUser, replaceGrants } from '../access/accounts';
import { verifyAuditChain } from '../access/audit-chain';
import { createToken } from '../access/tokens';
import { openDatabase } from '../db/database';
import { csvOf, validRow } from '../test/rows';
import { childProcessEnv } from '../test/database';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN = { email: 'it@council.example', password: 'a long drill password' };

function run(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: childProcessEnv(env) });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise<{ code: number | null; output: string }>((resolve) => child.on('exit', (code) => resolve({ code, output })));
  return { child, exited, output: () => output };
}

function listening(server: { child: ChildProcess; output: () => string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${server.output()}`)), 60_000);
    const check = () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(server.output());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    server.child.stdout!.on('data', check);
    server.child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${server.output()}`)));
  });
}

// SQLite-only: backs up and restores the SQLite file of a running server.
describe('restore drill', () => {
  it('backs up under load, restores, and keeps every upload acknowledged before the backup started', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dap-drill-'));
    try {
      const live = join(dir, 'data', 'dashboard.sqlite');
      const backupFile = join(dir, 'backups', 'drill.sqlite');
      // A partner organisation with a token for its nightly system, and a second token that leaks later.
      const setup = await openDatabase(live);
      const organisation = await createOrganisation(setup, 'Drill Police', 'police', new Date());
      await replaceGrants(setup, organisation.id, [{ returnType: 'police', areaCode: 'E09000004' }]);
      const token = (await createToken(setup, organisation.id, 'nightly', null, new Date())).token;
      const leaked = await createToken(setup, organisation.id, 'laptop', null, new Date());
      await createUser(setup, { email: ADMIN.email, name: 'IT', role: 'admin', organisationId: null, password: ADMIN.password }, new Date());
      await setup.close();

      const env = { DATABASE_PATH: live, DEMO_DATA: 'false', PORT: '0', LOG_LEVEL: 'info' };
      const server = run('server/main.ts', [], env);
      const base = await listening(server);
      const signedIn = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
      expect(signedIn.status).toBe(204);

      // Uploads under load: four connections, each sending the next upload as soon as the last is acknowledged.
      const acknowledged: Array<{ id: number; at: number }> = [];
      let stop = false;
      let n = 0;
      const sender = async () => {
        while (!stop) {
          const i = n++;
          const form = new FormData();
          form.append('file', new Blob([csvOf([validRow('police', { notes: `drill upload ${i}` })])], { type: 'text/csv' }), `drill-${i}.csv`);
          const response = await fetch(`${base}/api/returns/police`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
          if (response.status !== 201) throw new Error(`upload ${i}: ${response.status} ${await response.text()}`);
          acknowledged.push({ id: (await response.json()).submission.id, at: Date.now() });
        }
      };
      const senders = Array.from({ length: 4 }, sender);
      await new Promise((resolve) => setTimeout(resolve, 1500));

      const backupStartedAt = Date.now();
      const backup = await run('server/ops/backup-cli.ts', ['--', backupFile], env).exited;
      expect(backup.code, backup.output).toBe(0);
      expect(backup.output).toMatch(/integrity check ok/);
      await new Promise((resolve) => setTimeout(resolve, 300));
      stop = true;
      await Promise.all(senders);

      // After the backup the laptop's token leaked and was revoked.
      const revoke = new BetterSqlite3(live);
      revoke.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ?').run(new Date().toISOString(), leaked.view.id);
      revoke.close();

      server.child.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);

      const restore = await run('server/ops/restore-cli.ts', ['--', backupFile, '--re-revoke-tokens', live], env).exited;
      expect(restore.code, restore.output).toBe(0);
      expect(restore.output).toMatch(/sessions ended: everyone signs in again/);
      expect(restore.output).toMatch(/1 API tokens revoked again/);

      const before = acknowledged.filter((a) => a.at < backupStartedAt);
      const during = acknowledged.filter((a) => a.at >= backupStartedAt);
      // The load was real: uploads before the backup, and during and after it.
      expect(before.length).toBeGreaterThan(10);
      expect(during.length).toBeGreaterThan(0);

      const restored = new BetterSqlite3(live, { readonly: true });
      try {
        expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
        const present = new Set(restored.prepare('SELECT id FROM submissions').pluck().all() as number[]);
        expect(before.filter((a) => !present.has(a.id))).toEqual([]);
        expect(restored.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
        expect(restored.prepare('SELECT revoked_at IS NOT NULL FROM api_tokens WHERE id = ?').pluck().get(leaked.view.id)).toBe(1);
      } finally {
        restored.close();
      }
      const check = await openDatabase(live, { readonly: true });
      try {
        expect(await verifyAuditChain(check)).toMatchObject({ ok: true });
      } finally {
        await check.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
