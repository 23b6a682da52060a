// The plan's filters: status (one, or everything not complete), overdue only, and aim. Nothing
// changes until "Show actions" is pressed, so moving through the controls never rearranges the
// page under a keyboard or screen reader user; the choice goes into the address, so a filtered
// plan can be bookmarked, shared and printed as it is.
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from '../../app/router';
import { SelectField } from './fields';
import { STATUS_ORDER, statusText, type PlanFilters as Filters } from './plan-words';

export function PlanFilters({ filters, aims, onApply, clearHref }: { filters: Filters; aims: Array<{ id: number; label: string }>; onApply: (next: Filters) => void; clearHref: string | null }) {
  const [status, setStatus] = useState(filters.status ?? '');
  const [overdueOnly, setOverdueOnly] = useState(filters.overdueOnly ?? false);
  const [aim, setAim] = useState(filters.aim !== undefined ? String(filters.aim) : '');

  // When the address changes (back button, "Clear filters"), show what it says.
  useEffect(() => {
    setStatus(filters.status ?? '');
    setOverdueOnly(filters.overdueOnly ?? false);
    setAim(filters.aim !== undefined ? String(filters.aim) : '');
  }, [filters.status, filters.overdueOnly, filters.aim]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ status: (status || undefined) as Filters['status'], overdueOnly: overdueOnly || undefined, aim: aim ? Number(aim) : undefined });
  };

  return (
    <form className="app-filters app-plan-filters" onSubmit={submit} aria-label="Filter the actions">
      <SelectField
        id="plan-status"
        label="Status"
        value={status}
        onChange={setStatus}
        options={[{ value: '', label: 'Any status' }, { value: 'open', label: 'Not complete' }, ...STATUS_ORDER.map((s) => ({ value: s, label: statusText(s) }))]}
      />
      <SelectField id="plan-aim" label="Aim" value={aim} onChange={setAim} options={[{ value: '', label: 'Every aim' }, ...aims.map((a) => ({ value: String(a.id), label: a.label }))]} />
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input className="govuk-checkboxes__input" id="plan-overdue" name="overdue" type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="plan-overdue">
              Overdue only
            </label>
          </div>
        </div>
      </div>
      <div className="govuk-button-group app-plan-filters__buttons">
        <button type="submit" className="govuk-button">
          Show actions
        </button>
        {clearHref && (
          <Link className="govuk-link" to={clearHref}>
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
