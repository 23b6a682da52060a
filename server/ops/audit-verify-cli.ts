// `npm run audit:verify [-- FILE]`: walks the audit trail's hash chain in DATABASE_PATH (or in
// FILE, a backup) and names the first broken link. Exit code 0 when intact, 1 when broken.
import { databasePathFromEnv } from '../config';
import { openDatabase } from '../db/database';
import { verifyAuditChain } from '../access/audit-chain';

async function main() {
  const [file] = process.argv.slice(2).filter((a) => a !== '--');
  const path = file ?? databasePathFromEnv();
  const db = await openDatabase(path, { readonly: true });
  try {
    const report = await verifyAuditChain(db);
    const from = report.anchor ? `from the retention anchor (rows up to ${report.anchor.lastDeletedId} deleted on ${report.anchor.at})` : 'from the first row';
    if (report.ok) {
      console.log(`The audit trail in ${path} is intact: ${report.rows} rows${report.rows ? ` (ids ${report.firstId}–${report.lastId})` : ''}, chained ${from}.`);
      console.log(`Latest hash: ${report.headHash}`);
      console.log('Keep this hash somewhere else (a ticket, an email): if rows are ever cut from the end, it will no longer appear in the trail.');
      return;
    }
    console.error(`The audit trail in ${path} is BROKEN at row ${report.problem!.id}: ${report.problem!.message}`);
    console.error(`${report.rows} rows before it verified, chained ${from}.`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
