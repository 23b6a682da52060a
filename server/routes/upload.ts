// Reads the one file of a multipart upload into memory, within the size limit, and turns every
// way a client can get the request wrong into a clear 4xx.
import type { FastifyRequest } from 'fastify';
import { MAX_UPLOAD_BYTES } from '../limits';

type Upload =
  | { ok: true; bytes: Buffer; fileName: string | null }
  | { ok: false; statusCode: 400 | 413; body: { statusCode: number; error: string; message: string; code: string } };

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function badRequest(message: string, code: string): Upload {
  return { ok: false, statusCode: 400, body: { statusCode: 400, error: 'Bad Request', message, code } };
}

export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) {
    return badRequest('Send the return as a multipart/form-data upload with the file in a field called "file".', 'not-multipart');
  }
  try {
    const part = await request.file();
    if (!part) return badRequest('No file was attached. Choose a CSV or Excel file and upload it in a field called "file".', 'no-file');
    if (part.fieldname !== 'file') {
      part.file.resume();
      return badRequest(`The file was sent in a field called "${part.fieldname}"; it must be called "file".`, 'wrong-field');
    }
    const bytes = await part.toBuffer();
    return { ok: true, bytes, fileName: part.filename || null };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
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
    // Everything else here is the multipart stream failing: a truncated or malformed request
    // (busboy's "Unexpected end of form", a premature close). It is the request, not the server.
    request.log.info({ err: error }, 'unreadable multipart upload');
    return badRequest('The upload could not be read: it may have been interrupted. Please choose the file again and re-upload it.', 'bad-upload');
  }
}
