// Builds the application: external plugins first, then application plugins, then routes. Only
// server/main.ts listens on a port; tests build an app and call app.inject.
import helmet from 'helmet';
import fastifyCompress from '@fastify/compress';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { chainUnchainedRows } from './access/audit-chain';
import { accessPlugin } from './access/plugin';
import { cyclePlugin } from './cycle/plugin';
import { COMPRESS_MIN_BYTES, COMPRESSIBLE_TYPES } from './compression';
import { actionRoutes } from './routes/actions';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { cycleRoutes } from './routes/cycle';
import { IndicatorEngine } from './engine/engine';
import { openDatabase, type Db } from './db/database';
import { StorageError, storageProblem } from './db/storage-errors';
import { opsPlugin } from './ops/plugin';
import type { RetentionSettings } from './ops/retention';
import type { AreaRegister } from './engine/register';
import { MAX_JSON_BODY_BYTES, MAX_UPLOAD_BYTES } from './limits';
import { healthRoutes } from './routes/health';
import { localMeasureRoutes } from './routes/local-measures';
import { localMeasuresPlugin } from './local-measures/plugin';
import type { RowCheck } from './returns/ingest';
import { indicatorRoutes } from './routes/indicators';
import { returnRoutes } from './routes/returns';
import { strategyRoutes } from './routes/strategy';
import { commentaryRoutes } from './routes/commentary';
import { boardPaperRoutes } from './routes/board-paper';
import { submissionRoutes } from './routes/submissions';
import { webRoutes } from './routes/web';

export interface AppOptions {
  /** SQLite file, or ':memory:' for tests. */
  databasePath: string;
  /** Runs once the database has closed, when the app closes (tests drop their PostgreSQL database). */
  afterClose?: () => Promise<void>;
  /** Today, injectable so tests can pin which quarters have ended. */
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /** Secure cookies: true behind TLS, 'auto' to follow the request's protocol. */
  secureCookies?: boolean | 'auto';
  /** Trust X-Forwarded-* from a reverse proxy (needed behind TLS termination for Secure cookies and client addresses). */
  trustProxy?: boolean;
  /** Disclosure control: counts from 1 to threshold − 1 are suppressed for non-analysts. */
  suppressionThreshold?: number;
  /** The built web app to serve (default dist/web, where `npm run build` puts it). */
  webRoot?: string;
  /** The areas the indicator engine reads (default: the register shipped in schemas/areas.ts); the benchmark passes a national synthetic one. */
  areaRegister?: AreaRegister;
  /** Reminder emails go through this SMTP server (SMTP_URL); without it reminders are in the app only. */
  smtpUrl?: string;
  /** The From address of reminder emails. */
  mailFrom?: string;
  /** Send due reminders on a timer while the app runs (the server turns this on; tests do not). */
  reminderTimer?: boolean;
  /** Whether /api/auth/sign-in-info may publish the demo accounts of a demo database (the server: only when demo data was asked for). */
  demoSignIn?: boolean;
  /** How long sessions and audit rows are kept (server/ops/retention.ts). */
  retention?: RetentionSettings;
  /** Scheduled backups: where, how often, how many kept (none without a directory). */
  backups?: { dir?: string; intervalHours?: number; keep?: number };
  /** Run the retention sweep and scheduled backups on a timer (the server turns this on; tests do not). */
  opsTimers?: boolean;
}

export const DEFAULT_RETENTION: RetentionSettings = { sessionRetentionDays: 1, auditRetentionDays: 2190 };

/**
 * The content security policy the web app runs under: only our own scripts, styles, fonts and
 * API; no inline script, no framing, no form posts elsewhere.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    now: () => Date;
    /** The one indicator engine: its figures' index and cached results serve every route that reads figures. */
    engine: IndicatorEngine;
    /** Whether the sign-in page may list a demo database's demo accounts and their public passwords. */
    demoSignIn: boolean;
    /** Checks of uploaded rows against stored data, by return type, registered by the module that owns the data. */
    returnChecks: Map<string, RowCheck>;
  }
}

/** Plain words for the errors our plugins raise; their own messages are written for developers. */
function friendlyMessage(error: FastifyError): string {
  if (error.code?.startsWith('FST_CSRF')) return 'This request was refused because it did not come from the dashboard page. Reload the page and try again.';
  if (error.statusCode === 429) return 'Too many attempts in a short time. Wait a minute and try again.';
  return error.message;
}

const UNSTORABLE_TEXT_MESSAGE = 'The request contains a NUL character (%00), which no field may hold. Remove it and try again.';

