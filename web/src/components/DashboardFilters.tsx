// The choices above the overview and the indicator page: area, kind of period, period,
// benchmark and confidence level. Nothing changes until "Show figures" is pressed, so moving
// through the selects with a keyboard or screen reader never reloads the page under the user.
// With no period chosen yet the picker shows rolling twelve months, the board's default, and
// then the period the page is showing once the server has chosen it.
import { useEffect, useState, type FormEvent } from 'react';
import type { AreaEntry } from '../api/indicators';
import { defaultPeriod, latestQuarter, PERIOD_KINDS, periodChoices, periodKindOf, type PeriodKind } from '../lib/periods';
import { periodLabel } from '../lib/format';
import type { Selection } from '../lib/selection';
import { Select } from './Select';

/** A board reads years: rolling twelve months until a period is chosen. */
const DEFAULT_KIND: PeriodKind = 'rolling-year';

const AREA_GROUPS: Array<{ type: string; label: string }> = [
  { type: 'local-authority', label: 'Local authorities' },
  { type: 'police-force-area', label: 'Police force areas' },
  { type: 'region', label: 'Regions' },
  { type: 'country', label: 'Country' },
];

export function areaGroups(areas: readonly AreaEntry[]) {
  return AREA_GROUPS.map((g) => ({
    label: g.label,
    options: areas
      .filter((a) => a.type === g.type)
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      .map((a) => ({ value: a.code, label: a.name })),
  })).filter((g) => g.options.length > 0);
}

export function DashboardFilters({
  areas,
  selection,
  onApply,
  showArea = true,
}: {
  areas: readonly AreaEntry[];
  selection: Selection;
  onApply: (next: Selection) => void;
  showArea?: boolean;
}) {
  const latest = latestQuarter();
  const shown = selection.period ?? defaultPeriod(DEFAULT_KIND, latest);
  const [area, setArea] = useState(selection.area ?? '');
  const [kind, setKind] = useState<PeriodKind>(periodKindOf(shown) ?? DEFAULT_KIND);
  const [period, setPeriod] = useState(shown);
  const [benchmark, setBenchmark] = useState(selection.benchmark ?? '');
  const [level, setLevel] = useState(selection.level);

  // When the address changes (back button, a link), show what it says.
  useEffect(() => {
    setArea(selection.area ?? '');
    setKind(periodKindOf(shown) ?? DEFAULT_KIND);
    setPeriod(shown);
    setBenchmark(selection.benchmark ?? '');
    setLevel(selection.level);
  }, [selection.area, shown, selection.benchmark, selection.level]);

  const entry = areas.find((a) => a.code === area);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const benchmarkOptions = entry
    ? [
        ...(entry.defaultBenchmark ? [{ value: '', label: `${byCode.get(entry.defaultBenchmark)?.name ?? entry.defaultBenchmark} (default)` }] : [{ value: '', label: 'No comparator' }]),
        ...entry.benchmarkChoices.filter((c) => c !== entry.defaultBenchmark).map((c) => ({ value: c, label: byCode.get(c)?.name ?? c })),
      ]
    : [{ value: '', label: 'The area’s default' }];
  const choices = periodChoices(kind, latest);
  // A period from an old link that is not in the list is still offered, so the select shows it.
  const periodOptions = choices.some((c) => c.id === period) ? choices : [{ id: period, label: periodLabel(period) }, ...choices];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!area) return;
    const validBenchmark = entry && benchmark && entry.benchmarkChoices.includes(benchmark) ? benchmark : undefined;
    onApply({ area, period, benchmark: validBenchmark, level });
  };

  return (
    <form className="app-filters" onSubmit={submit} aria-label="Choose what to show">
      {showArea && (
        <Select
          id="area"
          label="Area"
          value={area}
          onChange={(v) => {
            setArea(v);
            setBenchmark('');
          }}
          options={area ? undefined : [{ value: '', label: 'Choose an area' }]}
          groups={areaGroups(areas)}
        />
      )}
      <Select
        id="period-kind"
        label="Type of period"
        value={kind}
        onChange={(v) => {
          const next = v as PeriodKind;
          setKind(next);
          setPeriod(defaultPeriod(next, latest));
        }}
        options={PERIOD_KINDS.map((k) => ({ value: k.kind, label: k.label }))}
      />
      <Select id="period" label="Period" value={period} onChange={setPeriod} options={periodOptions.map((c) => ({ value: c.id, label: c.label }))} />
      <Select id="benchmark" label="Compare with" value={benchmark} onChange={setBenchmark} options={benchmarkOptions} />
      <Select
        id="level"
        label="Significance level"
        value={level}
        onChange={(v) => setLevel(v === '99.8' ? '99.8' : '95')}
        options={[
          { value: '95', label: '95% confidence' },
          { value: '99.8', label: '99.8% confidence' },
        ]}
      />
      <div className="govuk-form-group">
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={!area}>
          Show figures
        </button>
      </div>
    </form>
  );
}
