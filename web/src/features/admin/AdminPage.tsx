// Administration: users, organisations and their grants, API tokens (shown once), the sign-in
// settings, the audit trail and security alerts. One page with a section per address: /admin/users,
// /admin/organisations, /admin/partnerships,
// /admin/local-measures, /admin/tokens, /admin/sign-in, /admin/audit, /admin/security-alerts.
import { Link } from '../../app/router';
import { PageHeading } from '../../components/PageHeading';
import { AuditSection } from './AuditSection';
import { LocalMeasuresSection } from './LocalMeasuresSection';
import { OrganisationsSection } from './OrganisationsSection';
import { PartnershipsSection } from './PartnershipsSection';
import { SecurityAlertsNotice, SecurityAlertsSection } from './SecurityAlertsSection';
import { SignInSettingsSection } from './SignInSettingsSection';
import { TokensSection } from './TokensSection';
import { UsersSection } from './UsersSection';

const SECTIONS = [
  { id: 'users', title: 'Users' },
  { id: 'organisations', title: 'Organisations and grants' },
  { id: 'partnerships', title: 'Partnerships' },
  { id: 'local-measures', title: 'Local measures' },
  { id: 'tokens', title: 'API tokens' },
  { id: 'sign-in', title: 'Sign-in settings' },
  { id: 'audit', title: 'Audit trail' },
  { id: 'security-alerts', title: 'Security alerts' },
] as const;

export default function AdminPage({ params }: { params: Record<string, string> }) {
  const section = SECTIONS.find((s) => s.id === params.section);
  if (params.section && !section) {
    return (
      <>
        <PageHeading title="Page not found" />
        <p className="govuk-body">
          <Link className="govuk-link" to="/admin">
            Go to administration
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      {section && (
        <Link className="govuk-back-link" to="/admin">
          Administration
        </Link>
      )}
      <PageHeading title={section ? section.title : 'Administration'} caption={section ? 'Administration' : undefined} />
      {!section && <SecurityAlertsNotice />}
      {!section && (
        <ul className="govuk-list govuk-list--spaced">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <Link className="govuk-link govuk-!-font-weight-bold" to={`/admin/${s.id}`}>
                {s.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {section?.id === 'users' && <UsersSection />}
      {section?.id === 'organisations' && <OrganisationsSection />}
      {section?.id === 'partnerships' && <PartnershipsSection />}
      {section?.id === 'local-measures' && <LocalMeasuresSection />}
      {section?.id === 'tokens' && <TokensSection />}
      {section?.id === 'sign-in' && <SignInSettingsSection />}
      {section?.id === 'audit' && <AuditSection />}
      {section?.id === 'security-alerts' && <SecurityAlertsSection />}
    </>
  );
}
