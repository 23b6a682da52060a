// Users, organisations and grants. Row types stay here; callers get API objects.
import { sql } from 'kysely';
import type { Organisation, User } from '../../schemas/access-api';
import type { Db } from '../db/database';
import type { UserRow } from '../db/tables';
import type { Grant, Role } from './actor';
import { hashPassword } from './passwords';

export type UserView = User;

/** Grants inserted per statement: well inside both engines' limits on bound parameters. */
const GRANTS_PER_INSERT = 1000;

export async function grantsOf(db: Db, organisationId: number | null): Promise<Grant[]> {
  if (organisationId === null) return [];
  return db.kysely
    .selectFrom('grants')
    .select(['return_type as returnType', 'area_code as areaCode'])
    .where('organisation_id', '=', organisationId)
    .orderBy('return_type')
    .orderBy('area_code')
    .execute();
}

/**
 * Emails are compared without case, as the database's uniqueness rule does on both engines
 * (SQLite's NOCASE, PostgreSQL's unique index on lower(email)); lower() on both sides folds
 * exactly as that rule does.
 */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.kysely
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(email)`, '=', sql`lower(${email.trim()})`)
    .executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.kysely.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

async function organisationName(db: Db, id: number | null): Promise<{ id: number; name: string } | null> {
  if (id === null) return null;
  return (await db.kysely.selectFrom('organisations').select(['id', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function toUserView(db: Db, row: UserRow): Promise<UserView> {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisation: await organisationName(db, row.organisation_id),
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}

export async function listUsers(db: Db): Promise<UserView[]> {
  const rows = await db.kysely.selectFrom('users').selectAll().orderBy('email').execute();
  const views: UserView[] = [];
  for (const row of rows) views.push(await toUserView(db, row));
  return views;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  organisationId: number | null;
  password: string;
}

export async function createUser(db: Db, user: NewUser, now: Date): Promise<UserView> {
  const passwordHash = await hashPassword(user.password);
  const at = now.toISOString();
  const { id } = await db.kysely
    .insertInto('users')
    .values({ email: user.email.trim(), name: user.name, role: user.role, organisation_id: user.organisationId, password_hash: passwordHash, created_at: at, password_changed_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return toUserView(db, (await findUserById(db, id))!);
}

export async function setPassword(db: Db, userId: number, password: string, now: Date) {
  const passwordHash = await hashPassword(password);
  await db.kysely
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: now.toISOString(), failed_sign_ins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

export interface UserChanges {
  name?: string;
  role?: Role;
  organisationId?: number | null;
  disabled?: boolean;
  unlock?: boolean;
}

export async function updateUser(db: Db, id: number, changes: UserChanges): Promise<UserView | null> {
  const row = await db.transaction(async () => {
    const row = await findUserById(db, id);
    if (!row) return null;
    await db.kysely
      .updateTable('users')
      .set({
        name: changes.name ?? row.name,
        role: changes.role ?? row.role,
        organisation_id: changes.organisationId !== undefined ? changes.organisationId : row.organisation_id,
        disabled: changes.disabled === undefined ? row.disabled : changes.disabled ? 1 : 0,
      })
      .where('id', '=', id)
      .execute();
    if (changes.unlock) await db.kysely.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', id).execute();
    // Disabling a user or changing what they may do ends their sessions.
    if (changes.disabled || changes.role || changes.organisationId !== undefined) await db.kysely.deleteFrom('sessions').where('user_id', '=', id).execute();
    return (await findUserById(db, id))!;
  });
  return row ? toUserView(db, row) : null;
}

/** Whether an error is the database refusing a write that breaks one of its rules (a check, a reference, a unique key). */
export function isConstraintViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  // SQLite's SQLITE_CONSTRAINT_*; PostgreSQL's SQLSTATE class 23, integrity constraint violation.
  return code.startsWith('SQLITE_CONSTRAINT') || /^23[0-9A-Z]{3}$/.test(code);
}

export type OrganisationView = Organisation;

export async function listOrganisations(db: Db): Promise<OrganisationView[]> {
  const rows = await db.kysely.selectFrom('organisations').select(['id', 'name', 'kind']).orderBy('name').execute();
  const views: OrganisationView[] = [];
  for (const row of rows) views.push({ ...row, grants: await grantsOf(db, row.id) });
  return views;
}

export async function findOrganisation(db: Db, id: number): Promise<OrganisationView | null> {
  const row = await db.kysely.selectFrom('organisations').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst();
  return row ? { ...row, grants: await grantsOf(db, row.id) } : null;
}

export async function createOrganisation(db: Db, name: string, kind: string, now: Date): Promise<OrganisationView> {
  const { id } = await db.kysely.insertInto('organisations').values({ name: name.trim(), kind, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
  return (await findOrganisation(db, id))!;
}

/** Replaces an organisation's grants in one transaction. */
export async function replaceGrants(db: Db, organisationId: number, grants: Grant[]): Promise<OrganisationView> {
  await db.transaction(async () => {
    await db.kysely.deleteFrom('grants').where('organisation_id', '=', organisationId).execute();
    for (let i = 0; i < grants.length; i += GRANTS_PER_INSERT) {
      await db.kysely
        .insertInto('grants')
        .values(grants.slice(i, i + GRANTS_PER_INSERT).map((g) => ({ organisation_id: organisationId, return_type: g.returnType, area_code: g.areaCode })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
  return (await findOrganisation(db, organisationId))!;
}
