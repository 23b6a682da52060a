// /api/partnerships/:id/board-paper, board-paper.docx and board-papers through app.inject. A test
// partnership for Camden reads returns the test sends itself, so every status, change and hidden
// figure below follows from the rows written here: repeat victims up from 25% to 40% (an
// off-track measure and a significant change), a quarter with three charges (the year's charge
// rate hidden from the board), returns sent late, a note with markup, and actions due and
// overdue. The demo's Bexley partnership shows the paper's sections in order.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardPaper } from '../../schemas/board-paper-api';
import { commentaryDb } from '../commentary/tables';
import { loadDemoData } from '../demo/load';
import { strategyDb, type StrategyActionsTable } from '../strategy/tables';
import { signIn, TEST_NOW, upload, type Identity } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';
import { appWithClock, paragraphsOf, resend, storedRow, tableRows, unzipDocx, wordText, type Clock } from './board-paper.test-support';

const CAMDEN = 'E09000007';
const YEARS = { baseline: ['2024-25Q1', '2024-25Q2', '2024-25Q3', '2024-25Q4'], latest: ['2025-26Q1', '2025-26Q2', '2025-26Q3', '2025-26Q4'] };
/** The day the test's returns are sent: after every deadline but 2025-26 Q4's (30 April 2026). */
const SENT_ON = new Date('2026-04-20T10:00:00Z');
const NOTE = '<b>Bold</b> & "quoted": a partner\'s note';
const COMMENT = 'Repeat victims are up by <i>half</i> since last year & the MARAC is reviewing why.';

let app: FastifyInstance;
let clock: Clock;
let admin: Identity;
let board: Identity;
let analyst: Identity;
let outsider: Identity;
let partner: Identity;
let camden: number;
let bexley: number;
let strategyId: number;

