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

/** Tokens with their organisation's name. */
function selectTokens(db: Db) {
  return db.kysely
    .selectFrom('api_tokens as t')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .select(['t.id', 't.organisation_id', 'o.name as organisation_name', 't.name', 't.token_prefix', 't.created_at', 't.last_used_at', 't.revoked_at']);
}

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

export async function createToken(db: Db, organisationId: number, name: string, createdBy: number | null, now: Date): Promise<{ token: string; view: TokenView }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const { id } = await db.kysely
    .insertInto('api_tokens')
    .values({ organisation_id: organisationId, name, token_hash: hashToken(token), token_prefix: token.slice(0, TOKEN_PREFIX.length + 6), created_by: createdBy, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, view: (await findToken(db, id))! };
}

export async function findToken(db: Db, id: number): Promise<TokenView | null> {
  const row = await selectTokens(db).where('t.id', '=', id).executeTakeFirst();
  return row ? toView(row) : null;
}

export async function listTokens(db: Db): Promise<TokenView[]> {
  return (await selectTokens(db).orderBy('t.id', 'desc').execute()).map(toView);
}

export async function revokeToken(db: Db, id: number, now: Date): Promise<TokenView | null> {
  await db.kysely
    .updateTable('api_tokens')
    .set({ revoked_at: (eb) => eb.fn.coalesce('revoked_at', eb.val(now.toISOString())) })
    .where('id', '=', id)
    .execute();
  return findToken(db, id);
}

/** The live token with this secret, recording its use; null when unknown or revoked. */
export async function useToken(db: Db, token: string, now: Date): Promise<{ id: number; organisationId: number; name: string; organisationName: string } | null> {
  const row = await selectTokens(db).where('t.token_hash', '=', hashToken(token)).where('t.revoked_at', 'is', null).executeTakeFirst();
  if (!row) return null;
  // Best effort, and at most once a minute: recording the use must never refuse a good token (a
  // full disk or a read-only file would otherwise fail every partner's request), nor write on
  // every request of a busy nightly upload.
  if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) >= LAST_USED_PRECISION_MS) {
    try {
      await db.kysely.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
    } catch {
      // The token is still good; its last use is a minute or two stale.
    }
  }
  return { id: row.id, organisationId: row.organisation_id, name: row.name, organisationName: row.organisation_name };
}
