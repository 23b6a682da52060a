// Writes a brotli (.br) and a gzip (.gz) copy beside each text asset of the built web app, at the
// highest settings, once per build, so that no request pays for compressing a file: brotli at
// its best takes about a second for the indicator page's chunk, far too long to do per request.
// server/routes/web.ts sends a copy to a browser that accepts it. Run by `npm run build:web`
// after Vite; scripts/bundle-size.ts measures with the same settings. Files under the server's
// COMPRESS_MIN_BYTES get no copy, as the server sends its own small answers as they are.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { COMPRESS_MIN_BYTES } from '../server/compression';

/** The text assets Vite writes; fonts and images are compressed already. */
const TEXT_ASSET = /\.(?:js|mjs|css|svg|json|map|txt)$/;
const ASSETS_DIR = fileURLToPath(new URL('../dist/web/assets', import.meta.url));

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Brotli at quality 11 in text mode: about 15% smaller than gzip on our chunks. */
export function brotliBytes(bytes: Buffer): Promise<Buffer> {
  return brotliAsync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** gzip at level 9, for browsers without brotli. */
export function gzipBytes(bytes: Buffer): Promise<Buffer> {
  return gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION });
}

export interface Precompressed {
  file: string;
  bytes: number;
  br: number | null;
  gz: number | null;
}

/**
 * Compresses every text asset of at least COMPRESS_MIN_BYTES in a folder, writing file.br and
 * file.gz beside it unless the copy would be no smaller than the file (null then). zlib works on
 * its own threads, so the files are compressed side by side.
 */
export async function precompressAssets(dir: string): Promise<Precompressed[]> {
  const files = readdirSync(dir).filter((name) => TEXT_ASSET.test(name) && statSync(join(dir, name)).size >= COMPRESS_MIN_BYTES);
  return Promise.all(
    files.map(async (file) => {
      const bytes = readFileSync(join(dir, file));
      const write = (extension: string, copy: Buffer) => {
        if (copy.length >= bytes.length) return null;
        writeFileSync(join(dir, file + extension), copy);
        return copy.length;
      };
      const [br, gz] = await Promise.all([brotliBytes(bytes), gzipBytes(bytes)]);
      return { file, bytes: bytes.length, br: write('.br', br), gz: write('.gz', gz) };
    }),
  );
}

async function main() {
  const done = await precompressAssets(ASSETS_DIR);
  const total = (pick: (p: Precompressed) => number | null) => done.reduce((sum, p) => sum + (pick(p) ?? p.bytes), 0);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`Precompressed ${done.length} assets in dist/web/assets: ${kb(total((p) => p.bytes))} → brotli ${kb(total((p) => p.br))}, gzip ${kb(total((p) => p.gz))}.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
