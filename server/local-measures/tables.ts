// Table interfaces for a partnership's own measures (migrations/060_local_measures.sql), added to
// the shared Kysely instance with withTables. Row types stay inside server/local-measures.
import type { Generated, Kysely } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/tables';
import type { StrategyTables } from '../strategy/tables';

export interface LocalMeasuresTable {
  id: Generated<number>;
  partnership_id: number;
  measure_id: string;
  title: string;
  definition: string;
  unit: string;
  aim: string;
  numerator_label: string;
  denominator_label: string | null;
  multiplier: number;
  polarity: 'higher-better' | 'lower-better' | 'no-judgement';
  ci: 'wilson' | 'byar' | 'none';
  revision: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface LocalMeasureSendersTable {
  local_measure_id: number;
  organisation_id: number;
}

export type LocalMeasureTables = StrategyTables & {
  local_measures: LocalMeasuresTable;
  local_measure_senders: LocalMeasureSendersTable;
};

export type LocalMeasureKysely = Kysely<Database & LocalMeasureTables>;

export function localMeasureDb(db: Db): LocalMeasureKysely {
  return db.kysely.withTables<LocalMeasureTables>();
}
