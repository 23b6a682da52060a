// Commentary in words, and the keys a page groups comments by. Pure functions, so the wording is
// tested as data (words.test.ts): who wrote a comment and when ("Demo analyst, 25 November 2026"),
// the warning that the figures moved after it was written, the character count, and the problem
// with a comment that cannot be sent.
import type { Comment, CommentSubjectInput } from './api';
import { COMMENT_MAX_CHARS } from './api';
import { formatDate, formatDateTime, formatNumber, listInWords, periodLabel } from '../../lib/format';

/** The `subject` filter the API takes, and the key a page groups comments by: `aim:3`, `measure:12`, `figure:IND:AREA`. */
export function subjectKey(subject: CommentSubjectInput): string {
  if (subject.kind === 'aim') return `aim:${subject.aim}`;
  if (subject.kind === 'measure') return `measure:${subject.measure}`;
  return `figure:${subject.indicator}:${subject.area}`;
}

/** The key of what a stored comment is about; null for a measure or aim since removed from the strategy. */
export function commentKey(comment: Pick<Comment, 'subject'>): string | null {
  const s = comment.subject;
  if (s.kind === 'aim') return s.aim === null ? null : `aim:${s.aim}`;
  if (s.kind === 'measure') return s.measure === null ? null : `measure:${s.measure}`;
  return `figure:${s.indicator}:${s.area}`;
}

/** One list per subject, each oldest first as the API sends them; one request serves a whole page. */
export function groupBySubject(comments: readonly Comment[]): Map<string, Comment[]> {
  const groups = new Map<string, Comment[]>();
  for (const comment of comments) {
    const key = commentKey(comment);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), comment]);
  }
  return groups;
}

/** "Demo analyst, 25 November 2026". */
export function byline(version: { author: { name: string }; writtenAt: string }): string {
  return `${version.author.name}, ${formatDate(version.writtenAt)}`;
}

/**
 * Said when the figures under a comment changed after it was written, so nobody reads an
 * explanation of a number that is no longer the one shown: "The figures were revised on
 * 20 November 2026 after this comment was written (Jul–Sep 2026)."
 */
export function revisedWarning(figure: Comment['figure']): string | null {
  if (!figure?.revised) return null;
  const when = figure.lastRevisedAt ? ` on ${formatDate(figure.lastRevisedAt)}` : '';
  const which = figure.quarters.length > 0 ? ` (${figure.quarters.length === 1 ? 'the quarter' : 'the quarters'} ${listInWords(figure.quarters.map(periodLabel))})` : '';
  return `The figures were revised${when} after this comment was written${which}. Read it against the figures as they are now.`;
}

/** "You have 4,990 characters remaining" / "You have 1 character too many", as GOV.UK's character count says it. */
export function charactersLeftWords(text: string, max = COMMENT_MAX_CHARS): string {
  const left = max - text.length;
  if (left >= 0) return `You have ${formatNumber(left)} ${left === 1 ? 'character' : 'characters'} remaining`;
  return `You have ${formatNumber(-left)} ${left === -1 ? 'character' : 'characters'} too many`;
}

/** What is wrong with a comment before it is sent, in the server's terms (it trims the text, then counts). */
export function bodyProblem(text: string, max = COMMENT_MAX_CHARS): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'Write the commentary before saving it';
  if (trimmed.length > max) return `Commentary must be ${formatNumber(max)} characters or fewer: shorten it by ${formatNumber(trimmed.length - max)}`;
  return null;
}

/** "Commentary (2)": the count a collapsed measure shows. */
export function countWords(count: number): string {
  return count === 0 ? 'Commentary' : `Commentary (${count})`;
}

/** Said beside a comment written for a quarter inside the twelve months shown, so it is not read as being about all of them. */
export function otherPeriodWords(comment: Pick<Comment, 'period' | 'periodLabel'>, shown: string): string | null {
  return comment.period === shown ? null : `About ${comment.periodLabel}`;
}

/** Said when someone else revised a comment while it was being revised here (the API's 409). */
export function conflictWords(now: Pick<Comment, 'author' | 'writtenAt' | 'version'>): string {
  return `${now.author.name} revised this commentary on ${formatDateTime(now.writtenAt)} while you were writing. Their version (version ${now.version}) is now shown above, and your text is still in the box: compare the two, then save again to replace theirs, or cancel to keep it.`;
}

/** A period's label inside a sentence: "for financial year 2020-21 (Apr 2020–Mar 2021)", "for 12 months to Sep 2026". */
export function periodInSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}
