// Serves the built web app from dist/web: hashed assets with a year-long immutable cache, and
// index.html (never cached) for every other GET that asks for a page, so that the app's own
// router can show /overview, /indicators/… and the rest after a reload or from a bookmark.
// /api paths are never answered here: an unknown /api route still gets the API's JSON 404.
// Assets are compressed once, at build time: `npm run build:web` writes a brotli and a gzip copy
// beside each (scripts/precompress-web.ts) and a browser that accepts one gets it. Nothing here
// is compressed per request: a build without copies (a bare `vite build`) is sent as it is.
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUBLIC } from '../access/policy';

/** Where `npm run build` puts the web app. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Vite names every file under assets/ by its content hash, so it can be cached for a year. */
export const ASSET_CACHE_SECONDS = 365 * 24 * 60 * 60;
const ASSET_PREFIX = '/assets/';

export interface WebRoutesOptions {
  /** The built app; defaults to dist/web. */
  root?: string;
}

function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') || accept.includes('application/xhtml+xml');
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/** A plain file at the top of the build (not index.html), e.g. /robots.txt. */
function topLevelFile(root: string, path: string): string | null {
  const name = path.slice(1);
  if (name === '' || name.includes('/') || name.includes('\\') || name.startsWith('.') || name === 'index.html') return null;
  const full = join(root, name);
  try {
    return statSync(full).isFile() ? name : null;
  } catch {
    return null;
  }
}

function hasPrecompressedAssets(root: string): boolean {
  try {
    return readdirSync(join(root, ASSET_PREFIX)).some((name) => name.endsWith('.br'));
  } catch {
    return false;
  }
}

export const webRoutes: FastifyPluginAsync<WebRoutesOptions> = async (app, options) => {
  const root = resolve(options.root ?? DEFAULT_WEB_ROOT);
  const built = existsSync(join(root, 'index.html'));
  if (!built) app.log.warn({ root }, 'the web app has not been built: run `npm run build` to serve it');
  else if (!hasPrecompressedAssets(root)) app.log.warn({ root }, 'the web app\'s assets have no compressed copies and are sent uncompressed: build with `npm run build`');

  // Files are sent by our own routes below (serve: false), so each declares its access.
  // preCompressed: file.js.br or file.js.gz, if present, for a browser that accepts it.
  await app.register(fastifyStatic, { root, serve: false, decorateReply: true, index: false, dotfiles: 'deny', preCompressed: true });

  const sendIndex = (reply: FastifyReply) => {
    if (!built) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .send('The web app has not been built. Run `npm run build`, then restart the server.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
  };

  const notFound = (request: FastifyRequest, reply: FastifyReply) => reply.callNotFound();

  // Never compressed on the fly (compress: false): assets have their copies, and index.html and
  // the top-level files are tiny.
  app.get('/', { config: { access: PUBLIC }, schema: { hide: true }, compress: false }, async (request, reply) => sendIndex(reply));

  app.get('/*', { config: { access: PUBLIC }, schema: { hide: true }, compress: false }, async (request, reply) => {
    const path = request.url.split('?')[0];
    if (isApiPath(path)) return notFound(request, reply);

    if (path.startsWith(ASSET_PREFIX)) {
      const relative = path.slice(1);
      if (!built || relative.includes('..') || !existsSync(join(root, relative))) return notFound(request, reply);
      // The bytes depend on Accept-Encoding, so caches must keep one copy per encoding.
      return reply.header('vary', 'accept-encoding').sendFile(relative, root, { immutable: true, maxAge: ASSET_CACHE_SECONDS * 1000, cacheControl: true });
    }

    const file = built ? topLevelFile(root, path) : null;
    if (file) return reply.header('cache-control', 'no-cache').sendFile(file, root, { cacheControl: false });

    // Any other page address belongs to the app's router; anything else is a 404.
    if (acceptsHtml(request)) return sendIndex(reply);
    return notFound(request, reply);
  });
};
