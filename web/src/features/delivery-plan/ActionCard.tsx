// One action of the plan as a board reads it: the activity, its status (word, shape, colour),
// overdue spelt out with its date, leads, timescale and due date, the measure it serves and the
// latest progress update with its date and author; earlier updates one click away. Editors get
// buttons to report progress, change or delete it, and the open form below them.
import type { ReactNode } from 'react';
import type { PlanAction } from './api';
import { dueWords, leadWords, overdueWords, updateByline } from './plan-words';
import { StatusTag } from './StatusTag';

export type CardPanel = 'progress' | 'edit' | 'delete';

export const actionHeadingId = (id: number) => `action-${id}`;
export const panelButtonId = (id: number, panel: CardPanel) => `action-${id}-${panel}-button`;

const BUTTON_LABELS: Record<CardPanel, string> = { progress: 'Add a progress update', edit: 'Edit', delete: 'Delete' };

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="app-plan-action__fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ActionCard({
  action,
  canEdit,
  open,
  onOpen,
  saved,
  children,
}: {
  action: PlanAction;
  canEdit: boolean;
  /** The editor's panel open under this action, if any. */
  open: CardPanel | null;
  onOpen: (panel: CardPanel) => void;
  /** What was just saved here, shown until the next edit. */
  saved: string | null;
  /** The open panel. */
  children?: ReactNode;
}) {
  const overdue = overdueWords(action);
  const [latest, ...earlier] = action.updates;
  const headingId = actionHeadingId(action.id);
  return (
    <li className={`app-plan-action${overdue ? ' app-plan-action--overdue' : ''}`}>
      <article aria-labelledby={headingId}>
        <h3 className="app-plan-action__title" id={headingId} tabIndex={-1}>
          {action.title}
        </h3>
        <p className="app-plan-action__status">
          <StatusTag status={action.status} />
          {overdue && (
            <strong className="app-plan-overdue">
              <span className="app-plan-overdue__symbol" aria-hidden="true">
                !
              </span>
              {overdue}
            </strong>
          )}
        </p>
        <dl className="app-plan-action__facts">
          <Fact term="Lead">{leadWords(action)}</Fact>
          <Fact term="Timescale">{action.timescale ?? 'Not stated'}</Fact>
          {!overdue && <Fact term="Due">{dueWords(action.due)}</Fact>}
          {action.measure && <Fact term="Measure">{action.measure.indicatorTitle}</Fact>}
        </dl>
        {latest ? (
          <div className="app-plan-update">
            <h4 className="app-plan-update__heading">Latest update: {updateByline(latest)}</h4>
            <p className="app-plan-update__text">{latest.text}</p>
          </div>
        ) : (
          <p className="app-plan-update app-plan-update--none">No progress reported yet.</p>
        )}
        {earlier.length > 0 && (
          <details className="govuk-details app-plan-earlier">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                {earlier.length === 1 ? 'The earlier update' : `${earlier.length} earlier updates`}
                <span className="govuk-visually-hidden"> on this action</span>
              </span>
            </summary>
            <div className="govuk-details__text">
              <ol className="app-plan-earlier__list">
                {earlier.map((u) => (
                  <li key={u.id}>
                    <p className="app-plan-update__heading">{updateByline(u)}</p>
                    <p className="app-plan-update__text">{u.text}</p>
                  </li>
                ))}
              </ol>
            </div>
          </details>
        )}
        {saved && (
          <p className="app-plan-saved app-no-print">
            <span aria-hidden="true">✓ </span>
            {saved}
          </p>
        )}
        {canEdit && (
          <div className="app-plan-action__controls app-no-print">
            {(Object.keys(BUTTON_LABELS) as CardPanel[]).map((panel) => (
              <button
                key={panel}
                type="button"
                id={panelButtonId(action.id, panel)}
                className="govuk-button govuk-button--secondary app-plan-action__button"
                aria-expanded={open === panel}
                onClick={() => onOpen(panel)}
              >
                {BUTTON_LABELS[panel]}
                <span className="govuk-visually-hidden">
                  {panel === 'progress' ? ' on' : ''} “{action.title}”
                </span>
              </button>
            ))}
          </div>
        )}
        {children}
      </article>
    </li>
  );
}
