// "How statuses are decided": the rules the server applies (README, "Strategy statuses"), in the
// same words, so a board member can check any status against them. Keep the two in step.
import { StatusTag } from './StatusTag';

export function StatusRules() {
  return (
    <details className="govuk-details app-status-rules">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">How statuses are decided</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">
          A measure is judged on its latest twelve-month figure and that figure’s 95% confidence interval, so a change inside the interval never counts as progress. “Significantly moved the right
          way” means the latest interval lies wholly on the right side of the baseline value.
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            <StatusTag status="not-assessable" /> when the latest figure is hidden to protect privacy, has no data or is incomplete; or, for a value or a direction, the baseline figure is not
            published or the latest period does not end after the baseline period; or, for a benchmark target, the benchmark has no published figure.
          </li>
          <li>
            <strong>A value by a date</strong> (at least or at most): the path is a straight line from the baseline value to the target value at the target date, then stays at the target. On
            track when the latest interval contains or beats the path’s value now; at risk when it misses the path but has significantly moved the right way since the baseline; otherwise off
            track.
          </li>
          <li>
            <strong>A direction only</strong>: on track if significantly moved the right way since the baseline; off track if significantly moved the wrong way; at risk if there is no
            significant change.
          </li>
          <li>
            <strong>A reference range</strong> (such as SafeLives’ 28% to 40% repeat MARAC cases): on track when the latest interval overlaps the range; at risk when wholly outside it but
            significantly moved towards it; otherwise off track.
          </li>
          <li>
            <strong>Better than the benchmark</strong>: on track when significantly better, at risk when similar, off track when significantly worse.
          </li>
          <li>An indicator without an interval (refuge occupancy, average stay) is judged on its value alone.</li>
          <li>
            <strong>An aim</strong> takes the worst status among its measures that can be assessed (off track, then at risk, then on track); it is not assessable when none of its measures can
            be.
          </li>
        </ul>
      </div>
    </details>
  );
}
