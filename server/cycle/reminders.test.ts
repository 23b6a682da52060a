// Reminders against a real SMTP server started by the test on 127.0.0.1 (smtp-server): each
// arrives once, even when sendDueReminders runs twice and from two apps on one database file,
// and partners can list what was sent to them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { buildTestApp, partnerToken, signIn, upload } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';

interface Received {
  to: string[];
  data: string;
}

const BEXLEY = 'E09000004';
const BRENT = 'E09000005';

let smtp: SMTPServer;
let inbox: Received[];
let dir: string;
let clock: Date;
const apps: FastifyInstance[] = [];

beforeEach(async () => {
  inbox = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  dir = mkdtempSync(join(tmpdir(), 'cycle-reminders-'));
});

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

async function startApp(withMail = true, reminderTimer = false) {
  const port = (smtp.server.address() as AddressInfo).port;
  const app = await buildTestApp(() => clock, { databasePath: join(dir, 'shared.sqlite'), smtpUrl: withMail ? `smtp://127.0.0.1:${port}` : undefined, reminderTimer });
  apps.push(app);
  return app;
}

/** Quoted-printable bytes (=E2=80=93) back to text. */
const unQ = (text: string) => Buffer.from(text.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');

/** A received message's subject and body as text: unfolded, encoded words and quoted-printable decoded. */
function readMail(data: string) {
  const [head, ...rest] = data.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]/g, ' ');
  const rawSubject = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '';
  const subject = rawSubject.replace(/=\?UTF-8\?Q\?([^?]*)\?=\s*/gi, (_, q: string) => unQ(q.replace(/_/g, ' ')));
  const body = unQ(rest.join('\n\n').replace(/=\r?\n/g, ''));
  return { subject, body };
}

describe('reminders', () => {
  it('arrive once each, across runs and two apps on one database, and partners can list them', async () => {
    clock = new Date('2026-07-24T08:00:00Z'); // police 2026-27 Q1 is due on 30 July: within the week before
    const first = await startApp();
    const second = await startApp();
    const partner = await signIn(first, 'partner', [{ returnType: 'police', areaCode: BEXLEY }, { returnType: 'police', areaCode: BRENT }], 'police');
    // Brent's return is already in: the reminder names Bexley only.
    const token = await partnerToken(first, [{ returnType: 'police', areaCode: BRENT }]);
    expect((await upload(first, 'police', csvOf([validRow('police', { period: '2026-27Q1', area_code: BRENT })]), { as: { headers: { authorization: `Bearer ${token}` } } })).status).toBe(201);

    const runs = await Promise.all([first.cycle.sendDueReminders(), second.cycle.sendDueReminders(), first.cycle.sendDueReminders()]);
    expect(runs.reduce((n, r) => n + r.emailed, 0)).toBe(1);
    expect((await second.cycle.sendDueReminders()).claimed).toBe(0);
    expect(inbox).toHaveLength(1);
    expect(inbox[0].to).toEqual([partner.email]);
    const mail = readMail(inbox[0].data);
    expect(mail.subject).toBe('Police domestic abuse return for 2026-27 Q1 (Apr–Jun 2026) is due by 30 July 2026');
    expect(mail.body).toContain('We have not yet received it for this area:\n\n- Bexley\n');
    expect(mail.body).not.toContain('Brent');

    const listed = await first.inject({ url: '/api/cycle/reminders', headers: partner.headers });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([
      expect.objectContaining({ kind: 'before-deadline', returnType: 'police', quarter: '2026-27Q1', dueOn: '2026-07-30', areas: [BEXLEY], email: { status: 'sent', to: [partner.email], at: expect.any(String) } }),
    ]);
    // The other organisation (Brent, received) had nothing to be reminded of.
    expect((await first.inject({ url: '/api/cycle/reminders', headers: { authorization: `Bearer ${token}` } })).json().items).toEqual([]);
  });

  it('repeat weekly while overdue, and stop once the return arrives', async () => {
    const app = await startApp();
    const partner = await signIn(app, 'partner', [{ returnType: 'police', areaCode: BEXLEY }], 'late');
    const token = await partnerToken(app, [{ returnType: 'police', areaCode: BEXLEY }]);
    const subjects = () => inbox.map((m) => readMail(m.data).subject);

    for (const [day, expected] of [
      ['2026-07-31T09:00:00Z', 1], // the day after the due day: first overdue reminder
      ['2026-08-03T09:00:00Z', 1], // same week: nothing new
      ['2026-08-07T09:00:00Z', 2], // a week after: the second
      ['2026-08-07T10:00:00Z', 2],
    ] as const) {
      clock = new Date(day);
      await app.cycle.sendDueReminders();
      expect(inbox, day).toHaveLength(expected);
    }
    expect(subjects()).toEqual(Array(2).fill('Police domestic abuse return for 2026-27 Q1 (Apr–Jun 2026) is overdue: it was due by 30 July 2026'));
    // Every recipient of the organisation: one partner user here; the token is not a person.
    expect(inbox.every((m) => m.to.join() === partner.email)).toBe(true);

    clock = new Date('2026-08-10T09:00:00Z');
    await upload(app, 'police', csvOf([validRow('police', { period: '2026-27Q1', area_code: BEXLEY })]), { as: { headers: { authorization: `Bearer ${token}` } } });
    clock = new Date('2026-08-15T09:00:00Z');
    expect((await app.cycle.sendDueReminders()).claimed).toBe(0);
    expect(inbox).toHaveLength(2);
  });

  it('are recorded in the app without SMTP_URL, and a failed email is recorded as failed, not resent', async () => {
    clock = new Date('2026-07-31T09:00:00Z');
    const app = await startApp(false);
    await signIn(app, 'partner', [{ returnType: 'police', areaCode: BEXLEY }], 'nomail');
    expect(await app.cycle.sendDueReminders()).toEqual({ claimed: 1, emailed: 0, failed: 0 });
    const analyst = await signIn(app, 'analyst');
    const items = (await app.inject({ url: '/api/cycle/reminders', headers: analyst.headers })).json().items;
    expect(items).toHaveLength(1);
    expect(items[0].email).toEqual({ status: 'not-sent', to: [], at: null });
    expect(inbox).toHaveLength(0);

    // An SMTP server that refuses the message: recorded as failed, and not sent again.
    const port = (smtp.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, onData: (_s, _x, cb) => cb(new Error('mailbox full')) });
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    const mailing = await startApp(true);
    clock = new Date('2026-08-07T09:00:00Z');
    expect(await mailing.cycle.sendDueReminders()).toEqual({ claimed: 1, emailed: 0, failed: 1 });
    expect(await mailing.cycle.sendDueReminders()).toEqual({ claimed: 0, emailed: 0, failed: 0 });
    const again = (await mailing.inject({ url: '/api/cycle/reminders', headers: (await signIn(mailing, 'admin')).headers })).json().items;
    expect(again[0].email.status).toBe('failed');
  });

  it('are sent by the app’s own timer when it is asked to run one', async () => {
    clock = new Date('2026-07-31T09:00:00Z');
    const setup = await startApp();
    await signIn(setup, 'partner', [{ returnType: 'police', areaCode: BEXLEY }], 'timer');
    expect(inbox).toHaveLength(0);
    await startApp(true, true); // its first run is when it is ready
    for (let i = 0; i < 100 && inbox.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(inbox).toHaveLength(1);
  });
});
