// A few comments on the demo partnerships' figures, measures and aims, written as the demo
// analyst, so the board paper's commentary section has something to show (issue 11, item 4).
// Every one says it is synthetic: these are not real services, people or events. One is revised
// once, to show a comment's history. They are for the latest twelve months at load time, the
// period the board opens on.
import type { CommentSubjectInput } from '../../schemas/commentary-api';
import { financialYearId, latestCompleteQuarter, parseQuarterId } from '../../schemas/periods';
import { SYSTEM } from '../access/actor';
import { DEMO_ACCOUNTS } from '../access/demo-accounts';
import { createComment, reviseComment, type Author } from '../commentary/store';
import { resolveSubject } from '../commentary/subjects';
import { commentaryDb } from '../commentary/tables';
import type { Db } from '../db/database';
import { SHIPPED_REGISTER } from '../engine/register';
import { findPartnership } from '../strategy/store';

const SYNTHETIC = 'Synthetic demo commentary.';
const DAY_MS = 86_400_000;

interface DemoComment {
  partnership: string;
  /** A measure or figure by indicator (and the partnership's first area), or an aim by its title. */
  about: { measure: string } | { figure: string } | { aim: string };
  /** The comment, then (optionally) its revision. */
  versions: string[];
}

const DEMO_COMMENTS: DemoComment[] = [
  {
    partnership: 'Buckinghamshire Domestic Abuse Board',
    about: { measure: 'repeat-perpetrator-rate' },
    versions: [
      `${SYNTHETIC} The repeat perpetrator rate has stayed at about a quarter. The perpetrator programme's waiting list is the main reason: people wait months for a place.`,
      `${SYNTHETIC} The repeat perpetrator rate has stayed at about a quarter. The perpetrator programme's waiting list is the main reason: people wait months for a place. A second programme group starts next quarter, and the police will refer everyone arrested twice in a year.`,
    ],
  },
  {
    partnership: 'Bexley Domestic Abuse Strategic Partnership Board',
    about: { figure: 'idva-engagement-pct' },
    versions: [`${SYNTHETIC} The IDVA service's return for the latest quarter has not arrived, so the twelve-month figure is incomplete. The provider has been reminded and expects to send it this month.`],
  },
  {
    partnership: 'Oxfordshire Strategic Board for Domestic Abuse',
    about: { aim: 'Pursuing' },
    versions: [`${SYNTHETIC} Protection orders are up on a year before. Repeat victimisation has not yet fallen towards the 27% target; the MARAC review group will look at repeat cases at its next meeting.`],
  },
  {
    partnership: 'Central Bedfordshire Domestic Abuse Partnership',
    about: { measure: 'marac-case-rate' },
    versions: [`${SYNTHETIC} MARAC volume remains below the SafeLives level of 40 cases a year per 10,000 women. Referrals from health services are low; training for GP practices is planned.`],
  },
];

/** The period the board opens on: the twelve months to the latest quarter, a financial year when that is a Q4. */
function latestTwelveMonths(now: Date): string {
  const q = parseQuarterId(latestCompleteQuarter(now))!;
  return q.quarter === 4 ? financialYearId(q.startYear) : `R12-${latestCompleteQuarter(now)}`;
}

async function subjectOf(db: Db, partnershipId: number, firstArea: string, about: DemoComment['about']): Promise<CommentSubjectInput | null> {
  const k = commentaryDb(db);
  if ('figure' in about) return { kind: 'figure', indicator: about.figure, area: firstArea };
  if ('measure' in about) {
    const row = await k
      .selectFrom('strategy_measures as m')
      .innerJoin('strategy_aims as a', 'a.id', 'm.aim_id')
      .innerJoin('strategies as s', 's.id', 'a.strategy_id')
      .select('m.id')
      .where('s.partnership_id', '=', partnershipId)
      .where('m.indicator', '=', about.measure)
      .executeTakeFirst();
    return row ? { kind: 'measure', measure: row.id } : null;
  }
  const row = await k
    .selectFrom('strategy_aims as a')
    .innerJoin('strategies as s', 's.id', 'a.strategy_id')
    .select('a.id')
    .where('s.partnership_id', '=', partnershipId)
    .where('a.title', '=', about.aim)
    .executeTakeFirst();
  return row ? { kind: 'aim', aim: row.id } : null;
}

/** Writes the demo comments once (a partnership that already has commentary is left alone); returns how many were written. */
export async function loadDemoCommentary(db: Db, now: Date): Promise<number> {
  const k = commentaryDb(db);
  const analyst = DEMO_ACCOUNTS.find((a) => a.role === 'analyst')!;
  const user = await k.selectFrom('users').select(['id', 'name']).where('email', '=', analyst.email).executeTakeFirst();
  const author: Author = user ? { userId: user.id, name: user.name } : { userId: null, name: analyst.name };
  const period = latestTwelveMonths(now);
  let written = 0;
  for (const demo of DEMO_COMMENTS) {
    const row = await k.selectFrom('partnerships').select('id').where('name', '=', demo.partnership).executeTakeFirst();
    if (!row) continue;
    if (await k.selectFrom('commentary').select('id').where('partnership_id', '=', row.id).executeTakeFirst()) continue;
    const partnership = (await findPartnership(db, SYSTEM, row.id))!;
    const input = await subjectOf(db, row.id, partnership.areas[0], demo.about);
    if (!input) continue;
    const resolved = await resolveSubject(db, SHIPPED_REGISTER, partnership, input);
    if (!resolved.ok) throw new Error(`Demo comment for ${demo.partnership} is not valid: ${resolved.message}`);
    // The first version a week before the load, any revision a day before: the history reads as written over time.
    const first = new Date(now.getTime() - 7 * DAY_MS);
    const id = await createComment(db, { partnershipId: row.id, subject: resolved.subject, period, body: demo.versions[0], author, now: first });
    for (const body of demo.versions.slice(1)) await reviseComment(db, { commentId: id, body, author, now: new Date(now.getTime() - DAY_MS) });
    written++;
  }
  return written;
}
