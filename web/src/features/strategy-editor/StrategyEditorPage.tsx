// The strategy editor (`/partnerships/:id/strategy/edit`, issue 11) for administrators and the
// partnership's analysts: a version's title and years, its aims in order (added, removed, moved
// up or down) and each aim's measures with their targets. `?strategy=ID` edits that version,
// `?strategy=new` starts a new one (as a copy of the latest version's aims, or with none);
// without either, the latest version, or a new one for a partnership with none. Nothing is
// sent until "Save": what the page can check is checked first, and the API's refusal is shown on
// the field it names. After saving, the partnership's page shows the result.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { areaNamer, useAreas, useCatalogue, type AreaEntry, type Indicator } from '../../api/indicators';
import { href, Link, navigate, useSearchParams } from '../../app/router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { TextInput } from '../../components/TextInput';
import { financialYearId, latestQuarter, parseQuarterId } from '../../lib/periods';
import { AimEditor, aimHeadingId } from './AimEditor';
import { useSaveStrategy, usePartnerships, useVersion, type Partnership, type StrategySummary, type StrategyView } from './api';
import { problemsFromApi } from './api-problems';
import { blankAim, blankMeasure, draftFromView, draftProblems, fieldId, LIMITS, moved, strategyInput, type FieldRef, type Problem, type StrategyDraft } from './draft';
import { SelectField } from './fields';
import type { MeasureContext } from './MeasureEditor';
import './strategy-editor.scss';

/** Strategy years offered: from this many years before the latest complete quarter's year to this many after. */
const YEARS_BEFORE = 10;
const YEARS_AFTER = 10;

export function yearChoices(latest: string, held: readonly string[]) {
  const start = parseQuarterId(latest)?.startYear ?? new Date().getFullYear();
  const ids = Array.from({ length: YEARS_BEFORE + YEARS_AFTER + 1 }, (_, i) => financialYearId(start - YEARS_BEFORE + i));
  for (const id of held) if (id && !ids.includes(id)) ids.push(id);
  return ids.sort().map((id) => ({ value: id, label: id }));
}

/** The version after the latest: starting the year after it ends, for as many years as it ran. */
function nextYears(latest: StrategySummary | undefined): { from: string; to: string } {
  if (!latest) return { from: '', to: '' };
  const from = Number(latest.from.slice(0, 4));
  const to = Number(latest.to.slice(0, 4));
  return { from: financialYearId(to + 1), to: financialYearId(to + 1 + (to - from)) };
}

const sameRef = (a: FieldRef | null, b: FieldRef) => a !== null && JSON.stringify(a) === JSON.stringify(b);

