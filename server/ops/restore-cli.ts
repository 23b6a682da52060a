// `npm run restore -- BACKUP_FILE [--re-revoke-tokens FROM_LIVE_DB | --no-re-revoke]`: puts a
// backup in place of DATABASE_PATH with the server stopped (server/ops/restore.ts). Every session
// ends. Tokens revoked, passwords changed and accounts disabled since the backup are re-applied
// from the live database when asked: by the flag, or by answering the question it puts when run
// at a terminal. Run without a terminal and without either flag, it stops and asks for one.
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import { databasePathFromEnv } from '../config';
import { restoreDatabase } from './restore';
import { isPostgresAddress, POSTGRES_BACKUP_REFUSAL } from './sqlite-only';

const USAGE = 'Usage: npm run restore -- BACKUP_FILE [--re-revoke-tokens FROM_LIVE_DB | --no-re-revoke]';

function parse(args: string[]) {
  let backup: string | null = null;
  let reapplyFrom: string | null | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') continue;
    if (arg === '--re-revoke-tokens') {
      reapplyFrom = args[++i];
      if (!reapplyFrom) throw new Error(`--re-revoke-tokens needs the live database file.\n${USAGE}`);
    } else if (arg === '--no-re-revoke') reapplyFrom = null;
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}.\n${USAGE}`);
    else if (backup === null) backup = arg;
    else throw new Error(`One backup file at a time.\n${USAGE}`);
  }
  if (!backup) throw new Error(USAGE);
  return { backup, reapplyFrom };
}

async function main() {
  if (isPostgresAddress(process.env.DATABASE_URL)) throw new Error(POSTGRES_BACKUP_REFUSAL);
  const { backup, reapplyFrom: chosen } = parse(process.argv.slice(2));
  const databasePath = resolve(databasePathFromEnv());
  let reapplyFrom = chosen;
  if (reapplyFrom === undefined) {
    if (!existsSync(databasePath)) reapplyFrom = null;
    else if (process.stdin.isTTY) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      const answer = await rl.question(
        `The live database ${databasePath} may hold API tokens revoked, passwords changed and accounts disabled since the backup was made.\n` +
          'Re-apply them to the restored database, so none of them comes back? [Y/n] ',
      );
      rl.close();
      reapplyFrom = /^\s*(n|no)\s*$/i.test(answer) ? null : databasePath;
    } else {
      throw new Error(
        `Say whether to re-apply token revocations, password changes and disabled accounts from the live database:\n` +
          `  npm run restore -- ${backup} --re-revoke-tokens ${databasePath}\n  npm run restore -- ${backup} --no-re-revoke`,
      );
    }
  }
  const report = await restoreDatabase({ backupFile: backup, databasePath, reapplyFrom, now: new Date() });
  console.log(`Restored ${report.restoredFrom} to ${databasePath}.`);
  console.log(`- ${report.sessionsEnded} sessions ended: everyone signs in again.`);
  if (reapplyFrom) {
    console.log(`- Re-applied from ${reapplyFrom}: ${report.tokensRevokedAgain} API tokens revoked again, ${report.passwordsReapplied} password changes, ${report.accountsDisabledAgain} accounts disabled again.`);
  } else {
    console.log('- Nothing re-applied: API tokens revoked and passwords changed since the backup are as the backup had them. Revoke and reset them again now if any had leaked.');
  }
  if (report.previousKeptAt) console.log(`- The database that was live is kept at ${report.previousKeptAt}: uploads, users and tokens added since the backup are there, not in the restored copy.`);
  console.log('Start the server, then run `npm run audit:verify`.');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
