// The route table: each page is its own chunk (React.lazy), loaded when first visited, and
// declares which roles may open it. The server enforces access; this only decides what to show.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { ACCESS, type Role } from '../features/auth/api';
import SignInPage from '../features/auth/SignInPage';

export interface RouteDefinition {
  path: string;
  page: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>> | ComponentType<{ params: Record<string, string> }>;
  /** Roles that may open it; absent: anyone, signed in or not. */
  roles?: Role[];
}

export const ROUTES: RouteDefinition[] = [
  { path: '/sign-in', page: SignInPage },
  { path: '/strategy', page: lazy(() => import('../features/partnership/StrategyLanding')), roles: ACCESS.dashboard },
  { path: '/partnerships', page: lazy(() => import('../features/partnership/PartnershipsPage')), roles: ACCESS.dashboard },
  { path: '/partnerships/:id', page: lazy(() => import('../features/partnership/PartnershipPage')), roles: ACCESS.dashboard },
  { path: '/overview', page: lazy(() => import('../features/overview/OverviewPage')), roles: ACCESS.dashboard },
  { path: '/indicators/:id', page: lazy(() => import('../features/indicators/IndicatorPage')), roles: ACCESS.dashboard },
  { path: '/partnerships/:id/strategy/edit', page: lazy(() => import('../features/strategy-editor/StrategyEditorPage')), roles: ['admin', 'analyst'] },
  { path: '/partnerships/:id/plan', page: lazy(() => import('../features/delivery-plan/DeliveryPlanPage')), roles: ACCESS.dashboard },
  { path: '/partnerships/:id/paper', page: lazy(() => import('../features/board-paper/BoardPaperPage')), roles: ACCESS.dashboard },
  { path: '/returns', page: lazy(() => import('../features/returns/ReturnsPage')), roles: ACCESS.returns },
  { path: '/returns/:type/upload', page: lazy(() => import('../features/returns/UploadPage')), roles: ACCESS.returns },
  { path: '/returns/submissions/:id', page: lazy(() => import('../features/returns/SubmissionPage')), roles: ACCESS.returns },
  { path: '/completeness', page: lazy(() => import('../features/completeness/CompletenessPage')), roles: ACCESS.returns },
  { path: '/quarter', page: lazy(() => import('../features/cycle/CyclePage')), roles: ACCESS.signedIn },
  { path: '/admin', page: lazy(() => import('../features/admin/AdminPage')), roles: ACCESS.admin },
  { path: '/admin/:section', page: lazy(() => import('../features/admin/AdminPage')), roles: ACCESS.admin },
  { path: '/account', page: lazy(() => import('../features/account/AccountPage')), roles: ACCESS.signedIn },
];

export interface NavItem {
  label: string;
  path: string;
  roles: Role[];
  /** Other paths under which the item is the current one: an indicator page is part of the overview. */
  alsoActiveUnder?: string[];
}

export const NAVIGATION: NavItem[] = [
  { label: 'Our strategy', path: '/strategy', roles: ACCESS.dashboard, alsoActiveUnder: ['/partnerships'] },
  { label: 'Overview', path: '/overview', roles: ACCESS.dashboard, alsoActiveUnder: ['/indicators'] },
  { label: 'Returns', path: '/returns', roles: ACCESS.returns },
  { label: 'Quarter’s returns', path: '/quarter', roles: ACCESS.signedIn },
  { label: 'Administration', path: '/admin', roles: ACCESS.admin },
];
