// A delivery plan kept in a spreadsheet, in the shape the seeds' plans have (an activity, its
// lead, its timescale and the measure it serves; perhaps its aim, lead person, due date and
// status), read into actions. Headers are matched as people write them ("Lead Person",
// "lead_person", "Key date"). Every problem in the file is reported at once, by row and column,
// and a file with any problem gives no actions: a plan is imported whole or not at all.
import type { Problem } from '../../schemas/api';
import { ACTION_LEAD_MAX, ACTION_TIMESCALE_MAX, ACTION_TITLE_MAX } from '../../schemas/actions-api';
import type { RawTable } from '../ingest/read/types';
import type { ActionValues } from './actions';
import { findAim, findMeasure, normaliseName, resolveLinks, type LinkAim, type LinkMeasure, type PlanLinks } from './actions-links';
import { parseDay, parseTimescale } from './actions-timescale';
import type { StrategyActionsTable } from './tables';

/** More rows than any strategy's plan has; a file past it is the wrong file. */
export const MAX_IMPORT_ROWS = 500;

type Key = 'title' | 'lead' | 'timescale' | 'measure' | 'aim' | 'leadPerson' | 'due' | 'status';

interface ImportColumn {
  key: Key;
  /** The name the template uses. */
  name: string;
  required: boolean;
  /** Other headers that mean the same (compared without case, spaces or punctuation). */
  aliases: string[];
  description: string;
}

/** The columns, in the template's order. */
export const IMPORT_COLUMNS: ImportColumn[] = [
  { key: 'title', name: 'activity', required: true, aliases: ['activities', 'action', 'actions', 'title'], description: 'What will be done, in the plan’s words' },
  { key: 'aim', name: 'aim', required: false, aliases: ['strategic aim', 'priority', 'theme', 'objective'], description: 'The aim it serves: its number (1), letter (A) or title; by default the measure’s aim' },
  { key: 'measure', name: 'measure', required: true, aliases: ['measures', 'success measure', 'measure of success', 'indicator'], description: 'The strategy measure that shows it works: its number (2.1) or indicator; may be blank' },
  { key: 'lead', name: 'lead', required: true, aliases: ['lead agency', 'lead organisation', 'lead body', 'lead partner'], description: 'The agency or body that leads it' },
  { key: 'leadPerson', name: 'lead person', required: false, aliases: ['lead officer', 'lead role', 'owner', 'person'], description: 'A role at the lead agency (DA Coordinator), not a name unless the person agreed' },
  { key: 'timescale', name: 'timescale', required: true, aliases: ['timescales', 'key date', 'key dates', 'when', 'deadline'], description: 'As the plan writes it: March 2022, Q3 2022-23, 2023, Year 2, Ongoing; may be blank' },
  { key: 'due', name: 'due', required: false, aliases: ['due date', 'due on', 'date due'], description: 'A day (31/03/2022 or 2022-03-31), when the timescale does not give the one you want' },
  { key: 'status', name: 'status', required: false, aliases: ['rag', 'rag status', 'progress'], description: 'Complete, on track, at risk, off track, not assessable (or blue, green, amber, red); blank: not assessable' },
];

type ActionStatus = StrategyActionsTable['status'];

/** Status words as plans write them, RAG colours included (blue for done). */
const STATUS_WORDS: Record<string, ActionStatus> = {
  complete: 'complete',
  completed: 'complete',
  done: 'complete',
  achieved: 'complete',
  closed: 'complete',
  blue: 'complete',
  'on track': 'on-track',
  green: 'on-track',
  'at risk': 'at-risk',
  amber: 'at-risk',
  'off track': 'off-track',
  red: 'off-track',
  delayed: 'off-track',
  'not assessable': 'not-assessable',
  'not assessed': 'not-assessable',
  'not yet assessed': 'not-assessable',
  'not started': 'not-assessable',
};

export interface ImportedRow {
  row: number;
  values: ActionValues;
  aim: LinkAim | null;
  measure: LinkMeasure | null;
}

export type ImportOutcome = { ok: true; rows: ImportedRow[]; warnings: Problem[] } | { ok: false; errors: Problem[]; warnings: Problem[] };

const problem = (row: number | null, column: string | null, value: string | null, code: string, message: string): Problem => ({ row, column, value, code, message });

/** Each template column's index in the file's header; problems for those missing, doubled or unknown. */
function matchHeader(table: RawTable): { index: Map<Key, number>; errors: Problem[]; warnings: Problem[] } {
  const index = new Map<Key, number>();
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const headerRow = table.headerRowNumber;
  // "Lead person", "lead_person", "LeadPerson" and "Time scale" are all meant: compare without spaces.
  const squash = (text: string) => normaliseName(text).replace(/ /g, '');
  table.header.forEach((written, i) => {
    const name = squash(written);
    const column = IMPORT_COLUMNS.find((c) => squash(c.name) === name || c.aliases.some((a) => squash(a) === name));
    if (!column) {
      warnings.push(problem(headerRow, written, written, 'column-ignored', `The column "${written || `number ${i + 1}, which has no heading`}" is not one we read, so it was left out. The columns are: ${IMPORT_COLUMNS.map((c) => c.name).join(', ')}.`));
      return;
    }
    if (index.has(column.key)) {
      errors.push(problem(headerRow, written, written, 'duplicate-column', `The file has two ${column.name} columns ("${table.header[index.get(column.key)!]}" and "${written}"). Keep one of them.`));
      return;
    }
    index.set(column.key, i);
  });
  for (const column of IMPORT_COLUMNS.filter((c) => c.required && !index.has(c.key))) {
    errors.push(
      problem(
        headerRow,
        column.name,
        null,
        'missing-column',
        `The file has no "${column.name}" column. A delivery plan needs the columns activity, lead, timescale and measure (the cells of timescale and measure may be blank); the header row here has ${table.header.filter((h) => h !== '').map((h) => `"${h}"`).join(', ') || 'nothing'}.`,
      ),
    );
  }
  return { index, errors, warnings };
}

