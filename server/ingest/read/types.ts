// The shape readTable returns. Kept in its own module so the readers can share it without importing
// read-table.ts (which imports them).

export interface RawRow {
  /**
   * The row number the partner sees in their spreadsheet. For an Excel file it is the worksheet's own
   * row number; for a CSV file it is the record number (the header record is usually 1), so blank
   * lines still count and a quoted cell that spans several lines counts once, as Excel shows it.
   */
  rowNumber: number;
  /** Trimmed cell text, one per header column (padded with '' so every row has header.length cells). */
  cells: string[];
}

/** Something worth telling the partner about how the file was read, though it was readable. */
export interface ReadNotice {
  code: 'hidden-sheets-skipped' | 'formula-not-calculated';
  message: string;
  /** The row the notice is about, when it is about one cell or row. */
  rowNumber?: number;
}

export interface RawTable {
  format: 'csv' | 'xlsx';
  /**
   * The header cells, trimmed, as written. Trailing columns that are blank in the header and in every
   * row are dropped; a blank header cell is kept (as '') when a row has something under it.
   */
  header: string[];
  /** The row number of the header: the first row that is not blank (1 unless the file starts with blank rows). */
  headerRowNumber: number;
  /** Data rows, in order, with rows whose cells are all blank removed. */
  rows: RawRow[];
  /** XLSX: the name of the worksheet that was read. */
  sheetName?: string;
  /** CSV: the text encoding the file was read in. */
  encoding?: TextEncodingName;
  /** CSV: the column separator found on the header line. */
  delimiter?: ',' | ';' | '\t';
  notices?: ReadNotice[];
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
