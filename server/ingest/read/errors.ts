// The one error readTable throws, and every message it can carry. The messages are read by council
// officers, not developers: say what the file is, and what to do, in plain words.

/**
 * unsupported-file-type  not a spreadsheet we read (HTTP 415)
 * damaged-file           a spreadsheet we cannot read as it is (422)
 * empty-file             nothing in it (422)
 * too-complex            more work than one upload may take: past the time or memory limit (422)
 */
export type UnreadableCode = 'unsupported-file-type' | 'damaged-file' | 'empty-file' | 'too-complex';

export class UnreadableFileError extends Error {
  constructor(
    readonly code: UnreadableCode,
    message: string,
    /** What went wrong underneath, for the logs; never shown to the partner. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

const UPLOAD_CSV_OR_XLSX = 'Please upload the return as a CSV file or an Excel workbook (.xlsx).';
const SAVE_AS_XLSX = 'Please open it, choose File > Save As, pick "Excel Workbook (.xlsx)" or "CSV UTF-8", and upload the saved file.';

/** What a file turned out to be, when it is something we recognise but cannot read. */
export type ForeignKind =
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  | 'heic'
  | 'tiff'
  | 'bmp'
  | 'xls'
  | 'encrypted-workbook'
  | 'old-office'
  | 'doc'
  | 'ppt'
  | 'msg'
  | 'docx'
  | 'pptx'
  | 'xlsb'
  | 'ods'
  | 'odf'
  | 'numbers'
  | 'zip'
  | 'gzip'
  | 'rar'
  | '7z'
  | 'html'
  | 'excel-xml'
  | 'xml'
  | 'rtf';

const IMAGE_NAMES: Partial<Record<ForeignKind, string>> = {
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  webp: 'WebP',
  heic: 'HEIC',
  tiff: 'TIFF',
  bmp: 'BMP',
};

export function foreignFile(kind: ForeignKind, extra?: { zipContains?: string }): UnreadableFileError {
  return new UnreadableFileError('unsupported-file-type', foreignMessage(kind, extra), kind);
}

function foreignMessage(kind: ForeignKind, extra?: { zipContains?: string }): string {
  const image = IMAGE_NAMES[kind];
  if (image) {
    return `This file is a picture (a ${image} image), not a spreadsheet. Please upload the return itself as a CSV file or an Excel workbook (.xlsx), not a photo or screenshot of it.`;
  }
  switch (kind) {
    case 'pdf':
      return `This file is a PDF. ${UPLOAD_CSV_OR_XLSX}`;
    case 'xls':
      return `This file is in the old Excel 97-2003 format (.xls), which we cannot read. ${SAVE_AS_XLSX}`;
    case 'encrypted-workbook':
      return 'This workbook is protected with a password, so it cannot be read. Please open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, then delete the password), save it and upload it again.';
    case 'old-office':
      return `This file is in an old Microsoft Office format that we cannot read. If it is a spreadsheet: ${SAVE_AS_XLSX.charAt(0).toLowerCase()}${SAVE_AS_XLSX.slice(1)}`;
    case 'doc':
    case 'docx':
      return `This file is a Word document, not a spreadsheet. ${UPLOAD_CSV_OR_XLSX}`;
    case 'ppt':
    case 'pptx':
      return `This file is a PowerPoint presentation, not a spreadsheet. ${UPLOAD_CSV_OR_XLSX}`;
    case 'msg':
      return `This file is an Outlook email message. Please save the return attached to the email, and upload that file (a CSV file or an Excel workbook).`;
    case 'xlsb':
      return `This file is an Excel Binary Workbook (.xlsb), which we cannot read. ${SAVE_AS_XLSX}`;
    case 'ods':
      return 'This file is an OpenDocument spreadsheet (.ods), for example from LibreOffice, which we cannot read. Please open it, choose File > Save As, pick "Excel 2007-365 (.xlsx)" or CSV, and upload the saved file.';
    case 'odf':
      return `This file is an OpenDocument file (for example a LibreOffice document), not a spreadsheet we can read. ${UPLOAD_CSV_OR_XLSX}`;
    case 'numbers':
      return 'This file is an Apple Numbers spreadsheet, which we cannot read. Please open it in Numbers, choose File > Export To > Excel (or CSV), and upload the exported file.';
    case 'zip':
      return extra?.zipContains
        ? `This file is a zip archive. It contains "${extra.zipContains}": please unzip it and upload that file instead.`
        : `This file is a zip archive, not a spreadsheet. ${UPLOAD_CSV_OR_XLSX}`;
    case 'gzip':
    case 'rar':
    case '7z':
      return `This file is a compressed archive, not a spreadsheet. Please take the return out of the archive and upload it as a CSV file or an Excel workbook (.xlsx).`;
    case 'html':
      return `This file is a web page (HTML), even if its name makes it look like a spreadsheet: some systems export web pages with an .xls name. ${SAVE_AS_XLSX}`;
    case 'excel-xml':
      return `This file is an "XML Spreadsheet 2003" file, which we cannot read. ${SAVE_AS_XLSX}`;
    case 'xml':
      return `This file is an XML file, not a spreadsheet. ${UPLOAD_CSV_OR_XLSX}`;
    case 'rtf':
      return `This file is a Rich Text document, not a spreadsheet. ${UPLOAD_CSV_OR_XLSX}`;
    default:
      return `This file is not a CSV file or an Excel workbook. ${UPLOAD_CSV_OR_XLSX}`;
  }
}

/** Content we cannot make sense of at all. The file name, if it claims a format, improves the wording. */
export function unrecognisedFile(fileName: string | undefined, detail: string): UnreadableFileError {
  const extension = extensionOf(fileName);
  let message = `This file does not look like a CSV file or an Excel workbook, so it cannot be read. ${UPLOAD_CSV_OR_XLSX}`;
  if (extension === 'xlsx' || extension === 'xlsm' || extension === 'csv' || extension === 'xls') {
    const what = extension === 'csv' ? 'a CSV file' : 'an Excel workbook';
    message = `This file's name ends in .${extension}, but what is inside is not ${what}, so it cannot be read. It may be damaged, or it may be a different kind of file that has been renamed. ${SAVE_AS_XLSX}`;
  }
  return new UnreadableFileError('unsupported-file-type', message, detail);
}

export const DAMAGED_XLSX_MESSAGE =
  'This Excel file appears to be damaged or incomplete and could not be opened. Please save it again and re-upload, or save it as CSV.';

export function damagedWorkbook(detail: string): UnreadableFileError {
  return new UnreadableFileError('damaged-file', DAMAGED_XLSX_MESSAGE, detail);
}

export function damagedZip(detail: string): UnreadableFileError {
  return new UnreadableFileError(
    'damaged-file',
    'This file appears to be a damaged or incomplete zip archive and could not be opened. If it is an Excel workbook, please save it again and re-upload, or save it as CSV.',
    detail,
  );
}

export function encryptedZip(detail: string): UnreadableFileError {
  return new UnreadableFileError(
    'unsupported-file-type',
    'This file is protected with a password, so it cannot be read. Please save the return without a password, as a CSV file or an Excel workbook (.xlsx), and upload it again.',
    detail,
  );
}

/** A workbook past our size limits. Reported as damaged-file (HTTP 422) rather than as an unsupported type. */
export function workbookTooLarge(limitMegabytes: number, detail: string): UnreadableFileError {
  return new UnreadableFileError(
    'damaged-file',
    `This Excel workbook holds more than we can read (over ${limitMegabytes} MB once unpacked). Please copy the return into a new workbook on its own, or save it as CSV, and upload that.`,
    detail,
  );
}

export function workbookTooComplex(detail: string): UnreadableFileError {
  return new UnreadableFileError(
    'too-complex',
    'This Excel workbook is too large or complex for us to read. Please save the return as a CSV file (File > Save As, then "CSV UTF-8") and upload that instead.',
    detail,
  );
}

/** A text file whose reading and checking went past the time or memory a single upload may take. */
export function fileTooComplex(detail: string): UnreadableFileError {
  return new UnreadableFileError(
    'too-complex',
    'This file is too large for us to check in one go. Nothing has been stored. Please split the return into smaller files (for example, one for each year) and upload them one at a time.',
    detail,
  );
}

export function tableTooLarge(detail: string): UnreadableFileError {
  return new UnreadableFileError(
    'damaged-file',
    'This file has more rows and columns than we can read. Please check that it holds only the return (for example, that nothing has been typed far to the right or far below the figures), then upload it again.',
    detail,
  );
}

export function emptyFile(detail: string): UnreadableFileError {
  return new UnreadableFileError(
    'empty-file',
    'This file is empty. Please check that you chose the right file and that it was saved with the return in it, then upload it again.',
    detail,
  );
}

export function noDataInFile(): UnreadableFileError {
  return new UnreadableFileError(
    'empty-file',
    'This file has no column headings or figures in it. Please check that you chose the right file and that it was saved with the return in it, then upload it again.',
    'no non-blank record',
  );
}

export function emptySheet(sheetName: string): UnreadableFileError {
  return new UnreadableFileError(
    'empty-file',
    `The first worksheet in this workbook ("${sheetName}") is empty. Please put the return on the first sheet, with the column headings in its first row, and upload it again.`,
    'first visible worksheet has no cells',
  );
}

export function noWorksheets(): UnreadableFileError {
  return new UnreadableFileError(
    'empty-file',
    'This Excel workbook has no worksheets we can read (it may hold only charts). Please put the return on a worksheet, or save it as CSV, and upload it again.',
    'no worksheet in workbook.xml',
  );
}

export function extensionOf(fileName: string | undefined): string | null {
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(fileName?.trim() ?? '');
  return match ? match[1].toLowerCase() : null;
}
