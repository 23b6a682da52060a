// What the server compresses, shared by the app's @fastify/compress (JSON answers, on the fly)
// and scripts/precompress-web.ts (the web app's assets, once per build).

/**
 * Bodies smaller than this are sent as they are: compressing them saves less than the work
 * costs (a 204, most error bodies, /api/auth/me, index.html, the smallest chunks).
 */
export const COMPRESS_MIN_BYTES = 1024;

/**
 * The content types worth compressing: text, JSON, JavaScript, and +json/+xml (SVG). Never
 * images, fonts, spreadsheets or archives, which are compressed already.
 */
export const COMPRESSIBLE_TYPES = /^text\/(?!event-stream)|^application\/(?:json|javascript)(?:;|$)|\+(?:json|xml)(?:;|$)/;
