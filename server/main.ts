// The only place that listens on a port: reads the environment, builds the app, loads demo data
// into an empty database when asked, and closes everything cleanly on SIGTERM or Ctrl-C. Before
// it listens it refuses, in words, to run on a database it cannot write, or with demo accounts
// (whose passwords are public) beside real returns.
import { buildApp } from './app';
import { readConfig } from './config';
import { ensureAdministrator } from './access/bootstrap';
import { holdsDemoData } from './access/settings';
import { writeProblem } from './db/storage';
import { loadDemoDataIfEmpty } from './demo/load';
import { demoDataProblem } from './ops/start-checks';

async function main() {
  const config = readConfig();
  const app = await buildApp({
    // PostgreSQL when DATABASE_URL is set; else the embedded SQLite file.
    databasePath: config.DATABASE_URL ?? config.DATABASE_PATH,
    logger: { level: config.LOG_LEVEL },
    secureCookies: config.SECURE_COOKIES,
    trustProxy: config.TRUST_PROXY,
    suppressionThreshold: config.SUPPRESSION_THRESHOLD,
    smtpUrl: config.SMTP_URL,
    mailFrom: config.MAIL_FROM,
    // Due and overdue returns are reminded of in the app always, and by email with SMTP_URL.
    reminderTimer: true,
    demoSignIn: config.DEMO_DATA,
    retention: { sessionRetentionDays: config.SESSION_RETENTION_DAYS, auditRetentionDays: config.AUDIT_RETENTION_DAYS },
    backups: { dir: config.BACKUP_DIR, intervalHours: config.BACKUP_INTERVAL_HOURS, keep: config.BACKUP_KEEP },
    opsTimers: true,
  });
  const stop = async (message: string) => {
    app.log.fatal(message);
    await app.close();
    console.error(message);
    process.exit(1);
  };

  const storage = await writeProblem(app.db);
  if (storage) return stop(storage.message);
  const demoProblem = await demoDataProblem(config, app.db);
  if (demoProblem) return stop(demoProblem);

  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    const outcome = await ensureAdministrator(app.db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD, app.now());
    app.log.info({ email: config.ADMIN_EMAIL, outcome }, 'administrator account ready');
  }

  const loaded = config.DEMO_DATA ? await loadDemoDataIfEmpty(app.db, app.now()) : null;
  if (loaded) {
    app.log.info(loaded, 'loaded synthetic demo data; demo sign-in accounts are listed on the sign-in page');
  } else if (config.DEMO_DATA && !(await holdsDemoData(app.db))) {
    app.log.warn('demo data not loaded: the database already holds returns');
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
