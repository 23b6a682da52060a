// A small, defensive zip reader and writer. We read the zip's table of contents ourselves, before
// any library sees the file, so that we can
//   - tell an Excel workbook from a Word document, an .ods or an ordinary zip archive by its entry names,
//   - refuse a "zip bomb" (a small file that unpacks to gigabytes) from the sizes the zip declares,
//     and enforce those sizes while unpacking, so a zip that lies about them cannot get round the limit,
//   - notice a truncated or corrupt file (missing end record, entries past the end, bad checksums)
//     and say so plainly, instead of relying on a library's error.
// The writer makes the small, clean zip we hand to exceljs (see xlsx.ts) and the test corpus.
//
// Format reference: PKWARE APPNOTE.TXT, sections 4.3 (structure) and 4.5.3 (Zip64 extra field).
import { promisify } from 'node:util';
import { crc32, deflateRawSync, inflateRaw } from 'node:zlib';

const inflateRawAsync = promisify(inflateRaw);

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT_LENGTH = 0xffff;

export type ZipProblem = 'truncated' | 'corrupt' | 'encrypted' | 'unsupported-compression' | 'too-large';

/** Raised for anything wrong with the zip itself; read-table turns it into a plain-English message. */
export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    detail: string,
  ) {
    super(`zip ${problem}: ${detail}`);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  /** The entry's path as stored, with any leading slash removed and backslashes turned into slashes. */
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export function isZip(bytes: Buffer): boolean {
  // PK\3\4 is a zip with at least one entry; PK\5\6 is an empty zip (just the end record).
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** The zip's entries, from its central directory. Throws ZipError if the directory is missing or damaged. */
export function listZipEntries(bytes: Buffer): ZipEntry[] {
  const end = findEndRecord(bytes);
  let entryCount = bytes.readUInt16LE(end + 10);
  let directorySize = bytes.readUInt32LE(end + 12);
  let directoryOffset = bytes.readUInt32LE(end + 16);

  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const zip64 = readZip64EndRecord(bytes, end);
    entryCount = zip64.entryCount;
    directorySize = zip64.directorySize;
    directoryOffset = zip64.directoryOffset;
  }
  if (directoryOffset + directorySize > bytes.length) throw new ZipError('truncated', 'central directory runs past the end of the file');
  // Each central header is at least 46 bytes, so a count that cannot fit is a lie: do not loop on it.
  if (entryCount * 46 > directorySize) throw new ZipError('corrupt', 'entry count does not fit the central directory');

  const entries: ZipEntry[] = [];
  let p = directoryOffset;
  const directoryEnd = directoryOffset + directorySize;
  for (let i = 0; i < entryCount; i++) {
    if (p + 46 > directoryEnd || bytes.readUInt32LE(p) !== CENTRAL_HEADER) throw new ZipError('corrupt', `central header ${i} is missing`);
    const flags = bytes.readUInt16LE(p + 8);
    const method = bytes.readUInt16LE(p + 10);
    const crc = bytes.readUInt32LE(p + 16);
    let compressedSize = bytes.readUInt32LE(p + 20);
    let uncompressedSize = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    let localHeaderOffset = bytes.readUInt32LE(p + 42);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > directoryEnd) throw new ZipError('corrupt', `central header ${i} runs past the directory`);

    // Bit 11: the name is UTF-8; otherwise it is code page 437, which agrees with latin1 for the ASCII
    // names that matter here (xl/workbook.xml and friends).
    const name = bytes.toString(flags & 0x800 ? 'utf8' : 'latin1', nameStart, extraStart);

    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      const sizes = readZip64Extra(bytes, extraStart, extraStart + extraLength, {
        uncompressed: uncompressedSize === 0xffffffff,
        compressed: compressedSize === 0xffffffff,
        offset: localHeaderOffset === 0xffffffff,
      });
      uncompressedSize = sizes.uncompressed ?? uncompressedSize;
      compressedSize = sizes.compressed ?? compressedSize;
      localHeaderOffset = sizes.offset ?? localHeaderOffset;
    }

    entries.push({
      name: name.replace(/\\/g, '/').replace(/^\/+/, ''),
      method,
      flags,
      crc32: crc,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    p = next;
  }
  return entries;
}

function findEndRecord(bytes: Buffer): number {
  // The end record is the last 22 bytes plus an optional comment of up to 65,535 bytes. Scan backwards
  // for its signature, and accept the first candidate whose directory lies before it.
  const lowest = Math.max(0, bytes.length - END_RECORD_SIZE - MAX_COMMENT_LENGTH);
  for (let p = bytes.length - END_RECORD_SIZE; p >= lowest; p--) {
    if (bytes[p] !== 0x50 || bytes.readUInt32LE(p) !== END_OF_CENTRAL_DIRECTORY) continue;
    const directorySize = bytes.readUInt32LE(p + 12);
    const directoryOffset = bytes.readUInt32LE(p + 16);
    const zip64 = directorySize === 0xffffffff || directoryOffset === 0xffffffff || bytes.readUInt16LE(p + 10) === 0xffff;
    if (zip64 || directoryOffset + directorySize <= p) return p;
  }
  throw new ZipError('truncated', 'no end-of-central-directory record (the file is cut short or is not a zip)');
}

function readZip64EndRecord(bytes: Buffer, end: number): { entryCount: number; directorySize: number; directoryOffset: number } {
  const locator = end - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_END_LOCATOR) throw new ZipError('corrupt', 'zip64 locator missing');
  const record = safeNumber(bytes.readBigUInt64LE(locator + 8));
  if (record + 56 > locator || bytes.readUInt32LE(record) !== ZIP64_END_OF_CENTRAL_DIRECTORY) throw new ZipError('corrupt', 'zip64 end record missing');
  return {
    entryCount: safeNumber(bytes.readBigUInt64LE(record + 32)),
    directorySize: safeNumber(bytes.readBigUInt64LE(record + 40)),
    directoryOffset: safeNumber(bytes.readBigUInt64LE(record + 48)),
  };
}

