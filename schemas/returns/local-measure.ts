// DOMAIN.md 5.9: a partnership's own measure (a champions network, campaign reach), per local
// authority, quarter and measure. The measures are defined by an administrator at run time
// (server/local-measures), so this definition knows none of them: the `measure` column is any
// id in the shape measure ids take, and what depends on the measure (that it exists for a
// partnership covering the area, that the sender may send it, that a count leaves its
// denominator blank, that a share's numerator is not above its denominator) is checked against
// the stored definitions when a file is sent (server/local-measures/checks.ts).
import { z } from 'zod';
import { MEASURE_ID_MAX, MEASURE_ID_PATTERN } from '../local-measures-api';
import { count, localAuthorityColumn, notesColumn, periodColumn, quarterlyKeys } from './columns';
import type { ColumnSpec, ReturnDefinition } from './definition';

/** A measure id as written: any case, spaces or underscores for hyphens. */
function measureCell() {
  return z.string().transform((raw, ctx): string => {
    const id = raw.trim().toLowerCase().replace(/[\s_]+/g, '-');
    if (id === '') {
      ctx.addIssue({ code: 'custom', message: 'The measure is empty. Write the id of the measure, as listed in the template (such as champions-trained).', params: { code: 'required' } });
      return z.NEVER;
    }
    if (id.length > MEASURE_ID_MAX || !MEASURE_ID_PATTERN.test(id)) {
      ctx.addIssue({ code: 'custom', message: `"${raw.trim()}" is not a measure id. A measure id is words joined by hyphens, such as champions-trained; the template lists the measures you send.`, params: { code: 'invalid-choice' } });
      return z.NEVER;
    }
    return id;
  });
}

const measureColumn: ColumnSpec = {
  name: 'measure',
  description: "The id of the partnership's measure the row reports (the template lists the ones your organisation sends)",
  reader: () => measureCell(),
  role: 'key',
};

export const localMeasure: ReturnDefinition = {
  type: 'local-measure',
  title: 'Local measure return',
  sentBy: 'the organisations a partnership names for each of its own measures',
  reference: false,
  columns: [
    periodColumn,
    localAuthorityColumn,
    measureColumn,
    count('numerator', 'What the measure counts in the quarter (its numerator), as its definition says'),
    count('denominator', 'What the measure is out of (its denominator), as its definition says; blank for a measure that is a count'),
    notesColumn,
  ],
  keys: quarterlyKeys('measure'),
  rules: [],
  // Only a partnership that defines a measure expects it, from the organisations the measure names.
  expected: 'where-defined',
};
