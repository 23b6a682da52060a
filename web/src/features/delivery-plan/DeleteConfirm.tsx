// Removing an action asks first, and says what goes with it. The audit trail keeps a copy; an
// action the board dropped is better kept and marked so in an update, which the text suggests.
import { useState } from 'react';
import { plural } from '../../lib/format';
import type { PlanAction } from './api';
import { PanelHeading } from './fields';
import { problemsFromApi } from './form-errors';

export function DeleteConfirm({ idPrefix, action, onDelete, onCancel }: { idPrefix: string; action: PlanAction; onDelete: () => Promise<void>; onCancel: () => void }) {
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = async () => {
    setDeleting(true);
    setProblem(null);
    try {
      await onDelete();
    } catch (error) {
      setProblem(problemsFromApi(error, [])[0].text);
      setDeleting(false);
    }
  };
  return (
    <div className="app-plan-panel app-plan-panel--warning app-no-print" role="group" aria-labelledby={`${idPrefix}-heading`}>
      <PanelHeading id={`${idPrefix}-heading`} level={4}>
        Delete this action?
      </PanelHeading>
      <p className="govuk-body">
        “{action.title}” and its {plural(action.updates.length, 'progress update')} will be removed from the plan. The audit trail keeps a copy.
      </p>
      <p className="govuk-body">If the board dropped the action, keep it and say so in a progress update instead: the plan then shows what happened to it.</p>
      {problem && (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">Error:</span> {problem}
        </p>
      )}
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--warning" onClick={() => void remove()} disabled={deleting}>
          {deleting ? 'Deleting…' : 'Yes, delete this action'}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          No, keep it
        </button>
      </div>
    </div>
  );
}
