// Beside a figure on the indicator page, for a reader whose partnership covers its area: the
// partnership's commentary on that figure for the period (and on its measures of the same
// indicator and area), and the notes partners wrote on the return rows it is built from, each
// with its return, quarter and organisation, as text. Notes withheld from a board member (their
// quarter's figure is hidden, and a note could describe the hidden count) are counted, with why.
// Partners, who may not read a partnership's commentary, are never shown or asked for it.
import { useQuery } from '@tanstack/react-query';
import { periodLabel, plural } from '../../lib/format';
import { useMe } from '../auth/api';
import { partnershipsQueryOptions, type Partnership } from '../partnership/api';
import { canReadCommentary, canWriteCommentary, useCommentary, usePartnerNotes, type PartnerNote, type PartnerNotes } from './api';
import { Commentary } from './Commentary';
import { periodInSentence, subjectKey } from './words';

function noteSource(note: PartnerNote, area: string): string {
  return [
    note.returnTitle,
    note.quarterLabel,
    note.organisation ?? 'loaded by an analyst',
    note.area !== area ? note.areaName : null,
    note.accommodationType ? `accommodation: ${note.accommodationType.replace(/-/g, ' ')}` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

export function PartnerNotesList({ notes, area, period }: { notes: PartnerNotes; area: string; period: string }) {
  return (
    <section className="app-partner-notes" aria-labelledby="partner-notes-heading">
      <h2 className="govuk-heading-m" id="partner-notes-heading">
        Notes from the returns
      </h2>
      {notes.notes.length === 0 && notes.withheld === 0 && <p className="govuk-body">No partner wrote a note on the returns behind this figure for {periodInSentence(periodLabel(period))}.</p>}
      {notes.notes.length > 0 && (
        <>
          <p className="govuk-body">What partners wrote on the rows of their returns that this figure is built from, as they wrote it.</p>
          <ul className="app-partner-notes__list">
            {notes.notes.map((note, i) => (
              <li key={`${note.quarter}-${note.area}-${note.accommodationType ?? ''}-${i}`} className="app-partner-note">
                <p className="app-partner-note__source">{noteSource(note, area)}</p>
                <div className="app-partner-note__text">{note.note}</div>
              </li>
            ))}
          </ul>
        </>
      )}
      {notes.withheld > 0 && (
        <p className="govuk-body app-partner-notes__withheld">
          {notes.notes.length > 0 ? `${plural(notes.withheld, 'more note')} not shown` : `${plural(notes.withheld, 'note')} not shown`}. {notes.withheldReason}
        </p>
      )}
    </section>
  );
}

function NotesFor({ partnership, indicator, area, period }: { partnership: number; indicator: string; area: string; period: string }) {
  const notes = usePartnerNotes(partnership, { indicator, area, period });
  if (notes.isPending) return null;
  if (notes.isError) return <p className="govuk-body">The notes from the returns could not be shown: {notes.error.message}</p>;
  return <PartnerNotesList notes={notes.data} area={area} period={period} />;
}

function PartnershipFigureCommentary({ partnership, showName, indicator, indicatorTitle, area, areaName, period, canEdit }: { partnership: Partnership; showName: boolean; indicator: string; indicatorTitle: string; area: string; areaName: string; period: string; canEdit: boolean }) {
  const subject = { kind: 'figure', indicator, area } as const;
  const comments = useCommentary(partnership.id, { period, subject: subjectKey(subject) });
  const label = `${indicatorTitle}, ${areaName}, ${periodLabel(period)}`;
  if (comments.isPending) return null;
  if (comments.isError) return <p className="govuk-body">The commentary could not be shown: {comments.error.message}</p>;
  return (
    <Commentary
      partnership={partnership.id}
      period={period}
      subject={subject}
      label={label}
      comments={comments.data}
      canEdit={canEdit}
      heading={{ level: 2, text: showName ? `Commentary: ${partnership.name}` : 'Commentary' }}
      emptyText={`${partnership.name} has no commentary on this figure for ${periodInSentence(periodLabel(period))}.`}
    />
  );
}

export function FigureCommentary({ indicator, indicatorTitle, area, areaName, period }: { indicator: string; indicatorTitle: string; area: string; areaName: string; period: string }) {
  const me = useMe();
  const role = me.data?.user.role;
  const partnerships = useQuery({ ...partnershipsQueryOptions, enabled: canReadCommentary(role) });
  if (!canReadCommentary(role) || !partnerships.data) return null;
  const covering = partnerships.data.filter((p) => p.areas.includes(area));
  if (covering.length === 0) return null;
  return (
    <div className="app-figure-commentary">
      {covering.map((p) => (
        <PartnershipFigureCommentary
          key={p.id}
          partnership={p}
          showName={covering.length > 1}
          indicator={indicator}
          indicatorTitle={indicatorTitle}
          area={area}
          areaName={areaName}
          period={period}
          canEdit={canWriteCommentary(role)}
        />
      ))}
      {/* The notes are the same whichever partnership asks: ask once. */}
      <NotesFor partnership={covering[0].id} indicator={indicator} area={area} period={period} />
    </div>
  );
}
