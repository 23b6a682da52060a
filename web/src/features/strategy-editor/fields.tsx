// The editor's form controls, each a GOV.UK form group whose label, hint and error message are
// tied to the control (the shared components have no textarea, no select with an error, no
// radios): a text area, a select with optional groups, radios in a fieldset, and a picker for a
// twelve-month period (its type, then which one).
import { useState, type ReactNode } from 'react';
import { describedByFor, Field } from '../../components/Field';
import { periodLabel } from '../../lib/format';
import { PERIOD_KINDS, periodChoices, periodKindOf, type PeriodKind } from '../../lib/periods';
import { shiftQuarter } from '../../../../schemas/periods';

export interface Choice {
  value: string;
  label: string;
}

export { TextArea } from '../../components/TextArea';

export function SelectField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  options = [],
  groups = [],
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
  options?: Choice[];
  groups?: Array<{ label: string; options: Choice[] }>;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select className={`govuk-select app-editor-select${error ? ' govuk-select--error' : ''}`} id={id} name={id} value={value} aria-describedby={describedByFor(id, hint, error)} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups.map((g) => (
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

/** Radios in a fieldset; the first radio carries `id`, so an error summary can link to the group. */
export function Radios({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
  options,
  small = true,
}: {
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
  options: Array<Choice & { hint?: string }>;
  small?: boolean;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedByFor(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className={`govuk-radios${small ? ' govuk-radios--small' : ''}`}>
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${o.value}`;
            return (
              <div className="govuk-radios__item" key={o.value}>
                <input className="govuk-radios__input" id={optionId} name={id} type="radio" value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} aria-describedby={o.hint ? `${optionId}-item-hint` : undefined} />
                <label className="govuk-label govuk-radios__label" htmlFor={optionId}>
                  {o.label}
                </label>
                {o.hint && (
                  <div id={`${optionId}-item-hint`} className="govuk-hint govuk-radios__hint">
                    {o.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export const TWELVE_MONTH_KINDS = PERIOD_KINDS.filter((k) => k.kind !== 'quarter');

/** How many years past the latest complete quarter a target may be set for. */
export const TARGET_YEARS_AHEAD = 6;
const QUARTERS_PER_YEAR = 4;

/** The latest quarter a target's picker offers: some years after the latest complete one. */
export function targetHorizon(latest: string): string {
  return shiftQuarter(latest, TARGET_YEARS_AHEAD * QUARTERS_PER_YEAR);
}

/** The type a held period is of, or financial years (how strategies write their targets). */
export function kindOf(period: string): PeriodKind {
  const kind = periodKindOf(period);
  return kind && kind !== 'quarter' ? kind : 'financial-year';
}

/**
 * A twelve-month period: its type, then one of that type. The choices end at `latest` (a
 * quarter id); a target's picker passes a quarter some years ahead. A period held that is not
 * among the choices is still offered, so the select shows what is saved. Changing the type
 * clears the period, so nothing is chosen without the person choosing it.
 */
export function PeriodPicker({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  latest,
  optional,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
  latest: string;
  /** The words for "none", when no period is allowed. */
  optional?: string;
}) {
  const [kind, setKind] = useState<PeriodKind>(kindOf(value));
  const choices = periodChoices(kind, latest).map((c) => ({ value: c.id, label: c.label }));
  const held = value && !choices.some((c) => c.value === value) ? [{ value, label: periodLabel(value) }] : [];
  const first = optional !== undefined ? [{ value: '', label: optional }] : [{ value: '', label: 'Choose the twelve months' }];
  return (
    <div className="app-editor-period">
      <SelectField
        id={`${id}-type`}
        label={`${label}: type of twelve months`}
        value={kind}
        onChange={(k) => {
          setKind(k as PeriodKind);
          onChange('');
        }}
        options={TWELVE_MONTH_KINDS.map((k) => ({ value: k.kind, label: k.label }))}
      />
      <SelectField id={id} label={label} hint={hint} error={error} value={value} onChange={onChange} options={[...first, ...held, ...choices]} />
    </div>
  );
}
