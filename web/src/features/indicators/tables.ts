// The data tables beside the charts, as pure functions: API data → columns and rows, each cell
// with the text shown on the page and the value written to a download (numbers rounded as
// shown, so a download and the page never disagree). Value and limit columns carry their unit,
// and count columns say "in the quarter", for quarters, so a download read on its own is not
// taken for a year; the comparison's download says its period. A figure stored with a warning
// carries it (DOMAIN.md 5.7): on the page in a line under its row, and in a Warnings column of
// every download.
import { limitsAt, type AreaComparison, type ConfidenceLevel, type IndicatorSeries, LEVEL_LABELS } from '../../api/indicators';
import type { Cell } from '../../lib/csv';
import { formatCount, formatValue, periodLabel, roundTo, type UnitFormat } from '../../lib/format';
import { countHeading, withUnit, type UnitSubject } from '../../lib/units';
import { warningLines, warningsText, type FigureWarning, type WarningLine } from '../../lib/warnings';
import { assessmentShort, statusExplanation, type ValueStatus } from '../../lib/judgement';
import { sortForComparison } from './charts/compare-option';

export interface TableColumn {
  label: string;
  numeric: boolean;
  /** Where the column is shown: always (the default), or only in downloads, where the page says it elsewhere ('download'). */
  show?: 'always' | 'download';
}

export interface TableCell {
  text: string;
  value: Cell;
}

export interface TableModel {
  columns: TableColumn[];
  /** `flags`: the warnings the row's figure carries, shown on the page in a line under the row. */
  rows: Array<{ key: string; header: TableCell; cells: TableCell[]; flags?: WarningLine[] }>;
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

/** The column of warnings in every download; the page shows them in a line under the flagged row instead. */
export const WARNINGS_COLUMN: TableColumn = { label: 'Warnings', numeric: false, show: 'download' };

/** A figure's warnings: the download's cell ("Flagged when sent (Q3 2019-20): …", empty when none) and the page's lines. */
export function warningCell(warnings: readonly FigureWarning[] | undefined, context: Parameters<typeof warningLines>[1]): { cell: TableCell; flags: WarningLine[] } {
  const flags = warningLines(warnings, context);
  const text = warningsText(flags);
  return { cell: { text, value: text || null }, flags };
}

/** The count columns: "in the quarter" for a quarter; a population denominator is not counted in a quarter. */
function countColumns(format: UnitSubject, kind: IndicatorSeries['kind'] | AreaComparison['period']['kind']): TableColumn[] {
  return [
    { label: countHeading('Numerator', kind), numeric: true },
    { label: format.denominator?.kind === 'population' ? 'Denominator (population)' : countHeading('Denominator', kind), numeric: true },
  ];
}

/** Rows of a table as a download: header first. */
export function downloadRows(model: TableModel, firstHeader: string): Cell[][] {
  return [[firstHeader, ...model.columns.map((c) => c.label)], ...model.rows.map((r) => [r.header.value, ...r.cells.map((c) => c.value)])];
}

/** The first column's heading: what each row is. */
export function trendRowHeading(kind: IndicatorSeries['kind']): string {
  return kind === 'quarter' ? 'Quarter' : kind === 'financial-year' ? 'Financial year' : 'Twelve months to';
}

export function trendTable(series: IndicatorSeries, level: ConfidenceLevel, areaName?: (code: string) => string): TableModel {
  const format = { unit: series.indicator.unit, decimals: series.indicator.decimals, denominator: series.indicator.denominator };
  const levelLabel = LEVEL_LABELS[level];
  const benchmark = series.benchmarkArea?.name;
  const columns: TableColumn[] = [
    { label: withUnit(`${series.area.name} value`, format, series.kind), numeric: true },
    { label: withUnit(`Lower ${levelLabel} limit`, format, series.kind), numeric: true },
    { label: withUnit(`Upper ${levelLabel} limit`, format, series.kind), numeric: true },
    ...countColumns(format, series.kind),
    ...(benchmark ? [{ label: withUnit(`${benchmark} value`, format, series.kind), numeric: true }, { label: `Compared with ${benchmark}`, numeric: false }] : []),
    WARNINGS_COLUMN,
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
    const warnings = warningCell(p.warnings, { area: series.area.code, period: p.period, accommodationType: series.accommodationType, areaName });
    cells.push(warnings.cell);
    return { key: p.period, header: { text: periodLabel(p.period), value: p.period }, cells, flags: warnings.flags };
  });
  return { columns, rows };
}

export function compareTable(comparison: AreaComparison, level: ConfidenceLevel, areaName?: (code: string) => string): TableModel {
  const format = { unit: comparison.indicator.unit, decimals: comparison.indicator.decimals, denominator: comparison.indicator.denominator };
  const levelLabel = LEVEL_LABELS[level];
  const columns: TableColumn[] = [
    // The page's caption and text say the period; a download read on its own needs it in the rows.
    { label: 'Period', numeric: false, show: 'download' },
    { label: withUnit('Value', format, comparison.period.kind), numeric: true },
    { label: withUnit(`Lower ${levelLabel} limit`, format, comparison.period.kind), numeric: true },
    { label: withUnit(`Upper ${levelLabel} limit`, format, comparison.period.kind), numeric: true },
    ...countColumns(format, comparison.period.kind),
    { label: `Compared with ${comparison.parent.name}`, numeric: false },
    WARNINGS_COLUMN,
  ];
  const period: TableCell = { text: comparison.period.label, value: comparison.period.id };
  // Children's names are in the comparison; a parent's warnings are on its children.
  const names = new Map(comparison.areas.map((a) => [a.area, a.name]));
  const nameOf = (code: string) => names.get(code) ?? areaName?.(code) ?? code;
  const byCode = new Map(comparison.areas.map((a) => [a.area, a]));
  const order = sortForComparison(
    comparison.areas.map((a) => ({ code: a.area, name: a.name, value: a.value, lower: null, upper: null, status: a.status, assessment: a.benchmark?.assessment ?? 'not-compared' })),
  );
  const row = (a: AreaComparison['parent'], judged: string) => {
    const limits = limitsAt(a, level);
    const warnings = warningCell(a.warnings, { area: a.area, period: comparison.period.id, areaName: nameOf });
    return {
      key: a.area,
      header: { text: a.name, value: a.name },
      cells: [
        period,
        valueCell(a.value, a.status, format),
        limitCell(limits.lower, a.status, format),
        limitCell(limits.upper, a.status, format),
        countCell(a.numerator),
        countCell(a.denominator),
        { text: judged, value: judged },
        warnings.cell,
      ],
      flags: warnings.flags,
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
