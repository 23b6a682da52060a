// A return upload with text fields beside the file (the reason for correcting an approved
// quarter: DOMAIN.md 5.8), in either order, as a browser form or a partner's system may send it.
import type { FastifyInstance } from 'fastify';
import type { Identity } from './helpers';

const BOUNDARY = '----test-boundary-fields-41c9';

export function multipartWithFields(content: Buffer | string, fields: Record<string, string>, options: { fieldsFirst?: boolean; fileName?: string } = {}) {
  const file = Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${options.fileName ?? 'return.csv'}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
    Buffer.from('\r\n'),
  ]);
  const texts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
  const parts = options.fieldsFirst ? [...texts, file] : [file, ...texts];
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

export async function uploadWith(
  app: FastifyInstance,
  type: string,
  content: Buffer | string,
  options: { as: Pick<Identity, 'headers'>; reason?: string; dryRun?: boolean; confirmClear?: boolean; fieldsFirst?: boolean },
) {
  const { payload, headers } = multipartWithFields(content, options.reason === undefined ? {} : { reason: options.reason }, { fieldsFirst: options.fieldsFirst });
  const query = [options.dryRun ? 'dryRun=true' : null, options.confirmClear ? 'confirmClear=true' : null].filter(Boolean).join('&');
  const response = await app.inject({ method: 'POST', url: `/api/returns/${type}${query ? `?${query}` : ''}`, payload, headers: { ...options.as.headers, ...headers } });
  return { status: response.statusCode, body: response.json(), response };
}
