// A partnership's delivery plan (issue 11, item 3): the summary in words, filters, and the
// actions grouped by aim in the strategy's order, readable on a projector and on paper. Analysts
// of the partnership and administrators also add, change, delete and report progress on actions
// and import a spreadsheet; board members see the same plan without those controls (the server
// refuses their edits anyway). After a save the form closes and focus goes to what changed: the
// action's heading, or the confirmation of an import or deletion.
import { useEffect, useState } from 'react';
import { href, useSearchParams } from '../../app/router';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { isApiError } from '../../lib/api-client';
import { plural } from '../../lib/format';
import { useMe } from '../auth/api';
import { PartnershipHeader } from '../partnership/PartnershipHeader';
import { ActionCard, actionHeadingId, panelButtonId, type CardPanel } from './ActionCard';
import { ActionForm } from './ActionForm';
import { aimChoicesFromPlan, useAddAction, useAddProgress, useAimChoices, useChangeAction, useDeleteAction, usePlan, type DeliveryPlan, type PlanAction } from './api';
import { DeleteConfirm } from './DeleteConfirm';
import { ImportPanel } from './ImportPanel';
import { PlanFilters } from './PlanFilters';
import { aimHeading, dayInWords, filterSentence, filtersFromSearch, groupByAim, isFiltered, matches, summarySentence, type PlanFilters as Filters } from './plan-words';
import { ProgressForm } from './ProgressForm';

type Panel = { kind: CardPanel; actionId: number } | { kind: 'add' } | { kind: 'import' } | null;

/** A confirmation: under the action it is about, or (actionId null) in a banner above the plan. */
interface Saved {
  actionId: number | null;
  text: string;
  /** A banner that reports a failure rather than a success. */
  important?: boolean;
}

const BANNER_ID = 'plan-saved-banner';
const aimHeadingId = (aimId: number | null) => `aim-${aimId ?? 'none'}`;

/** Moves focus to an element once it is on the page (after the plan is read afresh). */
function useFocusWhenShown(): (id: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    const element = document.getElementById(target);
    if (!element) return;
    if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
    element.focus();
    setTarget(null);
  });
  return setTarget;
}

