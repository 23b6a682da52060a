// A JSON answer that cannot change while the process runs (the area register): serialised once,
// checked against its response schema once, and sent with a strong ETag, so that a browser
// keeps it and asks "still this?" with If-None-Match, getting a body-less 304 when it is.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/**
 * For answers to signed-in users: the browser may keep them, shared caches may not, and the
 * browser asks before each use (so a sign-out or a new deployment is seen at once).
 */
export const PRIVATE_REVALIDATE = 'private, no-cache';

export interface StaticJson {
  body: string;
  /** Strong: a hash of the exact bytes of `body`. */
  etag: string;
}

/** Serialises a value once, as the zod serializer would on each request: parsed by its schema, then JSON. */
export function staticJson<S extends z.ZodType>(schema: S, value: z.input<S>): StaticJson {
  const body = JSON.stringify(schema.parse(value));
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
}

/**
 * Whether an If-None-Match header names this entity tag (RFC 9110 section 13.1.2): `*`, or a
 * list of tags compared weakly, so `W/"abc"` matches `"abc"`.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Sends the answer, or 304 Not Modified to a request that already has it. The body is a string
 * with a JSON content type, which Fastify sends as it is, without serialising it again.
 */
export function sendStaticJson(request: FastifyRequest, reply: FastifyReply, json: StaticJson) {
  reply.header('etag', json.etag).header('cache-control', PRIVATE_REVALIDATE);
  if (matchesIfNoneMatch(request.headers['if-none-match'], json.etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(json.body);
}
