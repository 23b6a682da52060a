// The page frame every route shares: skip link, header with who is signed in, navigation for
// their role, the demo-data banner, and the main area where the route's page (a lazy chunk)
// renders. Access is checked here before a page loads; the server checks it again.
import { Suspense, useEffect, type ReactNode } from 'react';
import { ErrorState, Loading } from '../components/QueryState';
import { PageHeading, SERVICE_NAME } from '../components/PageHeading';
import { homePathFor, ROLE_NAMES, useMe, useSignInInfo, useSignOut, type Me } from '../features/auth/api';
import { Link, matchPath, navigate, useLocation } from './router';
import { NAVIGATION, ROUTES } from './routes';

function signInPath(): string {
  const here = window.location.pathname + window.location.search;
  return here === '/' || here.startsWith('/sign-in') ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading what="the page" />;
}

function Header({ me }: { me: Me | null | undefined }) {
  const signOut = useSignOut();
  return (
    <header className="govuk-generic-header" role="banner">
      <div className="govuk-generic-header__container govuk-width-container">
        <div className="govuk-generic-header__logo">
          <Link to="/" className="govuk-generic-header__homepage-link">
            {SERVICE_NAME}
          </Link>
        </div>
        {me && (
          <div className="app-header-user">
            <span>
              {me.user.name} ({ROLE_NAMES[me.user.role]}
              {me.user.organisation ? `, ${me.user.organisation.name}` : ''})
            </span>
            <Link to="/account" className="govuk-link govuk-link--inverse">
              Your account
            </Link>
            <button
              type="button"
              className="govuk-button govuk-button--inverse"
              disabled={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in') })}
            >
              Sign out
            </button>
          </div>
        )}
      </div>
    </header>
  );
}

function Navigation({ me, pathname }: { me: Me; pathname: string }) {
  const items = NAVIGATION.filter((item) => item.roles.includes(me.user.role));
  if (items.length === 0) return null;
  return (
    <div className="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list" id="navigation">
              {items.map((item) => {
                const active = [item.path, ...(item.alsoActiveUnder ?? [])].some((path) => pathname === path || pathname.startsWith(`${path}/`));
                return (
                  <li key={item.path} className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}>
                    <Link className="govuk-service-navigation__link" to={item.path} aria-current={active ? 'page' : undefined}>
                      {active ? <strong className="govuk-service-navigation__active-fallback">{item.label}</strong> : item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}

function DemoBanner() {
  return (
    <div className="app-demo-banner" role="region" aria-label="Demo data">
      <p className="govuk-width-container govuk-!-margin-top-0 govuk-!-margin-bottom-0">
        Demo data: every figure in this dashboard is synthetic, made up for demonstration. None of it is about real people.
      </p>
    </div>
  );
}

function NotFound() {
  return (
    <>
      <PageHeading title="Page not found" />
      <p className="govuk-body">If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          Go to the start page
        </Link>
      </p>
    </>
  );
}

function Forbidden({ me }: { me: Me }) {
  return (
    <>
      <PageHeading title="You cannot see this page" />
      <p className="govuk-body">
        Your account ({ROLE_NAMES[me.user.role].toLowerCase()}) does not have access to this page. If you need it, ask your dashboard administrator.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={homePathFor(me.user.role)}>
          Go to your start page
        </Link>
      </p>
    </>
  );
}

function Content({ pathname, me }: { pathname: string; me: ReturnType<typeof useMe> }): ReactNode {
  if (pathname === '/') {
    if (me.isPending) return <Loading what="your account" />;
    if (me.isError) return <ErrorState error={me.error} what="your account" onRetry={() => void me.refetch()} />;
    return <Redirect to={me.data ? homePathFor(me.data.user.role) : '/sign-in'} />;
  }
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    if (route.roles) {
      if (me.isPending) return <Loading what="your account" />;
      if (me.isError) return <ErrorState error={me.error} what="your account" onRetry={() => void me.refetch()} />;
      if (!me.data) return <Redirect to={signInPath()} />;
      if (!route.roles.includes(me.data.user.role)) return <Forbidden me={me.data} />;
    }
    const Page = route.page;
    return <Page params={params} />;
  }
  return <NotFound />;
}

export function App() {
  const { pathname } = useLocation();
  const me = useMe();
  const info = useSignInInfo();
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <Header me={me.data} />
      {me.data && <Navigation me={me.data} pathname={pathname} />}
      {info.data?.demo && <DemoBanner />}
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <Suspense fallback={<Loading what="the page" />}>
            <Content pathname={pathname} me={me} />
          </Suspense>
        </main>
      </div>
      <footer className="govuk-footer app-no-print" role="contentinfo">
        <div className="govuk-width-container">
          <p className="govuk-body-s govuk-!-margin-bottom-0">
            {SERVICE_NAME}. Figures are rounded for display; downloads carry the same rounding. Small numbers are suppressed to protect privacy.
          </p>
        </div>
      </footer>
    </>
  );
}
