// Table interfaces for commentary and issued board papers (migrations/041_commentary.sql), added
// to the shared Kysely instance with withTables beside the strategy tables they refer to. Row
// types stay inside server/commentary and server/board-paper; routes see API objects.
import type { Generated, Kysely } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/tables';
import type { StrategyTables } from '../strategy/tables';

export interface CommentaryTable {
  id: Generated<number>;
  partnership_id: number;
  subject_kind: 'figure' | 'measure' | 'aim';
  indicator: string | null;
  area_code: string | null;
  measure_id: number | null;
  aim_id: number | null;
  subject_label: string;
  period: string;
  created_at: string;
}

export interface CommentaryVersionsTable {
  id: Generated<number>;
  commentary_id: number;
  version: number;
  body: string;
  author_user_id: number | null;
  author_name: string;
  written_at: string;
}

export interface BoardPapersTable {
  id: Generated<number>;
  partnership_id: number;
  period: string;
  strategy_id: number | null;
  issued_at: string;
  issued_by_user_id: number | null;
  issued_by_name: string;
  snapshot_json: string;
}

// A type alias, not an interface: withTables needs a type with an implicit index signature.
export type CommentaryTables = {
  commentary: CommentaryTable;
  commentary_versions: CommentaryVersionsTable;
  board_papers: BoardPapersTable;
};

export type CommentaryKysely = Kysely<Database & StrategyTables & CommentaryTables>;

/** The shared Kysely instance, with the strategy, commentary and board paper tables known to it. */
export function commentaryDb(db: Db): CommentaryKysely {
  return db.kysely.withTables<StrategyTables & CommentaryTables>();
}
