// A throwaway PostgreSQL 15 cluster for tests, started from the server binaries installed on the
// machine (nothing is downloaded): its own data directory in a temporary folder, trust
// authentication, reachable on a unix socket in that folder and on 127.0.0.1 at a free port.
// Durability is switched off because the cluster is deleted after the tests: a crash loses
// nothing anyone needs, and fsync on every commit would make the suite several times slower.
// For the same reason the folder is in memory where the machine has room there (/dev/shm):
// every test copies a database from a template and drops it, and on a virtual machine's disk
// that copy took half a second instead of thirty milliseconds.
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, appendFileSync, chownSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, statfsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

const BIN_DIR = process.env.POSTGRES_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
// Enough for every test file's pools at once, with room for the two-process tests.
const MAX_CONNECTIONS = 200;
// A port found free can be taken by another test run before the server binds it.
const START_ATTEMPTS = 3;
// Room the cluster may need in memory: the template, a few test databases at a time and WAL up
// to max_wal_size. A container's /dev/shm is often 64 MB, so below this the disk is used instead.
const MEMORY_NEEDED_BYTES = 1024 ** 3;
const MEMORY_FOLDER = '/dev/shm';

/** Where the cluster's folder goes: POSTGRES_TEST_DIR if set, else memory if there is room, else the temporary folder. */
export function clusterParentFolder(): string {
  if (process.env.POSTGRES_TEST_DIR) return process.env.POSTGRES_TEST_DIR;
  try {
    accessSync(MEMORY_FOLDER, constants.W_OK);
    const { bavail, bsize } = statfsSync(MEMORY_FOLDER);
    if (bavail * bsize >= MEMORY_NEEDED_BYTES) return MEMORY_FOLDER;
  } catch {
    // No /dev/shm (not Linux), or not ours to write: the temporary folder will do.
  }
  return tmpdir();
}

export interface PostgresCluster {
  /** Connection string for the `postgres` database as the `postgres` superuser. */
  url: string;
  /** The folder holding the unix socket (a `host` for libpq and `pg`). */
  socketDir: string;
  /** Stops the server at once (no checkpoint: the data is thrown away) and deletes its folder. */
  stop(): Promise<void>;
}

/**
 * initdb refuses to run as root, so as root the folder is given to the `postgres` account and the
 * binaries run as that account; anyone else runs them directly and owns the folder already.
 */
function asClusterOwner(bin: string, args: string[]): [string, string[]] {
  const path = join(BIN_DIR, bin);
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
}

function giveToClusterOwner(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
}

async function pgBin(dir: string, bin: string, args: string[]): Promise<void> {
  const [command, argv] = asClusterOwner(bin, args);
  // cwd: the cluster owner may not be allowed into the caller's working directory.
  await run(command, argv, { cwd: dir });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No free port found'))));
    });
  });
}

/** parent: the folder to make the cluster's folder in (by default clusterParentFolder()). */
export async function startPostgresCluster(options: { parent?: string } = {}): Promise<PostgresCluster> {
  if (!existsSync(join(BIN_DIR, 'initdb'))) {
    throw new Error(`The PostgreSQL 15 server binaries are not in ${BIN_DIR}: install the postgresql-15 package, or set POSTGRES_BIN_DIR to the folder holding initdb and pg_ctl.`);
  }
  const dir = mkdtempSync(join(options.parent ?? clusterParentFolder(), 'dashboard-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  let running = false;
  let stopped = false;

  // Stops and deletes synchronously, so that it also works from an 'exit' handler when a test
  // run ends without calling stop(), and when the run is interrupted (Ctrl-C, a CI timeout): a
  // cluster left running would hold its memory until the machine restarts.
  const stopNow = (): void => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stopNow);
    process.off('SIGINT', stopThenDie);
    process.off('SIGTERM', stopThenDie);
    if (running) {
      const [command, argv] = asClusterOwner('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
      try {
        execFileSync(command, argv, { cwd: dir, stdio: 'ignore' });
      } catch {
        // Already gone: nothing to stop.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // The signal is raised again once the cluster is gone, so the process ends as it would have
  // (unless something else, vitest say, also listens for it and decides).
  const stopThenDie = (signal: NodeJS.Signals): void => {
    stopNow();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on('exit', stopNow);
  process.on('SIGINT', stopThenDie);
  process.on('SIGTERM', stopThenDie);

  try {
    giveToClusterOwner(dir);
    // C locale: text sorts and compares byte by byte, as SQLite's does, so ORDER BY gives the
    // same order on both engines.
    await pgBin(dir, 'initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      appendFileSync(
        join(dataDir, 'postgresql.conf'),
        [
          '',
          `port = ${port}`,
          "listen_addresses = '127.0.0.1'",
          `unix_socket_directories = '${dir}'`,
          `max_connections = ${MAX_CONNECTIONS}`,
          'fsync = off',
          'synchronous_commit = off',
          'full_page_writes = off',
          // Checkpoints are cheap without fsync; a smaller WAL keeps the folder small in memory.
          "max_wal_size = '256MB'",
          '',
        ].join('\n'),
      );
      try {
        await pgBin(dir, 'pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60']);
        running = true;
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, socketDir: dir, stop: async () => stopNow() };
      } catch (error) {
        // The later lines of postgresql.conf win, so the next attempt's port replaces this one.
        if (attempt >= START_ATTEMPTS) {
          const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '(no server log)';
          throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${log}`);
        }
      }
    }
  } catch (error) {
    stopNow();
    throw error;
  }
}

/**
 * Creates database `name` on the cluster `adminUrl` points at, as a copy of `template` if given
 * (a migrated template makes each test's database in milliseconds), and returns its URL. The
 * template must have no open connections while it is copied.
 */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // Without a template: from template0, in UTF-8 with the C collation, whatever the server's
    // default (a server of one's own, POSTGRES_TEST_URL), so text sorts as on SQLite.
    const from = template === undefined ? " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'" : ` TEMPLATE ${client.escapeIdentifier(template)}`;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/** Drops database `name` on the cluster `adminUrl` points at, ending any connection still open to it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
