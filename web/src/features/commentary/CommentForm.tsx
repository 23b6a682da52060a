// The form that writes or revises a comment: one labelled textarea with GOV.UK's character count
// (shown as the reader types, announced to a screen reader only once typing pauses), the problem
// in an error summary that takes focus and in the field, and Save / Cancel. It takes focus when it
// opens. A save that fails keeps the text: nothing a writer typed is lost to an error.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { COMMENT_MAX_CHARS } from './api';
import { bodyProblem, charactersLeftWords } from './words';

/** How long typing must pause before a screen reader is told the count, so it does not speak at every key. */
const COUNT_ANNOUNCE_DELAY_MS = 1000;

export interface FormProblem {
  /** The sentence, in the summary and beside the field. */
  text: string;
  /** A problem with the text itself links to the field; a conflict or a failed request does not. */
  inField: boolean;
}

export function CommentForm({
  id,
  label,
  initial,
  saveLabel,
  problem,
  attempt,
  saving,
  onSave,
  onCancel,
  children,
}: {
  id: string;
  label: ReactNode;
  initial: string;
  saveLabel: string;
  /** A problem the caller found (a conflict, a refused request), shown until the next attempt. */
  problem: FormProblem | null;
  /** Bumped on each attempt, so the error summary is remounted and takes focus again. */
  attempt: number;
  saving: boolean;
  onSave: (body: string) => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const [text, setText] = useState(initial);
  const [own, setOwn] = useState<FormProblem | null>(null);
  const [ownAttempt, setOwnAttempt] = useState(0);
  const [announced, setAnnounced] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const textarea = field.current;
    if (!textarea) return;
    textarea.focus();
    // A revision starts at the end of the text, where a writer adds to it.
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(charactersLeftWords(text)), COUNT_ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = bodyProblem(text);
    setOwnAttempt((n) => n + 1);
    setOwn(found ? { text: found, inField: true } : null);
    if (!found) onSave(text.trim());
  };

  const shown = own ?? problem;
  const fieldError = shown?.inField ? shown.text : null;
  const over = text.length > COMMENT_MAX_CHARS;
  const describedBy = [`${id}-hint`, fieldError ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <form className="app-comment-form app-no-print" onSubmit={submit} noValidate>
      {shown && <ErrorSummary key={`${attempt}-${ownAttempt}`} items={[{ text: shown.text, href: shown.inField ? `#${id}` : undefined }]} />}
      {children}
      <div className={`govuk-form-group govuk-character-count${fieldError ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor={id}>
          {label}
        </label>
        <div className="govuk-hint" id={`${id}-hint`}>
          Plain text, shown as you write it, line breaks kept: what moved and why, and what is being done. Write about the work, never about a victim or anyone
          using services. Up to {COMMENT_MAX_CHARS.toLocaleString('en-GB')} characters.
        </div>
        {fieldError && (
          <p className="govuk-error-message" id={`${id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {fieldError}
          </p>
        )}
        <textarea
          ref={field}
          className={`govuk-textarea app-comment-form__text${fieldError || over ? ' govuk-textarea--error' : ''}`}
          id={id}
          name={id}
          rows={6}
          spellCheck
          value={text}
          aria-describedby={describedBy}
          onChange={(e) => setText(e.target.value)}
        />
        <div className={`govuk-hint govuk-character-count__message${over ? ' govuk-error-message' : ''}`} id={`${id}-count`} aria-hidden="true">
          {charactersLeftWords(text)}
        </div>
        <div className="govuk-visually-hidden" aria-live="polite">
          {announced}
        </div>
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={saving}>
          {saving ? 'Saving…' : saveLabel}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
