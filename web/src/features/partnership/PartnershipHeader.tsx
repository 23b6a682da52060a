// The top of every partnership page: the switcher for someone who belongs to several
// partnerships (a select and a button, so choosing with the keyboard never leaves the page
// before they mean it to), and the partnership's sections: aims and measures, the delivery plan
// and the board paper. The twelve months chosen go with the reader from section to section and
// from partnership to partnership, so the paper opened from the aims is the paper for the year
// they were reading. Also the notice for a strategy read after it ended.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, navigate } from '../../app/router';
import { Select } from '../../components/Select';
import { lastQuarterOf, parseQuarterId, quarterOrdinal } from '../../lib/periods';
import { usePartnerships, type Partnership } from './api';

export interface PartnershipSection {
  label: string;
  /** The path under /partnerships/:id ('' for the partnership's own page). */
  path: string;
}

export const SECTIONS = [
  { label: 'Aims and measures', path: '' },
  { label: 'Delivery plan', path: '/plan' },
  { label: 'Board paper', path: '/paper' },
] as const satisfies readonly PartnershipSection[];

export type SectionPath = (typeof SECTIONS)[number]['path'];

/** A section of a partnership for the twelve months chosen, if any: `/partnerships/3/paper?period=2025-26`. */
export function sectionPath(id: number, section: SectionPath, period?: string | null): string {
  return `/partnerships/${id}${section}${period ? `?period=${encodeURIComponent(period)}` : ''}`;
}

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

export function PartnershipSections({ id, current, period }: { id: number; current: SectionPath; period?: string | null }) {
  return (
    <nav className="app-sections" aria-label="Partnership sections">
      <ul className="app-sections__list">
        {SECTIONS.map((section) => {
          const active = section.path === current;
          return (
            <li key={section.path} className={`app-sections__item${active ? ' app-sections__item--active' : ''}`}>
              <Link className="govuk-link govuk-link--no-visited-state" to={sectionPath(id, section.path, period)} aria-current={active ? 'page' : undefined}>
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The switcher and the sections, as every partnership page shows them; switching keeps the section and the period. */
export function PartnershipHeader({ id, current, period }: { id: number; current: SectionPath; period?: string | null }) {
  const partnerships = usePartnerships();
  return (
    <>
      {partnerships.data && <PartnershipSwitcher partnerships={partnerships.data} current={id} onSwitch={(next) => navigate(sectionPath(next, current, period))} />}
      <PartnershipSections id={id} current={current} period={period} />
    </>
  );
}

/**
 * Whether a period ends after a strategy's last financial year, so its targets are read against
 * figures the strategy never covered: a strategy to 2019-20 read over 2025-26, or over the 12
 * months to June 2020 (its last quarter is after March 2020); not over 2019-20 or calendar 2019.
 */
export function readAfterStrategyEnded(strategyTo: string, period: string): boolean {
  const last = lastQuarterOf(period);
  const endOfStrategy = parseQuarterId(`${strategyTo}Q4`);
  const lastQuarter = last ? parseQuarterId(last) : null;
  if (!endOfStrategy || !lastQuarter) return false;
  return quarterOrdinal(lastQuarter) > quarterOrdinal(endOfStrategy);
}

/** Said on the partnership page and the paper when the strategy shown ran out before the period. */
export function StrategyEndedNotice({ strategy, period }: { strategy: { to: string }; period: string }) {
  if (!readAfterStrategyEnded(strategy.to, period)) return null;
  return (
    <div className="govuk-inset-text app-strategy-ended">
      This strategy ran to {strategy.to}; its targets are read against later figures until a new strategy is added.
    </div>
  );
}
