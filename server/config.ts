// Configuration from the environment (DOMAIN.md section 10), read once at start and validated,
// so a typo in a variable stops the server with a clear message instead of a strange default.
import { z } from 'zod';

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  /** `production`: demo data only when DEMO_DATA=true, Secure cookies required (see productionProblems). */
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('data/dashboard.sqlite'),
  /** postgres://user:password@host:5432/name: run on PostgreSQL instead of the SQLite file (several instances may share it). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//i, 'DATABASE_URL must be a postgres:// address (leave it unset to use the SQLite file DATABASE_PATH)')
    .optional(),
  /** Default: true, except with NODE_ENV=production, where demo data needs DEMO_DATA=true. */
  DEMO_DATA: booleanText.optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(1).optional(),
  /** `auto` follows the request's protocol; set `true` behind a TLS-terminating proxy with TRUST_PROXY=true. */
  /** Default `auto`, or `true` with NODE_ENV=production. */
  SECURE_COOKIES: z.enum(['auto', 'true', 'false']).optional(),
  TRUST_PROXY: booleanText.default(false),
  /** Counts from 1 to one below this are shown as suppressed (DOMAIN.md section 8). */
  SUPPRESSION_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  /** Reminders by email (DOMAIN.md 5.8), e.g. smtp://user:pass@mail.example.org:587; none without it. */
  SMTP_URL: z.string().url().optional(),
  /** The sender of reminder emails. */
  MAIL_FROM: z.string().min(3).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Scheduled backups go here (server/ops/backup.ts); none without it. */
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_INTERVAL_HOURS: z.coerce.number().min(1).max(24 * 7).default(24),
  /** How many scheduled backups are kept; older ones are deleted. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  /** Sessions are deleted once expired, and at the latest this many days after their last use. */
  SESSION_RETENTION_DAYS: z.coerce.number().int().min(1).max(90).default(1),
  /** Audit rows and security alerts older than this are deleted by the daily sweep (six years by default). */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(30).max(36_500).default(2190),
});

type Env = z.infer<typeof EnvSchema>;

export type Config = Omit<Env, 'DEMO_DATA' | 'SECURE_COOKIES'> & {
  production: boolean;
  DEMO_DATA: boolean;
  /** Whether DEMO_DATA=true was set, rather than defaulted. */
  demoDataAsked: boolean;
  SECURE_COOKIES: boolean | 'auto';
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const production = parsed.data.NODE_ENV === 'production';
  const secure = parsed.data.SECURE_COOKIES ?? (production ? 'true' : 'auto');
  const config: Config = {
    ...parsed.data,
    production,
    DEMO_DATA: parsed.data.DEMO_DATA ?? !production,
    demoDataAsked: parsed.data.DEMO_DATA === true,
    SECURE_COOKIES: secure === 'auto' ? 'auto' : secure === 'true',
  };
  if (production && config.SECURE_COOKIES !== true) {
    throw new Error(
      `Invalid configuration: SECURE_COOKIES: with NODE_ENV=production session cookies must be Secure (SECURE_COOKIES=true, the default). Serve the dashboard over HTTPS, through a reverse proxy that handles TLS with TRUST_PROXY=true (README, "Deploying").`,
    );
  }
  return config;
}

/** DATABASE_PATH alone, for the command-line tools (backup, restore, audit:verify). */
export function databasePathFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return EnvSchema.shape.DATABASE_PATH.parse(env.DATABASE_PATH);
}
