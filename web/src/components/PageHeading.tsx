// The page's <h1>: sets the document title, and after an in-app navigation takes focus so that
// keyboard and screen reader users start reading the new page from its heading.
import { useEffect, useRef, type ReactNode } from 'react';
import { navigationCount } from '../app/router';

export const SERVICE_NAME = 'Domestic abuse outcomes dashboard';

export function PageHeading({ title, caption, children }: { title: string; caption?: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${SERVICE_NAME}`;
  }, [title]);
  useEffect(() => {
    if (navigationCount() > 0) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <>
      {caption && <span className="govuk-caption-l">{caption}</span>}
      <h1 className="govuk-heading-l" tabIndex={-1} ref={ref}>
        {children ?? title}
      </h1>
    </>
  );
}