/** PostgreSQL's refusal of text it cannot hold (a NUL character, or bytes that are not UTF-8): the request's fault, and nothing was written. */
function isUnstorableText(error: { code?: unknown }): boolean {
  return error.code === '22021' || error.code === '22P05';
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_JSON_BODY_BYTES,
    // Never trust X-Forwarded-* unless deployed behind a proxy that is configured for it.
    trustProxy: options.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const db = await openDatabase(options.databasePath);
  try {
    // Rows written before the audit chain existed are chained once (server/access/audit-chain.ts).
    await chainUnchainedRows(db);
  } catch (error) {
    await db.close();
    const problem = storageProblem(error, options.databasePath);
    throw problem ? new StorageError(problem) : error;
  }
  app.decorate('db', db);
  app.decorate('demoSignIn', options.demoSignIn ?? true);
  app.decorate('now', options.now ?? (() => new Date()));
  app.addHook('onClose', async () => {
    await db.close();
    await options.afterClose?.();
  });
  const engine = new IndicatorEngine(db, { register: options.areaRegister, disclosureThreshold: options.suppressionThreshold });
  app.decorate('engine', engine);
  app.decorate('returnChecks', new Map<string, RowCheck>());
  // Build the figures' index before the first request, not during it.
  app.addHook('onReady', async () => engine.warm());

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const detail = error.validation.map((v) => `${v.instancePath.replace(/^\//, '') || 'request'}: ${v.message}`).join('; ');
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: `The request is not valid: ${detail}`, code: 'invalid-request' });
    }
    // A full disk or a read-only file is not "something went wrong": say what, and that nothing was saved.
    const fromDatabase = error instanceof StorageError || String(error.code ?? '').startsWith('SQLITE_');
    const storage = fromDatabase ? storageProblem(error, options.databasePath) : null;
    if (storage) {
      request.log.error({ err: error, storage: storage.code }, 'the database cannot be written');
      return reply.code(503).send({ statusCode: 503, error: 'Service Unavailable', message: `Nothing was saved. ${storage.message}`, code: storage.code });
    }
    if (isUnstorableText(error)) {
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: UNSTORABLE_TEXT_MESSAGE, code: 'invalid-character' });
    }
    const statusCode = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
      // Never send a stack trace, SQL or internal message to a client.
      return reply.code(500).send({ statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side. Nothing was changed. Please try again, and tell the team if it keeps happening.' });
    }
    return reply.code(statusCode).send({ statusCode, error: error.name ?? 'Error', message: friendlyMessage(error), code: error.code });
  });
  // A NUL character is never part of a real area code, period or name, and PostgreSQL cannot
  // store or compare one in text: refused on both engines alike, before any route reads it.
  app.addHook('onRequest', async (request, reply) => {
    if (/%00|\u0000/i.test(request.url)) {
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: UNSTORABLE_TEXT_MESSAGE, code: 'invalid-character' });
    }
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `There is nothing at ${request.method} ${request.url.split('?')[0]}.` });
  });

  // External plugins.
  // Security headers from helmet, built once. (@fastify/helmet rebuilds helmet's middleware on
  // every request, which cost about a fifth of a simple request's time.)
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // The HSTS header only matters over TLS; browsers ignore it on plain HTTP.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
  // No API answer is kept by the browser or a proxy (the back button, a shared computer, a
  // caching proxy): they carry figures, names and the CSRF token. The one exception is an answer
  // its route marked itself, the area register (static-json.ts): the same public reference data
  // for everyone, revalidated on every use.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  // Brotli or gzip, as the browser asks, for the routes registered after this: JSON answers and
  // CSV exports. (The web app's assets are compressed at build time: server/routes/web.ts.) A
  // request that sends no Accept-Encoding (app.inject) gets the plain body. Request bodies are
  // never inflated: nothing sends them compressed, and a small one could expand past its limit.
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_MIN_BYTES,
    customTypes: COMPRESSIBLE_TYPES,
    globalDecompression: false,
  });
  await app.register(accessPlugin, { secureCookies: options.secureCookies ?? 'auto' });
  await app.register(localMeasuresPlugin);
  await app.register(cyclePlugin, { smtpUrl: options.smtpUrl, mailFrom: options.mailFrom, reminderTimer: options.reminderTimer });
  await app.register(opsPlugin, {
    retention: options.retention ?? DEFAULT_RETENTION,
    backupDir: options.backups?.dir,
    backupIntervalHours: options.backups?.intervalHours,
    backupKeep: options.backups?.keep,
    timers: options.opsTimers,
  });
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 20, fieldSize: 1024 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Domestic abuse partnership outcomes dashboard API',
        description: 'Quarterly returns from partners, the indicator catalogue and indicator values with benchmarks.',
        version: '1.0.0',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Routes.
  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(returnRoutes, { prefix: '/api/returns' });
  await app.register(submissionRoutes, { prefix: '/api/submissions' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(adminRoutes, { prefix: '/api/admin' });
  await app.register(cycleRoutes, { prefix: '/api' });
  await app.register(indicatorRoutes, { prefix: '/api' });
  await app.register(strategyRoutes, { prefix: '/api' });
  await app.register(localMeasureRoutes, { prefix: '/api' });
  await app.register(actionRoutes, { prefix: '/api' });
  await app.register(commentaryRoutes, { prefix: '/api' });
  await app.register(boardPaperRoutes, { prefix: '/api' });
  // The web app's pages and assets: everything that is not /api.
  await app.register(webRoutes, { root: options.webRoot });

  await app.ready();
  return app;
}
