// A partnership's own page (issue 11): its strategy read against the data for twelve months (the
// latest complete twelve months unless another is chosen), answering first "which of our aims
// are off track?" (how many aims have each status, and those off track or at risk by name), then
// each aim in the strategy's own order with its measures: baseline, target, the latest figure
// with its interval, the benchmark comparison, status and the reason, and the commentary on each
// aim and measure for the period. A filter leaves only the aims off track or at risk. The period
// and the filter live in the address, so a view can be bookmarked, shared and printed as it is;
// it prints as a compact board summary.
import { useEffect } from 'react';
import { areaNamer, useAreas, useCatalogue, type Indicator } from '../../api/indicators';
import { Link, useSearchParams } from '../../app/router';
import { PageHeading } from '../../components/PageHeading';
import { Loading, QueryState } from '../../components/QueryState';
import { formatDate, periodLabel } from '../../lib/format';
import { needsAttention } from '../../lib/strategy';
import { useMe } from '../auth/api';
import { AimCommentary, CommentaryUnavailable, usePageCommentary, type PageCommentary } from '../commentary/PageCommentary';
import { usePartnerships, useStrategy, type StrategyView } from './api';
import { rememberPartnership } from './landing';
import { MeasuresTable } from './MeasuresTable';
import { PartnershipHeader, StrategyEndedNotice } from './PartnershipHeader';
import { StatusRules } from './StatusRules';
import { aimAnchor, StatusSummary } from './StatusSummary';
import { StatusTag } from './StatusTag';
import { StrategyPeriodForm } from './StrategyPeriodForm';

/** `?show=attention`: only the aims off track or at risk. */
const FILTER_PARAM = 'show';
const FILTER_ATTENTION = 'attention';

export function AttentionFilter({ checked, shown, total, onChange }: { checked: boolean; shown: number; total: number; onChange: (checked: boolean) => void }) {
  return (
    <div className="govuk-form-group app-no-print">
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id="only-attention" type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor="only-attention">
            Show only aims off track or at risk
          </label>
        </div>
      </div>
      <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0" role="status">
        {checked ? `Showing ${shown} of ${total} aims: those off track or at risk.` : `Showing all ${total} aims.`}
      </p>
    </div>
  );
}

export function StrategyBody({
  view,
  catalogue,
  benchmarkName,
  onlyAttention,
  onFilter,
  onPeriod,
  commentary = null,
}: {
  view: StrategyView;
  catalogue: readonly Indicator[] | undefined;
  benchmarkName: string;
  onlyAttention: boolean;
  onFilter: (only: boolean) => void;
  onPeriod: (period: string) => void;
  /** The partnership's commentary for the period, under each aim and measure; none where it is not read (a test of the strategy alone). */
  commentary?: PageCommentary | null;
}) {
  const shown = onlyAttention ? view.aims.filter((a) => needsAttention(a.status)) : view.aims;
  return (
    <>
      <p className="app-print-only govuk-body">
        Board summary: {view.partnership.name}, {view.strategy.title}, read against {view.period.label}
        {onlyAttention ? ', aims off track or at risk only' : ''}. Printed {formatDate(new Date().toISOString())}.
      </p>
      <p className="govuk-body-l govuk-!-margin-bottom-2 app-strategy-period">{view.period.label}</p>
      <p className="govuk-body">
        {view.strategy.title}
        {view.period.chosen === 'latest-twelve-months' ? ': the latest twelve months for which figures are held.' : '.'} Compared with {benchmarkName} unless a measure says otherwise.
      </p>
      <StrategyEndedNotice strategy={view.strategy} period={view.period.id} />
      <StatusSummary aims={view.aims} />
      <div className="app-no-print">
        <StrategyPeriodForm period={view.period.id} onApply={onPeriod} />
        <AttentionFilter checked={onlyAttention} shown={shown.length} total={view.aims.length} onChange={onFilter} />
        <StatusRules />
        <div className="app-actions govuk-!-margin-bottom-6">
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => window.print()}>
            Print a board summary
          </button>
        </div>
      </div>
      <CommentaryUnavailable page={commentary} />
      {shown.length === 0 && <p className="govuk-body">No aim is off track or at risk in {view.period.label.toLowerCase()}.</p>}
      {shown.map((aim) => {
        const position = view.aims.indexOf(aim) + 1;
        return (
          <section className="app-strategy-aim" key={aim.id} aria-labelledby={aimAnchor(aim)}>
            <div className="app-strategy-aim__head">
              <h2 className="govuk-heading-m app-strategy-aim__title" id={aimAnchor(aim)} tabIndex={-1}>
                <span className="app-strategy-aim__number">Aim {position}: </span>
                {aim.title}
              </h2>
              <p className="govuk-body govuk-!-margin-bottom-0">
                <span className="govuk-visually-hidden">Status of this aim: </span>
                <StatusTag status={aim.status} />
              </p>
            </div>
            {aim.description && <p className="govuk-body app-strategy-aim__description">{aim.description}</p>}
            <MeasuresTable aim={aim} period={view.period.id} periodLabel={view.period.label} catalogue={catalogue} partnershipBenchmark={benchmarkName} commentary={commentary} />
            {commentary && <AimCommentary page={commentary} aim={aim} label={`Aim ${position}: ${aim.title}`} />}
          </section>
        );
      })}
    </>
  );
}

export default function PartnershipPage({ params }: { params: Record<string, string> }) {
  const id = Number(params.id);
  const [search, setSearch] = useSearchParams();
  const period = search.get('period') ?? undefined;
  const onlyAttention = search.get(FILTER_PARAM) === FILTER_ATTENTION;
  const partnerships = usePartnerships();
  const strategy = useStrategy(id, { period });
  const catalogue = useCatalogue();
  const areas = useAreas();
  const partnership = partnerships.data?.find((p) => p.id === id);
  const name = strategy.data?.partnership.name ?? partnership?.name ?? 'Partnership';
  const shownPeriod = period ?? strategy.data?.period.id;
  // Administrators and the partnership's analysts write its strategy (the server decides; this only shows the way).
  const role = useMe().data?.user.role;
  const canEdit = role === 'admin' || role === 'analyst';
  const commentary = usePageCommentary(id, strategy.data?.period);

  useEffect(() => {
    if (partnership) rememberPartnership(partnership.id);
  }, [partnership]);

  return (
    <div className="app-strategy-page">
      <PageHeading title={shownPeriod ? `${name}: aims and measures, ${periodLabel(shownPeriod)}` : `${name}: aims and measures`} caption="Our strategy">
        {name}
      </PageHeading>
      <PartnershipHeader id={id} current="" period={period} />
      {canEdit && (
        <p className="govuk-body app-no-print">
          <Link className="govuk-link" to={`/partnerships/${id}/strategy/edit${strategy.data ? `?strategy=${strategy.data.strategy.id}` : ''}`}>
            Edit strategy
          </Link>
        </p>
      )}
      {catalogue.isPending ? (
        <Loading what="the strategy" />
      ) : (
        <QueryState query={strategy} what="the strategy">
          {(view) => (
            <StrategyBody
              view={view}
              catalogue={catalogue.data}
              benchmarkName={areaNamer(areas.data)(view.partnership.benchmark)}
              onlyAttention={onlyAttention}
              onFilter={(only) => setSearch({ [FILTER_PARAM]: only ? FILTER_ATTENTION : null })}
              onPeriod={(next) => setSearch({ period: next }, { replace: false })}
              commentary={commentary}
            />
          )}
        </QueryState>
      )}
    </div>
  );
}
