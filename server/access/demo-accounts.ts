// With demo data there is a demo user for each role (DOMAIN.md section 10). Their passwords are
// public by design and shown on the sign-in page, which is why they exist only in a database
// that holds synthetic demo data.
import type { Db } from '../db/database';
import { createOrganisation, createUser, findUserByEmail, replaceGrants } from './accounts';
import type { Role } from './actor';
import { holdsDemoData } from './settings';

const THAMES_VALLEY_AUTHORITIES = ['E06000060', 'E10000025', 'E06000036', 'E06000037', 'E06000038', 'E06000039', 'E06000040', 'E06000041', 'E06000042'];

export const DEMO_ACCOUNTS: Array<{ role: Role; email: string; password: string; name: string; description: string }> = [
  { role: 'board', email: 'board@demo.invalid', password: 'demo-board-2026', name: 'Demo board member', description: 'Reads the dashboard (small numbers suppressed).' },
  { role: 'analyst', email: 'analyst@demo.invalid', password: 'demo-analyst-2026', name: 'Demo analyst', description: 'Sees unsuppressed figures, loads population and benchmark data.' },
  { role: 'partner', email: 'police@demo.invalid', password: 'demo-partner-2026', name: 'Demo police data officer', description: 'Sends Thames Valley Police returns for the nine Thames Valley authorities.' },
  { role: 'admin', email: 'admin@demo.invalid', password: 'demo-admin-2026', name: 'Demo administrator', description: 'Manages users, organisations, grants, tokens; reads the audit trail.' },
];

export async function createDemoAccounts(db: Db, now: Date) {
  // Defence in depth behind the start-up check (server/ops/start-checks.ts): accounts with public
  // passwords are never added to a database that holds real returns.
  const submissions = await db.kysely.selectFrom('submissions').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(submissions.n) > 0 && !(await holdsDemoData(db))) {
    throw new Error('Refusing to create demo accounts: this database holds real returns, and demo passwords are public.');
  }
  const police = await createOrganisation(db, 'Thames Valley Police (demo)', 'police', now);
  await replaceGrants(db, police.id, THAMES_VALLEY_AUTHORITIES.map((areaCode) => ({ returnType: 'police', areaCode })));
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(db, account.email)) continue;
    await createUser(db, { email: account.email, name: account.name, role: account.role, organisationId: account.role === 'partner' ? police.id : null, password: account.password }, now);
  }
}
