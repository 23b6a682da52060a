// `npm run backup -- FILE`: a consistent copy of DATABASE_PATH in FILE, safe while the server
// runs (server/ops/backup.ts), recorded in the audit trail.
import { userInfo } from 'node:os';
import { recordAudit } from '../access/audit';
import { databasePathFromEnv } from '../config';
import { openDatabase } from '../db/database';
import { backupDatabase } from './backup';
import { isPostgresAddress, POSTGRES_BACKUP_REFUSAL } from './sqlite-only';

async function main() {
  const [file] = process.argv.slice(2).filter((a) => a !== '--');
  if (!file) {
    console.error('Usage: npm run backup -- FILE   (writes a consistent copy of DATABASE_PATH to FILE, which must not exist)');
    process.exit(2);
  }
  if (isPostgresAddress(process.env.DATABASE_URL)) throw new Error(POSTGRES_BACKUP_REFUSAL);
  const path = databasePathFromEnv();
  const db = await openDatabase(path);
  try {
    const result = await backupDatabase(db, file);
    await recordAudit(db, { kind: 'system', id: 'system', name: 'System (npm run backup)' }, null, {
      action: 'backup',
      outcome: 'success',
      target: result.file,
      details: { bytes: result.bytes, by: userInfo().username },
    });
    console.log(`Backed up ${path} to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB in ${(result.ms / 1000).toFixed(1)} s); integrity check ok.`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
