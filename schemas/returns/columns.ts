// Column builders shared by the return definitions, so each definition reads as the table in
// DOMAIN.md section 5 and nothing else.
import { areaCell, choiceCell, countCell, plainCount, plainText, quarterCell, textCell } from './cells';
import { columnWords } from './words';
import { NOTES_COLUMN, type ColumnSpec, type ReturnKeys } from './definition';
import { financialYearCell, type ReportingFrequency } from './frequency';

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

const yearlyPeriodColumn: ColumnSpec = {
  name: 'period',
  description: 'The financial year, e.g. 2022-23 (April 2022 to March 2023)',
  reader: (context) => financialYearCell(context),
  role: 'key',
};

/** The period column of a return made at this frequency: its reader accepts only that kind of period. */
export function periodColumnFor(frequency: ReportingFrequency | undefined): ColumnSpec {
  return frequency === 'yearly' ? yearlyPeriodColumn : periodColumn;
}

/** A local authority key column; partner returns call it `area_code`, but any name works. */
export function localAuthority(name: string, description = 'The local authority, as its ONS code (e.g. E09000004) or its name'): ColumnSpec {
  return { name, description, reader: () => areaCell({ localAuthorityOnly: true }), role: 'key' };
}

export const localAuthorityColumn = localAuthority('area_code');

/** A key column that takes one of a fixed list (refuge's accommodation type), offered as a drop-down. */
export function choice(name: string, description: string, choices: readonly string[]): ColumnSpec {
  return { name, description: `${description}: one of ${choices.join(', ')}`, reader: () => choiceCell(columnWords(name), choices), role: 'key', choices };
}

export const notesColumn: ColumnSpec = {
  name: NOTES_COLUMN,
  description: 'Optional notes about the figures. Do not include names or anything that could identify a person.',
  reader: () => textCell('note'),
  plain: plainText,
  role: 'text',
  optional: true,
};

/** The keys of a yearly partner row: its local authority and financial year, and a sub-key column if it has one. */
export function yearlyKeys(sub?: string): ReturnKeys {
  return quarterlyKeys(sub);
}

/** The keys of a quarterly partner row: its local authority and quarter, and a sub-key column if it has one. */
export function quarterlyKeys(sub?: string): ReturnKeys {
  return { area: localAuthorityColumn.name, period: periodColumn.name, ...(sub === undefined ? {} : { sub }) };
}
