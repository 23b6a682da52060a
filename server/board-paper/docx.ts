// The board paper as a Word document (board-paper.docx) that the board's secretary edits before
// circulating: built with the maintained `docx` package from the same JSON the screen shows, so
// it holds the same figures in the same disclosure view. Real headings (Word's navigation pane
// and a table of contents find them), real tables with repeating header rows (not pictures),
// the summary first, A4 portrait with page numbers, and a title naming the partnership, the
// period and the date. Partners' notes and comments are text runs: docx escapes them, so they
// are never read as markup.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { BoardPaper } from '../../schemas/board-paper-api';
import { dateText, shortPeriodText, shortValueText } from './words';

/** A4 in twips (1/1440 inch): 210 × 297 mm. */
const A4 = { width: 11_906, height: 16_838 };
/** 2 cm margins. */
const MARGIN = 1_134;
const TEXT_WIDTH = A4.width - 2 * MARGIN;
/** 10 pt body text (docx sizes are half-points), 8 pt in headers and footers. */
const BODY_SIZE = 20;
const SMALL_SIZE = 16;
const FONT = 'Arial';
const HEADER_SHADE = 'D9D9D9';
const AIM_SHADE = 'F2F2F2';

/** Splits `TEXT_WIDTH` by weights, so columns always fill the text width exactly. */
function columns(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Paragraphs from plain text: one per line, blank lines dropped. */
function paragraphs(text: string, options: { italics?: boolean; bold?: boolean } = {}): Paragraph[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return (lines.length > 0 ? lines : ['']).map((line) => new Paragraph({ children: [new TextRun({ text: line, ...options })] }));
}

type CellText = string | Array<string | { text: string; bold?: boolean; italics?: boolean }>;

function cell(content: CellText, width: number, options: { header?: boolean; shade?: string; span?: number } = {}): TableCell {
  const lines = typeof content === 'string' ? [content] : content;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    shading: options.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: options.shade } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: lines.map((line) => {
      const run = typeof line === 'string' ? { text: line } : line;
      return new Paragraph({ children: [new TextRun({ ...run, bold: options.header || run.bold, size: BODY_SIZE - 2 })] });
    }),
  });
}

function table(headers: readonly string[], rows: ReadonlyArray<readonly CellText[] | TableRow>, weights: readonly number[]): Table {
  const widths = columns(weights);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, widths[i], { header: true, shade: HEADER_SHADE })) }),
      ...rows.map((r) => (r instanceof TableRow ? r : new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i])) }))),
    ],
  });
}

const heading = (text: string, level: 1 | 2 | 3) =>
  new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, keepNext: true });
const bullet = (text: string) => new Paragraph({ children: [new TextRun(text)], bullet: { level: 0 } });
const plain = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const noneLine = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true })] });

const SUMMARY_WEIGHTS = [26, 15, 17, 10, 20, 12];

function summarySection(paper: BoardPaper): Array<Paragraph | Table> {
  const widths = columns(SUMMARY_WEIGHTS);
  const rows: TableRow[] = [];
  for (const aim of paper.summary.aims) {
    rows.push(new TableRow({ cantSplit: true, children: [cell([{ text: `${aim.title}: ${aim.statusText.toLowerCase()}`, bold: true }], TEXT_WIDTH, { span: SUMMARY_WEIGHTS.length, shade: AIM_SHADE })] }));
    if (aim.measures.length === 0) rows.push(new TableRow({ children: [cell([{ text: 'No measures for this aim yet.', italics: true }], TEXT_WIDTH, { span: SUMMARY_WEIGHTS.length })] }));
    for (const m of aim.measures) {
      const spine = [
        m.spine.england ? `England: ${m.spine.england.text}` : null,
        m.spine.lowest && m.spine.highest && m.spine.group ? `${m.spine.group.name} areas: ${shortValueText(m.spine.lowest.value, m)} to ${shortValueText(m.spine.highest.value, m)}` : null,
      ].filter((s): s is string => s !== null);
      const benchmark = m.benchmark ? [m.benchmark.assessmentText, `${m.benchmark.areaName}: ${m.benchmark.text}`, ...spine] : ['No benchmark', ...spine];
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            cell([{ text: m.indicatorTitle, bold: true }, `${m.areaName}; owner: ${m.owner}`], widths[0]),
            cell([m.latest.text], widths[1]),
            cell([m.targetText, `Baseline ${shortPeriodText(m.baseline.period)}: ${m.baseline.text}`], widths[2]),
            cell([{ text: m.statusText, bold: true }], widths[3]),
            cell(benchmark, widths[4]),
            cell([m.trend.text], widths[5]),
          ],
        }),
      );
    }
  }
  return [
    heading('1. Summary', 1),
    plain(paper.summary.sentence),
    table(['Measure', `Latest: ${shortPeriodText(paper.period.id)}`, 'Target', 'Status', 'Against benchmark', 'Trend (5 years)'], rows, SUMMARY_WEIGHTS),
    new Paragraph({ children: [new TextRun({ text: 'Why each measure has its status:', bold: true })], spacing: { before: 160 } }),
    ...paper.summary.aims.flatMap((a) => a.measures.map((m) => bullet(`${m.indicatorTitle}, ${m.areaName}: ${m.statusText.toLowerCase()}. ${m.reason}`))),
  ];
}

