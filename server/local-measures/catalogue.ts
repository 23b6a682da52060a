// Keeps the engine's catalogue in step with the stored measures: an administrator's new or changed
// measure is served from the next request, with no restart, on every server sharing the database.
// Before a request each server reads the measures' data version (one row, bumped in the same
// transaction as every change: store.ts) and reloads the measures when it moved.
import type { Db } from '../db/database';
import type { IndicatorCatalogue } from '../engine/catalogue';
import { localIndicator } from './indicator';
import { allLocalMeasures, localMeasuresVersion } from './store';

export class LocalCatalogueSync {
  /** The version whose measures the catalogue holds (or newer ones); -1 before the first load. */
  private version = -1;
  private readonly known = new Set<number>();

  constructor(
    private readonly db: Db,
    private readonly catalogue: IndicatorCatalogue,
  ) {}

  /** Reloads the partnerships' measures into the catalogue if they changed since the last look. */
  async sync(): Promise<void> {
    // The version is read before the measures, so measures read are never older than it says.
    const version = await localMeasuresVersion(this.db);
    if (version <= this.version) return;
    const measures = await allLocalMeasures(this.db);
    // Two requests may look at once: a look that began earlier and ends later must not put back older measures.
    if (version <= this.version) return;
    const partnerships = new Set([...this.known, ...measures.map((m) => m.partnership)]);
    for (const id of partnerships) this.catalogue.replaceLocal(id, measures.filter((m) => m.partnership === id).map(localIndicator));
    for (const id of partnerships) this.known.add(id);
    this.version = version;
  }
}
