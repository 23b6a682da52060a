// A GOV.UK select with its label (and optional hint), grouped options allowed.
import type { ReactNode } from 'react';
import { describedByFor, Field } from './Field';

export interface Option {
  value: string;
  label: string;
}

export function Select({
  id,
  label,
  hint,
  value,
  onChange,
  options,
  groups,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  options?: Option[];
  groups?: Array<{ label: string; options: Option[] }>;
  className?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} className={className}>
      <select className="govuk-select" id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedByFor(id, hint, null)}>
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Field>
  );
}
