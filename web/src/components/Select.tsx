// A GOV.UK select with its label (and optional hint), grouped options allowed.
import type { ReactNode } from 'react';

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
    <div className={`govuk-form-group${className ? ` ${className}` : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      <select className="govuk-select" id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined}>
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
    </div>
  );
}
