// The warnings a figure carries (DOMAIN.md 5.7), beside it: GOV.UK warning text, in a calm size,
// so a board member reading "charge rate 103.6%" also reads that the figures were flagged when
// sent. The words carry it all (the icon is decorative and a screen reader hears "Warning"),
// with the quarter and area where they are not the figure's own.
import { FLAGGED, type WarningLine } from '../lib/warnings';

export function FigureWarnings({ lines, className = '' }: { lines: readonly WarningLine[]; className?: string }) {
  if (lines.length === 0) return null;
  return (
    <div className={`govuk-warning-text app-figure-warning govuk-!-margin-bottom-0 ${className}`.trim()}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text govuk-!-font-size-16 govuk-!-font-weight-regular">
        <span className="govuk-visually-hidden">Warning: </span>
        {lines.length === 1 ? (
          <WarningSentence line={lines[0]} />
        ) : (
          <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-bottom-0">
            {lines.map((line) => (
              <li key={line.message}>
                <WarningSentence line={line} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function WarningSentence({ line }: { line: WarningLine }) {
  return (
    <>
      <strong>
        {FLAGGED}
        {line.places.length > 0 && ` (${line.places.join('; ')})`}:
      </strong>{' '}
      {line.message}
    </>
  );
}
