// Reporting progress on an action: the day it is reported for (today unless changed; never
// later), what has happened, and the action's new status if it changes with it. Updates are
// kept as written, so the form says so; a correction is another update.
import '../../lib/zod-config';
import { useState, type FormEvent } from 'react';
import { ACTION_UPDATE_MAX } from '../../../../schemas/actions-api';
import type { NewProgress, PlanAction } from './api';
import { problemsFromApi, progressProblems, type FormProblem, type ProgressField, type ProgressValues } from './form-errors';
import { DateField, fieldError, FormProblems, PanelHeading, SelectField, TextArea } from './fields';
import { dayInWords, STATUS_ORDER, statusText, type ActionStatus } from './plan-words';

const FIELDS: readonly ProgressField[] = ['on', 'text', 'status'];

export function progressBody(values: ProgressValues): NewProgress {
  return { on: values.on, text: values.text.trim(), ...(values.status ? { status: values.status as ActionStatus } : {}) };
}

export function ProgressForm({ idPrefix, action, today, onSave, onCancel }: { idPrefix: string; action: PlanAction; today: string; onSave: (progress: NewProgress) => Promise<void>; onCancel: () => void }) {
  const [values, setValues] = useState<ProgressValues>({ on: today, text: '', status: '' });
  const [problems, setProblems] = useState<FormProblem<ProgressField>[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const idFor = (field: ProgressField) => `${idPrefix}-${field}`;
  const set = (field: keyof ProgressValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found = progressProblems(values);
    setProblems(found);
    if (found.length > 0) return;
    setSaving(true);
    try {
      await onSave(progressBody(values));
    } catch (error) {
      setProblems(problemsFromApi(error, FIELDS));
      setSaving(false);
    }
  };

  const error = (field: ProgressField) => fieldError(problems, field);
  return (
    <form className="app-plan-panel app-no-print" onSubmit={submit} noValidate aria-labelledby={`${idPrefix}-heading`}>
      <PanelHeading id={`${idPrefix}-heading`} level={4}>
        Add a progress update
      </PanelHeading>
      <FormProblems key={attempt} problems={problems} idFor={idFor} />
      <DateField id={idFor('on')} label="Date of the update" hint={`The day the progress is reported for: today (${dayInWords(today)}) or earlier.`} error={error('on')} value={values.on} onChange={set('on')} max={today} />
      <TextArea
        id={idFor('text')}
        label="What has happened"
        hint="The board reads this. Write about the work, never about a victim or anyone using services. Updates are kept as written: to correct one, add another."
        error={error('text')}
        value={values.text}
        onChange={set('text')}
        rows={4}
        maxLength={ACTION_UPDATE_MAX}
      />
      <SelectField
        id={idFor('status')}
        label="Status from now on"
        error={error('status')}
        value={values.status}
        onChange={set('status')}
        options={[{ value: '', label: `No change (${statusText(action.status).toLowerCase()})` }, ...STATUS_ORDER.filter((s) => s !== action.status).map((s) => ({ value: s, label: statusText(s) }))]}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={saving}>
          {saving ? 'Saving…' : 'Add the update'}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
