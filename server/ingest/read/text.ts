// Turning a CSV file's bytes into text. Partners' files come in four encodings:
//   - UTF-8, with a byte-order mark (Excel's "CSV UTF-8") or without (most other software);
//   - UTF-16 with a byte-order mark (Excel's "Unicode Text", and some database exports);
//   - Windows-1252 (Excel's plain "CSV" on a UK/US Windows PC), recognisable because it is not valid UTF-8.
// The byte-order mark is removed, so it never ends up in the first header cell.
import type { ForeignKind } from './errors';
import type { TextEncodingName } from './types';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(bytes: Buffer): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8Loosely(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes.subarray(2), 'le'), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes.subarray(2), 'be'), encoding: 'utf-16be' };

  const utf16 = looksLikeUtf16WithoutBom(bytes);
  if (utf16) return { text: decodeUtf16(bytes, utf16), encoding: utf16 === 'le' ? 'utf-16le' : 'utf-16be' };

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

function decodeUtf8Loosely(bytes: Uint8Array): string {
  // After a UTF-8 BOM the file says it is UTF-8; a stray bad byte becomes U+FFFD rather than a failure.
  return new TextDecoder('utf-8').decode(bytes);
}

function decodeUtf16(bytes: Buffer, order: 'le' | 'be'): string {
  // An odd trailing byte (a truncated file) is dropped rather than failing the whole file.
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  if (order === 'le') return new TextDecoder('utf-16le').decode(even);
  const swapped = Buffer.from(even); // copy: swap16 works in place
  swapped.swap16();
  return new TextDecoder('utf-16le').decode(swapped);
}

/**
 * UTF-16 without a byte-order mark: mostly-ASCII text in UTF-16 has a NUL in every other byte. Such
 * files are rare but do occur (some database exports); recognising them is better than calling them binary.
 */
function looksLikeUtf16WithoutBom(bytes: Buffer): 'le' | 'be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs > 0.3 && evenZeros / pairs < 0.05) return 'le';
  if (evenZeros / pairs > 0.3 && oddZeros / pairs < 0.05) return 'be';
  return null;
}

/**
 * Windows-1252, decoded by hand. Node 20's TextDecoder('windows-1252') is really ISO-8859-1: it turns
 * 0x80-0x9F into invisible control characters instead of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ,
 * and those curly quotes and dashes are exactly what Excel's notes cells contain. The five bytes
 * Windows-1252 leaves undefined map to the matching control characters, as the WHATWG standard says.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]));
}

/**
 * True when decoded "text" is really binary: a NUL character (text files never contain one), or more
 * than a sprinkling of other control characters. A few stray controls (a vertical tab pasted from
 * another system) are tolerated; random bytes have about one control character in eight.
 */
export function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || (c >= 0x80 && c <= 0x9f)) controls++;
  }
  return controls >= 3 && controls / text.length > 0.02;
}

/** Text files that are not CSV but are often given spreadsheet names: web pages, XML, RTF. */
export function sniffText(text: string): ForeignKind | null {
  const start = text.slice(0, 2048).trimStart().toLowerCase();
  if (start.startsWith('{\\rtf')) return 'rtf';
  if (!start.startsWith('<')) return null;
  if (/^<(!doctype\s+html|html|head|body|table|meta)\b/.test(start)) return 'html';
  if (start.startsWith('<?xml') || start.startsWith('<!--')) {
    if (start.includes('urn:schemas-microsoft-com:office:spreadsheet') || start.includes('progid="excel.sheet"')) return 'excel-xml';
    if (/<html\b/.test(start)) return 'html';
    return 'xml';
  }
  return null;
}
