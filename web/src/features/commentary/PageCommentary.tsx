// The partnership page's commentary: one request for every comment of the partnership in the
// page's period, grouped here by subject, then placed under each aim and in a collapsible row
// under each measure ("Commentary (2)"), with the comments on the measure's figure (its indicator
// for its area, written from the indicator page) beside the measure's own. A measure's comments
// are collapsed on screen, to keep the table short, and always printed; a measure with none shows
// nothing to a reader.
import { useState } from 'react';
import { useMe } from '../auth/api';
import { canWriteCommentary, useCommentary, type Comment } from './api';
import { Commentary } from './Commentary';
import { countWords, groupBySubject, periodInSentence } from './words';

export interface PageCommentary {
  partnership: number;
  period: string;
  periodLabel: string;
  canEdit: boolean;
  /** Comments by subject key (`aim:3`, `measure:12`); empty until they arrive. */
  groups: Map<string, Comment[]>;
  /** Why the commentary could not be read, if it could not. */
  error: string | null;
}

const NONE: Comment[] = [];

/** The page's commentary for the period the strategy is shown for; null until that period is known. */
export function usePageCommentary(partnership: number, period: { id: string; label: string } | undefined): PageCommentary | null {
  const me = useMe();
  const query = useCommentary(partnership, { period: period?.id }, period !== undefined);
  if (!period) return null;
  return {
    partnership,
    period: period.id,
    periodLabel: period.label,
    canEdit: canWriteCommentary(me.data?.user.role),
    groups: query.data ? groupBySubject(query.data) : new Map(),
    error: query.isError ? query.error.message : null,
  };
}

export function CommentaryUnavailable({ page }: { page: PageCommentary | null }) {
  if (!page?.error) return null;
  return <p className="govuk-body app-commentary__error">The commentary could not be shown: {page.error}</p>;
}

export function AimCommentary({ page, aim, label }: { page: PageCommentary; aim: { id: number; title: string }; label: string }) {
  return (
    <Commentary
      partnership={page.partnership}
      period={page.period}
      subject={{ kind: 'aim', aim: aim.id }}
      label={label}
      comments={page.groups.get(`aim:${aim.id}`) ?? NONE}
      canEdit={page.canEdit}
      heading={{
        level: 3,
        text: (
          <>
            Commentary<span className="govuk-visually-hidden"> on {label}</span>
          </>
        ),
      }}
      emptyText={`No commentary on this aim for ${periodInSentence(page.periodLabel.replace(/ \(.*\)$/, ''))} yet.`}
    />
  );
}

/**
 * A measure's comments, and those on its figure (its indicator for its area), which explain the
 * same number: oldest first, as the API lists them.
 */
export function measureComments(groups: Map<string, Comment[]>, measure: { id: number; indicator: string; area: string }): Comment[] {
  const onMeasure = groups.get(`measure:${measure.id}`) ?? NONE;
  const onFigure = groups.get(`figure:${measure.indicator}:${measure.area}`) ?? NONE;
  if (onFigure.length === 0) return onMeasure;
  return [...onMeasure, ...onFigure].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}

/** A row under a measure's row, across the table, with the measure's commentary behind a button. */
export function MeasureCommentaryRow({ page, measure, label, columns }: { page: PageCommentary; measure: { id: number; indicator: string; area: string }; label: string; columns: number }) {
  const [open, setOpen] = useState(false);
  const comments = measureComments(page.groups, measure);
  if (comments.length === 0 && !page.canEdit) return null;
  const regionId = `measure-${measure.id}-commentary`;
  return (
    <tr className={`govuk-table__row app-measure-commentary${comments.length === 0 ? ' app-no-print' : ''}`}>
      <td className="govuk-table__cell" colSpan={columns}>
        <button type="button" className="app-disclosure app-no-print" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((o) => !o)}>
          {countWords(comments.length)}
          <span className="govuk-visually-hidden"> on {label}</span>
        </button>
        <div id={regionId} className={open ? 'app-measure-commentary__body' : 'app-measure-commentary__body app-measure-commentary__body--closed'}>
          <Commentary
            partnership={page.partnership}
            period={page.period}
            subject={{ kind: 'measure', measure: measure.id }}
            label={label}
            comments={comments}
            canEdit={page.canEdit}
            heading={null}
            emptyText="No commentary on this measure for this period yet."
          />
        </div>
      </td>
    </tr>
  );
}