function StrategyForm({
  partnership,
  version,
  initial,
  copiedFrom,
  catalogue,
  register,
}: {
  partnership: Partnership;
  /** The version changed by a save; null for a new one. */
  version: StrategySummary | null;
  initial: StrategyDraft;
  /** For a new version begun as a copy: the version copied, so the person can start empty instead. */
  copiedFrom: StrategySummary | null;
  catalogue: readonly Indicator[];
  register: readonly AreaEntry[];
}) {
  const [draft, setDraft] = useState<StrategyDraft>(initial);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const copied = useRef(copiedFrom !== null);
  const save = useSaveStrategy(partnership.id);
  const latest = latestQuarter();
  const areaName = areaNamer(register);

  // Moving, adding or removing re-renders the aims; focus then goes where the person will want it.
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId, draft]);

  const errorFor = (ref: FieldRef) => problems.find((p) => sameRef(p.at, ref))?.text ?? null;
  const context: MeasureContext = { catalogue, areas: partnership.areas, register, areaName, benchmark: partnership.benchmark, latest, errorFor };
  const setAims = (aims: StrategyDraft['aims']) => setDraft((d) => ({ ...d, aims }));

  const move = (index: number, by: -1 | 1) => {
    const aim = draft.aims[index];
    const to = index + by;
    setAims(moved(draft.aims, index, by));
    const stillThere = by === -1 ? to > 0 : to < draft.aims.length - 1;
    setFocusId(stillThere ? `aim-${aim.key}-${by === -1 ? 'up' : 'down'}` : `aim-${aim.key}-${by === -1 ? 'down' : 'up'}`);
    setAnnouncement(`Aim “${aim.title.trim() || 'untitled'}” moved to position ${to + 1} of ${draft.aims.length}.`);
  };
  const removeAim = (index: number) => {
    const aim = draft.aims[index];
    const rest = draft.aims.filter((_, i) => i !== index);
    setAims(rest);
    const next = rest[index] ?? rest[index - 1];
    setFocusId(next ? aimHeadingId(next) : 'add-aim');
    setAnnouncement(`Aim “${aim.title.trim() || 'untitled'}” removed. It is gone from the strategy when you save.`);
  };
  const addAim = () => {
    const aim = blankAim();
    setAims([...draft.aims, aim]);
    setFocusId(fieldId({ scope: 'aim', key: aim.key, field: 'title' }));
    setAnnouncement(`Aim ${draft.aims.length + 1} added.`);
  };
  const addMeasure = (index: number) => {
    const measure = blankMeasure(partnership.areas[0] ?? '');
    setAims(draft.aims.map((a, i) => (i === index ? { ...a, measures: [...a.measures, measure] } : a)));
    setFocusId(fieldId({ scope: 'measure', key: measure.key, field: 'indicator' }));
  };
  const removeMeasure = (aimIndex: number, index: number) => {
    const aim = draft.aims[aimIndex];
    setAims(draft.aims.map((a, i) => (i === aimIndex ? { ...a, measures: a.measures.filter((_, j) => j !== index) } : a)));
    setFocusId(`aim-${aim.key}-add-measure`);
    setAnnouncement(`Measure ${index + 1} of aim ${aimIndex + 1} removed.`);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const polarityKnown = (id: string) => catalogue.find((i) => i.id === id)?.polarity !== 'no-judgement';
    const found = draftProblems(draft, polarityKnown);
    setProblems(found);
    if (found.length > 0) return;
    const sent = draft;
    save.mutate(
      { strategy: version?.id ?? null, body: strategyInput(sent) },
      {
        onSuccess: () => navigate(`/partnerships/${partnership.id}`),
        onError: (error) => setProblems(problemsFromApi(error, sent)),
      },
    );
  };

  const years = yearChoices(latest, [draft.from, draft.to]);
  return (
    <form onSubmit={submit} noValidate aria-label={version ? `Edit ${version.title}` : 'New strategy version'} className="app-editor">
      {problems.length > 0 && <ErrorSummary key={attempt} description="Nothing has been saved yet." items={problems.map((p) => ({ text: p.text, href: p.at ? `#${fieldId(p.at)}` : undefined }))} />}
      {copiedFrom && (
        <div className="govuk-inset-text">
          {copied.current && draft.aims.length > 0 ? (
            <>
              <p className="govuk-body">
                This new version starts as a copy of the aims and measures of “{copiedFrom.title}” ({copiedFrom.from} to {copiedFrom.to}). Change or remove what no longer applies.
              </p>
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                onClick={() => {
                  copied.current = false;
                  setAims([]);
                  setFocusId('add-aim');
                  setAnnouncement('The copied aims are removed: the new version has no aims yet.');
                }}
              >
                Start with no aims instead
              </button>
            </>
          ) : (
            <p className="govuk-body">This new version has no aims yet. Add its aims below.</p>
          )}
        </div>
      )}
      <TextInput id={fieldId({ scope: 'strategy', field: 'title' })} label="Title" hint="As the strategy document is called, for example “Domestic Abuse Strategy 2021–2024”." value={draft.title} onChange={(title) => setDraft((d) => ({ ...d, title }))} error={errorFor({ scope: 'strategy', field: 'title' })} width="30" autoComplete="off" maxLength={LIMITS.title} />
      <div className="app-filters">
        <SelectField id={fieldId({ scope: 'strategy', field: 'from' })} label="First financial year" error={errorFor({ scope: 'strategy', field: 'from' })} value={draft.from} onChange={(from) => setDraft((d) => ({ ...d, from }))} options={[...(draft.from ? [] : [{ value: '', label: 'Choose a year' }]), ...years]} />
        <SelectField id={fieldId({ scope: 'strategy', field: 'to' })} label="Last financial year" error={errorFor({ scope: 'strategy', field: 'to' })} value={draft.to} onChange={(to) => setDraft((d) => ({ ...d, to }))} options={[...(draft.to ? [] : [{ value: '', label: 'Choose a year' }]), ...years]} />
      </div>
      {draft.aims.length === 0 && <p className="govuk-body">No aims yet.</p>}
      {draft.aims.map((aim, i) => (
        <AimEditor
          key={aim.key}
          aim={aim}
          number={i + 1}
          count={draft.aims.length}
          context={context}
          onChange={(changed) => setAims(draft.aims.map((a, j) => (j === i ? changed : a)))}
          onMove={(by) => move(i, by)}
          onRemove={() => removeAim(i)}
          onAddMeasure={() => addMeasure(i)}
          onRemoveMeasure={(m) => removeMeasure(i, m)}
        />
      ))}
      <p className="govuk-visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <button type="button" id="add-aim" className="govuk-button govuk-button--secondary" onClick={addAim} disabled={draft.aims.length >= LIMITS.aims}>
        Add an aim
      </button>
      <div className="app-actions app-editor__save">
        <button type="submit" className="govuk-button" disabled={save.isPending}>
          {version ? 'Save the strategy' : 'Save the new version'}
        </button>
        <Link className="govuk-link" to={`/partnerships/${partnership.id}`}>
          Cancel and go back to the partnership
        </Link>
      </div>
    </form>
  );
}

