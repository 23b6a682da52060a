// The indicators the engine serves: the shipped catalogue (schemas/indicators.ts) and, added at
// run time, each partnership's own measures (DOMAIN.md 5.9, server/local-measures). A local
// indicator belongs to one partnership: it is found by id for code that already knows the
// partnership (a strategy, a board paper), and listed only for that partnership. Who may see a
// partnership is decided by the routes; this only keeps the definitions.
import { findIndicator, type IndicatorDefinition } from '../../schemas/indicators';

export class IndicatorCatalogue {
  private readonly byPartnership = new Map<number, readonly IndicatorDefinition[]>();
  private readonly local = new Map<string, IndicatorDefinition>();

  /** A shipped indicator, or any partnership's own measure. */
  find(id: string): IndicatorDefinition | undefined {
    return findIndicator(id) ?? this.local.get(id);
  }

  /** A shipped indicator, or one of this partnership's own measures (another's is not found). */
  findFor(partnership: number, id: string): IndicatorDefinition | undefined {
    const found = this.find(id);
    return found && (found.partnership === undefined || found.partnership === partnership) ? found : undefined;
  }

  /** The partnership's own measures, in the order they were defined. */
  localOf(partnership: number): readonly IndicatorDefinition[] {
    return this.byPartnership.get(partnership) ?? [];
  }

  /** Replaces a partnership's own measures: the engine serves the new ones from the next request. */
  replaceLocal(partnership: number, indicators: readonly IndicatorDefinition[]): void {
    for (const old of this.localOf(partnership)) this.local.delete(old.id);
    for (const indicator of indicators) {
      if (indicator.partnership !== partnership) throw new Error(`${indicator.id} is not an indicator of partnership ${partnership}`);
      this.local.set(indicator.id, indicator);
    }
    this.byPartnership.set(partnership, indicators);
  }
}
