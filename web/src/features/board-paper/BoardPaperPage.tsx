// `/partnerships/:id/paper`: the board paper for twelve months, on screen in the order a board
// reads it (title block, 1 summary, 2 exceptions, 3 commentary, 4 actions, 5 data notes), with a
// period picker, "Print" (the print stylesheet makes it a compact paper: the summary on at most
// two A4 pages, then the other sections), the Word document as a plain link, and for analysts
// and administrators "Record this paper as issued". Figures are in the reader's disclosure view,
// and an analyst's unsuppressed copy says prominently that it is not for circulation.
import { useSearchParams } from '../../app/router';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatDateTime, periodLabel } from '../../lib/format';
import { useMe } from '../auth/api';
import { usePartnerships } from '../partnership/api';
import { PartnershipHeader, StrategyEndedNotice } from '../partnership/PartnershipHeader';
import { StrategyPeriodForm } from '../partnership/StrategyPeriodForm';
import { docxHref, useBoardPaper, type BoardPaper } from './api';
import { PaperActions, PaperCommentary, PaperDataNotes, PaperExceptions } from './PaperSections';
import { PaperSummary } from './PaperSummary';
import { RecordIssued } from './RecordIssued';

function DisclosureNotice({ paper }: { paper: BoardPaper }) {
  if (paper.disclosure.view === 'unsuppressed') {
    return (
      <div className="govuk-warning-text app-paper-unsuppressed">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning: </span>
          Not for circulation. This copy shows unsuppressed figures, including counts from 1 to {paper.disclosure.threshold - 1}. Send the board a board member’s copy.
        </strong>
      </div>
    );
  }
  return (
    <p className="govuk-body app-paper-disclosure">
      Small numbers are hidden: counts from 1 to {paper.disclosure.threshold - 1} are shown as &lt;{paper.disclosure.threshold}, and figures built from them are not shown.
    </p>
  );
}

export function TitleBlock({ paper }: { paper: BoardPaper }) {
  const facts: Array<[string, string]> = [
    ['Partnership', paper.partnership.name],
    ['Strategy', paper.strategy.title],
    ['Period', paper.period.chosen === 'latest-twelve-months' ? `${paper.period.label}: the latest twelve months for which figures are held` : paper.period.label],
    ['Compared with', paper.partnership.benchmark.name],
    ['Prepared', formatDate(paper.preparedAt)],
    ['Last paper issued', paper.lastIssued ? `${paper.lastIssued.periodLabel}, recorded by ${paper.lastIssued.issuedBy} on ${formatDateTime(paper.lastIssued.issuedAt)}` : 'None recorded yet'],
  ];
  return (
    <div className="app-paper-title">
      <p className="govuk-body-l app-paper-period">{paper.period.label}</p>
      {paper.demo && (
        <p className="govuk-body app-paper-demo">
          <strong>Demonstration data.</strong> Every figure in this paper is synthetic.
        </p>
      )}
      <DisclosureNotice paper={paper} />
      <dl className="app-paper-facts">
        {facts.map(([term, value]) => (
          <div className="app-paper-facts__row" key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <StrategyEndedNotice strategy={paper.strategy} period={paper.period.id} />
    </div>
  );
}

export function Paper({ paper, canIssue, onPeriod }: { paper: BoardPaper; canIssue: boolean; onPeriod: (period: string) => void }) {
  return (
    <>
      <div className="app-no-print">
        <StrategyPeriodForm period={paper.period.id} onApply={onPeriod} />
        <div className="govuk-button-group app-paper-buttons">
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => window.print()}>
            Print
          </button>
          <a className="govuk-link app-paper-docx" href={docxHref(paper.partnership.id, paper.period.id)}>
            Download Word document (.docx)
          </a>
        </div>
        {canIssue && <RecordIssued key={paper.period.id} partnership={paper.partnership.id} period={paper.period.id} periodLabel={paper.period.label} />}
      </div>
      <TitleBlock paper={paper} />
      <PaperSummary paper={paper} />
      <PaperExceptions paper={paper} />
      <PaperCommentary paper={paper} />
      <PaperActions paper={paper} />
      <PaperDataNotes paper={paper} />
    </>
  );
}

export default function BoardPaperPage({ params }: { params: Record<string, string> }) {
  const id = Number(params.id);
  const [search, setSearch] = useSearchParams();
  const period = search.get('period') ?? undefined;
  const paper = useBoardPaper(id, { period });
  const partnerships = usePartnerships();
  const me = useMe();
  const role = me.data?.user.role;
  const name = paper.data?.partnership.name ?? partnerships.data?.find((p) => p.id === id)?.name;
  const shownPeriod = period ?? paper.data?.period.id;
  const title = [name ? `${name}: board paper` : 'Board paper', shownPeriod ? periodLabel(shownPeriod) : null].filter(Boolean).join(', ');

  return (
    <div className="app-paper-page">
      <PageHeading title={title} caption={name}>
        Board paper
      </PageHeading>
      <PartnershipHeader id={id} current="/paper" period={period} />
      <QueryState query={paper} what="the board paper">
        {(data) => <Paper paper={data} canIssue={role === 'admin' || role === 'analyst'} onPeriod={(next) => setSearch({ period: next }, { replace: false })} />}
      </QueryState>
    </div>
  );
}
