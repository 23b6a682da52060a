// Problems with the disk or the database file, in words that say what to do. SQLite's own
// messages ("database or disk is full", "attempt to write a readonly database", "unable to open
// database file") say what failed but not why or what to do, and on a server they reach only the
// log; these reach the log at start, /api/health/ready and the answer to a request that failed.

export interface StorageProblem {
  code: 'disk-full' | 'read-only' | 'cannot-open' | 'damaged' | 'disk-error';
  message: string;
}

/** A storage problem as an error: the server's error handler answers it with 503 and its words. */
export class StorageError extends Error {
  readonly code: StorageProblem['code'];
  readonly statusCode = 503;
  constructor(problem: StorageProblem) {
    super(problem.message);
    this.name = 'StorageError';
    this.code = problem.code;
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** The storage problem an error reports, or null if it is not one. */
export function storageProblem(error: unknown, path: string): StorageProblem | null {
  if (error instanceof StorageError) return { code: error.code, message: error.message };
  const code = codeOf(error);
  const text = error instanceof Error ? error.message : String(error);
  const where = path === ':memory:' ? 'the in-memory database' : path;
  const files = path === ':memory:' ? '' : ` (SQLite also writes ${path}-wal and ${path}-shm beside it)`;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || /database or disk is full/i.test(text)) {
    return {
      code: 'disk-full',
      message: `The disk that holds the database (${where}) is full, so nothing can be saved. Free space on that disk (old backups and logs are the usual culprits) and the dashboard carries on by itself; nothing already saved is lost.`,
    };
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || /readonly database/i.test(text)) {
    return {
      code: 'read-only',
      message: `The database file ${where} cannot be written: the file or its folder is read-only, or the disk is mounted read-only. Give the account the server runs as permission to write the file and its folder${files}, then restart the server.`,
    };
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EPERM' || code === 'ENOTDIR' || code === 'EEXIST' || /unable to open database file/i.test(text)) {
    return {
      code: 'cannot-open',
      message: `The database file ${where} cannot be opened or created. Check that DATABASE_PATH names a file in a folder that exists, and that the account the server runs as can write to that folder${files}; a read-only disk gives this too. Then restart the server.`,
    };
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || /malformed|not a database/i.test(text)) {
    return {
      code: 'damaged',
      message: `The database file ${where} is damaged or is not a dashboard database. Stop the server and restore the latest backup (README, "Restoring a backup").`,
    };
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return {
      code: 'disk-error',
      message: `The disk reported an error reading or writing ${where}. Check the disk's health and free space; if the file is damaged, restore the latest backup (README, "Restoring a backup").`,
    };
  }
  return null;
}
