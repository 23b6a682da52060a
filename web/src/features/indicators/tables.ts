// The data tables beside the charts, as pure functions: API data → columns and rows, each cell
// with the text shown on the page and the value written to a download (numbers rounded as
// shown, so a download and the page never disagree). Value columns carry their unit, which
// says "in the quarter" for quarters, so a download read on its own is not taken for a year.
import { limitsAt, type AreaComparison, type ConfidenceLevel, type IndicatorSeries, LEVEL_LABELS } from '../../api/indicators';
import type { Cell } from '../../lib/csv';
import { formatCount, formatValue, periodLabel, roundTo, type UnitFormat } from '../../lib/format';
import { withUnit } from '../../lib/units';
import { assessmentShort, statusExplanation, type ValueStatus } from '../../lib/judgement';
import { sortForComparison } from './charts/compare-option';

export interface TableColumn {
  label: string;
  numeric: boolean;
}

export interface TableCell {
  text: string;
  value: Cell;
}

export interface TableModel {
  columns: TableColumn[];
  rows: Array<{ key: string; header: TableCell; cells: TableCell[] }>;
}

const STATUS_TITLES: Record<ValueStatus, string> = { ok: '', 'no-data': 'No data', incomplete: 'Incomplete', suppressed: 'Suppressed' };

function valueCell(value: number | null, status: ValueStatus, format: UnitFormat): TableCell {
  if (status !== 'ok' || value === null) {
    const text = status === 'ok' ? 'No data' : STATUS_TITLES[status];
    return { text, value: text };
  }
  return { text: formatValue(value, format), value: roundTo(value, format.decimals) };
}

function limitCell(limit: number | null, status: ValueStatus, format: UnitFormat): TableCell {
  if (status !== 'ok' || limit === null) return { text: '', value: null };
  return { text: formatValue(limit, format), value: roundTo(limit, format.decimals) };
}

function countCell(count: number | null): TableCell {
  return count === null ? { text: '', value: null } : { text: formatCount(count), value: count };
}

/** Rows of a table as a download: header first. */
export function downloadRows(model: TableModel, firstHeader: string): Cell[][] {
  return [[firstHeader, ...model.columns.map((c) => c.label)], ...model.rows.map((r) => [r.header.value, ...r.cells.map((c) => c.value)])];
}

/** The first column's heading: what each row is. */
export function trendRowHeading(kind: IndicatorSeries['kind']): string {
  return kind === 'quarter' ? 'Quarter' : 'Twelve months to';
}

export function trendTable(series: IndicatorSeries, level: ConfidenceLevel): TableModel {
  const format = { unit: series.indicator.unit, decimals: series.indicator.decimals, denominator: series.indicator.denominator };
  const levelLabel = LEVEL_LABELS[level];
  const benchmark = series.benchmarkArea?.name;
  const columns: TableColumn[] = [
    { label: withUnit(`${series.area.name} value`, format, series.kind), numeric: true },
    { label: `Lower ${levelLabel} limit`, numeric: true },
    { label: `Upper ${levelLabel} limit`, numeric: true },
    { label: 'Numerator', numeric: true },
    { label: 'Denominator', numeric: true },
    ...(benchmark ? [{ label: withUnit(`${benchmark} value`, format, series.kind), numeric: true }, { label: `Compared with ${benchmark}`, numeric: false }] : []),
  ];
  const rows = series.points.map((p) => {
    const limits = limitsAt(p, level);
    const cells = [
      valueCell(p.value, p.status, format),
      limitCell(limits.lower, p.status, format),
      limitCell(limits.upper, p.status, format),
      countCell(p.numerator),
      countCell(p.denominator),
    ];
    if (benchmark) {
      const b = p.benchmark;
      cells.push(b && b.value !== null ? { text: formatValue(b.value, format), value: roundTo(b.value, format.decimals) } : { text: b ? STATUS_TITLES[b.status] || 'No data' : '', value: null });
      const judged = b ? assessmentShort(b.assessment) : '';
      cells.push({ text: judged, value: judged });
    }
    return { key: p.period, header: { text: periodLabel(p.period), value: p.period }, cells };
  });
  return { columns, rows };
}

export function compareTable(comparison: AreaComparison, level: ConfidenceLevel): TableModel {
  const format = { unit: comparison.indicator.unit, decimals: comparison.indicator.decimals, denominator: comparison.indicator.denominator };
  const levelLabel = LEVEL_LABELS[level];
  const columns: TableColumn[] = [
    { label: withUnit('Value', format, comparison.period.kind), numeric: true },
    { label: `Lower ${levelLabel} limit`, numeric: true },
    { label: `Upper ${levelLabel} limit`, numeric: true },
    { label: 'Numerator', numeric: true },
    { label: 'Denominator', numeric: true },
    { label: `Compared with ${comparison.parent.name}`, numeric: false },
  ];
  const byCode = new Map(comparison.areas.map((a) => [a.area, a]));
  const order = sortForComparison(
    comparison.areas.map((a) => ({ code: a.area, name: a.name, value: a.value, lower: null, upper: null, status: a.status, assessment: a.benchmark?.assessment ?? 'not-compared' })),
  );
  const row = (a: AreaComparison['parent'], judged: string) => {
    const limits = limitsAt(a, level);
    return {
      key: a.area,
      header: { text: a.name, value: a.name },
      cells: [
        valueCell(a.value, a.status, format),
        limitCell(limits.lower, a.status, format),
        limitCell(limits.upper, a.status, format),
        countCell(a.numerator),
        countCell(a.denominator),
        { text: judged, value: judged },
      ],
    };
  };
  return {
    columns,
    rows: [
      ...order.map((o) => {
        const a = byCode.get(o.code)!;
        return row(a, assessmentShort(a.benchmark?.assessment ?? 'not-compared'));
      }),
      row(comparison.parent, 'Benchmark'),
    ],
  };
}

/** A sentence for a status, for notes under a table. */
export function statusNote(status: ValueStatus, threshold: number): string | null {
  return statusExplanation(status, { threshold })?.text ?? null;
}
