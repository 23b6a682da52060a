// Loads the synthetic demo returns into an empty database (DEMO_DATA=true), through the same
// checks and storage as a partner's upload, so demo data can never be something a partner
// could not have sent. Each partner return is stored as sent by its demo organisation, quarter
// by quarter on the day it arrived (server/demo/senders.ts), so the quarter's cycle, the
// partner's pages and the board's dashboard tell the same story.
import { findReturnDefinition } from '../../schemas/returns';
import { SYSTEM, type Actor } from '../access/actor';
import { createOrganisation, listOrganisations, replaceGrants } from '../access/accounts';
import { createDemoAccounts } from '../access/demo-accounts';
import { DEMO_DATA_SETTING, setSetting } from '../access/settings';
import type { Db } from '../db/database';
import { ingestReturn } from '../returns/ingest';
import { generateDemoReturns, type DemoReturn } from './generate';
import { arrivalOf, DEMO_SENDERS, demoExceptions, grantsOfSender, type DemoSender } from './senders';
import { loadDemoStrategies } from './strategies';
import { loadDemoCommentary } from './commentary';

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  return (await db.kysely.selectFrom('submissions').select('id').limit(1).executeTakeFirst()) === undefined;
}

/** The key under which instances starting together take turns to look for, and load, the demo data. */
const DEMO_LOAD_LOCK = 'demo-load';

interface DemoUpload {
  type: string;
  fileName: string;
  csv: string;
  actor: Actor;
  receivedAt: Date;
}

/** The demo organisation for a sender, created (or found, for the demo police user's) and granted exactly what it sends. */
async function organisationFor(db: Db, sender: DemoSender, now: Date): Promise<Actor> {
  const existing = (await listOrganisations(db)).find((o) => o.name === sender.name);
  const organisation = existing ?? (await createOrganisation(db, sender.name, sender.kind, now));
  const grants = grantsOfSender(sender);
  await replaceGrants(db, organisation.id, grants);
  return { kind: 'system', id: 'system', name: `${sender.name}, demo data`, role: 'partner', userId: null, organisationId: organisation.id, grants };
}

/**
 * A partner file split into the submissions its senders made: one per sender and quarter, on the
 * sender's usual day, with the exceptions sent on their own day or not at all.
 */
function partnerUploads(file: DemoReturn, senders: ReadonlyArray<{ sender: DemoSender; actor: Actor }>, now: Date): DemoUpload[] {
  const [header, ...lines] = file.csv.trimEnd().split('\n');
  const exceptions = demoExceptions(now).filter((e) => e.returnType === file.type);
  const groups = new Map<string, { actor: Actor; quarter: string; days: number | null; label: string; lines: string[] }>();
  for (const line of lines) {
    // Demo rows begin with the quarter and the area code, neither quoted (server/demo/generate.ts).
    const [quarter, area] = line.split(',', 2);
    const from = senders.find((s) => s.sender.returnType === file.type && s.sender.areas.includes(area));
    if (!from) throw new Error(`No demo organisation sends ${file.type} for ${area}.`);
    const exception = exceptions.find((e) => e.area === area && e.quarter === quarter);
    const days = exception ? exception.daysAfterQuarterEnd : from.sender.daysAfterQuarterEnd;
    const key = `${from.sender.name}|${quarter}|${exception ? area : ''}`;
    const group = groups.get(key) ?? { actor: from.actor, quarter, days, label: exception ? `${quarter}-${area}` : quarter, lines: [] };
    group.lines.push(line);
    groups.set(key, group);
  }
  const uploads: DemoUpload[] = [];
  for (const g of groups.values()) {
    if (g.days === null) continue;
    const sender = g.actor.name.replace(/ \(demo\), demo data$/, '').toLowerCase().replace(/[^a-z]+/g, '-');
    uploads.push({ type: file.type, fileName: `demo-${file.type}-${sender}-${g.label}.csv`, csv: `${header}\n${g.lines.join('\n')}\n`, actor: g.actor, receivedAt: arrivalOf(g.quarter, g.days, now) });
  }
  return uploads.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

export interface DemoLoad {
  submissions: number;
  rows: number;
}

/**
 * Loads the demo data if the database holds no returns yet, else does nothing (null). Servers
 * starting together on one database load it once: the first to look holds the others back until
 * its returns are stored, and they then find the database no longer empty.
 */
export async function loadDemoDataIfEmpty(db: Db, now: Date): Promise<DemoLoad | null> {
  const loaded = await db.transaction(async () => {
    await db.serialize(DEMO_LOAD_LOCK);
    return (await databaseIsEmpty(db)) ? loadDemoReturns(db, now) : null;
  });
  return loaded;
}

/** Loads the demo data into an empty database. */
export async function loadDemoData(db: Db, now: Date): Promise<DemoLoad> {
  return db.transaction(() => loadDemoReturns(db, now));
}

/**
 * The demo accounts and organisations, every return they sent, and the partnerships' strategies,
 * plans, own measures and commentary, all or nothing: a database holding returns is never
 * loaded again, so it must not be left with some of them.
 */
async function loadDemoReturns(db: Db, now: Date): Promise<DemoLoad> {
  await createDemoAccounts(db, now);
  const senders = [];
  for (const sender of DEMO_SENDERS) senders.push({ sender, actor: await organisationFor(db, sender, now) });
  const uploads: DemoUpload[] = [];
  for (const file of generateDemoReturns(now)) {
    if (file.type === 'population' || file.type === 'benchmark') uploads.push({ ...file, actor: SYSTEM, receivedAt: now });
    else uploads.push(...partnerUploads(file, senders, now));
  }
  let submissions = 0;
  let rows = 0;
  for (const upload of uploads) {
    const outcome = await ingestReturn(db, {
      definition: findReturnDefinition(upload.type)!,
      bytes: Buffer.from(upload.csv, 'utf8'),
      fileName: upload.fileName,
      actor: upload.actor,
      now: upload.receivedAt,
      dryRun: false,
      permits: () => true,
    });
    if (outcome.kind !== 'stored') {
      throw new Error(`Demo file ${upload.fileName} was not accepted: ${JSON.stringify(outcome).slice(0, 500)}`);
    }
    submissions++;
    rows += outcome.submission.rows;
  }
  await loadDemoStrategies(db, now);
  await loadDemoCommentary(db, now);
  await setSetting(db, DEMO_DATA_SETTING, 'true');
  return { submissions, rows };
}
