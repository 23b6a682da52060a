// DOMAIN.md 5.6: ONS mid-year population estimates, loaded by analysts as reference data.
import { areaCell, yearCell } from './cells';
import { count, notesColumn } from './columns';
import type { ReturnDefinition } from './definition';

export const population: ReturnDefinition = {
  type: 'population',
  title: 'Population estimates',
  sentBy: 'an analyst, from ONS mid-year estimates',
  reference: true,
  columns: [
    { name: 'year', description: 'The year of the mid-year estimate, e.g. 2019', reader: (context) => yearCell(context), role: 'key' },
    { name: 'area_code', description: 'The area, as its ONS code or its name', reader: () => areaCell({ localAuthorityOnly: false }), role: 'key' },
    count('all_ages', 'Residents of all ages'),
    count('aged_16_plus', 'Residents aged 16 and over'),
    count('females_16_plus', 'Women aged 16 and over'),
    count('aged_0_17', 'Children aged 0 to 17'),
    notesColumn,
  ],
  keys: { area: 'area_code', period: 'year' },
  rules: [],
};
