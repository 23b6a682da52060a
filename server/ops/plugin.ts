// Scheduled operations as an application plugin: the daily retention sweep and, with BACKUP_DIR,
// a backup every BACKUP_INTERVAL_HOURS keeping the newest BACKUP_KEEP. Each task is claimed in
// the database before it runs (a settings row holding when it last ran), so however many
// processes share the database, and however often they restart, each runs once per period.
// Timers start only when asked (the server asks; tests call runDueTasks themselves).
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { join } from 'node:path';
import { recordAudit } from '../access/audit';
import { backupDatabase, pruneBackups, scheduledBackupName, type BackupResult } from './backup';
import { sweep, type RetentionSettings, type SweepResult } from './retention';
import { POSTGRES_BACKUP_REFUSAL } from './sqlite-only';

const HOUR_MS = 60 * 60 * 1000;
/** How often a running server looks for a task that has come due. */
export const TASK_CHECK_INTERVAL_MS = 10 * 60 * 1000;
export const SWEEP_EVERY_MS = 24 * HOUR_MS;

export interface OpsOptions {
  retention: RetentionSettings;
  /** Where scheduled backups go; none without it. */
  backupDir?: string;
  backupIntervalHours?: number;
  backupKeep?: number;
  timers?: boolean;
}

export interface DueTasks {
  sweep: SweepResult | null;
  backup: (BackupResult & { pruned: string[] }) | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    ops: {
      /** Runs the sweep and the scheduled backup if due and not already claimed by another process. */
      runDueTasks: (now?: Date) => Promise<DueTasks>;
    };
  }
}

export const SYSTEM_OPS = { kind: 'system' as const, id: 'system', name: 'System (scheduled backup)' };

export const opsPlugin = fp(
  async (app: FastifyInstance, options: OpsOptions) => {
    // Refused at start rather than failing at every scheduled time.
    if (options.backupDir && app.db.engine === 'postgres') throw new Error(`BACKUP_DIR schedules copies of a SQLite file. ${POSTGRES_BACKUP_REFUSAL} Remove BACKUP_DIR.`);
    /** Claims a task for this period: true if no process ran it within `everyMs` before `now`. */
    const claim = async (task: string, everyMs: number, now: Date): Promise<boolean> => {
      const at = now.toISOString();
      const dueIfBefore = new Date(now.getTime() - everyMs).toISOString();
      const row = await app.db.kysely
        .insertInto('settings')
        .values({ key: `task:${task}`, value: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: at }).where('settings.value', '<=', dueIfBefore))
        .returning('value')
        .executeTakeFirst();
      return row !== undefined;
    };

    const runDueTasks = async (now: Date = app.now()): Promise<DueTasks> => {
      const done: DueTasks = { sweep: null, backup: null };
      if (await claim('retention-sweep', SWEEP_EVERY_MS, now)) done.sweep = await sweep(app.db, now, options.retention);
      if (options.backupDir && (await claim('scheduled-backup', (options.backupIntervalHours ?? 24) * HOUR_MS, now))) {
        const file = join(options.backupDir, scheduledBackupName(now));
        try {
          const result = await backupDatabase(app.db, file);
          const pruned = pruneBackups(options.backupDir, options.backupKeep ?? 14);
          await recordAudit(app.db, SYSTEM_OPS, null, { action: 'backup', outcome: 'success', target: result.file, details: { bytes: result.bytes, pruned, scheduled: true } }, now);
          done.backup = { ...result, pruned };
        } catch (error) {
          // Give the claim back, so the next check tries again rather than waiting a whole interval.
          await app.db.kysely.deleteFrom('settings').where('key', '=', 'task:scheduled-backup').execute();
          await recordAudit(app.db, SYSTEM_OPS, null, { action: 'backup', outcome: 'failure', target: file, details: { message: (error as Error).message } }, now);
          throw error;
        }
      }
      return done;
    };
    app.decorate('ops', { runDueTasks });

    let timer: NodeJS.Timeout | null = null;
    let running: Promise<unknown> | null = null;
    const tick = () => {
      if (running) return;
      running = runDueTasks()
        .then((done) => {
          if (done.sweep) app.log.info({ sweep: done.sweep }, 'retention sweep');
          if (done.backup) app.log.info({ backup: done.backup }, 'scheduled backup written');
        })
        .catch((error: unknown) => app.log.error({ err: error }, 'a scheduled task failed'))
        .finally(() => {
          running = null;
        });
    };
    if (options.timers) {
      app.addHook('onReady', async () => {
        tick();
        timer = setInterval(tick, TASK_CHECK_INTERVAL_MS);
        timer.unref();
      });
    }
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
      await running;
    });
  },
  { name: 'ops', dependencies: ['access'] },
);
