// Sections 2 to 5 of the paper, after the summary: exceptions (measures off track, significant
// changes on a year before, late or missing returns, figures revised since the last paper),
// commentary (read only, with author and date: it is written on the partnership's pages),
// actions overdue and due soon, and the data notes. Every list says so when it is empty, so a
// board member can tell "nothing to report" from "not shown".
import type { ReactNode } from 'react';
import { ScrollTable } from '../../components/ScrollTable';
import { formatDate, periodLabel } from '../../lib/format';
import { STATUS_WORDS } from '../../lib/strategy';
import type { BoardPaper, PaperAction } from './api';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className={`app-paper-section app-paper-${id}`} aria-labelledby={`paper-${id}`}>
      <h2 className="govuk-heading-m" id={`paper-${id}`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function Sentences({ items, empty, label }: { items: readonly string[]; empty: string; label: string }) {
  if (items.length === 0) return <p className="govuk-body">{empty}</p>;
  return (
    <ul className="govuk-list govuk-list--bullet app-paper-list" aria-label={label}>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

export function PaperExceptions({ paper }: { paper: BoardPaper }) {
  const { offTrack, significantChanges, returns, revised } = paper.exceptions;
  return (
    <Section id="exceptions" title="2 Exceptions">
      <h3 className="govuk-heading-s">Measures off track</h3>
      {offTrack.length === 0 ? (
        <p className="govuk-body">No measure is off track.</p>
      ) : (
        <ul className="govuk-list app-paper-list app-paper-off-track" aria-label="Measures off track">
          {offTrack.map((m) => (
            <li key={m.measure}>
              <strong>{m.indicatorTitle}</strong>, {m.areaName} (aim: {m.aimTitle}): {m.valueText} against a target of {m.targetText.charAt(0).toLowerCase() + m.targetText.slice(1)}. {m.reason}
            </li>
          ))}
        </ul>
      )}
      <h3 className="govuk-heading-s">Significant changes on a year before</h3>
      <Sentences items={significantChanges.map((c) => c.sentence)} empty="No figure differs significantly from the same period a year before." label="Significant changes on a year before" />
      <h3 className="govuk-heading-s">Late or missing returns</h3>
      <Sentences items={returns.map((r) => r.sentence)} empty="Every return for the period arrived by its deadline." label="Late or missing returns" />
      <h3 className="govuk-heading-s">Figures revised since the last paper</h3>
      {paper.lastIssued === null ? (
        <p className="govuk-body">No paper has been recorded as issued yet, so there is nothing to compare with.</p>
      ) : (
        <Sentences
          items={revised.map((r) => r.sentence)}
          empty={`No figure shown in the paper issued on ${formatDate(paper.lastIssued.issuedAt)} has changed since.`}
          label="Figures revised since the last paper"
        />
      )}
    </Section>
  );
}

export function PaperCommentary({ paper }: { paper: BoardPaper }) {
  return (
    <Section id="commentary" title="3 Commentary">
      {paper.commentary.length === 0 ? (
        <p className="govuk-body">No commentary has been written on this period.</p>
      ) : (
        paper.commentary.map((comment) => (
          <article className="app-paper-comment" key={comment.id} aria-labelledby={`paper-comment-${comment.id}`}>
            <h3 className="govuk-heading-s" id={`paper-comment-${comment.id}`}>
              {comment.subject.label}
              {comment.period !== paper.period.id && <span className="app-measure__meta">{periodLabel(comment.period)}</span>}
            </h3>
            <p className="govuk-body app-paper-comment__body">{comment.body}</p>
            <p className="govuk-body-s app-paper-comment__meta">
              {comment.author.name}, {formatDate(comment.writtenAt)}
              {comment.version > 1 ? ` (revised; first written ${formatDate(comment.createdAt)})` : ''}
              {comment.figure?.revised ? `. The figures were revised after this was written (${comment.figure.quarters.map(periodLabel).join(', ')}).` : ''}
            </p>
          </article>
        ))
      )}
    </Section>
  );
}

function ActionStatus({ action }: { action: PaperAction }) {
  if (action.status === 'complete') return <>{action.statusText}</>;
  const words = STATUS_WORDS[action.status];
  return (
    <strong className={`app-status app-status--${action.status}`}>
      <span className="app-status__symbol" aria-hidden="true">
        {words.symbol}
      </span>
      {action.statusText}
    </strong>
  );
}

function ActionsTable({ actions, caption }: { actions: readonly PaperAction[]; caption: string }) {
  return (
    <ScrollTable label={`${caption} (scrolls sideways)`}>
      <table className="govuk-table app-paper-table app-paper-actions__table">
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Action', 'Aim', 'Lead', 'Due', 'Status'].map((column) => (
              <th key={column} scope="col" className="govuk-table__header">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {actions.map((action) => (
            <tr className="govuk-table__row" key={action.id}>
              <th scope="row" className="govuk-table__header app-paper-action__title">
                {action.title}
              </th>
              <td className="govuk-table__cell">{action.aimTitle ?? 'No aim'}</td>
              <td className="govuk-table__cell">{action.lead ?? 'Not named'}</td>
              <td className="govuk-table__cell">{action.dueText}</td>
              <td className="govuk-table__cell">
                <ActionStatus action={action} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export function PaperActions({ paper }: { paper: BoardPaper }) {
  const { overdue, dueSoon, today, dueBy } = paper.actions;
  return (
    <Section id="actions" title="4 Actions overdue and due soon">
      <p className="govuk-body">
        As at {formatDate(today)}: actions past their due date and not complete, then those due by {formatDate(dueBy)}.
      </p>
      {overdue.length === 0 ? <p className="govuk-body">No action is overdue.</p> : <ActionsTable actions={overdue} caption="Actions overdue" />}
      {dueSoon.length === 0 ? <p className="govuk-body">No action is due by {formatDate(dueBy)}.</p> : <ActionsTable actions={dueSoon} caption={`Actions due by ${formatDate(dueBy)}`} />}
    </Section>
  );
}

export function PaperDataNotes({ paper }: { paper: BoardPaper }) {
  return (
    <Section id="data-notes" title="5 Data notes">
      {paper.dataNotes.map((note) => (
        <div className="app-paper-note" key={note.code}>
          <h3 className="govuk-heading-s">{note.title}</h3>
          <p className="govuk-body">{note.text}</p>
        </div>
      ))}
    </Section>
  );
}