/** Reads a plan's rows against the strategy's aims and measures; titles already in the plan are refused. */
export function readPlanTable(table: RawTable, links: PlanLinks, strategyFrom: string, titlesHeld: readonly string[]): ImportOutcome {
  const { index, errors, warnings } = matchHeader(table);
  if (errors.length > 0) return { ok: false, errors, warnings };
  if (table.rows.length === 0) return { ok: false, errors: [problem(null, null, null, 'no-rows', 'The file has a header row but no actions under it.')], warnings };
  if (table.rows.length > MAX_IMPORT_ROWS) {
    return { ok: false, errors: [problem(null, null, null, 'too-many-rows', `The file has ${table.rows.length} rows; a delivery plan import takes at most ${MAX_IMPORT_ROWS}. Check that it is the right file, or import it in parts.`)], warnings };
  }
  const held = new Set(titlesHeld.map(normaliseName));
  const seen = new Map<string, number>();
  const rows: ImportedRow[] = [];
  for (const { rowNumber, cells } of table.rows) {
    const cell = (key: Key) => (index.has(key) ? cells[index.get(key)!] : '');
    const header = (key: Key) => table.header[index.get(key)!];
    const rowErrors: Problem[] = [];
    const fail = (key: Key, code: string, message: string) => rowErrors.push(problem(rowNumber, header(key), cell(key), code, message));
    const tooLong = (key: Key, max: number, what: string) => cell(key).length > max && fail(key, 'too-long', `The ${what} is ${cell(key).length} characters long; keep it to ${max}.`);

    const title = cell('title');
    if (title === '') fail('title', 'missing-activity', 'The activity is blank. Say what will be done, or delete the row.');
    tooLong('title', ACTION_TITLE_MAX, 'activity');
    if (title !== '') {
      const name = normaliseName(title);
      if (held.has(name)) fail('title', 'already-in-plan', 'The plan already has this activity. Change the action in the plan instead, or leave the row out.');
      else if (seen.has(name)) fail('title', 'duplicate-activity', `This activity is also in row ${seen.get(name)}. Keep one of them.`);
      else seen.set(name, rowNumber);
    }
    if (cell('lead') === '') fail('lead', 'missing-lead', 'Every action needs a lead: the agency or body that leads it.');
    tooLong('lead', ACTION_LEAD_MAX, 'lead');
    tooLong('leadPerson', ACTION_LEAD_MAX, 'lead person');
    tooLong('timescale', ACTION_TIMESCALE_MAX, 'timescale');

    let aim: LinkAim | null = null;
    if (cell('aim') !== '') {
      const found = findAim(links.aims, cell('aim'));
      if (found.ok) aim = found.value;
      else fail('aim', 'unknown-aim', found.message);
    }
    let measure: LinkMeasure | null = null;
    if (cell('measure') !== '') {
      const found = findMeasure(links, cell('measure'), aim);
      if (found.ok) measure = found.value;
      else fail('measure', 'unknown-measure', found.message);
    }
    const linked = resolveLinks(links, { aim: aim?.id, measure: measure?.id });
    if (!linked.ok && aim && measure) fail('measure', 'measure-of-another-aim', linked.message);

    const timescale = cell('timescale') === '' ? null : cell('timescale');
    let due = parseTimescale(timescale, strategyFrom);
    if (cell('due') !== '') {
      const day = parseDay(cell('due'));
      if (day === null) fail('due', 'invalid-due', `"${cell('due')}" is not a day. Write it as 31/03/2022 or 2022-03-31, or leave it blank to take the date from the timescale.`);
      due = day;
    } else if (timescale !== null && due === null && /\d/.test(timescale)) {
      warnings.push(
        problem(rowNumber, header('timescale'), timescale, 'timescale-without-date', `The timescale "${timescale}" is kept as written, but it does not say a day we can be sure of, so the action has no due date and cannot show as overdue. Put a day in the due column if it has one.`),
      );
    }
    let status: ActionStatus = 'not-assessable';
    if (cell('status') !== '') {
      const word = STATUS_WORDS[normaliseName(cell('status'))];
      if (word) status = word;
      else fail('status', 'invalid-status', `"${cell('status')}" is not a status we know. Write complete, on track, at risk, off track or not assessable (or blue, green, amber, red), or leave it blank.`);
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const aimId = linked.ok ? linked.aimId : null;
    rows.push({
      row: rowNumber,
      values: { title, aimId, measureId: measure?.id ?? null, leadAgency: cell('lead'), leadPerson: cell('leadPerson') === '' ? null : cell('leadPerson'), timescale, due, status },
      aim: links.aims.find((a) => a.id === aimId) ?? null,
      measure,
    });
  }
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, rows, warnings };
}
