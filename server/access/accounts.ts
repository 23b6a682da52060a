// Users, organisations and grants. Row types stay here; callers get API objects.
import type { Organisation, User } from '../../schemas/access-api';
import { cachedStatement, type Db } from '../db/database';
import type { UserRow } from '../db/tables';
import type { Grant, Role } from './actor';
import { hashPassword } from './passwords';

export type UserView = User;

export function grantsOf(db: Db, organisationId: number | null): Grant[] {
  if (organisationId === null) return [];
  return cachedStatement(db, 'SELECT return_type AS returnType, area_code AS areaCode FROM grants WHERE organisation_id = ? ORDER BY return_type, area_code').all(organisationId) as Grant[];
}

export function findUserByEmail(db: Db, email: string): UserRow | undefined {
  return db.sqlite.prepare('SELECT * FROM users WHERE email = ?').get(email.trim()) as UserRow | undefined;
}

export function findUserById(db: Db, id: number): UserRow | undefined {
  return cachedStatement(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

function organisationName(db: Db, id: number | null): { id: number; name: string } | null {
  if (id === null) return null;
  const row = db.sqlite.prepare('SELECT id, name FROM organisations WHERE id = ?').get(id) as { id: number; name: string } | undefined;
  return row ?? null;
}

export function toUserView(db: Db, row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisation: organisationName(db, row.organisation_id),
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}

export function listUsers(db: Db): UserView[] {
  return (db.sqlite.prepare('SELECT * FROM users ORDER BY email').all() as UserRow[]).map((r) => toUserView(db, r));
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
  const id = Number(
    db.sqlite
      .prepare(
        `INSERT INTO users (email, name, role, organisation_id, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(user.email.trim(), user.name, user.role, user.organisationId, passwordHash, at, at).lastInsertRowid,
  );
  return toUserView(db, findUserById(db, id)!);
}

export async function setPassword(db: Db, userId: number, password: string, now: Date) {
  const passwordHash = await hashPassword(password);
  db.sqlite
    .prepare('UPDATE users SET password_hash = ?, password_changed_at = ?, failed_sign_ins = 0, locked_until = NULL WHERE id = ?')
    .run(passwordHash, now.toISOString(), userId);
}

export interface UserChanges {
  name?: string;
  role?: Role;
  organisationId?: number | null;
  disabled?: boolean;
  unlock?: boolean;
}

export function updateUser(db: Db, id: number, changes: UserChanges): UserView | null {
  const row = findUserById(db, id);
  if (!row) return null;
  const next = {
    name: changes.name ?? row.name,
    role: changes.role ?? row.role,
    organisation_id: changes.organisationId !== undefined ? changes.organisationId : row.organisation_id,
    disabled: changes.disabled === undefined ? row.disabled : changes.disabled ? 1 : 0,
  };
  db.sqlite.transaction(() => {
    db.sqlite.prepare('UPDATE users SET name = ?, role = ?, organisation_id = ?, disabled = ? WHERE id = ?').run(next.name, next.role, next.organisation_id, next.disabled, id);
    if (changes.unlock) db.sqlite.prepare('UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?').run(id);
    // Disabling a user or changing what they may do ends their sessions.
    if (changes.disabled || changes.role || changes.organisationId !== undefined) db.sqlite.prepare('DELETE FROM sessions WHERE user_id = ?').run(id);
  })();
  return toUserView(db, findUserById(db, id)!);
}

export type OrganisationView = Organisation;

export function listOrganisations(db: Db): OrganisationView[] {
  const rows = db.sqlite.prepare('SELECT id, name, kind FROM organisations ORDER BY name').all() as Array<{ id: number; name: string; kind: string }>;
  return rows.map((r) => ({ ...r, grants: grantsOf(db, r.id) }));
}

export function findOrganisation(db: Db, id: number): OrganisationView | null {
  const row = db.sqlite.prepare('SELECT id, name, kind FROM organisations WHERE id = ?').get(id) as { id: number; name: string; kind: string } | undefined;
  return row ? { ...row, grants: grantsOf(db, row.id) } : null;
}

export function createOrganisation(db: Db, name: string, kind: string, now: Date): OrganisationView {
  const id = Number(db.sqlite.prepare('INSERT INTO organisations (name, kind, created_at) VALUES (?, ?, ?)').run(name.trim(), kind, now.toISOString()).lastInsertRowid);
  return findOrganisation(db, id)!;
}

/** Replaces an organisation's grants in one transaction. */
export function replaceGrants(db: Db, organisationId: number, grants: Grant[]): OrganisationView {
  const insert = db.sqlite.prepare('INSERT OR IGNORE INTO grants (organisation_id, return_type, area_code) VALUES (?, ?, ?)');
  db.sqlite.transaction(() => {
    db.sqlite.prepare('DELETE FROM grants WHERE organisation_id = ?').run(organisationId);
    for (const g of grants) insert.run(organisationId, g.returnType, g.areaCode);
  })();
  return findOrganisation(db, organisationId)!;
}