function Versions({ partnership, current }: { partnership: Partnership; current: number | 'new' }) {
  const path = `/partnerships/${partnership.id}/strategy/edit`;
  return (
    <nav className="app-editor-versions" aria-label="Strategy versions">
      <h2 className="govuk-heading-s">Versions</h2>
      <ul className="govuk-list">
        {partnership.strategies.map((s) => (
          <li key={s.id}>
            <Link className="govuk-link" to={href(path, { strategy: s.id })} aria-current={current === s.id ? 'page' : undefined}>
              {s.title} ({s.from} to {s.to})
            </Link>
            {current === s.id ? ' (editing)' : ''}
          </li>
        ))}
        <li>
          <Link className="govuk-link" to={href(path, { strategy: 'new' })} aria-current={current === 'new' ? 'page' : undefined}>
            Start a new version
          </Link>
          {current === 'new' ? ' (editing)' : ''}
        </li>
      </ul>
    </nav>
  );
}

/** Which version the address asks for: a version, a new one, or (null) one that does not exist. */
export function chosenVersion(partnership: Partnership, requested: string | null): StrategySummary | 'new' | null {
  const versions = [...partnership.strategies].sort((a, b) => a.from.localeCompare(b.from));
  if (requested === 'new') return 'new';
  if (requested === null || requested === '') return versions[versions.length - 1] ?? 'new';
  return versions.find((s) => String(s.id) === requested) ?? null;
}

function EditorBody({ partnership, requested, catalogue: readable, register }: { partnership: Partnership; requested: string | null; catalogue: readonly Indicator[]; register: readonly AreaEntry[] }) {
  const chosen = chosenVersion(partnership, requested);
  const versions = [...partnership.strategies].sort((a, b) => a.from.localeCompare(b.from));
  const latestVersion = versions[versions.length - 1];
  // A new version is begun from the latest one's content; an edited version from its own.
  const source = chosen === 'new' ? latestVersion ?? null : chosen;
  const content = useVersion(partnership.id, source?.id ?? null);
  // Someone in several partnerships (or an administrator) reads every one's own measures; a strategy may use only its partnership's.
  const catalogue = readable.filter((i) => i.partnership === undefined || i.partnership === partnership.id);
  if (chosen === null) {
    return (
      <>
        <p className="govuk-body">{partnership.name} has no strategy version {requested}.</p>
        <Versions partnership={partnership} current="new" />
      </>
    );
  }
  const build = (view: StrategyView | null) =>
    chosen === 'new'
      ? { initial: view ? { ...draftFromView(view, false), title: '', ...nextYears(latestVersion) } : { title: '', from: '', to: '', aims: [] }, copiedFrom: view ? latestVersion : null }
      : { initial: draftFromView(view!, true), copiedFrom: null };
  const form = (view: StrategyView | null) => {
    const { initial, copiedFrom } = build(view);
    return <StrategyForm key={`${partnership.id}-${chosen === 'new' ? 'new' : chosen.id}`} partnership={partnership} version={chosen === 'new' ? null : chosen} initial={initial} copiedFrom={copiedFrom} catalogue={catalogue} register={register} />;
  };
  return (
    <>
      {partnership.strategies.length > 0 && <Versions partnership={partnership} current={chosen === 'new' ? 'new' : chosen.id} />}
      {source === null ? form(null) : <QueryState query={content} what="the strategy">{(view) => form(view)}</QueryState>}
    </>
  );
}

export default function StrategyEditorPage({ params }: { params: Record<string, string> }) {
  const id = Number(params.id);
  const [search] = useSearchParams();
  const requested = search.get('strategy');
  const partnerships = usePartnerships();
  const catalogue = useCatalogue();
  const areas = useAreas();
  const partnership = partnerships.data?.find((p) => p.id === id);
  const isNew = requested === 'new' || (partnership !== undefined && requested === null && partnership.strategies.length === 0);
  const name = partnership?.name ?? 'Partnership';
  return (
    <div className="app-editor-page">
      <Link className="govuk-back-link" to={`/partnerships/${id}`}>
        {partnership ? `Back to ${partnership.name}` : 'Back to the partnership'}
      </Link>
      <PageHeading title={`${isNew ? 'New strategy version' : 'Edit the strategy'}: ${name}`} caption="Our strategy" />
      <p className="govuk-body">Aims in the order the strategy sets them out, each with the measures that say whether it is working. Statuses are worked out from the data when the partnership page is read.</p>
      <QueryState query={partnerships} what="the partnership">
        {(list) => {
          const found = list.find((p) => p.id === id);
          if (!found) return <p className="govuk-body">There is no partnership {params.id} that you can edit. Only administrators and the partnership’s own analysts change its strategy.</p>;
          return (
            <QueryState query={catalogue} what="the indicator catalogue">
              {(indicators) => <QueryState query={areas} what="the list of areas">{(register) => <EditorBody partnership={found} requested={requested} catalogue={indicators} register={register} />}</QueryState>}
            </QueryState>
          );
        }}
      </QueryState>
    </div>
  );
}
