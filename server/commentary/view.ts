// A stored comment as the API shows it: its current version on top, its history, and for a
// comment on a figure or measure whether the figure was revised after the current version.
import type { Comment } from '../../schemas/commentary-api';
import { parsePeriodId } from '../../schemas/periods';
import type { Db } from '../db/database';
import type { IndicatorCatalogue } from '../engine/catalogue';
import { revisedSince, revisionsOfFigure, type FigureRevision } from './revised';
import type { StoredComment } from './store';

const author = (a: { userId: number | null; name: string }) => ({ id: a.userId, name: a.name });

/** `catalogue` finds a comment's indicator among its partnership's (shipped ones and its own measures). */
export async function commentViews(db: Db, comments: readonly StoredComment[], catalogue: IndicatorCatalogue): Promise<Comment[]> {
  // Comments on the same figure share one look at its revisions.
  const revisions = new Map<string, Promise<FigureRevision[]>>();
  const revisionsOf = (partnership: number, indicator: string, area: string, period: string) => {
    const key = `${partnership}|${indicator}|${area}|${period}`;
    if (!revisions.has(key)) revisions.set(key, revisionsOfFigure(db, catalogue, partnership, indicator, area, period));
    return revisions.get(key)!;
  };
  return Promise.all(
    comments.map(async (c) => {
      const current = c.versions[c.versions.length - 1];
      const { indicator, area } = c.subject;
      const figure = indicator !== null && area !== null ? revisedSince(await revisionsOf(c.partnershipId, indicator, area, c.period), current.writtenAt) : null;
      return {
        id: c.id,
        partnership: c.partnershipId,
        subject: { ...c.subject, removed: (c.subject.kind === 'measure' && c.subject.measure === null) || (c.subject.kind === 'aim' && c.subject.aim === null) },
        period: c.period,
        periodLabel: parsePeriodId(c.period)?.label ?? c.period,
        body: current.body,
        version: current.version,
        author: author(current.author),
        writtenAt: current.writtenAt,
        createdAt: c.createdAt,
        history: c.versions.map((v) => ({ version: v.version, body: v.body, author: author(v.author), writtenAt: v.writtenAt })),
        figure,
      };
    }),
  );
}
