// The GOV.UK error summary: a list of problems at the top of the page, each linking to where it
// is; it takes focus when it appears so that screen reader users hear it first.
import { useEffect, useRef, type ReactNode } from 'react';

export interface SummaryItem {
  text: ReactNode;
  /** "#row-5" or a field id; no link when absent. */
  href?: string;
}

export function ErrorSummary({ title = 'There is a problem', description, items }: { title?: string; description?: ReactNode; items: SummaryItem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const follow = (event: React.MouseEvent<HTMLAnchorElement>, target: string) => {
    // Move focus to the target too, not only scroll (GOV.UK error summary behaviour).
    const element = document.getElementById(target.slice(1));
    if (!element) return;
    event.preventDefault();
    element.scrollIntoView({ block: 'center' });
    if (!element.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(element.tagName)) element.setAttribute('tabindex', '-1');
    element.focus({ preventScroll: true });
    window.history.replaceState(null, '', target);
  };
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {description && <p className="govuk-body">{description}</p>}
          <ul className="govuk-list govuk-error-summary__list">
            {items.map((item, i) => (
              <li key={i}>
                {item.href ? (
                  <a href={item.href} onClick={(e) => follow(e, item.href!)}>
                    {item.text}
                  </a>
                ) : (
                  item.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
