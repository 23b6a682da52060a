// Administration of a partnership's own measures (issue 13, DOMAIN.md 5.9): each partnership's
// local measures listed in words; one defined with what its numerator and denominator count,
// how it is scaled and judged, and which organisations may send it; its wording and senders
// changed later. Its arithmetic is fixed once figures are held, which the page says before the
// API does; what the API refuses (an id taken, a Wilson interval on a count, arithmetic already
// fixed) is shown on the field it is about.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { STRATEGY_AIMS, type StrategyAim } from '../../../../schemas/indicators';
import type { LocalMeasure, LocalMeasureChange, LocalMeasureInput } from '../../../../schemas/local-measures-api';
import type { Partnership } from '../../../../schemas/strategy-api';
import { Link } from '../../app/router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { describedByFor, Field } from '../../components/Field';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { Select } from '../../components/Select';
import { TableHead } from '../../components/TableHead';
import { TextInput } from '../../components/TextInput';
import { api } from '../../lib/api-client';
import { listInWords, plural } from '../../lib/format';
import { adminKeys, areaKeys, indicatorKeys, partnershipKeys } from '../../lib/query-keys';
import { organisationsQueryOptions, type Organisation } from './api';
import {
  BLANK_MEASURE,
  changeBody,
  formProblems,
  inputBody,
  INTERVAL_WORDS,
  MULTIPLIER_WORDS,
  POLARITY_WORDS,
  problemsFromApi,
  valuesOf,
  type MeasureField,
  type MeasureProblem,
  type MeasureValues,
} from './local-measure-form';

const partnershipsQueryOptions = queryOptions({
  queryKey: partnershipKeys.list(),
  queryFn: ({ signal }) => api<{ partnerships: Partnership[] }>('/api/partnerships', { signal }).then((b) => b.partnerships),
});

/** Under the partnerships' key, so whatever refreshes a partnership refreshes its measures. */
const measuresKey = (partnership: number) => [...partnershipKeys.all, partnership, 'local-measures'] as const;

function measuresQueryOptions(partnership: number) {
  return queryOptions({
    queryKey: measuresKey(partnership),
    queryFn: ({ signal }) => api<{ measures: LocalMeasure[] }>(`/api/partnerships/${partnership}/local-measures`, { signal }).then((b) => b.measures),
  });
}

