// The PostgreSQL migrations against the SQLite ones they mirror: the same tables and columns,
// the same keys, references and indexes, and the same statements accepted or refused by the
// same guards with the same words, so that one set of queries gives one set of answers on both
// engines. Also: migrations run once when several servers start together, and migration 070.
import BetterSqlite3 from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, startPostgresCluster, type PostgresCluster } from '../test/postgres-cluster';
import { migrate, migrationFiles } from './migrate';
import { migratePostgres, postgresMigrationFiles, postgresMigrationSql } from './postgres-migrate';

let cluster: PostgresCluster | undefined;
let databaseCount = 0;
const openClients: pg.Client[] = [];

beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 120_000);

afterAll(async () => {
  await Promise.all(openClients.map((client) => client.end()));
  await cluster?.stop();
});

// int8 (ids, counts) as JS numbers, as the server reads them, so rows compare with SQLite's.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

async function freshPostgres(): Promise<pg.Client> {
  const url = await createDatabase(cluster!.url, `schema_test_${++databaseCount}`);
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  openClients.push(client);
  return client;
}

function freshSqlite(): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(':memory:');
  sqlite.pragma('foreign_keys = ON');
  return sqlite;
}

/** Both engines with the migrations before `first` applied and recorded, as a database made by an older release. */
async function bothBefore(first: string): Promise<{ sqlite: BetterSqlite3.Database; postgres: pg.Client }> {
  const sqlite = freshSqlite();
  sqlite.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
  for (const file of migrationFiles().filter((f) => f < first)) {
    sqlite.exec(readFileSync(new URL(`../../migrations/${file}`, import.meta.url), 'utf8'));
    sqlite.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(file, 'then');
  }
  const postgres = await freshPostgres();
  await postgres.query('CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at text NOT NULL)');
  for (const file of postgresMigrationFiles().filter((f) => f < first)) {
    await postgres.query(postgresMigrationSql(file));
    await postgres.query('INSERT INTO schema_migrations VALUES ($1, $2)', [file, 'then']);
  }
  return { sqlite, postgres };
}

async function bothMigrated(): Promise<{ sqlite: BetterSqlite3.Database; postgres: pg.Client }> {
  const sqlite = freshSqlite();
  migrate(sqlite);
  const postgres = await freshPostgres();
  await migratePostgres(postgres);
  return { sqlite, postgres };
}

/** Runs the same SQL on both engines (statements in both dialects' common ground). */
async function execBoth(sqlite: BetterSqlite3.Database, postgres: pg.Client, sql: string): Promise<void> {
  sqlite.exec(sql);
  await postgres.query(sql);
}

// ---------------------------------------------------------------------------------------------
// Schema as data: what each engine reports about its tables, in one vocabulary.

interface Column {
  kind: 'integer' | 'text' | 'real';
  nullable: boolean;
  default: string | null;
}
type Tables = Record<string, Record<string, Column>>;

function sqliteTables(sqlite: BetterSqlite3.Database): Tables {
  const names = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'").pluck().all() as string[];
  const tables: Tables = {};
  for (const table of names) {
    const columns = sqlite.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(table) as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    tables[table] = Object.fromEntries(
      columns.map((c) => [
        c.name,
        {
          kind: c.type.toLowerCase() as Column['kind'],
          // An INTEGER PRIMARY KEY is the rowid, never NULL, though table_info does not say so.
          nullable: c.notnull === 0 && c.pk === 0,
          default: c.dflt_value,
        },
      ]),
    );
  }
  return tables;
}

const POSTGRES_KINDS: Record<string, Column['kind']> = { integer: 'integer', bigint: 'integer', text: 'text', 'double precision': 'real' };

async function postgresTables(postgres: pg.Client): Promise<Tables> {
  const { rows } = await postgres.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default
     FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables: Tables = {};
  for (const row of rows) {
    tables[row.table_name] ??= {};
    tables[row.table_name][row.column_name] = {
      kind: POSTGRES_KINDS[row.data_type] ?? (row.data_type as Column['kind']),
      nullable: row.is_nullable === 'YES',
      // '{}'::text on PostgreSQL is '{}' on SQLite.
      default: row.column_default?.replace(/::text$/, '') ?? null,
    };
  }
  return tables;
}

