// The form controls the plan's forms share, each a GOV.UK form group whose label, hint and error
// are tied to the control, and the error summary that lists a form's problems and links to each
// field. The components in components/ have no textarea, no select with an error, no date.
import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { describedByFor, Field } from '../../components/Field';
import type { FormProblem } from './form-errors';

export function fieldError<F extends string>(problems: readonly FormProblem<F>[], field: F): string | null {
  return problems.find((p) => p.field === field)?.text ?? null;
}

/** The form's problems at its top; remounted (and so focused) on each attempt by its key. */
export function FormProblems<F extends string>({ problems, idFor }: { problems: readonly FormProblem<F>[]; idFor: (field: F) => string }) {
  if (problems.length === 0) return null;
  return <ErrorSummary items={problems.map((p) => ({ text: p.text, href: p.field ? `#${idFor(p.field)}` : undefined }))} />;
}

export { TextArea } from '../../components/TextArea';

export function SelectField({ id, label, hint, error, value, onChange, options }: { id: string; label: string; hint?: ReactNode; error?: string | null; value: string; onChange: (value: string) => void; options: Array<{ value: string; label: string }> }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select className={`govuk-select app-plan-select${error ? ' govuk-select--error' : ''}`} id={id} name={id} value={value} aria-describedby={describedByFor(id, hint, error)} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A date as the browser's own date picker, which a keyboard can use and which sends YYYY-MM-DD. */
export function DateField({ id, label, hint, error, value, onChange, max }: { id: string; label: string; hint?: ReactNode; error?: string | null; value: string; onChange: (value: string) => void; max?: string }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input className={`govuk-input govuk-input--width-10${error ? ' govuk-input--error' : ''}`} type="date" id={id} name={id} value={value} max={max} aria-describedby={describedByFor(id, hint, error)} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

/** A panel's heading, focused when the panel opens so a keyboard user starts there. */
export function PanelHeading({ id, level, children }: { id: string; level: 2 | 3 | 4; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const Heading = `h${level}` as const;
  return (
    <Heading className={`govuk-heading-${level === 4 ? 's' : 'm'} app-plan-panel__heading`} id={id} tabIndex={-1} ref={ref}>
      {children}
    </Heading>
  );
}
