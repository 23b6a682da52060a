// Keeps the engine's catalogue in step with the stored measures: an administrator's new or changed
// measure is served from the next request, with no restart, on every server sharing the database
// (each looks at a cheap version of the table before a request and reloads when it moved).
import type { Db } from '../db/database';
import type { IndicatorCatalogue } from '../engine/catalogue';
import { localIndicator } from './indicator';
import { allLocalMeasures, localMeasuresVersion } from './store';

export class LocalCatalogueSync {
  private version: string | null = null;
  private readonly known = new Set<number>();

  constructor(
    private readonly db: Db,
    private readonly catalogue: IndicatorCatalogue,
  ) {}

  /** Reloads the partnerships' measures into the catalogue if they changed since the last look. */
  async sync(): Promise<void> {
    const version = await localMeasuresVersion(this.db);
    if (version === this.version) return;
    const measures = await allLocalMeasures(this.db);
    const partnerships = new Set([...this.known, ...measures.map((m) => m.partnership)]);
    for (const id of partnerships) this.catalogue.replaceLocal(id, measures.filter((m) => m.partnership === id).map(localIndicator));
    for (const id of partnerships) this.known.add(id);
    this.version = version;
  }
}