function exceptionsSection(paper: BoardPaper): Array<Paragraph | Table> {
  const { offTrack, significantChanges, returns, revised } = paper.exceptions;
  return [
    heading('2. Exceptions', 1),
    heading('Off-track measures', 2),
    ...(offTrack.length === 0 ? [noneLine('No measure is off track.')] : offTrack.map((o) => bullet(`${o.indicatorTitle}, ${o.areaName} (${o.aimTitle}): ${o.valueText}; target ${o.targetText.charAt(0).toLowerCase()}${o.targetText.slice(1)}. ${o.reason}`))),
    heading('Significant changes against a year before', 2),
    ...(significantChanges.length === 0
      ? [noneLine('No figure differs significantly from the same period a year before.')]
      : [
          table(
            ['Indicator', 'Area', shortPeriodText(paper.period.id), 'A year before', 'Change'],
            significantChanges.map((c) => [c.inStrategy ? [{ text: c.indicatorTitle, bold: true }, 'A strategy measure'] : c.indicatorTitle, c.areaName, c.valueText, c.earlierText, `${c.significance === 'higher' ? 'Up' : 'Down'}${c.assessment === 'better' || c.assessment === 'worse' ? ` (${c.assessment})` : ''}`]),
            [32, 14, 18, 18, 18],
          ),
        ]),
    heading('Late and missing returns', 2),
    ...(returns.length === 0 ? [noneLine('Every return for the period arrived by its deadline.')] : returns.map((r) => bullet(r.sentence))),
    heading('Figures revised since the last paper', 2),
    ...(paper.lastIssued === null
      ? [noneLine('No paper has been issued for this partnership yet.')]
      : revised.length === 0
        ? [noneLine(`No figure shown in the paper of ${dateText(paper.lastIssued.issuedAt)} has changed.`)]
        : revised.map((r) => bullet(r.sentence))),
  ];
}

function commentarySection(paper: BoardPaper): Array<Paragraph | Table> {
  const notes = paper.summary.aims.flatMap((a) => a.measures.flatMap((m) => m.notes.map((n) => ({ m, n }))));
  const withheld = paper.summary.aims.reduce((sum, a) => sum + a.measures.reduce((s, m) => s + m.notesWithheld, 0), 0);
  return [
    heading('3. Commentary', 1),
    ...(paper.commentary.length === 0
      ? [noneLine('No commentary has been written for this period.')]
      : paper.commentary.flatMap((c) => [
          heading(`${c.subject.label}: ${c.periodLabel}`, 3),
          ...paragraphs(c.body),
          new Paragraph({
            children: [
              new TextRun({
                text: `Written by ${c.author.name} on ${dateText(c.writtenAt)}${c.version > 1 ? ` (version ${c.version}; first written on ${dateText(c.createdAt)})` : ''}.${c.figure?.revised ? ` The figures have been revised since (last on ${dateText(c.figure.lastRevisedAt!)}).` : ''}`,
                italics: true,
                size: SMALL_SIZE + 2,
              }),
            ],
          }),
        ])),
    heading("Notes from partners' returns", 2),
    ...(notes.length === 0 ? [noneLine("Partners wrote no notes on the returns behind these figures.")] : notes.map(({ m, n }) => bullet(`${m.indicatorTitle}, ${n.areaName}, ${n.quarterLabel}: “${n.note}” (${n.organisation ?? 'loaded by an analyst'}, ${n.returnTitle.charAt(0).toLowerCase()}${n.returnTitle.slice(1)})`))),
    ...(withheld > 0 ? [noneLine(`${withheld} ${withheld === 1 ? 'note is' : 'notes are'} not shown because the figure for its quarter is hidden (small numbers).`)] : []),
  ];
}

