// A GOV.UK text input with its label, hint, error message and, for a unit, a suffix.
import type { InputHTMLAttributes } from 'react';
import { describedByFor, Field } from './Field';

export function TextInput({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  width,
  suffix,
  ...rest
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
  width?: '2' | '3' | '4' | '5' | '10' | '20' | '30';
  /** A unit shown after the input ("minutes"); hidden from screen readers, so say it in the label or hint too. */
  suffix?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'>) {
  const describedBy = describedByFor(id, hint, error);
  const input = (
    <input
      className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`}
      id={id}
      name={id}
      value={value}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
      {...rest}
    />
  );
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {suffix ? (
        <div className="govuk-input__wrapper">
          {input}
          <div className="govuk-input__suffix" aria-hidden="true">
            {suffix}
          </div>
        </div>
      ) : (
        input
      )}
    </Field>
  );
}
