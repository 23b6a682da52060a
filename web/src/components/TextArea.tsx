// A GOV.UK textarea with its label, hint and error, for every form that takes a paragraph
// (delivery plan actions and updates, strategy aims).
import type { ReactNode } from 'react';
import { describedByFor, Field } from './Field';

export function TextArea({ id, label, hint, error, value, onChange, rows = 3, maxLength }: { id: string; label: string; hint?: ReactNode; error?: string | null; value: string; onChange: (value: string) => void; rows?: number; maxLength?: number }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        maxLength={maxLength}
        value={value}
        aria-describedby={describedByFor(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