/** Every unique key (primary keys, UNIQUE, unique indexes) as `table(columns)`, partial ones marked. */
function sqliteUniqueKeys(sqlite: BetterSqlite3.Database, tables: string[]): string[] {
  const keys: string[] = [];
  for (const table of tables) {
    const pk = (sqlite.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').pluck().all(table) as string[]).join(', ');
    if (pk) keys.push(`${table}(${pk})`);
    const indexes = sqlite.prepare('SELECT name, partial FROM pragma_index_list(?) WHERE "unique" = 1').all(table) as { name: string; partial: number }[];
    for (const index of indexes) {
      const columns = sqlite.prepare('SELECT name, coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno').all(index.name) as { name: string; coll: string }[];
      // A NOCASE key is the lower(column) key on PostgreSQL.
      const key = `${table}(${columns.map((c) => (c.coll === 'NOCASE' ? `lower(${c.name})` : c.name)).join(', ')})${index.partial ? ' partial' : ''}`;
      keys.push(key);
    }
  }
  return [...new Set(keys)].sort();
}

async function postgresUniqueKeys(postgres: pg.Client): Promise<string[]> {
  const { rows } = await postgres.query<{ key: string }>(
    `SELECT t.relname || '(' || array_to_string(ARRAY(
         SELECT pg_get_indexdef(ix.indexrelid, k, true) FROM generate_series(1, ix.indnkeyatts) k ORDER BY k
       ), ', ') || ')' || CASE WHEN ix.indpred IS NULL THEN '' ELSE ' partial' END AS key
     FROM pg_index ix
     JOIN pg_class t ON t.oid = ix.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND ix.indisunique`,
  );
  return [...new Set(rows.map((r) => r.key.replaceAll('"', '')))].sort();
}

/** Indexes created by name in the migrations, with their columns. */
function sqliteNamedIndexes(sqlite: BetterSqlite3.Database): string[] {
  const names = sqlite.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; tbl_name: string }[];
  return names
    .map(({ name, tbl_name }) => {
      const columns = sqlite.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(name) as string[];
      return `${name} ON ${tbl_name}(${columns.join(', ')})`;
    })
    .sort();
}

async function postgresIndexes(postgres: pg.Client): Promise<string[]> {
  const { rows } = await postgres.query<{ index: string }>(
    `SELECT i.relname || ' ON ' || t.relname || '(' || array_to_string(ARRAY(
         SELECT pg_get_indexdef(ix.indexrelid, k, true) FROM generate_series(1, ix.indnkeyatts) k ORDER BY k
       ), ', ') || ')' AS index
     FROM pg_index ix
     JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_class t ON t.oid = ix.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema()`,
  );
  // pg_get_indexdef quotes column names that are keywords ("position").
  return rows.map((r) => r.index.replaceAll('"', '')).sort();
}

function sqliteForeignKeys(sqlite: BetterSqlite3.Database, tables: string[]): string[] {
  return tables
    .flatMap((table) =>
      (sqlite.prepare('SELECT "table" AS ref, "from", "to", on_delete FROM pragma_foreign_key_list(?)').all(table) as { ref: string; from: string; to: string; on_delete: string }[]).map(
        (fk) => `${table}.${fk.from} -> ${fk.ref}.${fk.to} ON DELETE ${fk.on_delete}`,
      ),
    )
    .sort();
}

