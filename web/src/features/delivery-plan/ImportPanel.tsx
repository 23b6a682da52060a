// Importing a delivery plan kept in a spreadsheet, in the upload page's way: download the
// template, choose the file, check it (a dry run: nothing is stored), see what it would add or
// every problem by row and column, then import it. A file with any problem adds nothing.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ScrollTable } from '../../components/ScrollTable';
import { TableHead } from '../../components/TableHead';
import { plural } from '../../lib/format';
import { templateHref, useCheckPlanFile, useImportPlanFile, type ImportOutcome, type Problem } from './api';
import { PanelHeading } from './fields';
import { dueWords, statusText } from './plan-words';

/**
 * The server refuses a plan file past 1 MB (MAX_PLAN_FILE_BYTES in server/routes/actions.ts): a
 * plan is a page of a spreadsheet. Checked here on the size alone, so the wrong file is caught
 * before it is sent.
 */
export const PLAN_FILE_LIMIT_BYTES = 1024 * 1024;

/** The columns as the template has them, in the words the import reads them. */
export const IMPORT_COLUMN_NOTES: Array<{ name: string; note: string }> = [
  { name: 'activity', note: 'What will be done, in the plan’s words. Required.' },
  { name: 'aim', note: 'The aim it serves: its number (1), letter (A) or title. Optional: by default the measure’s aim.' },
  { name: 'measure', note: 'The strategy measure that shows it works: its number (2.1) or indicator. The column is required; a cell may be blank.' },
  { name: 'lead', note: 'The agency or body that leads it. Required.' },
  { name: 'lead person', note: 'A role at the lead agency, such as DA Co-ordinator, not a name. Optional.' },
  { name: 'timescale', note: 'As the plan writes it: March 2022, Q3 2022-23, Year 2, Ongoing. A timescale that states a date gives the due date. The column is required; a cell may be blank.' },
  { name: 'due', note: 'A day (31/03/2022), when the timescale does not give the one you want. Optional.' },
  { name: 'status', note: 'Complete, on track, at risk, off track or not assessable (or blue, green, amber, red). Optional: blank is not yet assessed.' },
];

export function fileProblem(file: File | null): string | null {
  if (!file) return 'Choose the spreadsheet to import';
  if (file.size > PLAN_FILE_LIMIT_BYTES) return 'The selected file must be smaller than 1 MB. A delivery plan is far smaller: check it is the right file, and save only the plan’s sheet.';
  return null;
}

export const importRowAnchor = (row: number) => `import-row-${row}`;

function where(p: Problem): string {
  return [p.row !== null ? `Row ${p.row}` : null, p.column ? `column ${p.column}` : null].filter(Boolean).join(', ');
}

