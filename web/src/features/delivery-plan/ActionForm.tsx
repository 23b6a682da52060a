// Adding an action, or changing one: the activity, the aim and measure it serves, its leads,
// timescale, due date and status. A change sends only the fields that changed, so a new
// timescale with the due date left alone lets the server read the due date from the timescale,
// as it does for a new action with no date. The measure list holds the chosen aim's measures
// only, so the two can never disagree.
import '../../lib/zod-config';
import { useState, type FormEvent } from 'react';
import { ACTION_LEAD_MAX, ACTION_TIMESCALE_MAX, ACTION_TITLE_MAX } from '../../../../schemas/actions-api';
import { TextInput } from '../../components/TextInput';
import type { ActionChange, AimChoice, NewAction, PlanAction } from './api';
import { actionProblems, problemsFromApi, type ActionField, type ActionValues, type FormProblem } from './form-errors';
import { DateField, fieldError, FormProblems, PanelHeading, SelectField, TextArea } from './fields';
import { STATUS_ORDER, statusText, type ActionStatus } from './plan-words';

const FIELDS: readonly ActionField[] = ['title', 'aim', 'measure', 'leadAgency', 'leadPerson', 'timescale', 'due', 'status'];

export function valuesOf(action: PlanAction | null): ActionValues {
  return {
    title: action?.title ?? '',
    aim: action?.aim ? String(action.aim.id) : '',
    measure: action?.measure ? String(action.measure.id) : '',
    leadAgency: action?.leadAgency ?? '',
    leadPerson: action?.leadPerson ?? '',
    timescale: action?.timescale ?? '',
    due: action?.due ?? '',
    status: action?.status ?? 'not-assessable',
  };
}

const idOrNull = (value: string) => (value === '' ? null : Number(value));
const textOrNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** A new action as the API takes it: a blank due date is left for the server to read from the timescale. */
export function newActionBody(values: ActionValues): NewAction {
  return {
    title: values.title.trim(),
    aim: idOrNull(values.aim),
    measure: idOrNull(values.measure),
    leadAgency: values.leadAgency.trim(),
    leadPerson: textOrNull(values.leadPerson),
    timescale: textOrNull(values.timescale),
    ...(values.due ? { due: values.due } : {}),
    status: values.status as ActionStatus,
  };
}

/** Only what changed; null when nothing did. Aim and measure go together, so the server never pairs a new one with an old one. */
export function changeBody(before: ActionValues, after: ActionValues): ActionChange | null {
  const change: ActionChange = {};
  if (after.title.trim() !== before.title) change.title = after.title.trim();
  if (after.aim !== before.aim || after.measure !== before.measure) {
    change.aim = idOrNull(after.aim);
    change.measure = idOrNull(after.measure);
  }
  if (after.leadAgency.trim() !== before.leadAgency) change.leadAgency = after.leadAgency.trim();
  if ((textOrNull(after.leadPerson) ?? '') !== before.leadPerson) change.leadPerson = textOrNull(after.leadPerson);
  if ((textOrNull(after.timescale) ?? '') !== before.timescale) change.timescale = textOrNull(after.timescale);
  if (after.due !== before.due) change.due = after.due === '' ? null : after.due;
  if (after.status !== before.status) change.status = after.status as ActionStatus;
  return Object.keys(change).length > 0 ? change : null;
}

