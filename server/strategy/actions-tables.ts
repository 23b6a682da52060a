// The delivery plan's progress updates (migrations/040_delivery_plan.sql), known to Kysely beside
// the strategy tables. Row types stay inside server/strategy; routes see API objects.
import type { Generated, Kysely } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/tables';
import type { StrategyTables } from './tables';

export interface ActionUpdatesTable {
  id: Generated<number>;
  action_id: number;
  on_date: string;
  body: string;
  author_user_id: number | null;
  author_name: string;
  created_at: string;
}

// A type alias, not an interface: withTables needs a type with an implicit index signature.
export type ActionTables = StrategyTables & {
  action_updates: ActionUpdatesTable;
};

export type ActionsKysely = Kysely<Database & ActionTables>;

/** The shared Kysely instance, with the strategy and delivery plan tables known to it. */
export function actionsDb(db: Db): ActionsKysely {
  return db.kysely.withTables<ActionTables>();
}
