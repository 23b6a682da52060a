// Configuration from the environment (DOMAIN.md section 10), read once at start and validated,
// so a typo in a variable stops the server with a clear message instead of a strange default.
import { z } from 'zod';

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('data/dashboard.sqlite'),
  DEMO_DATA: booleanText.default(true),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(1).optional(),
  /** `auto` follows the request's protocol; set `true` behind a TLS-terminating proxy with TRUST_PROXY=true. */
  SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto').transform((v) => (v === 'auto' ? ('auto' as const) : v === 'true')),
  TRUST_PROXY: booleanText.default(false),
  /** Counts from 1 to one below this are shown as suppressed (DOMAIN.md section 8). */
  SUPPRESSION_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  /** Reminders by email (DOMAIN.md 5.8), e.g. smtp://user:pass@mail.example.org:587; none without it. */
  SMTP_URL: z.string().url().optional(),
  /** The sender of reminder emails. */
  MAIL_FROM: z.string().min(3).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof EnvSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
