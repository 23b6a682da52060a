// One aim of the strategy in the editor: its place in the order (moved up or down, or removed),
// its title and description in the partnership's own words, and its measures.
import { TextInput } from '../../components/TextInput';
import { fieldId, LIMITS, type AimDraft, type FieldRef, type MeasureDraft } from './draft';
import { TextArea } from './fields';
import { MeasureEditor, type MeasureContext } from './MeasureEditor';

export function aimHeadingId(aim: Pick<AimDraft, 'key'>): string {
  return `aim-${aim.key}-heading`;
}

export function AimEditor({
  aim,
  number,
  count,
  context,
  onChange,
  onMove,
  onRemove,
  onAddMeasure,
  onRemoveMeasure,
}: {
  aim: AimDraft;
  number: number;
  count: number;
  context: MeasureContext;
  onChange: (aim: AimDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onAddMeasure: () => void;
  onRemoveMeasure: (index: number) => void;
}) {
  const ref = (field: 'title' | 'description'): FieldRef => ({ scope: 'aim', key: aim.key, field });
  const headingId = aimHeadingId(aim);
  const named = aim.title.trim() || 'untitled';
  const setMeasure = (index: number, measure: MeasureDraft) => onChange({ ...aim, measures: aim.measures.map((m, i) => (i === index ? measure : m)) });
  return (
    <section className="app-editor-aim" aria-labelledby={headingId}>
      <h2 className="govuk-heading-m" id={headingId} tabIndex={-1}>
        Aim {number}: {named}
      </h2>
      <div className="app-actions app-editor-aim__order">
        {number > 1 && (
          <button type="button" id={`aim-${aim.key}-up`} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => onMove(-1)}>
            Move up<span className="govuk-visually-hidden"> aim {number}: {named}</span>
          </button>
        )}
        {number < count && (
          <button type="button" id={`aim-${aim.key}-down`} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => onMove(1)}>
            Move down<span className="govuk-visually-hidden"> aim {number}: {named}</span>
          </button>
        )}
        <button type="button" id={`aim-${aim.key}-remove`} className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={onRemove}>
          Remove aim {number}
          <span className="govuk-visually-hidden"> ({named})</span>
        </button>
      </div>
      <TextInput id={fieldId(ref('title'))} label={`Title of aim ${number}`} hint="In the strategy’s own words." value={aim.title} onChange={(title) => onChange({ ...aim, title })} error={context.errorFor(ref('title'))} width="30" autoComplete="off" maxLength={LIMITS.aimTitle} />
      <TextArea id={fieldId(ref('description'))} label={`Description of aim ${number} (optional)`} value={aim.description} onChange={(description) => onChange({ ...aim, description })} error={context.errorFor(ref('description'))} />
      <h3 className="govuk-heading-s">Measures of aim {number}</h3>
      {aim.measures.length === 0 && <p className="govuk-body">No measures yet: an aim without measures is shown as not assessable.</p>}
      {aim.measures.map((measure, i) => (
        <MeasureEditor key={measure.key} measure={measure} aimNumber={number} number={i + 1} context={context} onChange={(m) => setMeasure(i, m)} onRemove={() => onRemoveMeasure(i)} />
      ))}
      <button type="button" id={`aim-${aim.key}-add-measure`} className="govuk-button govuk-button--secondary" onClick={onAddMeasure} disabled={aim.measures.length >= LIMITS.measures}>
        Add a measure<span className="govuk-visually-hidden"> to aim {number}</span>
      </button>
    </section>
  );
}
