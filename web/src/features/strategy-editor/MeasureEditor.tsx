// One measure of an aim: the catalogue indicator (grouped as the catalogue groups them), the area
// among the partnership's, the baseline's twelve months (its value is read from the data), the
// owner, and the target built as one of four kinds, with the words the partnership page will
// show for it, read out as they change.
import type { AreaEntry, Indicator } from '../../api/indicators';
import { TextInput } from '../../components/TextInput';
import type { Direction } from '../../../../schemas/strategy-api';
import { fieldId, type FieldRef, type MeasureDraft, type MeasureField, type TargetDraft, type TargetKind } from './draft';
import { PeriodPicker, Radios, SelectField, targetHorizon } from './fields';
import { targetPreview } from './preview';

export interface MeasureContext {
  catalogue: readonly Indicator[];
  /** The partnership's areas (codes), in its order. */
  areas: readonly string[];
  register: readonly AreaEntry[];
  areaName: (code: string) => string;
  /** The partnership's default benchmark (a code). */
  benchmark: string;
  /** The latest complete quarter: baselines end there. */
  latest: string;
  errorFor: (ref: FieldRef) => string | null;
}

const KIND_CHOICES: Array<{ value: TargetKind; label: string; hint: string }> = [
  { value: 'value', label: 'A value by a date', hint: 'For example at least 40 per 10,000 women by 2023-24.' },
  { value: 'direction', label: 'A direction', hint: 'An increase or a decrease on the baseline.' },
  { value: 'range', label: 'A reference range', hint: 'For example SafeLives’ 28% to 40% repeat cases.' },
  { value: 'benchmark', label: 'Better than a benchmark', hint: 'Compared with the partnership’s benchmark or another area.' },
];

/** Which way is progress for an indicator, by its polarity; none for an indicator that is not judged. */
export function polarityDirection(indicator: Indicator | undefined): Direction | '' {
  if (indicator?.polarity === 'higher-better') return 'increase';
  if (indicator?.polarity === 'lower-better') return 'decrease';
  return '';
}

/** The catalogue as a select's groups, in the catalogue's own order; the partnership's own measures apart, as the overview shows them. */
export function indicatorGroups(catalogue: readonly Indicator[]) {
  const groups: Array<{ label: string; options: Array<{ value: string; label: string }> }> = [];
  for (const indicator of catalogue) {
    const label = indicator.partnership === undefined ? indicator.aimTitle : 'The partnership’s own measures';
    let group = groups.find((g) => g.label === label);
    if (!group) groups.push((group = { label, options: [] }));
    group.options.push({ value: indicator.id, label: indicator.title });
  }
  return groups;
}

function TargetBuilder({ measure, indicator, context, name, onChange }: { measure: MeasureDraft; indicator: Indicator | undefined; context: MeasureContext; name: string; onChange: (target: TargetDraft) => void }) {
  const target = measure.target;
  const ref = (field: MeasureField): FieldRef => ({ scope: 'measure', key: measure.key, field });
  const id = (field: MeasureField) => fieldId(ref(field));
  const error = (field: MeasureField) => context.errorFor(ref(field));
  const set = (change: Partial<TargetDraft>) => onChange({ ...target, ...change });
  const benchmarkCode = target.benchmark || context.benchmark;
  const benchmarkName = context.areaName(benchmarkCode);
  const preview = targetPreview(target, indicator, benchmarkName);
  const unit = indicator ? indicator.unit : null;
  const comparators = (context.register.find((a) => a.code === measure.area)?.benchmarkChoices ?? []).filter((c) => c !== measure.area && c !== context.benchmark);
  const polarity = polarityDirection(indicator);
  return (
    <div className="app-editor-target">
      <Radios
        id={id('target-kind')}
        legend={`Target for ${name}`}
        error={error('target-kind')}
        value={target.kind}
        onChange={(kind) => set({ kind: kind as TargetKind, direction: kind === 'benchmark' ? '' : target.direction || polarity })}
        options={KIND_CHOICES}
      />
      {target.kind === 'value' && (
        <>
          <TextInput
            id={id('target-value')}
            label="Target value"
            hint={unit ? `In the indicator’s unit: ${unit}.` : 'Choose the indicator first to see its unit.'}
            value={target.value}
            onChange={(value) => set({ value })}
            error={error('target-value')}
            inputMode="decimal"
            width="5"
            spellCheck={false}
            autoComplete="off"
          />
          <Radios
            id={id('target-direction')}
            legend="Which side of the value is the target"
            error={error('target-direction')}
            value={target.direction}
            onChange={(direction) => set({ direction: direction as Direction })}
            options={[
              { value: 'increase', label: 'At least this value' },
              { value: 'decrease', label: 'At most this value' },
            ]}
          />
          <PeriodPicker id={id('target-by')} label="Reached by" hint="The twelve months whose figure should reach the value." value={target.by} onChange={(by) => set({ by })} latest={targetHorizon(context.latest)} error={error('target-by')} />
        </>
      )}
      {target.kind === 'direction' && (
        <>
          <Radios
            id={id('target-direction')}
            legend="Which way is progress"
            error={error('target-direction')}
            value={target.direction}
            onChange={(direction) => set({ direction: direction as Direction })}
            options={[
              { value: 'increase', label: 'An increase on the baseline' },
              { value: 'decrease', label: 'A decrease on the baseline' },
            ]}
          />
          <PeriodPicker id={id('target-by')} label="By (optional)" value={target.by} onChange={(by) => set({ by })} latest={targetHorizon(context.latest)} optional="No date" error={error('target-by')} />
        </>
      )}
      {target.kind === 'range' && (
        <>
          <TextInput id={id('target-low')} label="Low end (optional)" hint={unit ? `In ${unit}.` : undefined} value={target.low} onChange={(low) => set({ low })} error={error('target-low')} inputMode="decimal" width="5" autoComplete="off" />
          <TextInput id={id('target-high')} label="High end (optional)" hint={unit ? `In ${unit}.` : undefined} value={target.high} onChange={(high) => set({ high })} error={error('target-high')} inputMode="decimal" width="5" autoComplete="off" />
          <TextInput
            id={id('target-label')}
            label="How the range is written (optional)"
            hint="Shown instead of the numbers, for example “SafeLives: 28% to 40% repeat cases”."
            value={target.label}
            onChange={(label) => set({ label })}
            error={error('target-label')}
            width="30"
            autoComplete="off"
          />
        </>
      )}
      {target.kind === 'benchmark' && (
        <>
          <SelectField
            id={id('target-benchmark')}
            label="Benchmark"
            error={error('target-benchmark')}
            value={target.benchmark}
            onChange={(benchmark) => set({ benchmark })}
            options={[{ value: '', label: `The partnership’s benchmark: ${context.areaName(context.benchmark)}` }, ...comparators.map((c) => ({ value: c, label: context.areaName(c) }))]}
          />
          <SelectField
            id={id('target-direction')}
            label="Which way is better"
            error={error('target-direction')}
            value={target.direction}
            onChange={(direction) => set({ direction: direction as Direction | '' })}
            options={[
              { value: '', label: polarity === 'increase' ? 'As the indicator reads: higher is better' : polarity === 'decrease' ? 'As the indicator reads: lower is better' : 'Choose which way is better' },
              { value: 'increase', label: 'Higher than the benchmark' },
              { value: 'decrease', label: 'Lower than the benchmark' },
            ]}
          />
        </>
      )}
      <p className="govuk-body app-editor-preview" aria-live="polite">
        {preview ? (
          <>
            The partnership page will say: <strong>{preview}</strong>
          </>
        ) : (
          'Complete the target to see how the partnership page will state it.'
        )}
      </p>
    </div>
  );
}