function readZip64Extra(
  bytes: Buffer,
  start: number,
  end: number,
  wanted: { uncompressed: boolean; compressed: boolean; offset: boolean },
): { uncompressed?: number; compressed?: number; offset?: number } {
  let p = start;
  while (p + 4 <= end) {
    const id = bytes.readUInt16LE(p);
    const size = bytes.readUInt16LE(p + 2);
    const dataEnd = p + 4 + size;
    if (dataEnd > end) break;
    if (id === 0x0001) {
      // The 64-bit values appear in this order, each only if its 32-bit field was 0xFFFFFFFF.
      const out: { uncompressed?: number; compressed?: number; offset?: number } = {};
      let q = p + 4;
      const take = (): number => {
        if (q + 8 > dataEnd) throw new ZipError('corrupt', 'zip64 extra field too short');
        const value = safeNumber(bytes.readBigUInt64LE(q));
        q += 8;
        return value;
      };
      if (wanted.uncompressed) out.uncompressed = take();
      if (wanted.compressed) out.compressed = take();
      if (wanted.offset) out.offset = take();
      return out;
    }
    p = dataEnd;
  }
  throw new ZipError('corrupt', 'zip64 sizes missing');
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('corrupt', 'size out of range');
  return Number(value);
}

/**
 * Unpack one entry, checking it against what the directory declared: the unpacked size may not
 * exceed `maxBytes` nor the declared size (so a lying directory cannot smuggle a bomb past the
 * caller's budget), and the checksum must match.
 */
export async function extractEntry(bytes: Buffer, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  if (entry.flags & 0x1) throw new ZipError('encrypted', `${entry.name} is encrypted`);
  if (entry.uncompressedSize > maxBytes) throw new ZipError('too-large', `${entry.name} unpacks to ${entry.uncompressedSize} bytes`);
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length) throw new ZipError('truncated', `${entry.name}: local header past the end of the file`);
  if (bytes.readUInt32LE(p) !== LOCAL_HEADER) throw new ZipError('corrupt', `${entry.name}: local header missing`);
  const dataStart = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw new ZipError('truncated', `${entry.name}: data runs past the end of the file`);
  const packed = bytes.subarray(dataStart, dataEnd);

  let data: Buffer;
  if (entry.method === 0) {
    data = packed;
  } else if (entry.method === 8) {
    try {
      // maxOutputLength makes zlib stop (with an error) as soon as the output passes the declared size.
      data = await inflateRawAsync(packed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ZipError('corrupt', `${entry.name} unpacks to more than the ${entry.uncompressedSize} bytes its directory declares`);
      }
      throw new ZipError('corrupt', `${entry.name}: ${(error as Error).message}`);
    }
  } else {
    throw new ZipError('unsupported-compression', `${entry.name} uses compression method ${entry.method}`);
  }
  if (data.length !== entry.uncompressedSize) throw new ZipError('corrupt', `${entry.name}: size differs from the directory`);
  if (crc32(data) >>> 0 !== entry.crc32 >>> 0) throw new ZipError('corrupt', `${entry.name}: checksum mismatch`);
  return data;
}

/** The name of the first entry from its local header, readable even when the end of the file is missing. */
export function firstLocalEntryName(bytes: Buffer): string | null {
  if (bytes.length < 30 || bytes.readUInt32LE(0) !== LOCAL_HEADER) return null;
  const nameLength = bytes.readUInt16LE(26);
  if (30 + nameLength > bytes.length) return null;
  return bytes.toString('latin1', 30, 30 + nameLength);
}

export interface ZipInput {
  name: string;
  data: Buffer | string;
}

/**
 * A plain zip of the given files (no zip64, no data descriptors). `deflate: false` stores the data
 * as is, which is what we want for the in-memory workbook handed to exceljs: no time spent compressing.
 */
export function writeZip(files: ZipInput[], options: { deflate: boolean } = { deflate: true }): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // 1 January 2020, 00:00, in MS-DOS date/time form: a fixed date keeps generated files reproducible.
  const dosTime = 0;
  const dosDate = ((2020 - 1980) << 9) | (1 << 5) | 1;
  for (const file of files) {
    const data = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : file.data;
    const name = Buffer.from(file.name, 'utf8');
    const packed = options.deflate ? deflateRawSync(data) : data;
    const method = options.deflate ? 8 : 0;
    const crc = crc32(data) >>> 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x800, 6); // names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(END_RECORD_SIZE);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