function Plan({ partnership, plan, canEdit }: { partnership: number; plan: DeliveryPlan; canEdit: boolean }) {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const [panel, setPanel] = useState<Panel>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const focus = useFocusWhenShown();
  const links = useAimChoices(partnership, plan.strategy.id, canEdit);
  const aims = links.data ?? aimChoicesFromPlan(plan.actions);
  const change = useChangeAction(partnership);
  const progress = useAddProgress(partnership);
  const remove = useDeleteAction(partnership);
  const add = useAddAction(partnership, plan.strategy.id);

  const groups = groupByAim(plan.actions, filters);
  const shown = groups.reduce((n, g) => n + g.actions.length, 0);
  const filterAims = aims.map((a) => ({ id: a.id, label: `Aim ${a.number}: ${a.title}` }));
  const aimTitle = (id: number) => filterAims.find((a) => a.id === id)?.label;
  const strategyParam = search.get('strategy');

  const open = (next: Panel) => {
    setSaved(null);
    setPanel(next);
  };
  /** Closes a card's panel and gives focus back to the button that opened it. */
  const closeCard = (actionId: number, kind: CardPanel) => {
    setPanel(null);
    focus(panelButtonId(actionId, kind));
  };
  const done = (next: Saved, focusId: string) => {
    setPanel(null);
    setSaved(next);
    focus(focusId);
  };
  /** An edit of an action someone else has removed: the plan is read afresh (api.ts), and a banner says why the action went. */
  const goneOr = (action: PlanAction) => (error: unknown) => {
    if (!isApiError(error, 404)) throw error;
    done({ actionId: null, text: `“${action.title}” is no longer in the plan: someone may have removed it. Nothing was saved.`, important: true }, BANNER_ID);
  };
  /** After a save, focus goes to the action; if the filters now hide it, to a banner that says so. */
  const savedTo = (action: PlanAction, text: string) => {
    if (matches(action, filters)) done({ actionId: action.id, text }, actionHeadingId(action.id));
    else done({ actionId: null, text: `${text.replace(/\.$/, '')}: “${action.title}”. The filters chosen now hide it.` }, BANNER_ID);
  };

  const applyFilters = (next: Filters) => {
    setSaved(null);
    setSearch({ status: next.status ?? null, overdue: next.overdueOnly ? 'true' : null, aim: next.aim !== undefined ? String(next.aim) : null });
  };

  const cardPanel = (actionId: number) => (panel && 'actionId' in panel && panel.actionId === actionId ? panel.kind : null);

  return (
    <div className="app-plan">
      <p className="app-plan-summary">{summarySentence(plan.summary)}</p>
      <p className="govuk-body">
        {plan.strategy.title}. An action is overdue when its due date has passed and it is not complete; this plan is as at {dayInWords(plan.today)}.
      </p>

      {saved && saved.actionId === null && (
        <div
          className={`govuk-notification-banner${saved.important ? '' : ' govuk-notification-banner--success'} app-no-print`}
          role="alert"
          aria-labelledby={`${BANNER_ID}-title`}
          id={BANNER_ID}
          tabIndex={-1}
        >
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id={`${BANNER_ID}-title`}>
              {saved.important ? 'Important' : 'Success'}
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{saved.text}</p>
          </div>
        </div>
      )}

      {canEdit && (
        <div className="govuk-button-group app-no-print">
          <button type="button" id="add-action-button" className="govuk-button govuk-button--secondary" aria-expanded={panel?.kind === 'add'} onClick={() => open(panel?.kind === 'add' ? null : { kind: 'add' })}>
            Add an action
          </button>
          <button type="button" id="import-button" className="govuk-button govuk-button--secondary" aria-expanded={panel?.kind === 'import'} onClick={() => open(panel?.kind === 'import' ? null : { kind: 'import' })}>
            Import actions from a spreadsheet
          </button>
        </div>
      )}
      {canEdit && panel?.kind === 'add' && (
        <ActionForm
          idPrefix="new-action"
          heading="Add an action"
          headingLevel={2}
          action={null}
          aims={aims}
          submitLabel="Add the action"
          onCancel={() => {
            setPanel(null);
            focus('add-action-button');
          }}
          onSave={async (body) => {
            if (body.kind !== 'new') return;
            savedTo(await add.mutateAsync(body.action), 'Action added to the plan.');
          }}
        />
      )}
      {canEdit && panel?.kind === 'import' && (
        <ImportPanel
          partnership={partnership}
          strategy={plan.strategy}
          onDone={(added) => done({ actionId: null, text: `${plural(added, 'action')} imported into the plan.` }, BANNER_ID)}
        />
      )}

      {plan.summary.total > 0 && (
        <>
          <PlanFilters filters={filters} aims={filterAims} onApply={applyFilters} clearHref={isFiltered(filters) ? href(window.location.pathname, { strategy: strategyParam }) : null} />
          <p className="app-plan-shown" role="status">
            {filterSentence(shown, plan.summary.total, filters, aimTitle)}
          </p>
        </>
      )}

      {plan.summary.total === 0 ? (
        <p className="govuk-body">{canEdit ? 'Add the plan’s actions one by one, or import them from a spreadsheet.' : 'When the partnership’s analysts add the plan’s actions, they are listed here.'}</p>
      ) : shown === 0 ? (
        <p className="govuk-body">No actions match these filters.</p>
      ) : (
        groups.map((group) => {
          const id = aimHeadingId(group.aim?.id ?? null);
          return (
            <section className="app-plan-aim" key={id} aria-labelledby={id}>
              <h2 className="govuk-heading-l app-plan-aim__heading" id={id} tabIndex={-1}>
                {aimHeading(group.aim)}
                <span className="app-plan-aim__count"> ({plural(group.actions.length, 'action')})</span>
              </h2>
              <ol className="app-plan-actions">
                {group.actions.map((action) => {
                  const kind = cardPanel(action.id);
                  const prefix = `action-${action.id}-${kind}`;
                  return (
                    <ActionCard
                      key={action.id}
                      action={action}
                      canEdit={canEdit}
                      open={kind}
                      onOpen={(next) => (kind === next ? closeCard(action.id, next) : open({ kind: next, actionId: action.id }))}
                      saved={saved?.actionId === action.id ? saved.text : null}
                    >
                      {kind === 'progress' && (
                        <ProgressForm
                          idPrefix={prefix}
                          action={action}
                          today={plan.today}
                          onCancel={() => closeCard(action.id, 'progress')}
                          onSave={async (body) => {
                            await progress.mutateAsync({ id: action.id, progress: body }).then((saved) => savedTo(saved, `Progress update of ${dayInWords(body.on)} added.`), goneOr(action));
                          }}
                        />
                      )}
                      {kind === 'edit' && (
                        <ActionForm
                          idPrefix={prefix}
                          heading="Edit this action"
                          headingLevel={4}
                          action={action}
                          aims={aims}
                          submitLabel="Save the changes"
                          onCancel={() => closeCard(action.id, 'edit')}
                          onSave={async (body) => {
                            if (body.kind !== 'change') return;
                            if (!body.change) return done({ actionId: action.id, text: 'Nothing was changed.' }, actionHeadingId(action.id));
                            await change.mutateAsync({ id: action.id, change: body.change }).then((saved) => savedTo(saved, 'Changes saved.'), goneOr(action));
                          }}
                        />
                      )}
                      {kind === 'delete' && (
                        <DeleteConfirm
                          idPrefix={prefix}
                          action={action}
                          onCancel={() => closeCard(action.id, 'delete')}
                          onDelete={async () => {
                            await remove.mutateAsync(action.id).then(() => done({ actionId: null, text: `Action deleted: “${action.title}”.` }, BANNER_ID), goneOr(action));
                          }}
                        />
                      )}
                    </ActionCard>
                  );
                })}
              </ol>
            </section>
          );
        })
      )}
    </div>
  );
}

export default function DeliveryPlanPage({ params }: { params: Record<string, string> }) {
  const partnership = Number(params.id);
  const valid = Number.isInteger(partnership) && partnership > 0;
  const [search] = useSearchParams();
  const strategy = Number(search.get('strategy'));
  const me = useMe();
  const plan = usePlan(partnership, Number.isInteger(strategy) && strategy > 0 ? strategy : undefined, valid);
  const role = me.data?.user.role;
  const canEdit = role === 'admin' || role === 'analyst';
  const name = plan.data?.partnership.name;

  if (!valid) {
    return (
      <>
        <PageHeading title="Delivery plan not found" />
        <p className="govuk-body">“{params.id}” is not a partnership. Check the address.</p>
      </>
    );
  }
  return (
    <>
      <PageHeading title={name ? `Delivery plan: ${name}` : 'Delivery plan'} caption={name}>
        Delivery plan
      </PageHeading>
      <PartnershipHeader id={partnership} current="/plan" period={search.get('period')} />
      <QueryState query={plan} what="the delivery plan">
        {(data) => <Plan partnership={partnership} plan={data} canEdit={canEdit} />}
      </QueryState>
    </>
  );
}
