// The access-control API's bodies (DOMAIN.md section 9): who is signed in, users, organisations
// and their grants, API tokens and the audit trail. The server validates and documents its
// responses with these schemas; the web app reads its types from them, so the two cannot drift.
import { z } from 'zod';

export const ROLES = ['admin', 'analyst', 'board', 'partner'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** The kinds of partner organisation an administrator can create. */
export const ORGANISATION_KINDS = ['police', 'marac', 'idva', 'csc', 'refuge', 'council', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Permission to send, and see, one return type for one area. */
export const GrantSchema = z.object({ returnType: z.string(), areaCode: z.string() }).meta({ id: 'Grant' });
export type Grant = z.infer<typeof GrantSchema>;

const OrganisationRefSchema = z.object({ id: z.number().int(), name: z.string() });

export const UserSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    organisation: OrganisationRefSchema.nullable(),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

/** Who is signed in: the user (as an administrator would see them, less account state) with their grants. */
export const MeSchema = z
  .object({
    user: UserSchema.pick({ id: true, email: true, name: true, role: true, organisation: true }).extend({ grants: z.array(GrantSchema) }).nullable(),
    actor: z.object({ kind: z.string(), name: z.string(), role: z.string().nullable(), grants: z.array(GrantSchema) }),
    csrfToken: z.string().nullable().meta({ description: 'Send as the x-csrf-token header on every state-changing request made with the session cookie' }),
  })
  .meta({ id: 'Me' });
export type MeBody = z.infer<typeof MeSchema>;

export const SignInInfoSchema = z
  .object({
    demo: z.boolean(),
    demoAccounts: z.array(z.object({ role: z.string(), email: z.string(), password: z.string(), description: z.string() })),
  })
  .meta({ id: 'SignInInfo' });
export type SignInInfo = z.infer<typeof SignInInfoSchema>;

export const OrganisationSchema = z
  .object({ id: z.number().int(), name: z.string(), kind: z.string(), grants: z.array(GrantSchema) })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof OrganisationSchema>;

export const ApiTokenSchema = z
  .object({
    id: z.number().int(),
    organisation: OrganisationRefSchema,
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiTokenSchema>;

/** A new token, with its secret: the only time the secret is ever shown. */
export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() }).meta({ id: 'CreatedApiToken' });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;

export const AUDIT_OUTCOMES = ['success', 'failure', 'rejected', 'denied'] as const;

export const AuditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({ kind: z.string(), id: z.string(), name: z.string() }),
    ip: z.string().nullable(),
    action: z.string(),
    outcome: z.string(),
    target: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditPageSchema = z.object({ total: z.number().int(), items: z.array(AuditEventSchema) }).meta({ id: 'AuditPage' });

/**
 * What an administrator may tune about signing in. The bounds keep every choice safe: a session
 * cannot idle for more than four hours or last more than a day, and lockout cannot be turned off.
 */
export const SignInSettingsSchema = z
  .object({
    sessionIdleMinutes: z.number().int().min(5).max(240).meta({ description: 'A session ends after this long without a request' }),
    sessionLifetimeHours: z.number().int().min(1).max(24).meta({ description: 'A session ends this long after sign-in, however active' }),
    maxFailedSignIns: z.number().int().min(3).max(20).meta({ description: 'Wrong passwords for one account from one address before that address must wait (never the owner elsewhere)' }),
    lockoutMinutes: z.number().int().min(1).max(1440).meta({ description: 'The longest wait: 30 seconds after the limit, doubling with each further wrong password, up to this' }),
  })
  .meta({ id: 'SignInSettings' });
export type SignInSettings = z.infer<typeof SignInSettingsSchema>;

export const DEFAULT_SIGN_IN_SETTINGS: SignInSettings = { sessionIdleMinutes: 30, sessionLifetimeHours: 12, maxFailedSignIns: 5, lockoutMinutes: 15 };