function useSaveMeasure(partnership: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ measure, body }: { measure: string | null; body: LocalMeasureInput | LocalMeasureChange }) =>
      measure === null
        ? api<LocalMeasure>(`/api/partnerships/${partnership}/local-measures`, { json: body })
        : api<LocalMeasure>(`/api/partnerships/${partnership}/local-measures/${encodeURIComponent(measure)}`, { method: 'PATCH', json: body }),
    onSuccess: async () => {
      // A measure is an indicator in the catalogue and a group in the area summary at once; the change is audited.
      await Promise.all([measuresKey(partnership), indicatorKeys.catalogue(), areaKeys.summaries(), partnershipKeys.strategies(), adminKeys.audits()].map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}

function fieldError(problems: readonly MeasureProblem[], field: MeasureField): string | null {
  return problems.find((p) => p.field === field)?.text ?? null;
}

function ErrorMessage({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {text}
    </p>
  );
}

function Radios<T extends string>({
  id,
  legend,
  hint,
  options,
  value,
  onChange,
  error,
  children,
}: {
  id: string;
  legend: string;
  hint?: string;
  options: Array<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
  error: string | null;
  children?: (value: T) => React.ReactNode;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" id={id} tabIndex={-1} aria-describedby={describedByFor(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        <ErrorMessage id={`${id}-error`} text={error} />
        <div className="govuk-radios govuk-radios--small">
          {options.map((o) => (
            <div key={o.value}>
              <div className="govuk-radios__item">
                <input className="govuk-radios__input" id={`${id}-${o.value}`} name={id} type="radio" checked={value === o.value} onChange={() => onChange(o.value)} />
                <label className="govuk-label govuk-radios__label" htmlFor={`${id}-${o.value}`}>
                  {o.label}
                </label>
              </div>
              {value === o.value && children?.(o.value)}
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function SenderChecklist({ prefix, organisations, chosen, onChange, error }: { prefix: string; organisations: readonly Organisation[]; chosen: number[]; onChange: (ids: number[]) => void; error: string | null }) {
  const toggle = (id: number) => onChange(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  const id = `${prefix}-organisations`;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" id={id} tabIndex={-1} aria-describedby={describedByFor(id, true, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Organisations that may send it</legend>
        <div id={`${id}-hint`} className="govuk-hint">
          They send it in the local measure return, for the partnership’s areas they have a local measure grant for (under Organisations and grants).
        </div>
        <ErrorMessage id={`${id}-error`} text={error} />
        <div className="govuk-checkboxes govuk-checkboxes--small app-choice-list">
          {organisations.map((o) => {
            const box = `${prefix}-organisation-${o.id}`;
            return (
              <div className="govuk-checkboxes__item" key={o.id}>
                <input className="govuk-checkboxes__input" id={box} type="checkbox" checked={chosen.includes(o.id)} onChange={() => toggle(o.id)} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={box}>
                  {o.name}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function LocalMeasureForm({
  partnership,
  measure,
  organisations,
  onSaved,
  onCancel,
}: {
  partnership: Partnership;
  measure: LocalMeasure | null;
  organisations: readonly Organisation[];
  onSaved: (saved: LocalMeasure) => void;
  onCancel?: () => void;
}) {
  const prefix = measure ? `measure-${measure.id}` : 'new-measure';
  const [values, setValues] = useState<MeasureValues>(measure ? valuesOf(measure) : BLANK_MEASURE);
  const [problems, setProblems] = useState<MeasureProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const save = useSaveMeasure(partnership.id);
  const set =
    <K extends keyof MeasureValues>(key: K) =>
    (value: MeasureValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const fieldId = (field: MeasureField) => `${prefix}-${field}`;
  const fixed = measure?.hasFigures ?? false;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found = formProblems(values, measure === null);
    setProblems(found);
    if (found.length > 0) return;
    const body = measure ? changeBody(measure, values) : inputBody(values);
    if (measure && Object.keys(body).length === 0) {
      setProblems([{ field: null, text: 'Nothing has changed, so nothing was sent.' }]);
      return;
    }
    save.mutate(
      { measure: measure?.id ?? null, body },
      {
        onSuccess: (saved) => {
          if (!measure) setValues(BLANK_MEASURE);
          onSaved(saved);
        },
        onError: (error) => setProblems(problemsFromApi(error, measure ? (body as LocalMeasureChange) : null)),
      },
    );
  };

  const headingId = `${prefix}-heading`;
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a measure to change it takes a keyboard user to the form they opened.
  useEffect(() => {
    if (measure) heading.current?.focus();
  }, []);
  const selectError = (field: MeasureField) => fieldError(problems, field);
  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId} className="app-partnership-form">
      <h2 className="govuk-heading-m" id={headingId} tabIndex={-1} ref={heading}>
        {measure ? `Change ${measure.title}` : `Define a measure for ${partnership.name}`}
      </h2>
      {problems.length > 0 && <ErrorSummary key={attempt} items={problems.map((p) => ({ text: p.text, href: p.field ? `#${fieldId(p.field)}` : undefined }))} />}
      {measure ? (
        <p className="govuk-body">
          Its id is <code>{measure.id}</code>, and partners write it in the return’s measure column; it cannot change.
        </p>
      ) : (
        <TextInput
          id={fieldId('id')}
          label="Id"
          hint="What partners write in the return’s measure column: lower-case letters and digits in words joined by hyphens, such as champions-trained. It cannot change later."
          value={values.id}
          onChange={set('id')}
          error={fieldError(problems, 'id')}
          width="20"
          autoComplete="off"
          spellCheck={false}
        />
      )}
      <TextInput id={fieldId('title')} label="Title" hint="As the board will read it, e.g. Domestic abuse champions trained" value={values.title} onChange={set('title')} error={fieldError(problems, 'title')} width="30" autoComplete="off" />
      <Field id={fieldId('definition')} label="Definition (optional)" hint="What the measure is, for the board; the title is used when left blank." error={fieldError(problems, 'definition')}>
        <textarea
          className={`govuk-textarea${fieldError(problems, 'definition') ? ' govuk-textarea--error' : ''}`}
          id={fieldId('definition')}
          name={fieldId('definition')}
          rows={3}
          value={values.definition}
          aria-describedby={describedByFor(fieldId('definition'), true, fieldError(problems, 'definition'))}
          onChange={(e) => set('definition')(e.target.value)}
        />
      </Field>
      <TextInput id={fieldId('unit')} label="Unit" hint="Shown after the figure, e.g. champions, % or per 1,000 residents" value={values.unit} onChange={set('unit')} error={fieldError(problems, 'unit')} width="20" autoComplete="off" />
      <Field id={fieldId('aim')} label="Strategy aim" hint="Where it is listed in the catalogue and the strategy editor." error={selectError('aim')}>
        <select className="govuk-select" id={fieldId('aim')} name={fieldId('aim')} value={values.aim} aria-describedby={describedByFor(fieldId('aim'), true, selectError('aim'))} onChange={(e) => set('aim')(e.target.value as StrategyAim)}>
          {Object.entries(STRATEGY_AIMS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <TextInput id={fieldId('numerator')} label="What the numerator counts" hint="In words, e.g. People who completed domestic abuse champion training" value={values.numerator} onChange={set('numerator')} error={fieldError(problems, 'numerator')} width="30" autoComplete="off" />
      {fixed && (
        <div className="govuk-inset-text" id={`${prefix}-fixed`}>
          Figures are already held for this measure, so whether it has a denominator, its scale, which way is better and its interval cannot change: the figures were sent as it was defined. Define a new
          measure instead.
        </div>
      )}
      <Radios
        id={fieldId('kind')}
        legend="Is it a count, or divided by something?"
        options={[
          { value: 'count', label: 'A count' },
          { value: 'divided', label: 'Divided by a denominator (a share or a rate)' },
        ]}
        value={values.kind}
        onChange={set('kind')}
        error={fieldError(problems, 'kind')}
      >
        {(kind) =>
          kind === 'divided' && (
            <div className="govuk-radios__conditional">
              <TextInput id={fieldId('denominator')} label="What the denominator counts" hint="In words, e.g. Residents surveyed" value={values.denominator} onChange={set('denominator')} error={fieldError(problems, 'denominator')} width="30" autoComplete="off" />
            </div>
          )
        }
      </Radios>
      <Field id={fieldId('multiplier')} label="Scale" error={selectError('multiplier')}>
        <select
          className={`govuk-select${selectError('multiplier') ? ' govuk-select--error' : ''}`}
          id={fieldId('multiplier')}
          name={fieldId('multiplier')}
          value={values.multiplier}
          aria-describedby={describedByFor(fieldId('multiplier'), false, selectError('multiplier'))}
          onChange={(e) => set('multiplier')(e.target.value as MeasureValues['multiplier'])}
        >
          {Object.entries(MULTIPLIER_WORDS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Radios
        id={fieldId('polarity')}
        legend="Which way is better?"
        options={Object.entries(POLARITY_WORDS).map(([value, label]) => ({ value: value as MeasureValues['polarity'], label }))}
        value={values.polarity}
        onChange={set('polarity')}
        error={fieldError(problems, 'polarity')}
      />
      <Radios
        id={fieldId('interval')}
        legend="Confidence interval"
        hint="Wilson for a share; exact Poisson for a count or a rate."
        options={Object.entries(INTERVAL_WORDS).map(([value, label]) => ({ value: value as MeasureValues['interval'], label }))}
        value={values.interval}
        onChange={set('interval')}
        error={fieldError(problems, 'interval')}
      />
      <SenderChecklist prefix={prefix} organisations={organisations} chosen={values.organisations} onChange={set('organisations')} error={fieldError(problems, 'organisations')} />
      <div className="app-actions">
        <button type="submit" className="govuk-button" disabled={save.isPending}>
          {measure ? 'Save changes' : 'Define measure'}
        </button>
        {onCancel && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** "Residents who recall the campaign out of residents surveyed, as a percentage" or "A count of …". */
export function arithmeticInWords(m: LocalMeasure): string {
  if (m.denominator === null) return `A count of ${m.numerator.charAt(0).toLowerCase()}${m.numerator.slice(1)}`;
  const scale = m.multiplier === 100 ? ', as a percentage' : m.multiplier === 1000 ? ', per 1,000' : '';
  return `${m.numerator} out of ${m.denominator.charAt(0).toLowerCase()}${m.denominator.slice(1)}${scale}`;
}

function MeasuresTable({ partnership, measures, editing, onEdit }: { partnership: Partnership; measures: LocalMeasure[]; editing: string | null; onEdit: (id: string | null) => void }) {
  if (measures.length === 0) return <p className="govuk-body">{partnership.name} has no measures of its own yet.</p>;
  return (
    <ScrollTable label={`Measures of ${partnership.name}`}>
      <table className="govuk-table app-data-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{plural(measures.length, 'measure')} of its own</caption>
        <TableHead columns={['Measure', 'What it counts', 'Better', 'Interval', 'Sent by', 'Figures held', { label: 'Actions', hidden: true }]} />
        <tbody className="govuk-table__body">
          {measures.map((m) => (
            <tr className="govuk-table__row" key={m.id}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={`/indicators/${encodeURIComponent(m.indicator)}?area=${encodeURIComponent(partnership.areas[0] ?? '')}`}>
                  {m.title}
                </Link>{' '}
                <span className="app-card__meta">
                  {m.id}, in {m.unit}
                </span>
              </th>
              <td className="govuk-table__cell">{arithmeticInWords(m)}</td>
              <td className="govuk-table__cell">{POLARITY_WORDS[m.polarity]}</td>
              <td className="govuk-table__cell">{m.interval === 'wilson' ? 'Wilson' : m.interval === 'byar' ? 'Exact Poisson' : 'None'}</td>
              <td className="govuk-table__cell">{m.organisations.length > 0 ? listInWords(m.organisations.map((o) => o.name)) : 'No one yet'}</td>
              <td className="govuk-table__cell">{m.hasFigures ? 'Yes' : 'No'}</td>
              <td className="govuk-table__cell">
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" aria-expanded={editing === m.id} onClick={() => onEdit(editing === m.id ? null : m.id)}>
                  Change<span className="govuk-visually-hidden"> {m.title}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function PartnershipMeasures({ partnership, organisations }: { partnership: Partnership; organisations: readonly Organisation[] }) {
  const measures = useQuery(measuresQueryOptions(partnership.id));
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const editingMeasure = measures.data?.find((m) => m.id === editing) ?? null;
  return (
    <>
      {notice && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{notice}</p>
          </div>
        </div>
      )}
      <QueryState query={measures} what={`the measures of ${partnership.name}`}>
        {(list) => <MeasuresTable partnership={partnership} measures={list} editing={editing} onEdit={setEditing} />}
      </QueryState>
      {editingMeasure && (
        <LocalMeasureForm
          key={editingMeasure.id}
          partnership={partnership}
          measure={editingMeasure}
          organisations={organisations}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(`${saved.title} is saved.`);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <LocalMeasureForm
        key={`new-${partnership.id}`}
        partnership={partnership}
        measure={null}
        organisations={organisations}
        onSaved={(saved) => setNotice(`${saved.title} is defined for ${partnership.name}. Partners it names can send it in the local measure return.`)}
      />
    </>
  );
}

export function LocalMeasuresSection() {
  const partnerships = useQuery(partnershipsQueryOptions);
  const organisations = useQuery(organisationsQueryOptions);
  const [chosen, setChosen] = useState<string>('');
  return (
    <div className="app-admin-partnerships">
      <p className="govuk-body">
        A partnership’s own measures, such as champions trained or a campaign’s reach. Each is shown only to the partnership’s members, in its catalogue, overview, strategy and board paper; defining one
        takes effect at once.
      </p>
      <QueryState query={partnerships} what="the partnerships">
        {(list) => {
          const sorted = [...list].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
          const partnership = sorted.find((p) => String(p.id) === chosen) ?? null;
          return (
            <>
              <Select
                id="local-measures-partnership"
                label="Partnership"
                value={chosen}
                onChange={setChosen}
                options={[{ value: '', label: 'Choose a partnership' }, ...sorted.map((p) => ({ value: String(p.id), label: p.name }))]}
              />
              {partnership && (
                <QueryState query={organisations} what="the organisations">
                  {(orgs) => <PartnershipMeasures key={partnership.id} partnership={partnership} organisations={[...orgs].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))} />}
                </QueryState>
              )}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