function actionsSection(paper: BoardPaper): Array<Paragraph | Table> {
  const rows = (list: BoardPaper['actions']['overdue']) => list.map((a) => [a.title, a.aimTitle ?? '', a.lead ?? '', a.dueText, a.statusText]);
  const weights = [36, 22, 18, 12, 12];
  const headers = ['Action', 'Aim', 'Lead', 'Due', 'Status'];
  return [
    heading('4. Actions', 1),
    heading('Overdue', 2),
    ...(paper.actions.overdue.length === 0 ? [noneLine('No action is overdue.')] : [table(headers, rows(paper.actions.overdue), weights)]),
    heading(`Due by ${dateText(paper.actions.dueBy)}`, 2),
    ...(paper.actions.dueSoon.length === 0 ? [noneLine('No action is due in the next three months.')] : [table(headers, rows(paper.actions.dueSoon), weights)]),
  ];
}

function dataNotesSection(paper: BoardPaper): Paragraph[] {
  return [heading('5. Data notes', 1), ...paper.dataNotes.map((n) => new Paragraph({ children: [new TextRun({ text: `${n.title}. `, bold: true }), new TextRun(n.text)], spacing: { after: 120 } }))];
}

/** What the title block and every footer say about the copy: demo data, and a copy not to circulate. */
function copyWarnings(paper: BoardPaper): string[] {
  return [
    ...(paper.demo ? ['Synthetic demonstration data: not real figures.'] : []),
    ...(paper.disclosure.view === 'unsuppressed' ? ['Unsuppressed copy for analysts and administrators: do not circulate.'] : []),
  ];
}

export function boardPaperDocument(paper: BoardPaper): Document {
  const warnings = copyWarnings(paper);
  const prepared = dateText(paper.preparedAt);
  return new Document({
    creator: 'Domestic abuse partnership outcomes dashboard',
    title: paper.title,
    description: `Board paper for ${paper.partnership.name}, ${paper.period.label}, prepared on ${prepared}`,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: MARGIN / 2, footer: MARGIN / 2 },
          },
        },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${paper.partnership.name}: ${paper.period.label}`, size: SMALL_SIZE })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: SMALL_SIZE }), ...warnings.map((w) => new TextRun({ text: `  ${w}`, size: SMALL_SIZE, bold: true }))],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ text: paper.partnership.name, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun({ text: `Board paper: ${paper.period.label}`, bold: true, size: BODY_SIZE + 8 })] }),
          plain(`Prepared on ${prepared} from the partnership outcomes dashboard. ${paper.strategy.title} (${paper.strategy.from} to ${paper.strategy.to}); benchmark: ${paper.partnership.benchmark.name}.`),
          ...warnings.map((w) => new Paragraph({ children: [new TextRun({ text: w, bold: true })] })),
          ...summarySection(paper),
          ...exceptionsSection(paper),
          ...commentarySection(paper),
          ...actionsSection(paper),
          ...dataNotesSection(paper),
        ],
      },
    ],
  });
}

export function boardPaperDocx(paper: BoardPaper): Promise<Buffer> {
  return Packer.toBuffer(boardPaperDocument(paper));
}

/** "bexley-domestic-abuse-strategic-partnership-board-board-paper-R12-2026-27Q2.docx": ASCII only, safe in a Content-Disposition header. */
export function boardPaperFileName(paper: BoardPaper): string {
  const name = paper.partnership.name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `${name || 'partnership'}-board-paper-${paper.period.id.replace(/[^A-Za-z0-9-]/g, '')}.docx`;
}