export function ActionForm({
  idPrefix,
  heading,
  headingLevel,
  action,
  aims,
  submitLabel,
  onSave,
  onCancel,
}: {
  idPrefix: string;
  heading: string;
  headingLevel: 2 | 4;
  /** The action being changed; null for a new one. */
  action: PlanAction | null;
  aims: readonly AimChoice[];
  submitLabel: string;
  /** Sends the form; resolves once saved (the page then closes the form), throws the API's refusal. */
  onSave: (body: { kind: 'new'; action: NewAction } | { kind: 'change'; change: ActionChange | null }) => Promise<void>;
  onCancel: () => void;
}) {
  const [initial] = useState(() => valuesOf(action));
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<FormProblem<ActionField>[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const idFor = (field: ActionField) => `${idPrefix}-${field}`;
  const set = (field: keyof ActionValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const aim = aims.find((a) => String(a.id) === values.aim);
  const chooseAim = (value: string) => {
    const next = aims.find((a) => String(a.id) === value);
    // A measure belongs to one aim: keep it only if it is the new aim's.
    setValues((v) => ({ ...v, aim: value, measure: next?.measures.some((m) => String(m.id) === v.measure) ? v.measure : '' }));
  };
  // An action may name an aim the strategy view did not send (it is still loading): keep it choosable.
  const aimOptions = [{ value: '', label: 'Not linked to an aim' }, ...aims.map((a) => ({ value: String(a.id), label: `Aim ${a.number}: ${a.title}` }))];
  if (action?.aim && !aims.some((a) => a.id === action.aim!.id)) aimOptions.push({ value: String(action.aim.id), label: `Aim ${action.aim.number}: ${action.aim.title}` });
  const measureOptions = [{ value: '', label: 'No measure' }, ...(aim?.measures ?? []).map((m) => ({ value: String(m.id), label: m.label }))];
  if (action?.measure && values.measure === String(action.measure.id) && !measureOptions.some((o) => o.value === values.measure)) {
    measureOptions.push({ value: String(action.measure.id), label: action.measure.indicatorTitle });
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found = actionProblems(values);
    setProblems(found);
    if (found.length > 0) return;
    setSaving(true);
    try {
      await onSave(action ? { kind: 'change', change: changeBody(initial, values) } : { kind: 'new', action: newActionBody(values) });
    } catch (error) {
      setProblems(problemsFromApi(error, FIELDS));
      setSaving(false);
    }
  };

  const error = (field: ActionField) => fieldError(problems, field);
  return (
    <form className="app-plan-panel app-no-print" onSubmit={submit} noValidate aria-labelledby={`${idPrefix}-heading`}>
      <PanelHeading id={`${idPrefix}-heading`} level={headingLevel}>
        {heading}
      </PanelHeading>
      <FormProblems key={attempt} problems={problems} idFor={idFor} />
      <TextArea id={idFor('title')} label="Activity" hint="What will be done, in the plan’s words." error={error('title')} value={values.title} onChange={set('title')} maxLength={ACTION_TITLE_MAX} />
      <SelectField id={idFor('aim')} label="Aim" error={error('aim')} value={values.aim} onChange={chooseAim} options={aimOptions} />
      <SelectField id={idFor('measure')} label="Measure (optional)" hint="The strategy measure that shows whether the action works: one of the aim’s." error={error('measure')} value={values.measure} onChange={set('measure')} options={measureOptions} />
      <TextInput id={idFor('leadAgency')} label="Lead agency" error={error('leadAgency')} value={values.leadAgency} onChange={set('leadAgency')} maxLength={ACTION_LEAD_MAX} />
      <TextInput
        id={idFor('leadPerson')}
        label="Lead person or role (optional)"
        hint="A role, such as Domestic Abuse Co-ordinator, rather than a person’s name."
        error={error('leadPerson')}
        value={values.leadPerson}
        onChange={set('leadPerson')}
        maxLength={ACTION_LEAD_MAX}
      />
      <TextInput
        id={idFor('timescale')}
        label="Timescale (optional)"
        hint="As the plan writes it: Year 2, March 2027, Q3 2026-27, Ongoing."
        error={error('timescale')}
        value={values.timescale}
        onChange={set('timescale')}
        maxLength={ACTION_TIMESCALE_MAX}
      />
      <DateField
        id={idFor('due')}
        label="Due date (optional)"
        hint={action ? 'If you change the timescale and not this date, the due date becomes the one the timescale states. Clear it for no due date.' : 'Leave it blank to use the date the timescale states, if it states one.'}
        error={error('due')}
        value={values.due}
        onChange={set('due')}
      />
      <SelectField id={idFor('status')} label="Status" error={error('status')} value={values.status} onChange={set('status')} options={STATUS_ORDER.map((s) => ({ value: s, label: statusText(s) }))} />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
