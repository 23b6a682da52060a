// Upload a return: choose the file, check it (a dry run: nothing is stored), see every problem
// in a GOV.UK error summary whose links go to the row in a table of the file, fix the file and
// choose it again, then send it and get a reference number. Warnings are shown but do not stop
// a file; errors reject the whole file and nothing is stored. The check also lists every figure
// already held that the file would change or clear (DOMAIN.md 5.7): a file that clears figures
// is sent only with "I want to clear these figures" ticked, and the server refuses it otherwise.
// A file that corrects a quarter an analyst has approved (locked, DOMAIN.md 5.8) is sent only with
// a reason: the check names those quarters and asks why, and the server refuses it otherwise.
import { useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { CORRECTION_REASON_MAX, CORRECTION_REASON_MIN } from '../../../../schemas/api';
import { MAX_UPLOAD_BYTES } from '../../../../schemas/uploads';
import { areaNamer, useAreas } from '../../api/indicators';
import { Link } from '../../app/router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { Loading } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { TableHead } from '../../components/TableHead';
import { formatDate, formatNumber, listInWords, periodLabel, plural } from '../../lib/format';
import type { ReturnTypeInfo } from '../../lib/return-types';
import { findSendableType } from './sendable-types';
import { aReturn, capitalise, theReturn } from '../../../../schemas/returns/words';
import { useMe } from '../auth/api';
import { useCheckReturn, useSendReturn, type Corrections, type LockedQuarter, type Problem, type UploadOutcome } from './api';
import { decodeCsv, isCsvName, normaliseHeader, previewCsv, problemsByRow, rowAnchor, rowsToShow, type FilePreview } from './file-preview';
import { TemplateLinks } from './TemplateLinks';

/** "10 MB": the server's limit as the partner reads it. */
const UPLOAD_LIMIT = `${Math.round(MAX_UPLOAD_BYTES / (1024 * 1024))} MB`;

/**
 * What is wrong with the chosen file before it is sent, if anything: none chosen, or larger than the
 * server accepts (checked on its size alone, without reading it, so a partner who picks the wrong
 * file is told at once instead of after uploading it). Exported for tests.
 */
export function fileProblem(file: File | null): string | null {
  if (!file) return 'Choose the file to upload';
  if (file.size > MAX_UPLOAD_BYTES) return `The selected file must be smaller than ${UPLOAD_LIMIT}. Check it is the right file, or split the return into smaller files.`;
  return null;
}

/**
 * What is wrong with the reason for correcting approved figures, if anything; only asked when the
 * file corrects an approved quarter. Exported for tests.
 */
export function reasonProblem(reason: string): string | null {
  const length = reason.trim().length;
  if (length === 0) return 'Enter why you are correcting approved figures';
  if (length < CORRECTION_REASON_MIN) return `Why you are correcting approved figures must be ${CORRECTION_REASON_MIN} characters or more`;
  if (length > CORRECTION_REASON_MAX) return `Why you are correcting approved figures must be ${formatNumber(CORRECTION_REASON_MAX)} characters or fewer`;
  return null;
}

function problemText(p: Problem): string {
  const where = [p.row !== null ? `Row ${p.row}` : null, p.column ? `column ${p.column}` : null].filter(Boolean).join(', ');
  return where ? `${where}: ${p.message}` : p.message;
}

function ProblemList({ problems }: { problems: Problem[] }) {
  return (
    <ul className="govuk-list govuk-list--bullet">
      {problems.map((p, i) => (
        <li key={i}>{problemText(p)}</li>
      ))}
    </ul>
  );
}

function FileTable({ preview, problems, fileName }: { preview: FilePreview; problems: Problem[]; fileName: string }) {
  const byRow = problemsByRow(problems);
  const { rows, hidden } = rowsToShow(preview, byRow);
  const badCells = (row: number) => new Set((byRow.get(row) ?? []).map((p) => normaliseHeader(p.column ?? '')));
  const headerBad = badCells(preview.headerRowNumber);
  return (
    <>
      {hidden > 0 && <p className="govuk-body">The file has {formatNumber(preview.rows.length)} rows; only the {formatNumber(rows.length)} with problems are shown.</p>}
      <ScrollTable label={`Your file, ${fileName}`}>
        <table className="govuk-table app-data-table app-file-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Your file, with its problems</caption>
          <thead className="govuk-table__head">
            <tr className={`govuk-table__row${byRow.has(preview.headerRowNumber) ? ' app-file-table__row--problem' : ''}`} id={rowAnchor(preview.headerRowNumber)}>
              <th scope="col" className="govuk-table__header">
                Row
              </th>
              <th scope="col" className="govuk-table__header app-file-table__messages">
                Problems
              </th>
              {preview.header.map((h, i) => (
                <th scope="col" key={i} className={`govuk-table__header${headerBad.has(normaliseHeader(h)) ? ' app-file-table__problem' : ''}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => {
              const rowProblems = byRow.get(row.rowNumber) ?? [];
              const bad = badCells(row.rowNumber);
              return (
                <tr key={row.rowNumber} id={rowAnchor(row.rowNumber)} className={`govuk-table__row${rowProblems.length ? ' app-file-table__row--problem' : ''}`}>
                  <th scope="row" className="govuk-table__header">
                    {row.rowNumber}
                  </th>
                  <td className="govuk-table__cell app-file-table__messages">
                    {rowProblems.map((p, i) => (
                      <p key={i} className="govuk-body-s govuk-!-margin-bottom-1">
                        {p.column && <strong>{p.column}: </strong>}
                        {p.message}
                      </p>
                    ))}
                  </td>
                  {preview.header.map((h, i) => (
                    <td key={i} className={`govuk-table__cell${bad.has(normaliseHeader(h)) ? ' app-file-table__problem' : ''}`}>
                      {row.cells[i] ?? ''}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

/** For an Excel file (not unpacked here): the problems as a table, one row per spreadsheet row. */
function ProblemTable({ problems }: { problems: Problem[] }) {
  const byRow = problemsByRow(problems);
  return (
    <ScrollTable label="Problems by row">
      <table className="govuk-table app-data-table app-file-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Problems, row by row</caption>
        <TableHead columns={['Row', 'Column', 'Value in your file', 'Problem']} />
        <tbody className="govuk-table__body">
          {[...byRow.entries()]
            .sort(([a], [b]) => a - b)
            .flatMap(([row, list]) =>
              list.map((p, i) => (
                <tr key={`${row}-${i}`} id={i === 0 ? rowAnchor(row) : undefined} className="govuk-table__row app-file-table__row--problem">
                  <th scope="row" className="govuk-table__header">
                    {row}
                  </th>
                  <td className="govuk-table__cell">{p.column}</td>
                  <td className="govuk-table__cell">{p.value}</td>
                  <td className="govuk-table__cell">{p.message}</td>
                </tr>
              )),
            )}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function Warnings({ warnings }: { warnings: Problem[] }) {
  if (warnings.length === 0) return null;
  return (
    <section aria-labelledby="warnings-heading">
      <h2 className="govuk-heading-m" id="warnings-heading">
        {plural(warnings.length, 'warning')} to check
      </h2>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Warnings do not stop the return, but please check these figures are right. They are kept with the return and shown on the dashboard.
        </strong>
      </div>
      <ProblemList problems={warnings} />
    </section>
  );
}

function RejectedSummary({ outcome, fileName }: { outcome: Extract<UploadOutcome, { kind: 'rejected' }>; fileName: string }) {
  const items = outcome.errors.map((p) => ({ text: problemText(p), href: p.row !== null ? `#${rowAnchor(p.row)}` : undefined }));
  return (
    <ErrorSummary
      title={`There ${outcome.errors.length === 1 ? 'is a problem' : `are ${formatNumber(outcome.errors.length)} problems`} with ${fileName}`}
      description="Nothing has been stored. Fix these in your spreadsheet, save it, then choose the file again and check it."
      items={items}
    />
  );
}

function Rejected({ outcome, preview, fileName }: { outcome: Extract<UploadOutcome, { kind: 'rejected' }>; preview: FilePreview | null; fileName: string }) {
  return (
    <>
      {preview ? <FileTable preview={preview} problems={[...outcome.errors, ...outcome.warnings]} fileName={fileName} /> : outcome.errors.some((e) => e.row !== null) && <ProblemTable problems={outcome.errors} />}
      <Warnings warnings={outcome.warnings} />
    </>
  );
}

/** The most rows of each list the page shows; the rest are counted. */
const MAX_LISTED = 200;

type FigureChange = Corrections['changes'][number];

function figure(value: FigureChange['from']): string {
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

/** One list of figures the file changes or clears, as a table. */
function FigureTable({ caption, figures, areaName, clearing }: { caption: string; figures: FigureChange[]; areaName: (c: string) => string; clearing: boolean }) {
  const shown = figures.slice(0, MAX_LISTED);
  const withType = figures.some((f) => f.accommodationType !== null);
  return (
    <>
      <ScrollTable label={caption}>
        <table className="govuk-table app-data-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
          <TableHead columns={['Area', 'Quarter', ...(withType ? ['Accommodation'] : []), 'Column', 'Held now', clearing ? 'After sending' : 'In your file']} />
          <tbody className="govuk-table__body">
            {shown.map((f, i) => (
              <tr className="govuk-table__row" key={i}>
                <th scope="row" className="govuk-table__header">
                  {areaName(f.area)}
                </th>
                <td className="govuk-table__cell">{periodLabel(f.period)}</td>
                {withType && <td className="govuk-table__cell">{f.accommodationType ?? ''}</td>}
                <td className="govuk-table__cell">{f.column}</td>
                <td className="govuk-table__cell">{f.fromWithheld ? 'A figure sent by someone outside your organisation (not shown)' : figure(f.from)}</td>
                <td className="govuk-table__cell">{clearing ? 'Blank (cleared)' : figure(f.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {figures.length > shown.length && (
        <p className="govuk-body">
          And {plural(figures.length - shown.length, 'more figure')}, not listed here.
        </p>
      )}
    </>
  );
}

/** What the file would do to figures already held; exported for tests. */
export function CorrectionsList({ changes, clears, areaName }: Corrections & { areaName: (c: string) => string }) {
  if (changes.length === 0 && clears.length === 0) {
    return <p className="govuk-body">It changes no figure already held: every figure in it is new.</p>;
  }
  return (
    <section aria-labelledby="corrections-heading">
      <h3 className="govuk-heading-s" id="corrections-heading">
        Figures already held that this file changes
      </h3>
      {clears.length > 0 && (
        <>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              The file has blank cells where {clears.length === 1 ? 'a figure is' : `${formatNumber(clears.length)} figures are`} already held. Sending it would clear{' '}
              {clears.length === 1 ? 'that figure' : 'those figures'}: a blank means not collected. If the figures are still right, fill in the cells and check the file again.
            </strong>
          </div>
          <FigureTable caption={`${plural(clears.length, 'figure')} the file would clear`} figures={clears} areaName={areaName} clearing />
        </>
      )}
      {changes.length > 0 && <FigureTable caption={`${plural(changes.length, 'figure')} the file would change`} figures={changes} areaName={areaName} clearing={false} />}
    </section>
  );
}

/** The approved quarters the file corrects, and the reason the partner must give; exported for tests. */
export function ApprovedQuarters({
  locked,
  areaName,
  reason,
  setReason,
  reasonError,
}: {
  locked: LockedQuarter[];
  areaName: (c: string) => string;
  reason: string;
  setReason: (value: string) => void;
  reasonError: string | null;
}) {
  if (locked.length === 0) return null;
  return (
    <>
      <div className="govuk-inset-text">
        <p className="govuk-body">
          {locked.length === 1 ? 'This file corrects figures an analyst has approved:' : `This file corrects figures an analyst has approved, for ${plural(locked.length, 'area and quarter', 'areas and quarters')}:`}
        </p>
        <ul className="govuk-list govuk-list--bullet">
          {locked.map((l) => (
            <li key={`${l.area}-${l.quarter}`}>
              {areaName(l.area)}, {periodLabel(l.quarter)}, approved on {formatDate(l.approvedAt)}
            </li>
          ))}
        </ul>
        <p className="govuk-body govuk-!-margin-bottom-0">Approved figures are locked. You can still correct them, but you must say why: your reason is kept with the figures and shown with them.</p>
      </div>
      <div className={`govuk-form-group${reasonError ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor="correction-reason">
          Why are you correcting approved figures?
        </label>
        <div id="correction-reason-hint" className="govuk-hint">
          For example, what was wrong in the figures sent before. Readers of the dashboard see this reason with the corrected figures. Use {CORRECTION_REASON_MIN} to {formatNumber(CORRECTION_REASON_MAX)} characters.
        </div>
        {reasonError && (
          <p id="correction-reason-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {reasonError}
          </p>
        )}
        <textarea
          className={`govuk-textarea${reasonError ? ' govuk-textarea--error' : ''}`}
          id="correction-reason"
          name="reason"
          rows={4}
          required
          aria-required="true"
          maxLength={CORRECTION_REASON_MAX}
          aria-describedby={`correction-reason-hint${reasonError ? ' correction-reason-error' : ''}`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
    </>
  );
}

function Checked({
  outcome,
  areaName,
  fileName,
  onSend,
  sending,
  confirmClear,
  setConfirmClear,
  clearError,
  reason,
  setReason,
  reasonError,
}: {
  outcome: Extract<UploadOutcome, { kind: 'checked' }>;
  areaName: (c: string) => string;
  fileName: string;
  onSend: () => void;
  sending: boolean;
  confirmClear: boolean;
  setConfirmClear: (value: boolean) => void;
  clearError: string | null;
  reason: string;
  setReason: (value: string) => void;
  reasonError: string | null;
}) {
  const s = outcome.submission;
  return (
    <section aria-labelledby="ready-heading">
      <h2 className="govuk-heading-m" id="ready-heading">
        {fileName} is ready to send
      </h2>
      <p className="govuk-body">It has no errors. Nothing has been stored yet. Check what it holds, then send it.</p>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Rows</dt>
          <dd className="govuk-summary-list__value">{formatNumber(s.rows)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Periods</dt>
          <dd className="govuk-summary-list__value">{listInWords(s.periods.map(periodLabel))}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Areas</dt>
          <dd className="govuk-summary-list__value">{listInWords(s.areas.map(areaName))}</dd>
        </div>
      </dl>
      <p className="govuk-body">Sending replaces any figures already held for the same areas and quarters. The earlier figures are kept as earlier versions.</p>
      <CorrectionsList changes={outcome.changes} clears={outcome.clears} areaName={areaName} />
      <Warnings warnings={outcome.warnings} />
      {outcome.clears.length > 0 && (
        <div className={`govuk-form-group${clearError ? ' govuk-form-group--error' : ''}`}>
          <fieldset className="govuk-fieldset" aria-describedby={`confirm-clear-hint${clearError ? ' confirm-clear-error' : ''}`}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Clearing figures</legend>
            <div id="confirm-clear-hint" className="govuk-hint">
              Tick this only if the blank cells are meant: the figures held now will be cleared, and kept as earlier versions.
            </div>
            {clearError && (
              <p id="confirm-clear-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {clearError}
              </p>
            )}
            <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id="confirm-clear" name="confirmClear" type="checkbox" checked={confirmClear} onChange={(e) => setConfirmClear(e.target.checked)} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="confirm-clear">
                  I want to clear these figures
                </label>
              </div>
            </div>
          </fieldset>
        </div>
      )}
      <ApprovedQuarters locked={outcome.locked} areaName={areaName} reason={reason} setReason={setReason} reasonError={reasonError} />
      <button type="button" className="govuk-button" onClick={onSend} disabled={sending}>
        {sending ? 'Sending…' : 'Send the return'}
      </button>
    </section>
  );
}

function Stored({ outcome, info, areaName }: { outcome: Extract<UploadOutcome, { kind: 'stored' }>; info: ReturnTypeInfo; areaName: (c: string) => string }) {
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation" tabIndex={-1} ref={(el) => el?.focus()}>
        <h2 className="govuk-panel__title">Return received</h2>
        <div className="govuk-panel__body">
          Your reference number
          <br />
          <strong>{outcome.submission.id}</strong>
        </div>
      </div>
      <p className="govuk-body">
        {plural(outcome.submission.rows, 'row')} of {theReturn(info.type)} for {listInWords(outcome.submission.areas.map(areaName))} ({listInWords(outcome.submission.periods.map(periodLabel))}) are stored. The dashboard
        shows the new figures now.
        {(outcome.changes.length > 0 || outcome.clears.length > 0) &&
          ` It changed ${plural(outcome.changes.length, 'figure')} already held${outcome.clears.length > 0 ? ` and cleared ${plural(outcome.clears.length, 'figure')}` : ''}.`}
        {outcome.locked.length > 0 && ' It corrected approved figures: your reason is kept with them and shown with them, and they are marked as corrected after approval.'}
      </p>
      <Warnings warnings={outcome.warnings} />
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={`/returns/submissions/${outcome.submission.id}`}>
            See what this return stored and changed
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/returns">
            Back to your returns
          </Link>
        </li>
      </ul>
    </>
  );
}

export default function UploadPage({ params }: { params: Record<string, string> }) {
  const info = findSendableType(params.type);
  const me = useMe();
  const areas = useAreas();
  const areaName = areaNamer(areas.data);
  const check = useCheckReturn(params.type);
  const send = useSendReturn(params.type);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<FilePreview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [confirmClear, setConfirmClear] = useState(false);
  const [reason, setReason] = useState('');
  /** The reason's problem found on this page before sending (the server's refusal is shown as well). */
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [sendAttempt, setSendAttempt] = useState(0);

  const granted = useMemo(() => {
    const user = me.data?.user;
    if (!user) return [];
    if (user.role !== 'partner') return null; // everyone's areas
    return user.grants.filter((g) => g.returnType === params.type).map((g) => g.areaCode);
  }, [me.data, params.type]);

  if (!info) {
    return (
      <>
        <PageHeading title="Return type not found" />
        <p className="govuk-body">
          There is no return called “{params.type}”.{' '}
          <Link className="govuk-link" to="/returns">
            See the returns you can send
          </Link>
          .
        </p>
      </>
    );
  }

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    setPreview(null);
    setFileError(null);
    setConfirmClear(false);
    setReasonError(null);
    check.reset();
    send.reset();
  };

  const submitCheck = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    send.reset();
    setConfirmClear(false);
    setReasonError(null);
    const problem = fileProblem(file);
    setFileError(problem);
    if (problem || !file) {
      check.reset();
      return;
    }
    // Read the file now: after a fix the partner chooses it again, and this is what they chose.
    if (isCsvName(file.name)) {
      try {
        setPreview(previewCsv(decodeCsv(new Uint8Array(await file.arrayBuffer()))));
      } catch {
        setPreview(null);
      }
    } else setPreview(null);
    check.mutate(file);
  };

  // A send refused because it would clear figures keeps the check on the page, with the tick box.
  const refused = send.data?.kind === 'would-clear' ? send.data : null;
  // (Its lists are the server's at the moment of sending: they replace the check's.)
  const checked = check.data?.kind === 'checked' ? check.data : null;
  // So does one refused because it corrects approved quarters without a reason, with the
  // server's list of them (an analyst may have approved one since the check).
  const lockRefusal = send.data?.kind === 'quarter-approved' ? send.data : null;
  const outcome =
    refused && checked
      ? { ...checked, changes: refused.changes, clears: refused.clears }
      : lockRefusal && checked
        ? { ...checked, locked: lockRefusal.locked }
        : (send.data ?? check.data);
  const stored = outcome?.kind === 'stored' ? outcome : null;
  const locked = outcome?.kind === 'checked' ? outcome.locked : [];

  const submitSend = () => {
    if (!file) return;
    setSendAttempt((n) => n + 1);
    const problem = locked.length > 0 ? reasonProblem(reason) : null;
    setReasonError(problem);
    if (problem) {
      send.reset();
      return;
    }
    send.mutate({ file, confirmClear, reason: locked.length > 0 ? reason.trim() : '' });
  };
  const shownReasonError = reasonError ?? (lockRefusal ? 'Enter why you are correcting approved figures' : null);

  return (
    <div>
      <Link className="govuk-back-link" to="/returns">
        Returns
      </Link>
      {fileError && <ErrorSummary key={attempt} items={[{ text: fileError, href: '#file' }]} />}
      {outcome?.kind === 'failed' && <ErrorSummary key={`f${attempt}`} title="The file could not be uploaded" items={[{ text: outcome.message, href: '#file' }]} />}
      {outcome?.kind === 'rejected' && file && <RejectedSummary key={`r${attempt}`} outcome={outcome} fileName={file.name} />}
      {refused && <ErrorSummary key={`c${send.submittedAt}`} items={[{ text: refused.message, href: '#confirm-clear' }]} />}
      {(reasonError || lockRefusal) && (
        <ErrorSummary key={`l${sendAttempt}`} items={[{ text: reasonError ?? lockRefusal!.message, href: '#correction-reason' }]} />
      )}
      <PageHeading title={capitalise(`upload ${aReturn(info.type)}`)} caption={me.data?.user.organisation?.name ?? undefined}>
        {capitalise(`upload ${aReturn(info.type)}`)}
      </PageHeading>

      {stored ? (
        <Stored outcome={stored} info={info} areaName={areaName} />
      ) : (
        <>
          <p className="govuk-body">
            Sent by {info.sentBy}.{' '}
            {granted === null
              ? 'You can send it for any area.'
              : granted.length > 0
                ? `You can send it for ${listInWords(granted.map(areaName))}.`
                : 'Your organisation is not set up to send this return. Ask your dashboard administrator.'}
          </p>
          <TemplateLinks info={info} />
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">What each column holds</span>
            </summary>
            <div className="govuk-details__text">
              <dl className="govuk-summary-list">
                {info.columns.map((c) => (
                  <div className="govuk-summary-list__row" key={c.name}>
                    <dt className="govuk-summary-list__key">
                      {c.name}
                      {c.optional ? ' (optional)' : ''}
                    </dt>
                    <dd className="govuk-summary-list__value">{c.description}</dd>
                  </div>
                ))}
              </dl>
              <p className="govuk-body">Every column must be there, but any cell may be blank: a blank means not collected, and is never read as zero. Write exact counts: the dashboard hides small numbers itself.</p>
            </div>
          </details>

          <form onSubmit={submitCheck} noValidate>
            <div className={`govuk-form-group${fileError || outcome?.kind === 'failed' ? ' govuk-form-group--error' : ''}`}>
              <label className="govuk-label govuk-label--m" htmlFor="file">
                Choose your file
              </label>
              <div id="file-hint" className="govuk-hint">
                A CSV file or an Excel workbook (.xlsx), smaller than {UPLOAD_LIMIT}, in the layout of the template. It is checked first; nothing is stored until you send it.
              </div>
              {fileError && (
                <p id="file-error" className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {fileError}
                </p>
              )}
              <input
                className={`govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}`}
                id="file"
                name="file"
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby={`file-hint${fileError ? ' file-error' : ''}`}
                onChange={choose}
              />
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary" disabled={check.isPending}>
              {check.isPending ? 'Checking…' : 'Check the file'}
            </button>
          </form>

          {check.isPending && <Loading what="the check of your file" />}
          {outcome?.kind === 'rejected' && file && <Rejected key={attempt} outcome={outcome} preview={preview} fileName={file.name} />}
          {outcome?.kind === 'checked' && file && (
            <Checked
              outcome={outcome}
              areaName={areaName}
              fileName={file.name}
              onSend={submitSend}
              sending={send.isPending}
              confirmClear={confirmClear}
              setConfirmClear={setConfirmClear}
              clearError={refused ? 'Tick “I want to clear these figures” to send a file that clears figures, or fill in the blank cells and check the file again.' : null}
              reason={reason}
              setReason={setReason}
              reasonError={shownReasonError}
            />
          )}
        </>
      )}
    </div>
  );
}