const send = (who: Identity, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const paperAs = async (who: Identity, id = camden, query = '?period=2025-26'): Promise<BoardPaper> => {
  const response = await send(who, 'GET', `/api/partnerships/${id}/board-paper${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const docxAs = async (who: Identity, id = camden, query = '?period=2025-26') => {
  const response = await send(who, 'GET', `/api/partnerships/${id}/board-paper.docx${query}`);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return response;
};
const measureOf = (paper: BoardPaper, indicator: string) => paper.summary.aims.flatMap((a) => a.measures).find((m) => m.indicator === indicator)!;

/** Camden's police returns for two years, as the test means them. */
function camdenPoliceCsv(): string {
  const rows = [...YEARS.baseline, ...YEARS.latest].map((period, i) => {
    const latest = i >= 4;
    return validRow('police', {
      period,
      area_code: CAMDEN,
      repeat_victims: latest ? 240 : 150,
      // 2025-26 Q2's three charges: a small count, so every figure that adds it up is hidden from the board.
      charges: period === '2025-26Q2' ? 3 : 70,
      // A year takes its people from its Q4's twelve-month counts: 25% in 2024-25, 40% in 2025-26.
      ...(period.endsWith('Q4') ? { victims_12m: 1800, repeat_victims_12m: latest ? 720 : 450 } : {}),
      notes: period === '2025-26Q3' ? NOTE : '',
    });
  });
  return csvOf(rows);
}

beforeAll(async () => {
  ({ app, clock } = await appWithClock());
  await loadDemoData(app.db, TEST_NOW);
  clock.now = SENT_ON;
  const early = await signIn(app, 'analyst', undefined, 'early-analyst');
  const sent = await upload(app, 'police', camdenPoliceCsv(), { as: early });
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  clock.now = TEST_NOW;

  admin = await signIn(app, 'admin');
  board = await signIn(app, 'board');
  analyst = await signIn(app, 'analyst');
  outsider = await signIn(app, 'analyst', undefined, 'outsider');
  partner = await signIn(app, 'partner');
  camden = (await send(admin, 'POST', '/api/partnerships', { name: 'Board paper test partnership', areas: [CAMDEN], members: [board.userId, analyst.userId] })).json().id;
  const strategy = await send(analyst, 'POST', `/api/partnerships/${camden}/strategies`, {
    title: 'Camden test strategy 2024–2027',
    from: '2024-25',
    to: '2026-27',
    aims: [
      {
        title: 'Protection',
        measures: [
          { indicator: 'repeat-victim-rate', area: CAMDEN, baseline: '2024-25', target: { kind: 'direction', direction: 'decrease', by: '2026-27' }, owner: 'Metropolitan Police' },
          { indicator: 'charge-rate', area: CAMDEN, baseline: '2024-25', target: { kind: 'direction', direction: 'increase', by: '2026-27' }, owner: 'Crown Prosecution Service' },
        ],
      },
      { title: 'Support', measures: [{ indicator: 'idva-engagement-pct', area: CAMDEN, baseline: '2024-25', target: { kind: 'value', value: 80, by: '2026-27', direction: 'increase' }, owner: 'IDVA service' }] },
    ],
  });
  expect(strategy.statusCode, strategy.body).toBe(201);
  strategyId = strategy.json().id;
  // The delivery plan's actions (the table the delivery plan's own routes write).
  const aimIds = (await strategyDb(app.db).selectFrom('strategy_aims').select('id').where('strategy_id', '=', strategyId).orderBy('position').execute()).map((a) => a.id);
  const action = (aim_id: number | null, title: string, lead_agency: string | null, lead_person: string | null, due_on: string | null, status: StrategyActionsTable['status']) =>
    ({ strategy_id: strategyId, aim_id, title, lead_agency, lead_person, due_on, status, created_at: '2026-01-01', updated_at: '2026-01-01' });
  await strategyDb(app.db)
    .insertInto('strategy_actions')
    .values(
      [
        action(aimIds[0], 'Review repeat MARAC cases', 'MARAC steering group', 'Chair', '2026-10-01', 'on-track'),
        action(aimIds[0], 'Train custody officers on protection orders', 'Metropolitan Police', null, '2026-12-15', 'at-risk'),
        action(aimIds[1], 'Recommission the IDVA service', 'Council', null, '2026-09-01', 'complete'),
        action(aimIds[1], 'Evaluate the outreach pilot', 'Council', null, '2027-06-01', 'on-track'),
        action(null, 'Agree a data sharing protocol', null, null, null, 'on-track'),
      ].map((values, position) => ({ ...values, position })),
    )
    .execute();
  const comment = await send(analyst, 'POST', `/api/partnerships/${camden}/commentary`, { subject: { kind: 'figure', indicator: 'repeat-victim-rate', area: CAMDEN }, period: '2025-26', body: COMMENT });
  expect(comment.statusCode, comment.body).toBe(201);
  bexley = (await send(admin, 'GET', '/api/partnerships')).json().partnerships.find((p: { name: string }) => p.name.startsWith('Bexley')).id;
}, 120_000);
afterAll(async () => {
  await app.close();
});

describe('the paper', () => {
  it('reads in the order a board reads, for a demo partnership: summary, exceptions, commentary, actions, data notes', async () => {
    const paper = await paperAs(admin, bexley, '');
    const keys = Object.keys(paper);
    const order = ['summary', 'exceptions', 'commentary', 'actions', 'dataNotes'].map((k) => keys.indexOf(k));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(paper.period).toMatchObject({ id: 'R12-2026-27Q2', chosen: 'latest-twelve-months' });
    const strategy = (await send(admin, 'GET', `/api/partnerships/${bexley}/strategy?period=R12-2026-27Q2`)).json();
    expect(paper.summary.aims.map((a) => [a.title, a.status, a.measures.map((m) => [m.indicator, m.status])])).toEqual(
      strategy.aims.map((a: { title: string; status: string; measures: Array<{ indicator: string; status: string }> }) => [a.title, a.status, a.measures.map((m) => [m.indicator, m.status])]),
    );
    const repeat = measureOf(paper, 'repeat-victim-rate');
    expect(repeat.trend.points).toHaveLength(5);
    expect(repeat.trend.points.map((p) => p.period)).toEqual(['R12-2022-23Q2', 'R12-2023-24Q2', 'R12-2024-25Q2', 'R12-2025-26Q2', 'R12-2026-27Q2']);
    expect(repeat.spine.england?.status).toBe('ok');
    expect(paper.commentary.map((c) => c.body)).toEqual([expect.stringMatching(/^Synthetic demo commentary\. The IDVA service's return/)]);
    expect(paper.demo).toBe(true);
    expect(paper.dataNotes.map((n) => n.code)).toEqual(['demo-data', 'disclosure', 'people-counted-once', 'comparisons', 'late-returns']);
    // The demo's Bexley IDVA return for the latest quarter was never sent.
    expect(paper.exceptions.returns).toContainEqual(expect.objectContaining({ returnType: 'idva', area: 'E09000004', quarter: '2026-27Q2', status: 'overdue' }));
    expect(paper.dataNotes.find((n) => n.code === 'late-returns')!.text).toMatch(/Overdue, not received by the deadline: the IDVA service return for Bexley for 2026-27 Q2\./);
  });

  it('summarises each measure with value, target, status, benchmark, trend and spine, and lists an off-track one in exceptions', async () => {
    const paper = await paperAs(board);
    expect(paper.title).toBe('Board paper test partnership: board paper for financial year 2025-26 (Apr 2025–Mar 2026)');
    expect(paper.summary.sentence).toBe('3 measures: 1 off track and 2 that cannot be assessed.');
    const repeat = measureOf(paper, 'repeat-victim-rate');
    expect(repeat).toMatchObject({
      status: 'off-track',
      statusText: 'Off track',
      targetText: 'Decrease by 2026-27',
      latest: { period: '2025-26', value: 40, status: 'ok' },
      baseline: { period: '2024-25', value: 25, status: 'ok' },
      benchmark: { area: 'E12000007', areaName: 'London' },
      notes: [expect.objectContaining({ quarter: '2025-26Q3', note: NOTE })],
    });
    expect(repeat.latest.text).toMatch(/^40\.0% \(\d+\.\d% to \d+\.\d%\)$/);
    expect(repeat.trend.points.map((p) => p.value)).toEqual([null, null, null, 25, 40]);
    expect(paper.exceptions.offTrack).toEqual([expect.objectContaining({ indicator: 'repeat-victim-rate', area: CAMDEN, aimTitle: 'Protection', valueText: repeat.latest.text })]);
    expect(paper.exceptions.significantChanges).toContainEqual(
      expect.objectContaining({ indicator: 'repeat-victim-rate', area: CAMDEN, earlierPeriod: '2024-25', value: 40, earlierValue: 25, significance: 'higher', assessment: 'worse', inStrategy: true }),
    );
    expect(paper.commentary.map((c) => c.body)).toEqual([COMMENT]);
    expect(paper.summary.aims.map((a) => [a.title, a.status])).toEqual([
      ['Protection', 'off-track'],
      ['Support', 'not-assessable'],
    ]);
  });

  it('hides from the board a figure built from a small count, everywhere in the paper, where the analyst sees it', async () => {
    const forAnalyst = await paperAs(analyst);
    const forBoard = await paperAs(board);
    const analystCharge = measureOf(forAnalyst, 'charge-rate');
    expect(analystCharge.latest.status).toBe('ok');
    expect(analystCharge.status).toBe('off-track');
    expect(forAnalyst.exceptions.offTrack.map((o) => o.indicator)).toEqual(['repeat-victim-rate', 'charge-rate']);
    const boardCharge = measureOf(forBoard, 'charge-rate');
    expect(boardCharge.latest).toMatchObject({ status: 'suppressed', value: null, lower95: null, upper95: null, text: 'Hidden: small numbers' });
    expect(boardCharge.status).toBe('not-assessable');
    expect(forBoard.exceptions.offTrack.map((o) => o.indicator)).toEqual(['repeat-victim-rate']);
    expect(forBoard.exceptions.significantChanges.map((c) => c.indicator)).not.toContain('charge-rate');
    expect(JSON.stringify(forBoard)).not.toContain(analystCharge.latest.text);
    expect(forBoard.disclosure).toEqual({ view: 'suppressed', threshold: 5 });
    expect(forAnalyst.dataNotes.find((n) => n.code === 'disclosure')!.text).toMatch(/do not circulate/);
  });

  it('lists actions overdue and due in the next three months, not those complete, later or undated', async () => {
    const { actions } = await paperAs(board);
    expect(actions.today).toBe('2026-11-22');
    expect(actions.dueBy).toBe('2027-02-22');
    expect(actions.overdue.map((a) => [a.title, a.aimTitle, a.lead, a.dueText])).toEqual([['Review repeat MARAC cases', 'Protection', 'MARAC steering group — Chair', '1 October 2026']]);
    expect(actions.dueSoon.map((a) => [a.title, a.statusText])).toEqual([['Train custody officers on protection orders', 'At risk']]);
  });

  it('lists a return received late in the exceptions and the data notes, and not one received on time', async () => {
    const paper = await paperAs(board);
    const police = paper.exceptions.returns.filter((r) => r.returnType === 'police');
    expect(police.map((r) => [r.quarter, r.status])).toEqual([
      ['2025-26Q1', 'late'],
      ['2025-26Q2', 'late'],
      ['2025-26Q3', 'late'],
    ]);
    const note = paper.dataNotes.find((n) => n.code === 'late-returns')!;
    // 2025-26 Q4 was sent before its deadline (30 April 2026).
    expect(note.text).toMatch(/Received late: the police return for Camden for 2025-26 Q1, 2025-26 Q2 and 2025-26 Q3\.$/);
    // Camden sends no MARAC return: each of its quarters is overdue.
    expect(paper.exceptions.returns.filter((r) => r.returnType === 'marac').map((r) => r.status)).toEqual(['overdue', 'overdue', 'overdue', 'overdue']);
    expect(note.text).toContain('the MARAC return for Camden for 2025-26 Q1, 2025-26 Q2, 2025-26 Q3 and 2025-26 Q4');
  });

  it("names a yearly return's period by the year's label, never by its id, in the exceptions, the data notes and the Word document", async () => {
    const paper = await paperAs(board);
    // Camden sends no safe accommodation return: its financial year is overdue (due 31 July 2026).
    const yearly = paper.exceptions.returns.filter((r) => r.returnType === 'safe-accommodation');
    expect(yearly.map((r) => [r.quarter, r.quarterLabel, r.status])).toEqual([['2025-26', 'Financial year 2025-26 (Apr 2025–Mar 2026)', 'overdue']]);
    expect(yearly[0].sentence).toBe('The yearly safe accommodation duty return for Camden, financial year 2025-26 (Apr 2025–Mar 2026), is overdue: it was due on 31 July 2026 and has not been received.');
    const note = paper.dataNotes.find((n) => n.code === 'late-returns')!;
    expect(note.text).toContain('the yearly safe accommodation duty return for Camden for financial year 2025-26');
    const text = wordText(unzipDocx((await docxAs(board)).rawPayload)['word/document.xml']);
    expect(text).toContain('Camden, financial year 2025-26 (Apr 2025–Mar 2026), is overdue');
    for (const named of [...paper.exceptions.returns.map((r) => r.sentence), note.text, text]) expect(named).not.toMatch(/[ ,]2025-26[,.]/);
  });
});

describe('since the last paper', () => {
  it('records an issued paper (who, when, its figures), audited, and lists a figure revised since in the next paper', async () => {
    const before = await paperAs(board);
    expect(before.lastIssued).toBeNull();
    expect(before.exceptions.revised).toEqual([]);
    const issued = await send(analyst, 'POST', `/api/partnerships/${camden}/board-papers`, { period: '2025-26' });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json()).toMatchObject({ period: '2025-26', issuedAt: TEST_NOW.toISOString(), issuedBy: 'analyst' });
    // Three measures' latest, baseline and trend points: 3 × (1 baseline + 5 points), the baseline being one of the points.
    expect(issued.json().figures).toBe(15);
    const [row] = await app.db.kysely.selectFrom('audit_events').select(['actor_id', 'target', 'details_json']).where('action', '=', 'board-paper-issue').execute();
    expect(row.actor_id).toBe(`user:${analyst.userId}`);
    expect(JSON.parse(row.details_json)).toEqual({ partnership: camden, period: '2025-26', strategy: strategyId, figures: 15 });
    expect((await paperAs(board)).exceptions.revised).toEqual([]);

    clock.advance(1);
    await resend(app, analyst, 'police', CAMDEN, '2025-26Q4', { repeat_victims_12m: 700 });
    clock.advance(1);
    await resend(app, analyst, 'police', CAMDEN, '2025-26Q2', { charges: 4 });

    const forBoard = await paperAs(board);
    expect(forBoard.lastIssued).toMatchObject({ id: issued.json().id, period: '2025-26', issuedBy: 'analyst' });
    expect(forBoard.exceptions.revised).toEqual([
      expect.objectContaining({ indicator: 'repeat-victim-rate', area: CAMDEN, period: '2025-26', before: { status: 'ok', value: 40, text: '40.0%' }, now: { status: 'ok', value: (700 / 1800) * 100, text: '38.9%' } }),
    ]);
    expect(forBoard.exceptions.revised[0].sentence).toBe('Repeat victims, Camden, Financial year 2025-26 (Apr 2025–Mar 2026): 40.0% in the paper of 22 November 2026, 38.9% now.');
    expect(forBoard.dataNotes.find((n) => n.code === 'revised-figures')!.text).toMatch(/^1 figure shown in the last paper has changed/);
    // The charge rate stayed hidden from the board; the analyst, who saw it, is told it changed.
    const forAnalyst = await paperAs(analyst);
    expect(forAnalyst.exceptions.revised.map((r) => r.indicator)).toEqual(['repeat-victim-rate', 'charge-rate']);
    const listed = await send(board, 'GET', `/api/partnerships/${camden}/board-papers`);
    expect(listed.json().papers.map((p: { id: number }) => p.id)).toEqual([issued.json().id]);
  });
});

describe('the Word document', () => {
  it('is a .docx named for the partnership and period: A4 portrait, page numbers, a title with partnership, period and date', async () => {
    const response = await docxAs(board);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers['content-disposition']).toBe('attachment; filename="board-paper-test-partnership-board-paper-2025-26.docx"');
    const parts = unzipDocx(response.rawPayload);
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    const xml = parts['word/document.xml'];
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const footer = Object.entries(parts).find(([path]) => /^word\/footer\d*\.xml$/.test(path))![1];
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    const paragraphs = paragraphsOf(xml);
    expect(paragraphs[0]).toEqual({ style: 'Title', text: 'Board paper test partnership' });
    expect(paragraphs[1].text).toBe('Board paper: Financial year 2025-26 (Apr 2025–Mar 2026)');
    expect(paragraphs[2].text).toMatch(/^Prepared on 22 November 2026 /);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['1. Summary', '2. Exceptions', '3. Commentary', '4. Actions', '5. Data notes']);
  });

  it('holds the summary as a real table with each measure’s figures, and partners’ and analysts’ text as text', async () => {
    const paper = await paperAs(board);
    const xml = unzipDocx((await docxAs(board)).rawPayload)['word/document.xml'];
    const rows = tableRows(xml);
    expect(rows[0]).toBe('Measure | Latest: Financial year 2025-26 | Target | Status | Against benchmark | Trend (5 years)');
    expect(rows[1]).toBe('Protection: off track');
    const repeat = measureOf(paper, 'repeat-victim-rate');
    const repeatRow = rows.find((r) => r.startsWith('Repeat victims'))!;
    expect(repeatRow).toContain(repeat.latest.text);
    expect(repeatRow).toContain('Decrease by 2026-27');
    expect(repeatRow).toContain('Off track');
    expect(repeatRow).toContain(repeat.benchmark!.assessmentText);
    // Markup in a comment or a partner's note is text: escaped in the XML, shown as written.
    expect(xml).not.toContain('<b>');
    expect(xml).not.toContain('<i>');
    expect(xml).toContain('&lt;b&gt;Bold&lt;/b&gt;');
    const text = wordText(xml);
    expect(text).toContain(COMMENT);
    expect(text).toContain(NOTE);
  });

  it('never carries a value hidden from the board, which the analyst’s copy shows and marks as not for circulation', async () => {
    const analystCharge = measureOf(await paperAs(analyst), 'charge-rate');
    const analystXml = unzipDocx((await docxAs(analyst)).rawPayload)['word/document.xml'];
    const boardXml = unzipDocx((await docxAs(board)).rawPayload)['word/document.xml'];
    const chargeRow = (xml: string) => tableRows(xml).find((r) => r.startsWith('Crimes resulting in a charge'))!;
    expect(chargeRow(analystXml)).toContain(analystCharge.latest.text);
    expect(chargeRow(boardXml)).toContain('Hidden: small numbers');
    expect(wordText(boardXml)).not.toContain(analystCharge.latest.text);
    expect(chargeRow(boardXml)).not.toContain(`${analystCharge.latest.text.split(' ')[0]}`);
    expect(wordText(analystXml)).toContain('Unsuppressed copy for analysts and administrators: do not circulate.');
    expect(wordText(boardXml)).not.toContain('Unsuppressed');
    const exports = await app.db.kysely.selectFrom('audit_events').select('details_json').where('action', '=', 'export').where('target', '=', `board-paper:${camden}/2025-26`).execute();
    expect(exports.map((d) => JSON.parse(d.details_json).view)).toEqual(expect.arrayContaining(['suppressed', 'unsuppressed']));
  });
});

describe('access', () => {
  it('gives the paper to members and administrators only, refuses partners, and issues only for analysts and administrators', async () => {
    for (const url of [`/api/partnerships/${camden}/board-paper?period=2025-26`, `/api/partnerships/${camden}/board-paper.docx?period=2025-26`, `/api/partnerships/${camden}/board-papers`]) {
      expect((await send(admin, 'GET', url)).statusCode, url).toBe(200);
      expect((await send(outsider, 'GET', url)).statusCode, url).toBe(404);
      expect((await send(partner, 'GET', url)).statusCode, url).toBe(403);
    }
    expect((await send(board, 'GET', `/api/partnerships/${bexley}/board-paper`)).statusCode).toBe(404);
    const papers = async () => (await commentaryDb(app.db).selectFrom('board_papers').select('id').execute()).length;
    const before = await papers();
    expect((await send(board, 'POST', `/api/partnerships/${camden}/board-papers`, { period: '2025-26' })).statusCode).toBe(403);
    expect((await send(outsider, 'POST', `/api/partnerships/${camden}/board-papers`, { period: '2025-26' })).statusCode).toBe(404);
    expect((await send(analyst, 'POST', `/api/partnerships/${camden}/board-papers`, { period: '2025-26Q3' })).json().code).toBe('invalid-period');
    expect(await papers()).toBe(before);
  });

  it('answers a period that is not twelve months, or a partnership without a strategy, with a 4xx that says why', async () => {
    const quarter = await send(board, 'GET', `/api/partnerships/${camden}/board-paper?period=2025-26Q3`);
    expect(quarter.statusCode).toBe(400);
    expect(quarter.json().message).toMatch(/twelve-month period/);
    expect((await send(board, 'GET', `/api/partnerships/${camden}/board-paper.docx?period=nonsense`)).statusCode).toBe(400);
    const bare = (await send(admin, 'POST', '/api/partnerships', { name: 'No strategy yet', areas: [CAMDEN] })).json().id;
    const none = await send(admin, 'GET', `/api/partnerships/${bare}/board-paper.docx`);
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('no-strategy');
    expect((await send(admin, 'GET', '/api/partnerships/999999/board-paper')).statusCode).toBe(404);
  });
});

describe('corrections after approval', () => {
  it('names in the data notes a return corrected after an analyst approved it', async () => {
    const before = await paperAs(board);
    expect(before.dataNotes.map((n) => n.code)).not.toContain('corrections-after-approval');
    const approved = await send(analyst, 'POST', '/api/cycle/approvals', { area: CAMDEN, quarter: '2025-26Q1', returnTypes: ['police'] });
    expect(approved.statusCode, approved.body).toBe(201);
    clock.advance(1);
    // A locked quarter is corrected only with a reason, sent beside the file.
    const boundary = '----board-paper-test';
    const file = csvOf([{ ...(await storedRow(app, 'police', CAMDEN, '2025-26Q1')), arrests: 181 }]);
    const payload =
      `--${boundary}\r\nContent-Disposition: form-data; name="reason"\r\n\r\nThe force re-ran its arrest count after a system fix.\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="police.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n--${boundary}--\r\n`;
    const corrected = await app.inject({ method: 'POST', url: '/api/returns/police', payload, headers: { ...analyst.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(corrected.statusCode, corrected.body).toBe(201);
    const note = (await paperAs(board)).dataNotes.find((n) => n.code === 'corrections-after-approval');
    expect(note?.text).toBe('Corrected after an analyst had approved it: the police return for Camden, 2025-26 Q1 (Apr–Jun 2025). The sender\'s reason is shown with the figures and in their revisions on the dashboard.');
  });
});
