// The period a strategy is read over: a financial year, a calendar year or a rolling twelve
// months (a strategy is never judged on a quarter: the server refuses one). Nothing changes
// until "Show" is pressed, so moving through the selects with a keyboard or screen reader never
// reloads the page under the reader. Opens on the period the page is showing.
import { useEffect, useState, type FormEvent } from 'react';
import { Select } from '../../components/Select';
import { periodLabel } from '../../lib/format';
import { defaultPeriod, latestQuarter, PERIOD_KINDS, periodChoices, periodKindOf, type PeriodKind } from '../../lib/periods';

export const TWELVE_MONTH_KINDS = PERIOD_KINDS.filter((k) => k.kind !== 'quarter');

/** A board reads the latest twelve months first. */
const DEFAULT_KIND: PeriodKind = 'rolling-year';

function twelveMonthKind(period: string): PeriodKind {
  const kind = periodKindOf(period);
  return kind && kind !== 'quarter' ? kind : DEFAULT_KIND;
}

export function StrategyPeriodForm({ period, onApply }: { period: string; onApply: (period: string) => void }) {
  const latest = latestQuarter();
  const [kind, setKind] = useState<PeriodKind>(twelveMonthKind(period));
  const [chosen, setChosen] = useState(period);

  // When the address changes (back button, a link), show what it says.
  useEffect(() => {
    setKind(twelveMonthKind(period));
    setChosen(period);
  }, [period]);

  const choices = periodChoices(kind, latest);
  // A period from an old link that is not in the list is still offered, so the select shows it.
  const options = choices.some((c) => c.id === chosen) ? choices : [{ id: chosen, label: periodLabel(chosen) }, ...choices];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(chosen);
  };

  return (
    <form className="app-filters" onSubmit={submit} aria-label="Choose the twelve months">
      <Select
        id="strategy-period-kind"
        label="Type of period"
        value={kind}
        onChange={(value) => {
          const next = value as PeriodKind;
          setKind(next);
          setChosen(defaultPeriod(next, latest));
        }}
        options={TWELVE_MONTH_KINDS.map((k) => ({ value: k.kind, label: k.label }))}
      />
      <Select id="strategy-period" label="Twelve months" value={chosen} onChange={setChosen} options={options.map((c) => ({ value: c.id, label: c.label }))} />
      <div className="govuk-form-group">
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          Show
        </button>
      </div>
    </form>
  );
}
