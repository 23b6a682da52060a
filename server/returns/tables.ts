// The returns repository's view of the database: the tables of server/db/tables.ts plus what
// migration 003 added (who sent a submission, by organisation, and the warnings on each stored
// row) and migration 070 (the data versions, and the figures version each submission took). Kept
// beside the repository that uses them; they belong in server/db/tables.ts once its owner takes them.
import type { Generated, Kysely, Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { Database, SubmissionsTable } from '../db/tables';

export interface RowWarningsTable {
  id: Generated<number>;
  row_id: number;
  code: string;
  column_name: string;
  /** JSON array of the columns the rule reads. */
  reads_json: string;
  /** The sentence the sender was shown: may quote figures. */
  message: string;
  /** The same warning without figures, for the suppressed view. */
  public_message: string;
}

/** How every server on one database learns that the data changed (migrations/070_data_version.sql). */
export interface DataVersionsTable {
  /** 'figures' (bumped by every stored submission) or 'local-measures'. */
  name: string;
  version: number;
}

/** The data version every stored submission moves on. */
export const FIGURES_VERSION = 'figures';

export interface ReturnsDatabase extends Omit<Database, 'submissions'> {
  submissions: SubmissionsTable & {
    /** The sending partner's organisation; null for analysts, administrators and the demo loader. */
    organisation_id: number | null;
    /** The figures version its transaction took (0 for submissions stored before versions existed). */
    data_version: Generated<number>;
  };
  row_warnings: RowWarningsTable;
  data_versions: DataVersionsTable;
}

export type ReturnsSubmissionRow = Selectable<ReturnsDatabase['submissions']>;

/** The database's one Kysely instance, typed with the returns tables (a type, not a new connection). */
export function returnsDb(db: Db): Kysely<ReturnsDatabase> {
  return db.kysely as unknown as Kysely<ReturnsDatabase>;
}
