// The overview's notice of returns overdue or received late for the area shown (DOMAIN.md 5.8),
// from the same statuses as the quarter's returns page, with a link to it.
import { useAreas } from '../../api/indicators';
import { href, Link } from '../../app/router';
import { useCycleStatus } from './api';
import { lateNotice, type LateNotice } from './status-text';

export function LateNoticeView({ notice, areaCode }: { notice: LateNotice; areaCode: string }) {
  if (!notice.overdue && !notice.late) return null;
  const parts = [notice.overdue, notice.late].filter((p) => p !== null);
  return (
    <div className="govuk-notification-banner app-no-print" role="region" aria-labelledby="late-notice-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="late-notice-title">
          Important
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {parts.map((p) => (
          <div key={p.heading}>
            <p className="govuk-notification-banner__heading">{p.heading}:</p>
            <ul className="govuk-list govuk-list--bullet">
              {p.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
        ))}
        <p className="govuk-body">
          <Link className="govuk-notification-banner__link" to={href('/quarter', { area: areaCode })}>
            See every return’s status and deadline
          </Link>
        </p>
      </div>
    </div>
  );
}

/** Nothing while loading or if the statuses cannot be read: the figures below still stand. */
export function LateNoticeForArea({ areaCode }: { areaCode: string }) {
  const areas = useAreas();
  const status = useCycleStatus({});
  if (!areas.data || !status.data) return null;
  const area = areas.data.find((a) => a.code === areaCode);
  if (!area) return null;
  const within = new Set(areas.data.filter((a) => a.parents.includes(areaCode)).map((a) => a.code));
  return <LateNoticeView notice={lateNotice(status.data.items, { code: area.code, name: area.name }, (c) => within.has(c))} areaCode={areaCode} />;
}