function ProblemTable({ caption, problems }: { caption: string; problems: Problem[] }) {
  const seen = new Set<number>();
  return (
    <ScrollTable label={caption}>
      <table className="govuk-table app-data-table app-file-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <TableHead columns={['Row', 'Column', 'Value in your file', 'Problem']} />
        <tbody className="govuk-table__body">
          {problems.map((p, i) => {
            const first = p.row !== null && !seen.has(p.row);
            if (p.row !== null) seen.add(p.row);
            return (
              <tr key={i} id={first ? importRowAnchor(p.row!) : undefined} className="govuk-table__row app-file-table__row--problem">
                <th scope="row" className="govuk-table__header">
                  {p.row ?? 'The file'}
                </th>
                <td className="govuk-table__cell">{p.column ?? ''}</td>
                <td className="govuk-table__cell">{p.value ?? ''}</td>
                <td className="govuk-table__cell app-file-table__messages">{p.message}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function Preview({ outcome, fileName, onImport, importing }: { outcome: Extract<ImportOutcome, { kind: 'checked' }>; fileName: string; onImport: () => void; importing: boolean }) {
  const { result } = outcome;
  const count = plural(result.actions.length, 'action');
  return (
    <section aria-labelledby="import-ready-heading">
      <PanelHeading id="import-ready-heading" level={3}>
        {fileName} would add {count}
      </PanelHeading>
      <p className="govuk-body">It has no errors. Nothing has been added yet: check what it would add to {result.strategy.title}, then import it.</p>
      <ScrollTable label={`What ${fileName} would add`}>
        <table className="govuk-table app-data-table app-plan-preview">
          <caption className="govuk-table__caption govuk-table__caption--s">The actions it would add</caption>
          <TableHead columns={['Row', 'Activity', 'Aim', 'Measure', 'Lead', 'Timescale', 'Due', 'Status']} />
          <tbody className="govuk-table__body">
            {result.actions.map((a) => (
              <tr key={a.row} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {a.row}
                </th>
                <td className="govuk-table__cell app-plan-preview__title">{a.title}</td>
                <td className="govuk-table__cell">{a.aim ? `${a.aim.number}: ${a.aim.title}` : 'None'}</td>
                <td className="govuk-table__cell">{a.measure?.indicator ?? 'None'}</td>
                <td className="govuk-table__cell">{[a.leadAgency, a.leadPerson].filter(Boolean).join(', ')}</td>
                <td className="govuk-table__cell">{a.timescale ?? ''}</td>
                <td className="govuk-table__cell">{dueWords(a.due)}</td>
                <td className="govuk-table__cell">{statusText(a.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {result.warnings.length > 0 && <ProblemTable caption={`${plural(result.warnings.length, 'warning')}: the file can still be imported, but check these`} problems={result.warnings} />}
      <button type="button" className="govuk-button" onClick={onImport} disabled={importing}>
        {importing ? 'Importing…' : `Import ${count}`}
      </button>
    </section>
  );
}

export function ImportPanel({ partnership, strategy, onDone }: { partnership: number; strategy: { id: number; title: string }; onDone: (added: number) => void }) {
  const check = useCheckPlanFile(partnership, strategy.id);
  const send = useImportPlanFile(partnership, strategy.id);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    setFileError(null);
    check.reset();
    send.reset();
  };

  const submitCheck = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    send.reset();
    const problem = fileProblem(file);
    setFileError(problem);
    if (problem || !file) return check.reset();
    check.mutate(file);
  };

  const doImport = () => {
    if (!file) return;
    send.mutate(file, { onSuccess: (outcome) => outcome.kind === 'imported' && onDone(outcome.result.created.length) });
  };

  // A refused import (someone changed the strategy since the check) replaces the check's answer.
  const outcome = send.data ?? check.data;
  const failed = outcome?.kind === 'failed' ? outcome : null;
  const rejected = outcome?.kind === 'rejected' ? outcome : null;
  return (
    <section className="app-plan-panel app-no-print" aria-labelledby="import-heading">
      <PanelHeading id="import-heading" level={2}>
        Import actions from a spreadsheet
      </PanelHeading>
      {fileError && <ErrorSummary key={`e${attempt}`} items={[{ text: fileError, href: '#plan-file' }]} />}
      {failed && <ErrorSummary key={`f${attempt}-${send.submittedAt}`} title="The file could not be imported" items={[{ text: failed.message, href: '#plan-file' }]} />}
      {rejected && file && (
        <ErrorSummary
          key={`r${attempt}-${send.submittedAt}`}
          title={`There ${rejected.errors.length === 1 ? 'is a problem' : `are ${rejected.errors.length} problems`} with ${file.name}`}
          description="Nothing has been added. Fix these in your spreadsheet, save it, then choose the file again and check it."
          items={rejected.errors.map((p) => ({ text: where(p) ? `${where(p)}: ${p.message}` : p.message, href: p.row !== null ? `#${importRowAnchor(p.row)}` : '#plan-file' }))}
        />
      )}
      <p className="govuk-body">
        The actions are added to the plan of {strategy.title}. The file is checked first: nothing is added until you import it, and a file with any problem adds nothing.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={templateHref(partnership)} download>
          Download the CSV template
        </a>{' '}
        (one row for each action; an Excel workbook with the same columns works too).
      </p>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">What each column holds</span>
        </summary>
        <div className="govuk-details__text">
          <dl className="govuk-summary-list">
            {IMPORT_COLUMN_NOTES.map((c) => (
              <div className="govuk-summary-list__row" key={c.name}>
                <dt className="govuk-summary-list__key">{c.name}</dt>
                <dd className="govuk-summary-list__value">{c.note}</dd>
              </div>
            ))}
          </dl>
        </div>
      </details>
      <form onSubmit={submitCheck} noValidate>
        <div className={`govuk-form-group${fileError || failed ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor="plan-file">
            Choose the spreadsheet
          </label>
          <div id="plan-file-hint" className="govuk-hint">
            A CSV file or an Excel workbook (.xlsx), smaller than 1 MB.
          </div>
          {fileError && (
            <p id="plan-file-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {fileError}
            </p>
          )}
          <input
            className={`govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}`}
            id="plan-file"
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`plan-file-hint${fileError ? ' plan-file-error' : ''}`}
            onChange={choose}
          />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={check.isPending}>
          {check.isPending ? 'Checking…' : 'Check the file'}
        </button>
      </form>
      {check.isPending && (
        <p className="app-loading" role="status">
          Checking the file…
        </p>
      )}
      {rejected && (
        <>
          <ProblemTable caption={`Problems in ${file?.name ?? 'the file'}, row by row`} problems={rejected.errors} />
          {rejected.warnings.length > 0 && <ProblemTable caption={`${plural(rejected.warnings.length, 'warning')} as well`} problems={rejected.warnings} />}
        </>
      )}
      {outcome?.kind === 'checked' && file && <Preview key={attempt} outcome={outcome} fileName={file.name} onImport={doImport} importing={send.isPending} />}
    </section>
  );
}
