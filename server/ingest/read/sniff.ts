// Recognising files by their first bytes ("magic numbers"), never by their names: partners rename
// files, and systems export web pages as ".xls". Only the formats a partner is likely to upload by
// mistake are listed; anything else binary is caught later by the text decoder's binary check.
import type { ForeignKind } from './errors';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function startsWith(bytes: Buffer, prefix: Buffer | number[] | string, at = 0): boolean {
  const p = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : Buffer.isBuffer(prefix) ? prefix : Buffer.from(prefix);
  return bytes.length >= at + p.length && bytes.subarray(at, at + p.length).equals(p);
}

/**
 * A binary format we recognise and refuse, or null if the bytes are none of them. The file name is
 * used only to choose between equally likely descriptions of an old Office file.
 */
export function sniffBinary(bytes: Buffer, fileName?: string): ForeignKind | null {
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return 'gif';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'webp';
  if (startsWith(bytes, 'ftyp', 4) && /^(heic|heix|mif1|msf1|heif)$/.test(bytes.toString('latin1', 8, 12))) return 'heic';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(bytes, 'Rar!\x1a\x07')) return 'rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(bytes, OLE2)) {
    const kind = oleKind(bytes);
    return kind === 'old-office' && /\.xl[st]$/i.test(fileName?.trim() ?? '') ? 'xls' : kind;
  }
  return null;
}

/**
 * Old Office files (.xls, .doc, .ppt, .msg) share one container format ("OLE2" / compound file). So
 * does a password-protected .xlsx: Excel encrypts the workbook and wraps it in the old container. The
 * container's directory names its streams in UTF-16, so we look for the telling stream names.
 */
function oleKind(bytes: Buffer): ForeignKind {
  // Directory names are NUL-terminated, which keeps ordinary UTF-16 text (a Word file mentioning a
  // "Book") from matching.
  const has = (streamName: string) => bytes.includes(Buffer.from(streamName + '\0', 'utf16le'));
  if (has('EncryptedPackage')) return 'encrypted-workbook';
  if (has('WordDocument')) return 'doc';
  if (has('PowerPoint Document')) return 'ppt';
  if (has('Workbook') || has('Book')) return 'xls';
  if (bytes.includes(Buffer.from('__substg1.0_', 'utf16le'))) return 'msg';
  return 'old-office';
}
