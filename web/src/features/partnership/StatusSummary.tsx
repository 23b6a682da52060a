// The answer to the board's question, "which of our aims are off track?", at the top of the page
// in a form that reads on a projector in five seconds: how many aims have each status (a number,
// a symbol and a word in a coloured box), the same in one sentence, and the aims off track and at
// risk by name, each a link to its measures below.
import { countsSentence, needsAttention, STATUS_ORDER, STATUS_WORDS, statusCounts } from '../../lib/strategy';
import type { Aim } from './api';
import { StatusTag } from './StatusTag';

export function aimAnchor(aim: Pick<Aim, 'id'>): string {
  return `aim-${aim.id}`;
}

export function StatusSummary({ aims }: { aims: readonly Aim[] }) {
  const counts = statusCounts(aims);
  const attention = STATUS_ORDER.filter(needsAttention).flatMap((status) => aims.filter((a) => a.status === status));
  return (
    <section className="app-strategy-summary" aria-labelledby="strategy-summary-heading">
      <h2 className="govuk-heading-m" id="strategy-summary-heading">
        How the aims stand
      </h2>
      <ul className="app-status-counts">
        {STATUS_ORDER.map((status) => (
          <li key={status} className={`app-status-count app-status-count--${status}`}>
            <span className="app-status-count__number">{counts[status]}</span>
            <span className="app-status-count__label">
              <span aria-hidden="true">{STATUS_WORDS[status].symbol} </span>
              {STATUS_WORDS[status].text}
            </span>
          </li>
        ))}
      </ul>
      <p className="govuk-body-l app-strategy-summary__sentence">{countsSentence(counts)}</p>
      {attention.length > 0 ? (
        <ul className="govuk-list app-attention-list" aria-label="Aims off track or at risk">
          {attention.map((aim) => (
            <li key={aim.id}>
              <StatusTag status={aim.status} />{' '}
              <a className="govuk-link" href={`#${aimAnchor(aim)}`}>
                {aim.title}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No aim is off track or at risk.</p>
      )}
    </section>
  );
}
