// Reads the one file of a multipart upload into memory, within the size limit, and turns every
// way a client can get the request wrong into a clear 4xx.
//
// The size limit is enforced as the body arrives, never after: a request that declares a body
// larger than any allowed upload is refused before a byte of it is read, and a file that crosses
// the limit while streaming is refused at that moment, with its chunks dropped. (@fastify/multipart's
// own toBuffer() keeps reading to the end of the body before it reports the limit.) The answer goes
// out at once; what the client is still sending is read and thrown away, up to a limit, so that the
// client is not cut off mid-send before it has read the answer, as browsers would report a reset
// connection instead of the 413.
import type { FastifyRequest } from 'fastify';
import { CORRECTION_REASON_MAX } from '../../schemas/api';
import { MAX_UPLOAD_BYTES } from '../limits';

type Failure = { ok: false; statusCode: 400 | 413 | 415; body: { statusCode: number; error: string; message: string; code: string } };
/**
 * reason: the multipart field "reason" as sent (untrimmed), or null when it was not sent; the
 * route checks it (a correction to an approved quarter needs one: DOMAIN.md 5.8).
 */
type Upload = { ok: true; bytes: Buffer; fileName: string | null; reason: string | null } | Failure;

/**
 * The most bytes of one text field: room for a reason of CORRECTION_REASON_MAX characters even
 * if every one takes four bytes in UTF-8. A longer field is refused as too long.
 */
const MAX_FIELD_BYTES = 4 * 1024 + 64;

/**
 * Room for the multipart framing around the file (boundaries, part headers, a few small fields):
 * a request declaring more than MAX_UPLOAD_BYTES plus this cannot hold an allowed file.
 */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function badRequest(message: string, code: string): Failure {
  return { ok: false, statusCode: 400, body: { statusCode: 400, error: 'Bad Request', message, code } };
}

function tooLarge(): Failure {
  return {
    ok: false,
    statusCode: 413,
    body: {
      statusCode: 413,
      error: 'Payload Too Large',
      message: `The file is larger than ${megabytes(MAX_UPLOAD_BYTES)}, the most we accept. A quarterly return is usually far smaller: check that it is the right file, or split it into several files.`,
      code: 'file-too-large',
    },
  };
}

class FileTooLarge extends Error {}

/**
 * After a refusal: stop parsing the body and throw away what is still coming, keeping nothing. A
 * client still sending after another MAX_UPLOAD_BYTES is disconnected.
 */
function discardRestOfBody(request: FastifyRequest): void {
  const raw = request.raw;
  raw.unpipe();
  let discarded = 0;
  raw.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_UPLOAD_BYTES) raw.destroy();
  });
  raw.on('error', () => {}); // a client that hangs up mid-send is no error of ours
  raw.resume();
}

/** The file's bytes, or FileTooLarge the moment they pass the limit (nothing kept); stream errors pass through. */
async function collect(file: NodeJS.ReadableStream & { truncated?: boolean; destroy(error?: Error): void }, limit: number): Promise<Buffer> {
  // busboy stops passing data at its own fileSize limit and says so: end the read there too.
  const onLimit = () => file.destroy(new FileTooLarge());
  file.once('limit', onLimit);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw new FileTooLarge();
      chunks.push(chunk);
    }
  } finally {
    file.removeListener('limit', onLimit);
  }
  if (file.truncated) throw new FileTooLarge();
  return Buffer.concat(chunks, size);
}

/** The refusal of a body that is not multipart/form-data (415). */
export const NOT_MULTIPART = {
  statusCode: 415,
  error: 'Unsupported Media Type',
  message: 'Send the return as a file upload (multipart/form-data) with the CSV or Excel file in a field called "file". A file sent as the raw body of the request, as a form without a file, or as JSON cannot be read.',
  code: 'not-multipart',
} as const;

/** Whether the request declares a multipart/form-data body: read from the header, so it can be asked before the body is parsed. */
export function isMultipartRequest(request: FastifyRequest): boolean {
  const type = request.headers['content-type'];
  return typeof type === 'string' && /^\s*multipart\/form-data\s*(;|$)/i.test(type);
}

export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) {
    return { ok: false, statusCode: 415, body: { ...NOT_MULTIPART } };
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES) {
    discardRestOfBody(request);
    return tooLarge();
  }
  let file: { bytes: Buffer; fileName: string | null } | null = null;
  let reason: string | null = null;
  try {
    // Every part is read, so that a field sent after the file (as a form puts it when the file
    // input comes first) is read too. The file's bytes are checked against the limit as they come.
    for await (const part of request.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fieldSize: MAX_FIELD_BYTES } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          return badRequest(`The file was sent in a field called "${part.fieldname}"; it must be called "file".`, 'wrong-field');
        }
        const bytes = await collect(part.file, MAX_UPLOAD_BYTES);
        file = { bytes, fileName: part.filename || null };
      } else if (part.fieldname === 'reason') {
        if (part.valueTruncated) {
          discardRestOfBody(request);
          return badRequest(`The reason is too long. Say in no more than ${CORRECTION_REASON_MAX.toLocaleString('en-GB')} characters why the approved figures are being corrected.`, 'invalid-reason');
        }
        reason = typeof part.value === 'string' ? part.value : String(part.value ?? '');
      }
    }
    if (!file) return badRequest('No file was attached. Choose a CSV or Excel file and upload it in a field called "file".', 'no-file');
    return { ok: true, ...file, reason };
  } catch (error) {
    // A second file is not read (the first one is the return), and the fields after it are lost.
    if (file && error instanceof request.server.multipartErrors.FilesLimitError) return { ok: true, ...file, reason };
    if (error instanceof FileTooLarge || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      discardRestOfBody(request);
      return tooLarge();
    }
    // Everything else here is the multipart stream failing: a truncated or malformed request
    // (busboy's "Unexpected end of form", a premature close). It is the request, not the server.
    request.log.info({ err: error }, 'unreadable multipart upload');
    return badRequest('The upload could not be read: it may have been interrupted. Please choose the file again and re-upload it.', 'bad-upload');
  }
}