export function MeasureEditor({
  measure,
  aimNumber,
  number,
  context,
  onChange,
  onRemove,
}: {
  measure: MeasureDraft;
  aimNumber: number;
  number: number;
  context: MeasureContext;
  onChange: (measure: MeasureDraft) => void;
  onRemove: () => void;
}) {
  const ref = (field: MeasureField): FieldRef => ({ scope: 'measure', key: measure.key, field });
  const id = (field: MeasureField) => fieldId(ref(field));
  const error = (field: MeasureField) => context.errorFor(ref(field));
  const indicator = context.catalogue.find((i) => i.id === measure.indicator);
  const name = `measure ${number} of aim ${aimNumber}`;
  const set = (change: Partial<MeasureDraft>) => onChange({ ...measure, ...change });
  const chooseIndicator = (value: string) => {
    const next = context.catalogue.find((i) => i.id === value);
    const target = measure.target;
    // A value or a direction starts the way the indicator calls better; the person may change it.
    const direction = target.kind !== 'benchmark' && target.direction === '' ? polarityDirection(next) : target.direction;
    set({ indicator: value, target: { ...target, direction } });
  };
  return (
    <fieldset className="govuk-fieldset app-editor-measure" id={`measure-${measure.key}`} tabIndex={-1}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
        Measure {number}
        {indicator ? `: ${indicator.title}` : ''}
        <span className="govuk-visually-hidden"> of aim {aimNumber}</span>
      </legend>
      <SelectField
        id={id('indicator')}
        label="Indicator"
        hint={indicator ? indicator.definition : 'From the catalogue, grouped by the aim it serves.'}
        error={error('indicator')}
        value={measure.indicator}
        onChange={chooseIndicator}
        options={[{ value: '', label: 'Choose an indicator' }]}
        groups={indicatorGroups(context.catalogue)}
      />
      <SelectField
        id={id('area')}
        label="Area"
        error={error('area')}
        value={measure.area}
        onChange={(area) => set({ area })}
        options={[...(measure.area && !context.areas.includes(measure.area) ? [measure.area] : []), ...context.areas].map((code) => ({ value: code, label: context.areaName(code) }))}
      />
      <PeriodPicker id={id('baseline')} label="Baseline" hint="The twelve months whose figure is the starting point; the value is read from the data." value={measure.baseline} onChange={(baseline) => set({ baseline })} latest={context.latest} error={error('baseline')} />
      <TextInput id={id('owner')} label="Owner" hint="The agency or role that answers for it, for example “Thames Valley Police”." value={measure.owner} onChange={(owner) => set({ owner })} error={error('owner')} width="20" autoComplete="off" />
      <TargetBuilder measure={measure} indicator={indicator} context={context} name={name} onChange={(target) => set({ target })} />
      <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={onRemove}>
        Remove measure {number}
        <span className="govuk-visually-hidden"> of aim {aimNumber}</span>
      </button>
    </fieldset>
  );
}
