// A small router on the History API: the app has a dozen routes and needs only paths with
// parameters, query strings for filters (so a page can be bookmarked, shared and printed as it
// is), links that behave like links, and focus moved to the new page's heading after a
// navigation (so keyboard and screen reader users know the page changed).
import { useCallback, useMemo, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const NAVIGATE_EVENT = 'app:navigate';

interface LocationSnapshot {
  pathname: string;
  search: string;
  hash: string;
}

let snapshot: LocationSnapshot = read();
/** How many in-app navigations have happened: 0 on first load, when focus stays put. */
let navigations = 0;

function read(): LocationSnapshot {
  return { pathname: window.location.pathname, search: window.location.search, hash: window.location.hash };
}

function subscribe(onChange: () => void) {
  const handler = () => {
    const next = read();
    if (next.pathname !== snapshot.pathname || next.search !== snapshot.search || next.hash !== snapshot.hash) snapshot = next;
    onChange();
  };
  window.addEventListener('popstate', handler);
  window.addEventListener(NAVIGATE_EVENT, handler);
  return () => {
    window.removeEventListener('popstate', handler);
    window.removeEventListener(NAVIGATE_EVENT, handler);
  };
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    navigations++;
  });
}

export function navigationCount(): number {
  return navigations;
}

export function navigate(to: string, options: { replace?: boolean } = {}) {
  const before = read();
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  const after = read();
  if (after.pathname !== before.pathname) {
    navigations++;
    window.scrollTo?.(0, 0);
  }
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function useLocation(): LocationSnapshot {
  return useSyncExternalStore(subscribe, () => snapshot, () => snapshot);
}

/** The query string as an object, and a setter that merges changes into it (replacing history). */
export function useSearchParams(): [URLSearchParams, (changes: Record<string, string | null | undefined>, options?: { replace?: boolean }) => void] {
  const { pathname, search } = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const update = useCallback(
    (changes: Record<string, string | null | undefined>, options: { replace?: boolean } = { replace: true }) => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === '') next.delete(key);
        else next.set(key, value);
      }
      const text = next.toString();
      navigate(`${pathname}${text ? `?${text}` : ''}`, options);
    },
    [pathname],
  );
  return [params, update];
}

/** Matches "/indicators/:id" against a path; returns the decoded parameters or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((part) => {
      if (part.startsWith(':')) {
        names.push(part.slice(1));
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  const match = new RegExp(`^${source}/?$`).exec(pathname);
  if (!match) return null;
  try {
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
  } catch {
    return null;
  }
}

/** Builds a path with a query string from defined values: href('/overview', { area: 'E09000004' }). */
export function href(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link that navigates in the app on a plain click and behaves normally otherwise. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
