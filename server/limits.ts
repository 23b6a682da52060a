// Limits on what a client may send, in one place so they are easy to find and to audit.

/** Largest return file accepted: shared with the web app, which checks a file's size before sending it. */
export { MAX_UPLOAD_BYTES } from '../schemas/uploads';

/** Largest JSON body (sign-in, settings): nothing the API takes as JSON needs more. */
export const MAX_JSON_BODY_BYTES = 100 * 1024;

/** Pages of lists (submissions, audit) are capped so one request cannot ask for everything. */
export const MAX_PAGE_SIZE = 200;