async function postgresForeignKeys(postgres: pg.Client): Promise<string[]> {
  const { rows } = await postgres.query<{ fk: string }>(
    `SELECT t.relname || '.' || a.attname || ' -> ' || r.relname || '.' || ra.attname || ' ON DELETE ' ||
       CASE c.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END AS fk
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid
     JOIN pg_class r ON r.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
     WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  return rows.map((r) => r.fk).sort();
}

async function postgresTriggers(postgres: pg.Client): Promise<string[]> {
  const { rows } = await postgres.query<{ tgname: string }>(
    `SELECT DISTINCT tg.tgname FROM pg_trigger tg
     JOIN pg_class t ON t.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE NOT tg.tgisinternal AND n.nspname = current_schema()`,
  );
  return rows.map((r) => r.tgname).sort();
}

/** Every row of every table, in a stable order, to compare what the same statements left behind. */
async function contents(sqlite: BetterSqlite3.Database, postgres: pg.Client, tables: string[]): Promise<[Record<string, string[]>, Record<string, string[]>]> {
  const onSqlite: Record<string, string[]> = {};
  const onPostgres: Record<string, string[]> = {};
  for (const table of tables) {
    onSqlite[table] = sqlite.prepare(`SELECT * FROM ${table}`).all().map((row) => JSON.stringify(row)).sort();
    onPostgres[table] = (await postgres.query(`SELECT * FROM ${table}`)).rows.map((row) => JSON.stringify(row)).sort();
  }
  return [onSqlite, onPostgres];
}

// ---------------------------------------------------------------------------------------------
// Guards: a statement accepted on one engine is accepted on the other, and one refused is refused
// for the same reason. Anything other than a constraint (a typo in a statement, say) fails the test
// rather than passing as a refusal.

type Outcome = 'ok' | { refused: string };

function isConstraintError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  // SQLITE_CONSTRAINT_*: CHECK, NOT NULL, UNIQUE, FOREIGN KEY and RAISE(ABORT) in a trigger;
  // PostgreSQL's class 23 is the same family, and the triggers raise 23000.
  return typeof code === 'string' && (code.startsWith('SQLITE_CONSTRAINT') || /^23[0-9A-Z]{3}$/.test(code));
}

function onSqlite(sqlite: BetterSqlite3.Database, sql: string): Outcome {
  try {
    sqlite.exec(sql);
    return 'ok';
  } catch (error) {
    if (!isConstraintError(error)) throw new Error(`SQLite: ${sql}: ${(error as Error).message}`);
    return { refused: (error as Error).message };
  }
}

async function onPostgres(postgres: pg.Client, sql: string): Promise<Outcome> {
  try {
    await postgres.query(sql);
    return 'ok';
  } catch (error) {
    if (!isConstraintError(error)) throw new Error(`PostgreSQL: ${sql}: ${(error as Error).message}`);
    return { refused: (error as Error).message };
  }
}

/** `ok`, `constraint` (refused by a CHECK, NOT NULL, UNIQUE or reference: engines word these differently), or a trigger's exact words. */
type Expected = 'ok' | 'constraint' | string;

async function expectBoth(sqlite: BetterSqlite3.Database, postgres: pg.Client, sql: string, expected: Expected): Promise<void> {
  const outcomes = { sqlite: onSqlite(sqlite, sql), postgres: await onPostgres(postgres, sql) };
  const wanted = (o: Outcome): string => (o === 'ok' ? 'ok' : expected === 'constraint' ? 'constraint' : o.refused);
  expect({ sql, sqlite: wanted(outcomes.sqlite), postgres: wanted(outcomes.postgres) }).toEqual({ sql, sqlite: expected, postgres: expected });
}

const APPEND_ONLY = 'audit_events is append-only';
const ANCHORS_APPEND_ONLY = 'audit_chain_anchors is append-only';
const UNCHAINED = 'audit_events rows must be chained: write them through recordAudit';
const UPDATES_APPEND_ONLY = 'action_updates is append-only: add a new update instead';

const AUDIT_COLUMNS = 'id, at, actor_kind, actor_id, actor_name, ip, action, outcome, target, details_json';

// Reference rows both engines share. Ids are given explicitly wherever a later statement names
// them: a refused insert uses up a PostgreSQL identity value, where SQLite takes max(id) + 1.
const SEED = `
  INSERT INTO areas (code, name, type) VALUES ('E09000004', 'Bexley', 'lad');
  INSERT INTO organisations (id, name, kind, created_at) VALUES (1, 'Bexley police', 'police', 't');
  INSERT INTO users (id, email, name, role, organisation_id, password_hash, created_at, password_changed_at)
    VALUES (1, 'Ana.Analyst@Example.test', 'Ana', 'analyst', NULL, 'x', 't', 't');
  INSERT INTO users (id, email, name, role, organisation_id, password_hash, created_at, password_changed_at)
    VALUES (2, 'pat@example.test', 'Pat', 'partner', 1, 'x', 't', 't');
  INSERT INTO submissions (id, return_type, received_at, actor_kind, actor_id, actor_name, file_format, file_sha256, row_count, periods_json, areas_json, warnings_json)
    VALUES (1, 'police', 't', 'user', 'user:2', 'Pat', 'csv', 's', 0, '[]', '[]', '[]');
  INSERT INTO partnerships (id, name, benchmark, created_at, updated_at) VALUES (1, 'Bexley', 'E09000004', 't', 't');
  INSERT INTO strategies (id, partnership_id, title, from_year, to_year, created_at, updated_at) VALUES (1, 1, 'S', '2021-22', '2023-24', 't', 't');
  INSERT INTO strategy_aims (id, strategy_id, position, title) VALUES (1, 1, 1, 'Aim');
  INSERT INTO strategy_actions (id, strategy_id, aim_id, position, title, status, created_at, updated_at) VALUES (1, 1, 1, 1, 'Act', 'on-track', 't', 't');
  INSERT INTO action_updates (id, action_id, on_date, body, author_user_id, author_name, created_at) VALUES (1, 1, '2022-01-01', 'Begun', 1, 'Ana', 't');
`;

describe('the PostgreSQL migrations mirror the SQLite ones', () => {
  it('come in the same files', () => {
    expect(postgresMigrationFiles()).toEqual(migrationFiles());
    expect(migrationFiles()).toContain('070_data_version.sql');
  });

  it('make the same tables and columns, with the same kinds, nullability and defaults', async () => {
    const { sqlite, postgres } = await bothMigrated();
    const onSqlite = sqliteTables(sqlite);
    const onPostgres = await postgresTables(postgres);
    expect(Object.keys(onPostgres).sort()).toEqual(Object.keys(onSqlite).sort());
    for (const table of Object.keys(onSqlite)) {
      expect({ table, columns: onPostgres[table] }).toEqual({ table, columns: onSqlite[table] });
    }
    // Spot checks that the comparison reads what it should.
    expect(onPostgres.submissions.data_version).toEqual({ kind: 'integer', nullable: false, default: '0' });
    expect(onPostgres.audit_events.details_json).toEqual({ kind: 'text', nullable: false, default: "'{}'" });
    expect(onPostgres.users.locked_until.nullable).toBe(true);
  });

  it('make the same keys, references, indexes and triggers', async () => {
    const { sqlite, postgres } = await bothMigrated();
    const tables = Object.keys(sqliteTables(sqlite));
    expect(await postgresUniqueKeys(postgres)).toEqual(sqliteUniqueKeys(sqlite, tables));
    expect(await postgresForeignKeys(postgres)).toEqual(sqliteForeignKeys(sqlite, tables));
    // Every index a SQLite migration names exists on PostgreSQL under that name, over the same
    // columns; PostgreSQL's others back its keys (compared above).
    const indexes = await postgresIndexes(postgres);
    for (const index of sqliteNamedIndexes(sqlite)) expect(indexes).toContain(index);
    const sqliteTriggers = (sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").pluck().all() as string[]).sort();
    // TRUNCATE has no SQLite counterpart; its guards are tested below.
    expect((await postgresTriggers(postgres)).filter((t) => !t.endsWith('_no_truncate'))).toEqual(sqliteTriggers);
  });

  it('keep the audit trail append-only, with the same exceptions and the same words', async () => {
    // An audit row from before the chain (migration 050), which the server later chains.
    const { sqlite, postgres } = await bothBefore('050_audit_chain.sql');
    await execBoth(sqlite, postgres, `INSERT INTO audit_events (${AUDIT_COLUMNS}) VALUES (1, 't1', 'user', 'user:1', 'Ana', NULL, 'sign-in', 'success', NULL, '{}')`);
    migrate(sqlite);
    await migratePostgres(postgres);

    const chained = `INSERT INTO audit_events (${AUDIT_COLUMNS}, prev_hash, hash) VALUES (2, 't2', 'user', 'user:1', 'Ana', NULL, 'upload', 'success', NULL, '{}', 'h1', 'h2')`;
    const cases: [string, Expected][] = [
      // Setting the hash of the unchained row is the one update allowed, and only on its own.
      ["UPDATE audit_events SET hash = 'h1' WHERE id = 1", APPEND_ONLY],
      ["UPDATE audit_events SET hash = 'h1', prev_hash = 'h0', action = 'sign-out' WHERE id = 1", APPEND_ONLY],
      ["UPDATE audit_events SET hash = 'h1', prev_hash = 'h0', ip = '10.0.0.1' WHERE id = 1", APPEND_ONLY],
      ["UPDATE audit_events SET hash = 'h1', prev_hash = 'h0' WHERE id = 1", 'ok'],
      ["UPDATE audit_events SET hash = 'h1b', prev_hash = 'h0' WHERE id = 1", APPEND_ONLY],
      // New rows arrive chained.
      [`INSERT INTO audit_events (${AUDIT_COLUMNS}) VALUES (3, 't3', 'user', 'user:1', 'Ana', NULL, 'upload', 'success', NULL, '{}')`, UNCHAINED],
      [`INSERT INTO audit_events (${AUDIT_COLUMNS}, prev_hash) VALUES (3, 't3', 'user', 'user:1', 'Ana', NULL, 'upload', 'success', NULL, '{}', 'h2')`, UNCHAINED],
      [chained, 'ok'],
      ["UPDATE audit_events SET action = 'tampered' WHERE id = 2", APPEND_ONLY],
      ['UPDATE audit_events SET details_json = details_json', APPEND_ONLY],
      // Deleting needs a permit and an anchor for it, and reaches no further than the permit.
      ['DELETE FROM audit_events WHERE id = 1', APPEND_ONLY],
      ['INSERT INTO audit_deletion_permits (up_to_id) VALUES (1)', 'ok'],
      ['DELETE FROM audit_events WHERE id = 1', APPEND_ONLY],
      ["INSERT INTO audit_chain_anchors (id, at, last_deleted_id, last_deleted_hash, deleted_rows, reason) VALUES (1, 't9', 1, 'h1', 1, 'retention')", 'ok'],
      ['DELETE FROM audit_events WHERE id = 2', APPEND_ONLY],
      ['DELETE FROM audit_events', APPEND_ONLY],
      ['DELETE FROM audit_events WHERE id = 1', 'ok'],
      ['DELETE FROM audit_deletion_permits', 'ok'],
      ['DELETE FROM audit_events WHERE id = 2', APPEND_ONLY],
      // Anchors are evidence too.
      ["UPDATE audit_chain_anchors SET reason = 'other'", ANCHORS_APPEND_ONLY],
      ['DELETE FROM audit_chain_anchors', ANCHORS_APPEND_ONLY],
    ];
    for (const [sql, expected] of cases) await expectBoth(sqlite, postgres, sql, expected);

    // TRUNCATE, which skips row triggers, is refused on PostgreSQL too (SQLite has none).
    expect(await onPostgres(postgres, 'TRUNCATE audit_events')).toEqual({ refused: APPEND_ONLY });
    expect(await onPostgres(postgres, 'TRUNCATE audit_chain_anchors')).toEqual({ refused: ANCHORS_APPEND_ONLY });

    const [left, right] = await contents(sqlite, postgres, ['audit_events', 'audit_chain_anchors', 'audit_deletion_permits']);
    expect(right).toEqual(left);
    expect(left.audit_events.map((row) => JSON.parse(row).id)).toEqual([2]);
  });

  it('refuse the same bad rows and accept the same good ones everywhere else', async () => {
    const { sqlite, postgres } = await bothMigrated();
    await execBoth(sqlite, postgres, SEED);
    const user = (id: number, email: string, role: string, organisation: string) =>
      `INSERT INTO users (id, email, name, role, organisation_id, password_hash, created_at, password_changed_at) VALUES (${id}, '${email}', 'N', '${role}', ${organisation}, 'x', 't', 't')`;
    const override = (quarter: string, dueOn: string) =>
      `INSERT INTO cycle_deadline_overrides (return_type, quarter, due_on, updated_at, updated_by) VALUES ('police', '${quarter}', '${dueOn}', 't', 'a')`;
    const approval = (id: number, unlocked: string) =>
      `INSERT INTO cycle_approvals (id, return_type, area_code, quarter, approved_at, approved_by_id, approved_by_name, unlocked_at, unlocked_by_id, unlocked_by_name, unlock_reason) VALUES (${id}, 'police', 'E09000004', '2024-25Q1', 't', 'user:1', 'Ana', ${unlocked})`;
    const measure = (id: number, multiplier: number) =>
      `INSERT INTO local_measures (id, partnership_id, measure_id, title, definition, unit, aim, numerator_label, multiplier, polarity, ci, created_at, updated_at) VALUES (${id}, 1, 'm${id}', 'T', 'D', 'u', 'a', 'n', ${multiplier}, 'higher-better', 'none', 't', 't')`;
    const cases: [string, Expected][] = [
      // Emails are one account whatever their case.
      [user(3, 'ana.analyst@example.TEST', 'board', 'NULL'), 'constraint'],
      [user(3, 'bo@example.test', 'board', 'NULL'), 'ok'],
      // Only ASCII letters fold: SQLite's NOCASE, and lower() in the C locale the cluster uses.
      [user(5, 'JOSÉ@example.test', 'board', 'NULL'), 'ok'],
      [user(6, 'josé@example.test', 'board', 'NULL'), 'ok'],
      [user(7, 'josÉ@EXAMPLE.test', 'board', 'NULL'), 'constraint'],
      // A partner belongs to an organisation; nobody else does.
      [user(4, 'p2@example.test', 'partner', 'NULL'), 'constraint'],
      [user(4, 'a2@example.test', 'analyst', '1'), 'constraint'],
      [user(4, 'x@example.test', 'superuser', 'NULL'), 'constraint'],
      ["INSERT INTO organisations (id, name, kind, created_at) VALUES (2, 'Other', 'bank', 't')", 'constraint'],
      ["INSERT INTO organisations (id, name, kind, created_at) VALUES (2, 'Bexley police', 'council', 't')", 'constraint'],
      ["INSERT INTO areas (code, name) VALUES ('E09000001', 'City')", 'constraint'],
      ["INSERT INTO submissions (id, return_type, received_at, actor_kind, actor_id, actor_name, file_format, file_sha256, row_count, periods_json, areas_json, warnings_json) VALUES (2, 'police', 't', 'user', 'user:2', 'Pat', 'pdf', 's', 0, '[]', '[]', '[]')", 'constraint'],
      // References hold.
      ["INSERT INTO return_rows (id, submission_id, return_type, area_code, period, source_row, values_json) VALUES (1, 99, 'police', 'E09000004', '2024-25Q1', 2, '{}')", 'constraint'],
      ["INSERT INTO return_rows (id, submission_id, return_type, area_code, period, source_row, values_json) VALUES (1, 1, 'police', 'W00000000', '2024-25Q1', 2, '{}')", 'constraint'],
      ["INSERT INTO return_rows (id, submission_id, return_type, area_code, period, source_row, values_json) VALUES (1, 1, 'police', 'E09000004', '2024-25Q1', 2, '{}')", 'ok'],
      // Dates are exactly YYYY-MM-DD (GLOB on SQLite, an anchored pattern here).
      [override('2024-25Q1', '2024-7-31'), 'constraint'],
      [override('2024-25Q1', '2024-07-31x'), 'constraint'],
      [override('2024-25Q1', ' 2024-07-31'), 'constraint'],
      [override('2024-25Q1', '2024-07-31\n'), 'constraint'],
      [override('2024-25Q1', '2024-07-31'), 'ok'],
      [override('2024-25Q1', '2024-08-01'), 'constraint'],
      ["INSERT INTO cycle_deadlines (return_type, days_after_quarter_end, updated_at, updated_by) VALUES ('police', 366, 't', 'a')", 'constraint'],
      ["INSERT INTO cycle_deadlines (return_type, days_after_quarter_end, updated_at, updated_by) VALUES ('police', 365, 't', 'a')", 'ok'],
      // One approval in force per key; an unlock says who and why.
      [approval(1, "'t', 'user:1', 'Ana', NULL"), 'constraint'],
      [approval(1, 'NULL, NULL, NULL, NULL'), 'ok'],
      [approval(2, 'NULL, NULL, NULL, NULL'), 'constraint'],
      ["UPDATE cycle_approvals SET unlocked_at = 't', unlocked_by_id = 'user:1', unlocked_by_name = 'Ana', unlock_reason = 'late file' WHERE id = 1", 'ok'],
      [approval(2, 'NULL, NULL, NULL, NULL'), 'ok'],
      ["INSERT INTO cycle_correction_reasons (submission_id, reason, approvals_json, recorded_at) VALUES (1, '   ', '[]', 't')", 'constraint'],
      ["INSERT INTO cycle_correction_reasons (submission_id, reason, approvals_json, recorded_at) VALUES (1, 'typo', '[]', 't')", 'ok'],
      ["INSERT INTO cycle_reminders (id, reminder_key, organisation_id, kind, return_type, quarter, due_on, areas_json, subject, body, created_at, email_status) VALUES (1, 'k', 1, 'weekly', 'police', 'q', 'd', '[]', 's', 'b', 't', 'sent')", 'constraint'],
      // Strategies run forwards over financial years.
      ["INSERT INTO strategies (id, partnership_id, title, from_year, to_year, created_at, updated_at) VALUES (2, 1, 'S', '2024-25', '2023-24', 't', 't')", 'constraint'],
      ["INSERT INTO strategies (id, partnership_id, title, from_year, to_year, created_at, updated_at) VALUES (2, 1, 'S', '2024/25', '2025-26', 't', 't')", 'constraint'],
      ["INSERT INTO strategies (id, partnership_id, title, from_year, to_year, created_at, updated_at) VALUES (2, 1, 'S', '2021-22', '2025-26', 't', 't')", 'constraint'],
      ["INSERT INTO strategies (id, partnership_id, title, from_year, to_year, created_at, updated_at) VALUES (2, 1, 'S', '2024-25', '2025-26', 't', 't')", 'ok'],
      ["INSERT INTO strategy_actions (id, strategy_id, position, title, due_on, status, created_at, updated_at) VALUES (2, 1, 2, 'A', NULL, 'stalled', 't', 't')", 'constraint'],
      ["INSERT INTO strategy_actions (id, strategy_id, position, title, due_on, status, created_at, updated_at) VALUES (2, 1, 2, 'A', '31/03/2024', 'complete', 't', 't')", 'constraint'],
      ["INSERT INTO strategy_actions (id, strategy_id, position, title, due_on, status, created_at, updated_at) VALUES (2, 1, 2, 'A', NULL, 'complete', 't', 't')", 'ok'],
      // A progress update is never rewritten; only its account link may go.
      ["INSERT INTO action_updates (id, action_id, on_date, body, author_name, created_at) VALUES (2, 1, '2022-02-01', '', 'Ana', 't')", 'constraint'],
      ["UPDATE action_updates SET body = 'Rewritten' WHERE id = 1", UPDATES_APPEND_ONLY],
      ['UPDATE action_updates SET on_date = on_date', UPDATES_APPEND_ONLY],
      ["UPDATE action_updates SET author_name = 'Someone else' WHERE id = 1", UPDATES_APPEND_ONLY],
      ['UPDATE action_updates SET author_user_id = NULL WHERE id = 1', 'ok'],
      ['DELETE FROM strategy_actions WHERE id = 1', 'ok'],
      // Commentary on a figure names its indicator and area.
      ["INSERT INTO commentary (id, partnership_id, subject_kind, subject_label, period, created_at) VALUES (1, 1, 'figure', 'L', '2024-25Q1', 't')", 'constraint'],
      ["INSERT INTO commentary (id, partnership_id, subject_kind, subject_label, period, created_at) VALUES (1, 1, 'chart', 'L', '2024-25Q1', 't')", 'constraint'],
      ["INSERT INTO commentary (id, partnership_id, subject_kind, subject_label, period, created_at) VALUES (1, 1, 'aim', 'L', '2024-25Q1', 't')", 'ok'],
      ["INSERT INTO commentary_versions (id, commentary_id, version, body, author_name, written_at) VALUES (1, 1, 0, 'b', 'Ana', 't')", 'constraint'],
      ["INSERT INTO commentary_versions (id, commentary_id, version, body, author_name, written_at) VALUES (1, 1, 1, 'b', 'Ana', 't')", 'ok'],
      ["INSERT INTO commentary_versions (id, commentary_id, version, body, author_name, written_at) VALUES (2, 1, 1, 'b', 'Ana', 't')", 'constraint'],
      // A partnership's own measures.
      [measure(1, 10), 'constraint'],
      [measure(1, 1000), 'ok'],
      ["INSERT INTO security_alerts (id, key, raised_at, kind, subject) VALUES (1, 'k', 't', 'spam', 's')", 'constraint'],
      // Data versions: one row per kind, always a number.
      ["INSERT INTO data_versions (name, version) VALUES ('figures', 1)", 'constraint'],
      ["UPDATE data_versions SET version = NULL WHERE name = 'figures'", 'constraint'],
      ["UPDATE data_versions SET version = version + 1 WHERE name = 'figures'", 'ok'],
    ];
    for (const [sql, expected] of cases) await expectBoth(sqlite, postgres, sql, expected);

    // Whatever was accepted is the same on both, to the last value.
    const tables = Object.keys(sqliteTables(sqlite)).filter((t) => t !== 'schema_migrations');
    const [left, right] = await contents(sqlite, postgres, tables);
    expect(right).toEqual(left);
    expect(left.action_updates).toEqual([]);
    expect(left.data_versions).toEqual(['{"name":"figures","version":1}', '{"name":"local-measures","version":0}']);
  });

  it('carry earlier submissions and their warnings over in 003 as SQLite does', async () => {
    const { sqlite, postgres } = await bothBefore('003_figure_warnings.sql');
    const warnings = JSON.stringify([
      { row: 1, column: 'colour', code: 'unknown-column', message: 'ignored' },
      { row: 2, column: 'charges', code: 'charges-more-than-crimes', message: "Charges (57) is more than crimes (55). It's checked." },
      { row: 2, column: null, code: 'no-column', message: 'kept out' },
      { row: 2, column: 'crimes', code: 'no-message' },
      { row: 2, column: 'crimes', code: 'second', message: 'Crimes fell by half.' },
    ]).replaceAll("'", "''");
    const submission = (id: number, actor: string, kind: string, json: string) =>
      `INSERT INTO submissions (id, return_type, received_at, actor_kind, actor_id, actor_name, file_format, file_sha256, row_count, periods_json, areas_json, warnings_json) VALUES (${id}, 'police', 't', '${kind}', '${actor}', 'n', 'csv', 's', 1, '[]', '[]', '${json}')`;
    await execBoth(
      sqlite,
      postgres,
      `
      INSERT INTO areas (code, name, type) VALUES ('E09000004', 'Bexley', 'lad');
      INSERT INTO organisations (id, name, kind, created_at) VALUES (7, 'Bexley police', 'police', 't');
      INSERT INTO users (id, email, name, role, organisation_id, password_hash, created_at, password_changed_at) VALUES (3, 'p@example.test', 'P', 'partner', 7, 'x', 't', 't');
      INSERT INTO users (id, email, name, role, organisation_id, password_hash, created_at, password_changed_at) VALUES (4, 'a@example.test', 'A', 'analyst', NULL, 'x', 't', 't');
      INSERT INTO api_tokens (id, organisation_id, name, token_hash, token_prefix, created_at) VALUES (5, 7, 'nightly', 'h', 'dap_', 't');
      ${submission(1, 'user:3', 'user', warnings)};
      ${submission(2, 'token:5', 'token', '[]')};
      ${submission(3, 'user:4', 'user', '[]')};
      ${submission(4, 'system', 'system', '[]')};
      ${submission(5, 'user:nobody', 'user', '{}')};
      INSERT INTO return_rows (id, submission_id, return_type, area_code, period, subkey, source_row, values_json) VALUES (1, 1, 'police', 'E09000004', '2019-20Q3', '', 2, '{}');
      INSERT INTO return_rows (id, submission_id, return_type, area_code, period, subkey, source_row, values_json) VALUES (2, 1, 'police', 'E09000004', '2019-20Q4', '', 3, '{}');
      `,
    );
    migrate(sqlite);
    await migratePostgres(postgres);

    const [left, right] = await contents(sqlite, postgres, ['submissions', 'row_warnings']);
    expect(right).toEqual(left);
    expect(left.submissions.map((row) => JSON.parse(row).organisation_id)).toEqual([7, 7, null, null, null]);
    expect(left.row_warnings.map((row) => JSON.parse(row))).toEqual([
      expect.objectContaining({ id: 1, row_id: 1, code: 'charges-more-than-crimes', column_name: 'charges', reads_json: '["charges"]' }),
      expect.objectContaining({ id: 2, row_id: 1, code: 'second', column_name: 'crimes', reads_json: '["crimes"]', message: 'Crimes fell by half.' }),
    ]);
  });

  it('sort text byte by byte, as SQLite does', async () => {
    const { sqlite, postgres } = await bothMigrated();
    const names = ['bexley', 'Bexley', 'Ébène', 'eden', '_under', 'Zeta', 'zeta', '10', '9', 'a b', 'ab'];
    await execBoth(sqlite, postgres, names.map((name, i) => `INSERT INTO areas (code, name, type) VALUES ('A${i}', '${name}', 'lad');`).join('\n'));
    const sql = 'SELECT name FROM areas ORDER BY name, code';
    const onSqlite = sqlite.prepare(sql).pluck().all();
    expect((await postgres.query<{ name: string }>(sql)).rows.map((r) => r.name)).toEqual(onSqlite);
    expect(onSqlite).toEqual([...names].sort());
  });
});

describe('migratePostgres', () => {
  it('applies each migration exactly once when several servers start together', async () => {
    const url = await createDatabase(cluster!.url, 'concurrent_migrations');
    const clients = Array.from({ length: 3 }, () => new pg.Client({ connectionString: url }));
    openClients.push(...clients);
    await Promise.all(clients.map((client) => client.connect()));

    const applied = await Promise.all(clients.map((client) => migratePostgres(client)));

    expect(applied.flat().sort()).toEqual(postgresMigrationFiles());
    // One server did the work; the others waited for the lock and found nothing left to do.
    expect(applied.map((names) => names.length).sort((a, b) => a - b)).toEqual([0, 0, postgresMigrationFiles().length]);
    const { rows } = await clients[0].query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((row) => row.name)).toEqual(postgresMigrationFiles());
    expect(await migratePostgres(clients[1])).toEqual([]);
    // Every session let go of the lock.
    const { rows: locks } = await clients[0].query<{ n: number }>("SELECT count(*)::integer AS n FROM pg_locks WHERE locktype = 'advisory'");
    expect(locks[0].n).toBe(0);
  });

  it('gives a database copied from a migrated template nothing more to do', async () => {
    const templateUrl = await createDatabase(cluster!.url, 'migrated_template');
    const template = new pg.Client({ connectionString: templateUrl });
    await template.connect();
    await migratePostgres(template);
    // A template is copied only while nobody is connected to it.
    await template.end();
    const copy = new pg.Client({ connectionString: await createDatabase(cluster!.url, 'from_template', 'migrated_template'), types });
    openClients.push(copy);
    await copy.connect();
    expect(await migratePostgres(copy)).toEqual([]);
    expect((await copy.query('SELECT name, version FROM data_versions ORDER BY name')).rows).toEqual([
      { name: 'figures', version: 0 },
      { name: 'local-measures', version: 0 },
    ]);
  });

  it('leaves nothing of a migration that fails, and applies it once it is fixed', async () => {
    const postgres = await freshPostgres();
    // A table in the way of migration 001 makes it fail halfway through its statements.
    await postgres.query('CREATE TABLE current_rows (x integer)');
    await expect(migratePostgres(postgres)).rejects.toThrow(/current_rows/);
    const { rows } = await postgres.query<{ n: number }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('areas', 'submissions', 'return_rows')",
    );
    expect(rows[0].n).toBe(0);
    expect((await postgres.query('SELECT name FROM schema_migrations')).rows).toEqual([]);
    await postgres.query('DROP TABLE current_rows');
    expect(await migratePostgres(postgres)).toEqual(postgresMigrationFiles());
  });
});

describe('070_data_version on SQLite', () => {
  it('adds the data versions, starting at 0, and a version on every submission, earlier ones at 0', () => {
    const sqlite = freshSqlite();
    sqlite.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
    for (const file of migrationFiles().filter((f) => f < '070')) {
      sqlite.exec(readFileSync(new URL(`../../migrations/${file}`, import.meta.url), 'utf8'));
      sqlite.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(file, 'then');
    }
    sqlite.exec(`INSERT INTO submissions (id, return_type, received_at, actor_kind, actor_id, actor_name, file_format, file_sha256, row_count, periods_json, areas_json, warnings_json)
      VALUES (1, 'police', 't', 'system', 'system', 'n', 'csv', 's', 0, '[]', '[]', '[]')`);

    expect(migrate(sqlite)).toEqual(['070_data_version.sql']);

    expect(sqlite.prepare('SELECT name, version FROM data_versions ORDER BY name').all()).toEqual([
      { name: 'figures', version: 0 },
      { name: 'local-measures', version: 0 },
    ]);
    expect(sqlite.prepare('SELECT data_version FROM submissions').pluck().all()).toEqual([0]);
    expect(sqlite.prepare("SELECT name FROM pragma_index_info('submissions_by_data_version')").pluck().all()).toEqual(['data_version']);
    expect(sqlite.prepare("SELECT \"notnull\", dflt_value FROM pragma_table_info('submissions') WHERE name = 'data_version'").get()).toEqual({ notnull: 1, dflt_value: '0' });
    // A STRICT table: a version is a whole number, never text or nothing.
    expect(() => sqlite.exec("UPDATE data_versions SET version = 'one' WHERE name = 'figures'")).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => sqlite.exec("UPDATE data_versions SET version = NULL WHERE name = 'figures'")).toThrow(/NOT NULL/);
    expect(() => sqlite.exec("INSERT INTO data_versions (name, version) VALUES ('figures', 1)")).toThrow(/UNIQUE/);
    expect(migrate(sqlite)).toEqual([]);
  });
});
