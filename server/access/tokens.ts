// API tokens for partners' own systems (a police force's nightly export). A token is 32 random
// bytes shown once; only its SHA-256 is stored, which is enough for a random secret of that size.
import { createHash, randomBytes } from 'node:crypto';
import type { ApiToken } from '../../schemas/access-api';
import type { Db } from '../db/database';

const TOKEN_PREFIX = 'dap_';
/** How stale a token's recorded last use may get before a request records it again. */
const LAST_USED_PRECISION_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What the API shows of a token: never its secret or hash. */
export type TokenView = ApiToken;

interface TokenRow {
  id: number;
  organisation_id: number;
  organisation_name: string;
  name: string;
  token_prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const SELECT_TOKENS = `SELECT t.id, t.organisation_id, o.name AS organisation_name, t.name, t.token_prefix, t.created_at, t.last_used_at, t.revoked_at
  FROM api_tokens t JOIN organisations o ON o.id = t.organisation_id`;

function toView(r: TokenRow): TokenView {
  return {
    id: r.id,
    organisation: { id: r.organisation_id, name: r.organisation_name },
    name: r.name,
    prefix: r.token_prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

export function createToken(db: Db, organisationId: number, name: string, createdBy: number | null, now: Date): { token: string; view: TokenView } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const id = Number(
    db.sqlite
      .prepare('INSERT INTO api_tokens (organisation_id, name, token_hash, token_prefix, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(organisationId, name, hashToken(token), token.slice(0, TOKEN_PREFIX.length + 6), createdBy, now.toISOString()).lastInsertRowid,
  );
  return { token, view: findToken(db, id)! };
}

export function findToken(db: Db, id: number): TokenView | null {
  const row = db.sqlite.prepare(`${SELECT_TOKENS} WHERE t.id = ?`).get(id) as TokenRow | undefined;
  return row ? toView(row) : null;
}

export function listTokens(db: Db): TokenView[] {
  return (db.sqlite.prepare(`${SELECT_TOKENS} ORDER BY t.id DESC`).all() as TokenRow[]).map(toView);
}

export function revokeToken(db: Db, id: number, now: Date): TokenView | null {
  db.sqlite.prepare('UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(now.toISOString(), id);
  return findToken(db, id);
}

/** The live token with this secret, recording its use; null when unknown or revoked. */
export function useToken(db: Db, token: string, now: Date): { id: number; organisationId: number; name: string; organisationName: string } | null {
  const row = db.sqlite
    .prepare(`${SELECT_TOKENS} WHERE t.token_hash = ? AND t.revoked_at IS NULL`)
    .get(hashToken(token)) as TokenRow | undefined;
  if (!row) return null;
  // Best effort, and at most once a minute: recording the use must never refuse a good token (a
  // full disk or a read-only file would otherwise fail every partner's request), nor write on
  // every request of a busy nightly upload.
  if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) >= LAST_USED_PRECISION_MS) {
    try {
      db.sqlite.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(now.toISOString(), row.id);
    } catch {
      // The token is still good; its last use is a minute or two stale.
    }
  }
  return { id: row.id, organisationId: row.organisation_id, name: row.name, organisationName: row.organisation_name };
}
