// Column builders shared by the return definitions, so each definition reads as the table in
// DOMAIN.md section 5 and nothing else.
import type { AreaMatch } from '../areas';
import { areaCell, countCell, plainCount, plainText, quarterCell, textCell } from './cells';
import { columnWords } from './words';
import { NOTES_COLUMN, type ColumnSpec, type ParsedRow, type RowKey } from './definition';

/** A count column. Its messages name it in words ("the number of DVPOs granted"), see ./words. */
export function count(name: string, description: string): ColumnSpec {
  const label = columnWords(name);
  return { name, description, reader: () => countCell(label), plain: plainCount, role: 'figure' };
}

export const periodColumn: ColumnSpec = {
  name: 'period',
  description: 'The financial quarter, e.g. 2019-20 Q3 (Q1 is April to June)',
  reader: (context) => quarterCell(context),
  role: 'key',
};

export const localAuthorityColumn: ColumnSpec = {
  name: 'area_code',
  description: 'The local authority, as its ONS code (e.g. E09000004) or its name',
  reader: () => areaCell({ localAuthorityOnly: true }),
  role: 'key',
};

export const notesColumn: ColumnSpec = {
  name: NOTES_COLUMN,
  description: 'Optional notes about the figures. Do not include names or anything that could identify a person.',
  reader: () => textCell('note'),
  plain: plainText,
  role: 'text',
  optional: true,
};

/** The key of a quarterly partner row: its local authority and quarter (and a subkey column, if any). */
export function quarterlyKey(subkeyColumn?: string) {
  return (row: ParsedRow): RowKey => ({
    areaCode: (row.area_code as AreaMatch).area.code,
    period: row.period as string,
    subkey: subkeyColumn ? String(row[subkeyColumn]) : '',
  });
}
