// Support for the commentary and board paper tests: an app whose clock a test moves (so a
// revision or a late return happens after what it is compared with), resending a stored row with
// some figures changed through the real upload route, and reading a .docx as Word would.
import type { FastifyInstance } from 'fastify';
import { unzipSync, strFromU8 } from 'fflate';
import { expect } from 'vitest';
import { buildTestApp, TEST_NOW, upload, type Identity } from '../test/helpers';
import { csvOf, type Cells } from '../test/rows';

export interface Clock {
  now: Date;
  /** Moves the clock on by some minutes (less than a session's idle timeout, so signed-in users stay signed in). */
  advance(minutes: number): Date;
}

export async function appWithClock(): Promise<{ app: FastifyInstance; clock: Clock }> {
  const clock: Clock = {
    now: TEST_NOW,
    advance(minutes) {
      this.now = new Date(this.now.getTime() + minutes * 60_000);
      return this.now;
    },
  };
  const app = await buildTestApp(() => clock.now);
  return { app, clock };
}

/** The stored row in use for a key, as the cells of a file that would send it again. */
export async function storedRow(app: FastifyInstance, type: string, area: string, quarter: string, subkey = ''): Promise<Cells> {
  const row = await app.db.kysely
    .selectFrom('current_rows as c')
    .innerJoin('return_rows as r', 'r.id', 'c.row_id')
    .select(['r.values_json', 'r.notes'])
    .where('c.return_type', '=', type)
    .where('c.area_code', '=', area)
    .where('c.period', '=', quarter)
    .where('c.subkey', '=', subkey)
    .executeTakeFirst();
  if (!row) throw new Error(`no stored ${type} row for ${area} ${quarter}`);
  const values = JSON.parse(row.values_json) as Record<string, number | string | null>;
  const cells: Cells = { period: quarter, area_code: area };
  for (const [column, value] of Object.entries(values)) cells[column] = value ?? '';
  cells.notes = row.notes ?? '';
  return cells;
}

/** Sends a stored row again with some cells changed, as `who`, and expects it stored. */
export async function resend(app: FastifyInstance, who: Identity, type: string, area: string, quarter: string, change: Cells) {
  const { status, body } = await upload(app, type, csvOf([{ ...(await storedRow(app, type, area, quarter)), ...change }]), { as: who });
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
}

/** A .docx's parts by path, unzipped as Word would; throws if it is not a zip. */
export function unzipDocx(file: Buffer): Record<string, string> {
  const parts = unzipSync(new Uint8Array(file));
  return Object.fromEntries(Object.entries(parts).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

/** The visible text of some WordprocessingML: every w:t run, in order, with entities read back. */
export function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join(' ');
}

/** Each table row's text (cells joined by " | "), in document order. */
export function tableRows(xml: string): string[] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => wordText(c[0])).join(' | '));
}

/** Each paragraph's style and text, in document order (table cells included). */
export function paragraphsOf(xml: string): Array<{ style: string | null; text: string }> {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => ({ style: /<w:pStyle w:val="([^"]+)"/.exec(p[0])?.[1] ?? null, text: wordText(p[0]) }));
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
