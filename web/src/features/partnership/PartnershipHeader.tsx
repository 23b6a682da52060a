// The top of every partnership page: the switcher for someone who belongs to several
// partnerships (a select and a button, so choosing with the keyboard never leaves the page
// before they mean it to), and the partnership's sections. Only "Aims and measures" exists yet;
// the delivery plan and the board paper join SECTIONS when their pages do.
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from '../../app/router';
import { Select } from '../../components/Select';
import type { Partnership } from './api';

export interface PartnershipSection {
  label: string;
  /** The path under /partnerships/:id ('' for the partnership's own page). */
  path: string;
}

export const SECTIONS: PartnershipSection[] = [{ label: 'Aims and measures', path: '' }];

export function PartnershipSwitcher({ partnerships, current, onSwitch }: { partnerships: readonly Partnership[]; current: number; onSwitch: (id: number) => void }) {
  const [chosen, setChosen] = useState(String(current));
  useEffect(() => setChosen(String(current)), [current]);
  if (partnerships.length < 2) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSwitch(Number(chosen));
  };
  return (
    <form className="app-filters app-partnership-switcher" onSubmit={submit} aria-label="Switch partnership">
      <Select id="partnership" label="Partnership" value={chosen} onChange={setChosen} options={partnerships.map((p) => ({ value: String(p.id), label: p.name }))} />
      <div className="govuk-form-group">
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          Switch
        </button>
      </div>
    </form>
  );
}

export function PartnershipSections({ id, current, search }: { id: number; current: string; search: string }) {
  return (
    <nav className="app-sections" aria-label="Partnership sections">
      <ul className="app-sections__list">
        {SECTIONS.map((section) => {
          const active = section.path === current;
          return (
            <li key={section.path} className={`app-sections__item${active ? ' app-sections__item--active' : ''}`}>
              <Link className="govuk-link govuk-link--no-visited-state" to={`/partnerships/${id}${section.path}${search}`} aria-current={active ? 'page' : undefined}>
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
