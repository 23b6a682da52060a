// The commentary on one subject (a figure, a measure or an aim) for a period: each comment as
// plain text with its line breaks (React writes it as text, never as HTML), who wrote it and when,
// whether it was revised (earlier versions behind a disclosure) and whether the figures moved
// after it was written. Editors (the partnership's analysts, administrators) add and revise; a
// revision someone else saved in the meantime (409) is shown to them, with their own text kept,
// before they save again. After a save, focus moves to the comment saved; after a cancel, back to
// the button that opened the form. Comments print; forms, buttons and earlier versions do not.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { isApiError } from '../../lib/api-client';
import { fetchComment, useAddComment, useRefreshCommentary, useReviseComment, type Comment, type CommentSubjectInput } from './api';
import { CommentForm, type FormProblem } from './CommentForm';
import { byline, commentKey, conflictWords, otherPeriodWords, revisedWarning, subjectKey } from './words';

const SAVE_FAILED = 'The commentary could not be saved. Try again in a few minutes.';

function problemFrom(error: unknown): FormProblem {
  // A 400 is about the text (too long, empty); anything else is about the request.
  return { text: error instanceof Error && error.message ? error.message : SAVE_FAILED, inField: isApiError(error, 400) };
}

/** Focus to move once the list shows the comment saved: a new token each save, so a second save of the same comment moves it again. */
interface Saved {
  id: number;
  words: string;
  token: number;
}

function EarlierVersions({ comment }: { comment: Comment }) {
  const earlier = comment.history.slice(0, -1);
  if (earlier.length === 0) return null;
  return (
    <details className="govuk-details app-comment__history">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Earlier {earlier.length === 1 ? 'version' : `versions (${earlier.length})`}
        </span>
      </summary>
      <div className="govuk-details__text">
        <ol className="app-comment__versions" reversed>
          {[...earlier].reverse().map((v) => (
            <li key={v.version} className="app-comment__version">
              <p className="app-comment__version-byline">
                Version {v.version}: {byline(v)}
              </p>
              <div className="app-comment__version-body">{v.body}</div>
            </li>
          ))}
        </ol>
      </div>
    </details>
  );
}

function CommentItem({
  partnership,
  comment,
  period,
  subject,
  canEdit,
  focusToken,
  onSaved,
  onStart,
}: {
  partnership: number;
  comment: Comment;
  period: string;
  subject: string;
  canEdit: boolean;
  focusToken: number | null;
  onSaved: (saved: Omit<Saved, 'token'>) => void;
  /** A form opens: the last "saved" message no longer applies. */
  onStart: () => void;
}) {
  const [revising, setRevising] = useState<{ base: number } | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [backToButton, setBackToButton] = useState(0);
  const revise = useReviseComment(partnership);
  const refresh = useRefreshCommentary(partnership);
  const article = useRef<HTMLElement>(null);
  const reviseButton = useRef<HTMLButtonElement>(null);
  const id = `comment-${comment.id}`;

  useEffect(() => {
    if (focusToken !== null) article.current?.focus();
  }, [focusToken]);
  useEffect(() => {
    if (backToButton > 0) reviseButton.current?.focus();
  }, [backToButton]);

  const save = async (body: string) => {
    if (!revising) return;
    if (body === comment.body.trim()) {
      // The server would store nothing; say so rather than claim a revision.
      setRevising(null);
      setProblem(null);
      onSaved({ id: comment.id, words: 'Nothing was changed: the text is the same as before.' });
      return;
    }
    setAttempt((n) => n + 1);
    try {
      await revise.mutateAsync({ id: comment.id, body, version: revising.base });
      setRevising(null);
      setProblem(null);
      onSaved({ id: comment.id, words: 'Commentary revised.' });
    } catch (error) {
      if (!isApiError(error, 409)) return setProblem(problemFrom(error));
      // Someone else's revision: show it, and let the next save be made against it knowingly.
      const now = await fetchComment(partnership, comment.id).catch(() => null);
      await refresh();
      if (now) setRevising({ base: now.version });
      setProblem({ text: now ? conflictWords(now) : (error as Error).message, inField: false });
    }
  };

  const warning = revisedWarning(comment.figure);
  const otherPeriod = otherPeriodWords(comment, period);
  const about = commentKey(comment) !== subject ? comment.subject.label : null;
  return (
    <article className="app-comment" id={id} tabIndex={-1} ref={article} aria-label={`Commentary by ${byline(comment)}`}>
      <p className="app-comment__byline">
        {byline(comment)}
        {comment.version > 1 && (
          <>
            {' '}
            <strong className="govuk-tag govuk-tag--grey app-comment__revised">Revised</strong>
          </>
        )}
      </p>
      {(about || otherPeriod) && <p className="app-comment__about">{[about && `About ${about}`, otherPeriod].filter(Boolean).join('. ')}</p>}
      <div className="app-comment__body">{comment.body}</div>
      {warning && (
        <div className="govuk-warning-text app-comment__warning">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {warning}
          </strong>
        </div>
      )}
      <EarlierVersions comment={comment} />
      {canEdit &&
        (revising ? (
          <CommentForm
            id={`${id}-text`}
            label="Revised commentary"
            initial={comment.body}
            saveLabel="Save the revision"
            problem={problem}
            attempt={attempt}
            saving={revise.isPending}
            onSave={(body) => void save(body)}
            onCancel={() => {
              setRevising(null);
              setProblem(null);
              setBackToButton((n) => n + 1);
            }}
          >
            <p className="govuk-body-s">The earlier text is kept as an earlier version; the board sees the revision.</p>
          </CommentForm>
        ) : (
          <button
            type="button"
            className="govuk-button govuk-button--secondary app-comment__revise"
            ref={reviseButton}
            onClick={() => {
              onStart();
              setProblem(null);
              setRevising({ base: comment.version });
            }}
          >
            Revise<span className="govuk-visually-hidden"> the commentary by {byline(comment)}</span>
          </button>
        ))}
    </article>
  );
}

