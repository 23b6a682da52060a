// Table interfaces for partnerships and strategies (migrations/030_strategy.sql), added to the
// shared Kysely instance with withTables so they stay beside the code that uses them. Row types
// stay inside server/strategy; routes see API objects.
import type { Generated, Kysely } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/tables';

export interface PartnershipsTable {
  id: Generated<number>;
  name: string;
  benchmark: string;
  created_at: string;
  updated_at: string;
}

export interface PartnershipAreasTable {
  partnership_id: number;
  area_code: string;
  position: number;
}

export interface PartnershipMembersTable {
  partnership_id: number;
  user_id: number;
}

export interface StrategiesTable {
  id: Generated<number>;
  partnership_id: number;
  title: string;
  from_year: string;
  to_year: string;
  created_at: string;
  updated_at: string;
}

export interface StrategyAimsTable {
  id: Generated<number>;
  strategy_id: number;
  position: number;
  title: string;
  description: string | null;
}

export interface StrategyMeasuresTable {
  id: Generated<number>;
  aim_id: number;
  position: number;
  indicator: string;
  area_code: string;
  baseline_period: string;
  target_json: string;
  owner: string;
}

export interface StrategyActionsTable {
  id: Generated<number>;
  strategy_id: number;
  aim_id: number | null;
  measure_id: number | null;
  position: number;
  title: string;
  lead_agency: string | null;
  lead_person: string | null;
  due_on: string | null;
  /** The timescale as the plan writes it (migration 040). */
  timescale: string | null;
  status: 'on-track' | 'at-risk' | 'off-track' | 'not-assessable' | 'complete';
  created_at: string;
  updated_at: string;
}

// A type alias, not an interface: withTables needs a type with an implicit index signature.
export type StrategyTables = {
  partnerships: PartnershipsTable;
  partnership_areas: PartnershipAreasTable;
  partnership_members: PartnershipMembersTable;
  strategies: StrategiesTable;
  strategy_aims: StrategyAimsTable;
  strategy_measures: StrategyMeasuresTable;
  strategy_actions: StrategyActionsTable;
};

export type StrategyKysely = Kysely<Database & StrategyTables>;

/** The shared Kysely instance, with the strategy tables known to it. */
export function strategyDb(db: Db): StrategyKysely {
  return db.kysely.withTables<StrategyTables>();
}
