// Security alerts: sustained attacks on sign-in that the server noticed (many wrong passwords for
// one account from anywhere, or one address trying many accounts). Each says what happened and
// what to do; an administrator acknowledges it once someone has looked. The administration page
// shows how many are waiting (SecurityAlertsNotice).
import { useQuery } from '@tanstack/react-query';
import { Link } from '../../app/router';
import { QueryState } from '../../components/QueryState';
import { formatDateTime, plural } from '../../lib/format';
import { securityAlertsQueryOptions, useAcknowledgeAlert, type SecurityAlert } from './api';
import { errorMessage } from './shared';

function AlertCard({ alert }: { alert: SecurityAlert }) {
  const acknowledge = useAcknowledgeAlert();
  const title = alert.kind === 'account-under-attack' ? `Wrong passwords for ${alert.subject}` : `Many accounts tried from ${alert.subject}`;
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">{title}</h2>
      </div>
      <div className="govuk-summary-card__content">
        <p className="govuk-body">{alert.message}</p>
        <p className="govuk-body-s">
          Raised {formatDateTime(alert.raisedAt)}.{' '}
          {alert.acknowledgedAt ? `Acknowledged by ${alert.acknowledgedBy} on ${formatDateTime(alert.acknowledgedAt)}.` : 'Not yet acknowledged.'}
        </p>
        {!alert.acknowledgedAt && (
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate(alert.id)}>
            Acknowledge<span className="govuk-visually-hidden"> the alert about {alert.subject}</span>
          </button>
        )}
        {acknowledge.isError && <p className="govuk-error-message">{errorMessage(acknowledge.error)}</p>}
      </div>
    </div>
  );
}

export function SecurityAlertsSection() {
  const alerts = useQuery(securityAlertsQueryOptions);
  return (
    <>
      <p className="govuk-body">
        Sign-in pauses an address that keeps getting a password wrong, but never the account’s owner at another address. These alerts say when that is happening on a
        scale worth a look.
      </p>
      <QueryState query={alerts} what="the security alerts">
        {(page) => (page.items.length === 0 ? <p className="govuk-body">There have been no security alerts.</p> : page.items.map((alert) => <AlertCard key={alert.id} alert={alert} />))}
      </QueryState>
    </>
  );
}

/** On the administration page: how many alerts wait to be acknowledged, if any. */
export function SecurityAlertsNotice() {
  const alerts = useQuery(securityAlertsQueryOptions);
  const waiting = alerts.data?.unacknowledged ?? 0;
  if (waiting === 0) return null;
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="security-alerts-notice-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="security-alerts-notice-title">
          Security
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {plural(waiting, 'security alert')} to look at.{' '}
          <Link className="govuk-notification-banner__link" to="/admin/security-alerts">
            See the security alerts
          </Link>
        </p>
      </div>
    </div>
  );
}
