// The keys under which a partnership's writes wait for one another (Db.serialize), in this server
// and every other on the same database. Each guards work that reads and then writes what it read:
// a name checked free and then taken, a plan's last position and the next, a comment's current
// version and the one after it. On SQLite the write lock taken at BEGIN already orders writers;
// on PostgreSQL, without these, two servers could both find a name free and one answer a 5xx.
//
// Keys are always taken in the order listed, so no two transactions wait for each other.
import type { Db } from '../db/database';

/** Partnership names, which are unique: creating a partnership or renaming one. */
export function lockPartnershipNames(db: Db): Promise<void> {
  return db.serialize('partnership-names');
}

/**
 * One partnership's strategy, delivery plan and commentary: a strategy version's aims and
 * measures replaced, and everything that links to them (actions, comments) checked and written.
 */
export function lockPartnership(db: Db, partnershipId: number): Promise<void> {
  return db.serialize(`partnership:${partnershipId}`);
}

/** The order of a strategy version's actions: the last position read and the next one written. */
export function lockDeliveryPlan(db: Db, strategyId: number): Promise<void> {
  return db.serialize(`delivery-plan:${strategyId}`);
}

/** A comment's versions: the current one read, the next written. */
export function lockComment(db: Db, commentId: number): Promise<void> {
  return db.serialize(`comment:${commentId}`);
}

/**
 * Every partnership's own measures: ids unique within a partnership and among those sharing an
 * area, and each measure's arithmetic held still while a local-measure file's rows are checked
 * against it and stored (local-measures/plugin.ts). An upload takes it after the figures version
 * (returns/store.ts); nothing that holds it takes the figures version.
 */
export function lockLocalMeasures(db: Db): Promise<void> {
  return db.serialize('local-measures');
}