export interface CommentaryProps {
  partnership: number;
  /** The period a new comment is about: the page's. */
  period: string;
  subject: CommentSubjectInput;
  /** What the subject is, in words: "Aim 1: Prevention". */
  label: string;
  comments: readonly Comment[];
  canEdit: boolean;
  /** The section's heading, or none where the page already names it (a measure's disclosure). */
  heading?: { level: 2 | 3; text: ReactNode } | null;
  /** Said when there is no comment yet (on screen only). */
  emptyText: string;
}

export function Commentary({ partnership, period, subject, label, comments, canEdit, heading, emptyText }: CommentaryProps) {
  const key = subjectKey(subject);
  const idPrefix = `commentary-${key.replace(/[^A-Za-z0-9-]/g, '-')}`;
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [backToButton, setBackToButton] = useState(0);
  const add = useAddComment(partnership);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (backToButton > 0) addButton.current?.focus();
  }, [backToButton]);

  const onSaved = (next: Omit<Saved, 'token'>) => setSaved((before) => ({ ...next, token: (before?.token ?? 0) + 1 }));

  const save = async (body: string) => {
    setAttempt((n) => n + 1);
    try {
      const created = await add.mutateAsync({ subject, period, body });
      setAdding(false);
      setProblem(null);
      onSaved({ id: created.id, words: 'Commentary added.' });
    } catch (error) {
      setProblem(problemFrom(error));
    }
  };

  const Heading = heading ? (`h${heading.level}` as const) : null;
  return (
    <section className={`app-commentary${comments.length === 0 ? ' app-commentary--empty' : ''}`} aria-labelledby={heading ? `${idPrefix}-heading` : undefined} aria-label={heading ? undefined : `Commentary on ${label}`}>
      {Heading && heading && (
        <Heading className={`${heading.level === 2 ? 'govuk-heading-m' : 'govuk-heading-s'} app-commentary__heading`} id={`${idPrefix}-heading`}>
          {heading.text}
        </Heading>
      )}
      {comments.length === 0 && !adding && <p className="govuk-body-s app-commentary__empty app-no-print">{emptyText}</p>}
      {comments.length > 0 && (
        <ol className="app-commentary__list">
          {comments.map((c) => (
            <li key={c.id}>
              <CommentItem partnership={partnership} comment={c} period={period} subject={key} canEdit={canEdit} focusToken={saved?.id === c.id ? saved.token : null} onSaved={onSaved} onStart={() => setSaved(null)} />
            </li>
          ))}
        </ol>
      )}
      <p className="govuk-body-s app-commentary__saved app-no-print" role="status">
        {saved?.words ?? ''}
      </p>
      {canEdit &&
        (adding ? (
          <CommentForm
            id={`${idPrefix}-text`}
            label={`Commentary on ${label}`}
            initial=""
            saveLabel="Save commentary"
            problem={problem}
            attempt={attempt}
            saving={add.isPending}
            onSave={(body) => void save(body)}
            onCancel={() => {
              setAdding(false);
              setProblem(null);
              setBackToButton((n) => n + 1);
            }}
          />
        ) : (
          <button
            type="button"
            className="govuk-button govuk-button--secondary app-commentary__add"
            ref={addButton}
            onClick={() => {
              setSaved(null);
              setAdding(true);
            }}
          >
            Add commentary<span className="govuk-visually-hidden"> on {label}</span>
          </button>
        ))}
    </section>
  );
}
